"""Sign in with a password and a backup code, report a concern, find the case and its audit tab."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role
from tests.browser.people import PASSWORD, member_with_backup_code, sign_in
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_report_a_concern_and_see_the_case(page, assert_accessible):
    member_with_backup_code(
        "pat@test.example",
        "journey1",
        Role.CASE_WORKER,
        OrganisationFactory(name="Fictional Council"),
        first_name="Pat",
        last_name="Lane",
    )

    page.goto("/cases/")
    assert "/sign-in/" in page.url
    assert_accessible(page)
    page.get_by_label("Email address").fill("pat@test.example")
    page.get_by_label("Password").fill("wrong-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("The email address or password is not right").first.wait_for()
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("heading", name="Enter your security code").wait_for()
    assert_accessible(page)
    page.get_by_label("Security code").fill("journey1")
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("heading", name="Cases").wait_for()
    assert "There are no cases for you to see yet" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Report a concern").first.click()
    page.get_by_role("heading", name="Report a concern").wait_for()
    assert_accessible(page)
    page.get_by_label("What did you see or hear?").fill("Fictional: a man working in a car wash late at night.")
    page.get_by_role("button", name="Continue").click()
    page.get_by_text("There is a problem").wait_for()
    assert_accessible(page)
    assert page.get_by_label("What did you see or hear?").input_value().startswith("Fictional: a man")

    page.get_by_role("group", name="Is anyone in immediate danger?").get_by_label("No", exact=True).check()
    page.get_by_role("group", name="Is the person under 18?").get_by_label("No", exact=True).check()
    page.get_by_label("Where was this?").fill("Fictional Street car wash")
    page.get_by_text("Signs of modern slavery and type of exploitation (optional)").click()
    page.get_by_label("Does not know their address").check()
    page.get_by_label("Labour").check()
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("heading", name="Check your answers before submitting").wait_for()
    assert "Does not know their address" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Submit concern").click()

    page.get_by_role("heading", name="Concern submitted").wait_for()
    reference = re.search(r"MS-\d{4}-\d{5}", page.inner_text(".govuk-panel")).group(0)
    assert_accessible(page)

    page.get_by_role("link", name="View the case").click()
    page.get_by_role("heading", name="Summary").wait_for()
    assert "car wash late at night" in page.content()
    assert_accessible(page)

    # Triage: lead worker and risk, with a reason.
    page.get_by_role("link", name="Triage").click()
    assert_accessible(page)
    page.get_by_label("Lead worker").select_option(label="Pat Lane")
    page.get_by_label("Medium").check()
    page.get_by_label("Why this risk level?").fill("Likely labour exploitation, no immediate danger.")
    page.get_by_role("button", name="Save triage").click()
    page.get_by_text("Triage saved.").wait_for()
    assert "Lead: Pat Lane" in page.inner_text(".moj-identity-bar")

    # Signs of exploitation: say how the sign ticked at intake is known, with a note.
    page.get_by_role("link", name="Change signs of exploitation").click()
    page.get_by_role("heading", name="Signs of exploitation").wait_for()
    page.get_by_label("Note on 'Does not know their address' (optional)").fill("He said he is driven to work.")
    page.get_by_role("button", name="Save signs").click()
    page.get_by_text("There is a problem").wait_for()
    assert_accessible(page)
    assert page.get_by_label("Note on 'Does not know their address' (optional)").input_value().startswith("He said")
    page.get_by_role("group", name="Does not know their address").get_by_label("Reported").check()
    page.get_by_role("button", name="Save signs").click()
    page.get_by_text("Signs of exploitation saved.").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the summary").click()
    page.get_by_role("heading", name="Summary").wait_for()
    assert "Does not know their address (Reported): He said he is driven to work." in page.content()

    # Move on to assessment, then close with a reason.
    page.get_by_role("link", name="Change status").click()
    page.get_by_label("Start assessment").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The case is now 'Assessment'.").wait_for()
    page.get_by_role("link", name="Change status").click()
    assert_accessible(page)
    page.get_by_label("Close the case").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Select why the case is being closed").first.wait_for()
    page.get_by_label("Close the case").check()
    page.get_by_label("If closing: why?").select_option(label="Support completed")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The case is now 'Closed'.").wait_for()

    page.get_by_role("link", name="Timeline").click()
    timeline = page.inner_text(".moj-timeline")
    assert "Concern reported" in timeline and "Triaged" in timeline and "Support completed" in timeline
    assert_accessible(page)

    page.get_by_role("link", name="Audit").click()
    table = page.inner_text("table")
    assert "Reported the concern" in table and "Viewed the case" in table and "Pat Lane" in table
    assert_accessible(page)

    page.get_by_role("link", name="Cases", exact=True).click()
    page.get_by_label("Closed").check()
    page.get_by_role("button", name="Apply filters").click()
    assert reference in page.inner_text("table")
    assert_accessible(page)


def test_first_sign_in_sets_up_an_authenticator_app(page, assert_accessible):
    user = MembershipFactory(user=UserFactory(email="new@test.example"), role=Role.FRONTLINE).user
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill("new@test.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Set up your authenticator app").wait_for()
    assert_accessible(page)
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("Security code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Confirm and continue").click()
    page.get_by_role("heading", name="Save your backup codes").wait_for()
    assert_accessible(page)
    assert len(page.locator("ul[aria-label='Backup codes'] li").all()) == 10


def test_the_session_warning_saves_the_concern_as_a_draft(page, assert_accessible, settings):
    settings.SESSION_COOKIE_AGE = 5 * 60 + 2  # the warning shows 5 minutes before the end: after 2 seconds
    user = member_with_backup_code("slow@test.example", "journey2", Role.FRONTLINE)
    sign_in(page, "slow@test.example", "journey2")
    page.goto("/cases/report-a-concern/")
    page.get_by_label("What did you see or hear?").fill("Fictional: typed, then called away.")
    page.get_by_role("heading", name="You will be signed out soon").wait_for()
    page.get_by_text("Your answers so far have been saved as a draft").wait_for()
    assert page.evaluate("document.activeElement.id") == "session-warning-stay"
    assert_accessible(page)
    from cases.models import Case, CaseState

    draft = Case.objects.get(created_by=user)
    assert (draft.status, draft.what_was_seen) == (CaseState.DRAFT, "Fictional: typed, then called away.")
