from typing import Any

from auditlog.context import auditlog_value
from rest_framework.authentication import TokenAuthentication
from rest_framework.request import Request


class AuditedTokenAuthentication(TokenAuthentication):
    """Token sign-in for API clients that also names the token's user as the actor of audited changes.

    django-auditlog's middleware runs before DRF authenticates, so for a token request it saw no user; this
    puts the user into the request's audit context once the token is known.
    """

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        result = super().authenticate(request)
        if result is not None:
            context = auditlog_value.get(None)
            if context is not None:
                context["actor"] = result[0]
        return result
