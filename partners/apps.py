from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """The operational partnership (SHOP): case review meetings, actions, minutes. Uses cases and survivors."""

    name = "partners"
