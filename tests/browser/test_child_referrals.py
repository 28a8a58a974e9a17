"""R1 in a real browser: a child's case is held back until its referrals are recorded, and the page says why."""

import pytest

from accounts.models import Role
from cases.models import CaseState
from tests.browser.people import member_with_backup_code, sign_in
from tests.factories import CaseFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_childs_case_closes_only_after_its_referrals_are_recorded(page, assert_accessible):
    organisation = OrganisationFactory(name="Fictional Council")
    user = member_with_backup_code("sam@test.example", "child001", Role.CASE_WORKER, organisation, first_name="Sam")
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
