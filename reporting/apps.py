from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """Quarterly SASP returns with disclosure control. Reads other apps; nothing imports it."""

    name = "reporting"
