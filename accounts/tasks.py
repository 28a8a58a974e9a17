from celery import shared_task

from accounts.services import sessions_clear_expired


@shared_task(acks_late=True)
def clear_expired_sessions() -> int:
    """Delete sessions past their expiry (idle sign-outs leave rows behind). Safe to run any number of times."""
    return sessions_clear_expired()
