"""Load the indicator catalogue (DOMAIN.md §4.3). Codes are stable; labels may later be reworded in admin."""

from django.db import migrations


def load(apps, schema_editor):
    from cases.taxonomy import INDICATORS

    Indicator = apps.get_model("cases", "Indicator")
    for order, (code, group, label) in enumerate(INDICATORS):
        Indicator.objects.update_or_create(code=code, defaults={"group": group, "label": label, "order": order})


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_intake_lifecycle_tasks_notes_documents_sharing")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
