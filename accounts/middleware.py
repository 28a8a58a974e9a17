"""Deny by default: every page needs a signed-in user who has also given a second factor."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

API_PREFIX = "/api/v1/"


class LoginRequiredMiddleware(DjangoLoginRequiredMiddleware):
    """Django's middleware, except under /api/v1/, where DRF authenticates (session or token) and refuses
    with 401/403 itself (DEFAULT_PERMISSION_CLASSES is IsAuthenticated), since a token client cannot follow
    a redirect to a sign-in page."""

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponseBase | None:
        if request.path_info.startswith(API_PREFIX):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class SecondFactorRequiredMiddleware:
    """A password alone opens nothing: send the user to enter a code, or to set up an app first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponseBase | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():  # type: ignore[union-attr,attr-defined]
            return None
        if request.path_info.startswith(API_PREFIX):
            # DRF marks its views login_not_required; a half-signed-in session still opens nothing here.
            return JsonResponse({"detail": "Confirm your sign-in with a security code first."}, status=403)
        if getattr(view_func, "second_factor_not_required", False):
            return None
        if not getattr(view_func, "login_required", True) and not request.path_info.startswith("/api/"):
            return None  # a public page
        from django_otp import devices_for_user

        has_device = any(True for _ in devices_for_user(user, confirmed=True))  # type: ignore[arg-type]
        target = reverse("accounts:verify" if has_device else "accounts:set_up")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
