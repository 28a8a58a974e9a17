from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Cases"

    def ready(self) -> None:
        from cases.visibility import forget_permission_ids

        # A migration or a flush may replace permission rows; the visibility rule caches one id.
        post_migrate.connect(forget_permission_ids, dispatch_uid="cases.forget_permission_ids")
