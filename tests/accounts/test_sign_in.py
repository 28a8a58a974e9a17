import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"
SIGN_IN = reverse("accounts:sign_in")


def sign_in_with_password(client, email, password=PASSWORD, next_url=""):
    return client.post(SIGN_IN, {"username": email, "password": password, "next": next_url})


@pytest.fixture
def user_with_backup_code(db):
    user = UserFactory(email="sam@test.example")
    device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    StaticToken.objects.create(device=device, token="abcd2345")
    return user


def test_wrong_password_gets_one_message_keeps_the_email_and_is_audited(client, user_with_backup_code):
    response = sign_in_with_password(client, "sam@test.example", "wrong-password")
    body = response.content.decode()
    assert response.status_code == 200
    assert "The email address or password is not right" in body
    assert 'value="sam@test.example"' in body
    event = AuditEvent.objects.get(action="accounts.sign_in.failed")
    assert event.object_pk == str(user_with_backup_code.pk)


def test_unknown_email_gets_the_same_message(client, db):
    body = sign_in_with_password(client, "nobody@test.example").content.decode()
    assert "The email address or password is not right" in body
    assert AuditEvent.objects.get(action="accounts.sign_in.failed").extra == {"unknown_account": True}


def test_empty_form_lists_both_errors(client, db):
    body = client.post(SIGN_IN, {"username": "", "password": ""}).content.decode()
    assert "Enter your email address" in body and "Enter your password" in body


def test_five_failures_lock_the_account_even_with_the_right_password(client, user_with_backup_code, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in_with_password(client, "sam@test.example", "wrong-password")
    response = sign_in_with_password(client, "sam@test.example")
    assert response.status_code == 429
    assert "Your account is locked for now" in response.content.decode()
    assert AuditEvent.objects.filter(action="accounts.sign_in.locked_out").exists()
    assert "_auth_user_id" not in client.session


def test_password_then_backup_code_signs_in_and_returns_to_the_page_asked_for(client, user_with_backup_code):
    response = sign_in_with_password(client, "sam@test.example", next_url="/cases/report-a-concern/")
    assert response.url == reverse("accounts:verify")
    # A password alone opens nothing.
    assert client.get(reverse("cases:my_cases")).url.startswith(reverse("accounts:verify"))
    wrong = client.post(reverse("accounts:verify"), {"code": "zzzz9999"})
    assert "The security code is not right" in wrong.content.decode()
    assert AuditEvent.objects.filter(action="accounts.second_factor.failed").count() == 1
    right = client.post(reverse("accounts:verify"), {"code": "abcd 2345"})
    assert right.url == "/cases/report-a-concern/"
    assert client.get(reverse("cases:my_cases")).status_code == 200
    assert AuditEvent.objects.filter(action="accounts.sign_in.succeeded").count() == 1
    # A backup code works once.
    assert not StaticToken.objects.filter(token="abcd2345").exists()


def test_next_cannot_send_the_user_to_another_site(client, user_with_backup_code):
    sign_in_with_password(client, "sam@test.example", next_url="https://evil.example/")
    response = client.post(reverse("accounts:verify"), {"code": "abcd2345"})
    assert response.url == reverse("cases:my_cases")


def test_a_new_user_must_set_up_an_app_and_is_shown_backup_codes(client, db):
    user = UserFactory(email="new@test.example")
    response = sign_in_with_password(client, "new@test.example")
    assert response.url == reverse("accounts:set_up")
    page = client.get(reverse("accounts:set_up"))
    assert "Setup key" in page.content.decode()
    assert client.get(reverse("cases:my_cases")).url.startswith(reverse("accounts:set_up"))
    device = TOTPDevice.objects.get(user=user)
    bad = client.post(reverse("accounts:set_up"), {"code": "000000" if totp(device.bin_key) != 0 else "111111"})
    assert "The security code is not right" in bad.content.decode()
    good = client.post(reverse("accounts:set_up"), {"code": f"{totp(device.bin_key):06d}"})
    assert good.url == reverse("accounts:backup_codes")
    codes_page = client.get(reverse("accounts:backup_codes")).content.decode()
    tokens = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(tokens) == 10 and all(token in codes_page for token in tokens)
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(action="accounts.second_factor.enrolled", actor=user).exists()
    # Shown once only.
    assert client.get(reverse("accounts:backup_codes")).status_code == 302


def test_an_idle_session_ends_and_the_user_must_sign_in_again(client_for, people, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    client = client_for(people.alice)
    assert client.get(reverse("cases:my_cases")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    response = client.get(reverse("cases:my_cases"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))


def test_each_request_pushes_the_idle_limit_on(client_for, people):
    client = client_for(people.alice)
    Session.objects.update(expire_date=timezone.now() + timezone.timedelta(minutes=1))
    client.get(reverse("cases:my_cases"))
    assert Session.objects.get().expire_date > timezone.now() + timezone.timedelta(minutes=29)


def test_sign_out_ends_the_session(client_for, people):
    client = client_for(people.alice)
    response = client.post(reverse("accounts:sign_out"), follow=True)
    assert "You have signed out" in response.content.decode()
    assert client.get(reverse("cases:my_cases")).status_code == 302
    assert AuditEvent.objects.filter(action="accounts.sign_out", actor=people.alice).exists()
