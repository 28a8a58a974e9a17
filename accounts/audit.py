"""The one path that writes audit rows for things that are not field changes.

Field changes of registered models are written by django-auditlog (settings.AUDITLOG_INCLUDE_TRACKING_MODELS).
Everything else (reads, sign-ins, exports, notifications) is an AuditEvent written here. Actions are dotted,
stable and listed below with the words the Audit tab shows, so an unknown action fails at once.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest

from accounts.models import AuditEvent, User

ACTIONS: dict[str, str] = {
    "accounts.sign_in.succeeded": "Signed in with a password",
    "accounts.sign_in.failed": "Failed to sign in",
    "accounts.sign_in.locked_out": "Account locked after repeated failed sign-ins",
    "accounts.second_factor.verified": "Confirmed sign-in with a security code",
    "accounts.second_factor.failed": "Entered a wrong security code",
    "accounts.second_factor.enrolled": "Set up an authenticator app",
    "accounts.sign_out": "Signed out",
    "cases.case.submitted": "Reported the concern",
    "cases.case.viewed": "Viewed the case",
    "cases.case.audit_viewed": "Viewed the case's audit log",
    "cases.case.api_viewed": "Viewed the case through the API",
    "cases.case.triage_notified": "Told the triage inbox about the new concern",
    "cases.case.managers_alerted": "Alerted the organisation's managers",
    "cases.share.granted": "Shared the case with another organisation",
    "cases.share.revoked": "Ended a share with another organisation",
    "cases.document.downloaded": "Downloaded a document",
    "cases.document.orphans_removed": "Removed stored files left by uploads that did not complete",
}


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_event(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    request: HttpRequest | None = None,
    extra: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event. `obj`'s str() is stored, so it must never carry identity (cases give a reference)."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}: add it to accounts.audit.ACTIONS.")
    event = AuditEvent(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        remote_addr=_client_ip(request),
        extra=extra or {},
    )
    if obj is not None:
        event.content_type = ContentType.objects.get_for_model(obj)
        event.object_pk = str(obj.pk)
        event.object_repr = str(obj)[:100]
    event.save()
    return event


def audit_access(*, actor: User, obj: models.Model, request: HttpRequest | None = None, action: str = "") -> AuditEvent:
    """Record that `actor` read `obj` (default action: `<app>.<model>.viewed`)."""
    meta = obj._meta
    return audit_event(
        actor=actor, action=action or f"{meta.app_label}.{meta.model_name}.viewed", obj=obj, request=request
    )
