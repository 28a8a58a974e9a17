"""People for the browser journeys: a member of an organisation with one backup code, and signing in as them."""

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from accounts.models import Organisation, Role, User
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

PASSWORD = "a-long-test-password-1"  # tests.factories.UserFactory's


def member_with_backup_code(
    email: str, code: str, role: Role, organisation: Organisation | None = None, **names: str
) -> User:
    user = MembershipFactory(
        user=UserFactory(email=email, **names), organisation=organisation or OrganisationFactory(), role=role
    ).user
    device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    StaticToken.objects.create(device=device, token=code)
    return user


def sign_in(page, email: str, code: str) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Security code").fill(code)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Cases").wait_for()
