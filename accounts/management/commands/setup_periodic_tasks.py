"""Every beat schedule, in one place. Upserts, so running it at each deploy (and each `make run`) is safe."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django_celery_beat.models import CrontabSchedule, PeriodicTask

SCHEDULES: list[dict[str, Any]] = [
    {
        "name": "Clear expired sessions",
        "task": "accounts.tasks.clear_expired_sessions",
        "crontab": {"minute": "15", "hour": "3"},
    },
    {
        "name": "Daily task digest",
        "task": "cases.tasks.send_task_digests",
        "crontab": {"minute": "0", "hour": "7"},
    },
    {
        "name": "Remove files of uploads that did not complete",
        "task": "cases.tasks.sweep_orphan_documents",
        "crontab": {"minute": "45", "hour": "3"},
    },
]


class Command(BaseCommand):
    help = "Create or update every periodic task the service runs (django-celery-beat)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        for spec in SCHEDULES:
            crontab, _ = CrontabSchedule.objects.get_or_create(timezone="Europe/London", **spec["crontab"])
            task, created = PeriodicTask.objects.update_or_create(
                name=spec["name"], defaults={"task": spec["task"], "crontab": crontab, "enabled": True}
            )
            self.stdout.write(f"{'Created' if created else 'Updated'} periodic task: {task.name}")
