from celery import shared_task
from django.conf import settings

from cases.services import triage_notification_send


@shared_task(acks_late=True)
def notify_triage_queue(case_id: int) -> bool:
    """Tell the owning organisation's triage inbox about a new concern (safe to run twice)."""
    return triage_notification_send(case_id=case_id, site_url=settings.SITE_URL)
