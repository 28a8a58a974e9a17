"""Index the audit log by the case a change belongs to, so a case's Audit tab does not scan the whole log.

Notes, tasks, documents and shares put `case_id` in django-auditlog's `additional_data` (their
`get_additional_data`); the Audit tab looks them up with `additional_data__case_id`, which PostgreSQL compiles to
`(additional_data -> 'case_id') = '<id>'`. This is that expression's index. SQLite (development only) gets none.
"""

from django.db import migrations

INDEX = "auditlog_logentry_case_id"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON auditlog_logentry ((additional_data -> 'case_id'))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("auditlog", "0017_add_actor_email"),
        ("cases", "0004_case_reference_prefix_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
