import datetime

from celery import shared_task
from django.utils import timezone

from cases import services


@shared_task(acks_late=True)
def notify_triage_queue(case_id: int) -> bool:
    """Tell the owning organisation's triage inbox about a new concern (safe to run twice)."""
    return services.triage_notification_send(case_id=case_id)


@shared_task(acks_late=True)
def notify_managers_of_immediate_risk(case_id: int, cause: str) -> int:
    return services.managers_alert_send(
        case_id=case_id, cause=cause, subject="Immediate risk", what="Immediate risk was recorded"
    )


@shared_task(acks_late=True)
def notify_managers_of_emergency_share(case_id: int, cause: str) -> int:
    return services.managers_alert_send(
        case_id=case_id,
        cause=cause,
        subject="Emergency share",
        what="A case was shared in an emergency with an organisation outside your sharing agreements",
    )


@shared_task(acks_late=True)
def send_task_digests(day: str | None = None) -> int:
    """Daily: one email per person with tasks due or overdue. Never twice for the same day."""
    return services.task_digests_send(day=datetime.date.fromisoformat(day) if day else timezone.localdate())


@shared_task(acks_late=True)
def sweep_orphan_documents() -> int:
    """Daily: remove stored files that no document points at (left by a rolled-back upload)."""
    return services.documents_sweep_orphans()
