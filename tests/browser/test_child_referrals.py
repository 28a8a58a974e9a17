"""R1 in a real browser: a child's case is held back until its referrals are recorded, and the page says why."""

import pytest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from accounts.models import Role
from cases.models import CaseState
from tests.factories import CaseFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password-1"


def sign_in(page, email: str, code: str) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Security code").fill(code)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Cases").wait_for()


def test_a_childs_case_closes_only_after_its_referrals_are_recorded(page, assert_accessible):
    organisation = OrganisationFactory(name="Fictional Council")
    user = MembershipFactory(
        user=UserFactory(email="sam@test.example", first_name="Sam", last_name="Reed"),
        organisation=organisation,
        role=Role.CASE_WORKER,
    ).user
    device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    StaticToken.objects.create(device=device, token="child001")
    case = CaseFactory(
        owning_organisation=organisation, created_by=user, status=CaseState.SUPPORT_ONGOING, is_child=True
    )
    sign_in(page, "sam@test.example", "child001")

    page.goto(f"/cases/{case.reference}/")
    page.get_by_role("link", name="Change status").click()
    page.get_by_label("Close the case").check()
    page.get_by_label("If closing: why?").select_option(label="Support completed")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("an exception is recorded on the Referrals tab").first.wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Referrals", exact=True).click()
    page.get_by_role("heading", name="A child's referrals").wait_for()
    assert_accessible(page)
    page.get_by_label("Which organisation made the referrals?").fill("Fictional County Police")
    page.get_by_role("button", name="Record the exception").click()
    page.get_by_text("There is a problem").wait_for()
    assert_accessible(page)
    assert page.get_by_label("Which organisation made the referrals?").input_value() == "Fictional County Police"
    page.get_by_label("NRM referral reference").fill("NRM-FICT-7")
    page.get_by_label("Why this case has no referrals of its own").fill("Police referred her on the night.")
    page.get_by_role("button", name="Record the exception").click()
    page.get_by_text("Exception recorded.").wait_for()
    assert "NRM-FICT-7" in page.inner_text("dl")
    assert_accessible(page)

    page.get_by_role("link", name="Change status").click()
    page.get_by_label("Close the case").check()
    page.get_by_label("If closing: why?").select_option(label="Support completed")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The case is now 'Closed'.").wait_for()
