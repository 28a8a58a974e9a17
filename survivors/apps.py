from django.apps import AppConfig


class SurvivorsConfig(AppConfig):
    """The person (identity kept apart), consent, needs and care plans. Depends on cases."""

    name = "survivors"
