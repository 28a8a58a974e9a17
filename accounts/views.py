"""Sign-in in two steps (password, then a security code), first-time set-up of an authenticator app, sign-out."""

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login

from accounts import services
from accounts.audit import audit_event
from accounts.decorators import second_factor_not_required
from accounts.forms import SecurityCodeForm, SignInForm
from accounts.models import User

BACKUP_CODE_COUNT = 10
_SESSION_NEXT = "sign_in_next"
_SESSION_NEW_CODES = "new_backup_codes"


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


def _has_confirmed_device(user: User) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


@login_not_required
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next")
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        auth_login(request, user)
        request.session[_SESSION_NEXT] = _safe_next(request, next_url)
        return redirect("accounts:verify" if _has_confirmed_device(user) else "accounts:set_up")
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "next": next_url or "", "timed_out": request.GET.get("timed_out") == "1"},
    )


def _finish_sign_in(request: HttpRequest) -> HttpResponse:
    return redirect(_safe_next(request, request.session.pop(_SESSION_NEXT, None) or request.GET.get("next")))


@second_factor_not_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if user.is_verified():  # type: ignore[attr-defined]
        return _finish_sign_in(request)
    if not _has_confirmed_device(user):
        return redirect("accounts:set_up")
    form = SecurityCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            audit_event(actor=user, action="accounts.second_factor.verified", obj=user, request=request)
            return _finish_sign_in(request)
        audit_event(actor=user, action="accounts.second_factor.failed", obj=user, request=request)
        form.add_error("code", "The security code is not right. Check it and try again.")
    return render(request, "accounts/verify.html", {"form": form})


@second_factor_not_required
@require_http_methods(["GET", "POST"])
def set_up(request: HttpRequest) -> HttpResponse:
    """First sign-in: add an authenticator app, confirm it with a code, then show backup codes once."""
    user: User = request.user  # type: ignore[assignment]
    if _has_confirmed_device(user):
        return redirect("accounts:verify")
    device = services.totp_device_for_enrolment(user=user)
    form = SecurityCodeForm(request.POST or None, button="Confirm and continue")
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            form.add_error("code", "You entered too many wrong codes. Wait a minute, then try again.")
        elif device.verify_token(form.cleaned_data["code"]):
            codes = services.enrolment_confirm(user=user, device=device, backup_codes=BACKUP_CODE_COUNT)
            otp_login(request, device)
            audit_event(actor=user, action="accounts.second_factor.enrolled", obj=user, request=request)
            request.session[_SESSION_NEW_CODES] = codes
            return redirect("accounts:backup_codes")
        else:
            form.add_error("code", "The security code is not right. Check the time on your phone and try again.")
    secret = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/set_up.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr_data_uri": qr.svg_data_uri(scale=4, dark="#0b0c0c"),
        },
    )


def backup_codes(request: HttpRequest) -> HttpResponse:
    codes = request.session.pop(_SESSION_NEW_CODES, None)
    if not codes:
        return _finish_sign_in(request)
    return render(request, "accounts/backup_codes.html", {"codes": codes})


@login_not_required
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    messages.success(request, "You have signed out.")
    return redirect("accounts:sign_in")


@require_http_methods(["GET"])
def keep_alive(request: HttpRequest) -> HttpResponse:
    """Touched by the session warning's "Stay signed in": any request renews the 30-minute idle limit."""
    return HttpResponse(status=204)
