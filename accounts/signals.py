"""Sign-in events go to the audit log whatever path they come by (web form, admin, API session).

These receivers only record; they hold no business logic.
"""

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from accounts.audit import audit_event
from accounts.models import User


def _user_for(username: str | None) -> User | None:
    if not username:
        return None
    return get_user_model().objects.filter(email__iexact=username).first()


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    audit_event(actor=user, action="accounts.sign_in.succeeded", obj=user, request=request)


@receiver(user_login_failed)
def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    user = _user_for(credentials.get("username"))
    audit_event(
        actor=None,
        action="accounts.sign_in.failed",
        obj=user,
        request=request,
        extra={} if user else {"unknown_account": True},
    )


@receiver(user_locked_out)
def _locked_out(sender: Any, request: HttpRequest | None, username: str | None, **kwargs: Any) -> None:
    audit_event(actor=None, action="accounts.sign_in.locked_out", obj=_user_for(username), request=request)


@receiver(user_logged_out)
def _signed_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        audit_event(actor=user, action="accounts.sign_out", obj=user, request=request)
