import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from cases.models import Case
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

VALID = {
    "immediate_danger": "NO",
    "under_18": "YES",
    "what_was_seen": "Fictional: a boy selling from a car outside the school at night.",
    "location_description": "Fictional Road",
    "reporter_phone": "01632 960000",
    "indicator_child": ["CHD_UNEXPLAINED_ITEMS", "CHD_OLDER_ASSOCIATES"],
    "exploitation_types": ["CRIMINAL"],
    "county_lines": "on",
    "continue": "Continue",
}


def report(client, data=VALID, **kwargs):
    """Fill the form, continue to check answers, and submit, as a person would."""
    answers = client.post(reverse("cases:report_concern"), data, **kwargs)
    assert answers.status_code == 302, answers.content.decode()[:3000]
    return client.post(answers.url, follow=True)


def test_report_a_concern_shows_the_reference_and_child_pathway(people, client_for):
    client = client_for(people.frank)
    response = report(client)
    case = Case.objects.get()
    assert response.status_code == 200
    body = response.content.decode()
    assert case.reference in body
    assert "treated as a child" in body
    assert "Children's services have not been told yet" in body  # the question was not answered
    assert case.created_by == people.frank


def test_the_age_questions_are_kept_and_shown_and_the_warning_goes_once_childrens_services_know(people, client_for):
    client = client_for(people.frank)
    body = report(client, {**VALID, "childrens_services_contacted": "YES", "ictg_referred": "NOT_SURE"}).content
    case = Case.objects.get()
    assert (case.childrens_services_contacted, case.ictg_referred) == ("YES", "NOT_SURE")
    assert "Children's services have not been told yet" not in body.decode()
    page = client_for(people.alice).get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "children's services contacted: Yes" in page and "referred to a guardian: Not sure" in page


def test_an_adult_exploited_as_a_child_is_recorded(people, client_for):
    client = client_for(people.alice)
    report(client, {**VALID, "under_18": "NO", "under_18_when_exploited": "YES"})
    case = Case.objects.get()
    assert (case.is_child, case.under_18_when_exploited) == (False, "YES")
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "under 18 when the exploitation began: Yes" in page


def test_a_failed_submit_keeps_what_was_typed_and_lists_the_errors(people, client_for):
    client = client_for(people.alice)
    typed = {**VALID, "under_18": "", "location_description": "x" * 201}
    response = client.post(reverse("cases:report_concern"), typed)
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Select whether the person is under 18" in body
    assert "Where this was must be 200 characters or fewer" in body
    assert VALID["what_was_seen"] in body  # nothing typed is lost
    assert "01632 960000" in body
    assert body.startswith("<!DOCTYPE html>") and "<title>Error: " in body
    assert not Case.objects.exists()


def test_a_user_in_several_organisations_chooses_one_and_cannot_pick_another(people, client_for):
    from accounts.models import Role
    from tests.factories import MembershipFactory

    MembershipFactory(user=people.alice, organisation=people.org_b, role=Role.FRONTLINE)
    client = client_for(people.alice)
    page = client.get(reverse("cases:report_concern")).content.decode()
    assert "Which organisation are you reporting for?" in page
    response = client.post(reverse("cases:report_concern"), {**VALID, "organisation": people.org_c.pk})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    report(client, {**VALID, "organisation": people.org_b.pk})
    assert Case.objects.get().owning_organisation == people.org_b


def test_analyst_is_told_they_cannot_report(people, client_for):
    response = client_for(people.erin).get(reverse("cases:report_concern"))
    assert response.status_code == 403
    assert "cannot report a concern" in response.content.decode()


def test_case_page_is_shown_and_the_read_is_audited(people, client_for, case_a):
    response = client_for(people.bob).get(reverse("cases:detail", args=[case_a.reference]))
    assert response.status_code == 200
    assert case_a.what_was_seen in response.content.decode()
    event = AuditEvent.objects.get(action="cases.case.viewed")
    assert (event.actor, event.object_pk) == (people.bob, str(case_a.pk))


@pytest.mark.parametrize("name", ["cases:detail", "cases:audit", "cases:submitted"])
def test_other_organisation_gets_404_like_a_missing_case_and_nothing_is_logged_as_read(
    people, client_for, case_a, name
):
    client = client_for(people.charlie)
    other = client.get(reverse(name, args=[case_a.reference]))
    missing = client.get(reverse(name, args=["MS-1999-99999"]))
    assert other.status_code == missing.status_code == 404
    assert "Page not found" in other.content.decode()
    assert not AuditEvent.objects.filter(action__startswith="cases.case.").exists()


def test_case_list_shows_only_visible_cases(people, client_for, case_a, shared_case):
    other = CaseFactory(owning_organisation=people.org_b, created_by=people.charlie)
    body = client_for(people.dana).get(reverse("cases:my_cases")).content.decode()
    assert shared_case.reference in body
    assert case_a.reference not in body
    assert other.reference not in body


def test_case_list_empty_state(people, client_for):
    body = client_for(people.charlie).get(reverse("cases:my_cases")).content.decode()
    assert "There are no cases for you to see yet" in body


def test_case_list_runs_a_fixed_number_of_queries(people, client_for, django_assert_max_num_queries):
    client = client_for(people.alice)
    for _ in range(3):
        CaseFactory(owning_organisation=people.org_a, created_by=people.alice)
    with django_assert_max_num_queries(14) as few:
        client.get(reverse("cases:my_cases"))
    for _ in range(20):
        CaseFactory(owning_organisation=people.org_a, created_by=people.alice)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("cases:my_cases"))


def test_audit_tab_lists_who_created_and_viewed(people, client_for, django_capture_on_commit_callbacks):
    client = client_for(people.alice)
    report(client)
    case = Case.objects.get()
    client.get(reverse("cases:detail", args=[case.reference]))
    body = client_for(people.bob).get(reverse("cases:audit", args=[case.reference])).content.decode()
    assert "Reported the concern" in body
    assert "Viewed the case" in body
    assert "Created" in body  # the django-auditlog entry for the new row
    assert str(people.alice) in body


def test_audit_log_masks_free_text(people, client_for):
    from auditlog.models import LogEntry

    report(client_for(people.alice))
    entries = LogEntry.objects.get_for_object(Case.objects.get())
    assert entries.exists()
    for entry in entries:
        assert VALID["what_was_seen"] not in str(entry.changes)
        assert VALID["location_description"] not in str(entry.changes)
        assert entry.actor == people.alice
