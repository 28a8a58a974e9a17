import re

import pytest
from django.urls import reverse

from cases import services
from cases.models import Case, CaseState
from cases.selectors import cases_visible_to

pytestmark = pytest.mark.django_db


def test_save_and_come_back_later_keeps_an_incomplete_concern_only_for_its_author(people, client_for):
    client = client_for(people.alice)
    response = client.post(
        reverse("cases:report_concern"),
        {"what_was_seen": "Fictional: half a note", "indicator_situational": ["SIT_ISOLATED"], "save_draft": "1"},
    )
    assert response.url == reverse("cases:my_drafts")
    draft = Case.objects.get()
    assert (draft.status, draft.reference) == (CaseState.DRAFT, None)
    assert list(draft.indicators.values_list("indicator_id", flat=True)) == ["SIT_ISOLATED"]
    assert "Fictional: half a note" not in client.get(reverse("cases:my_drafts")).content.decode()  # no content
    page = client.get(reverse("cases:edit_draft", args=[draft.pk])).content.decode()
    assert "Fictional: half a note" in page
    isolated = re.search(r"<input[^>]*value=\"SIT_ISOLATED\"[^>]*>", page).group(0)
    assert "checked" in isolated
    assert '<details class="govuk-details" id="signs" open>' in page  # what was ticked is on show
    # Colleagues in the same organisation, and the case list, do not see drafts.
    assert draft not in cases_visible_to(people.bob)
    assert client_for(people.bob).get(reverse("cases:edit_draft", args=[draft.pk])).status_code == 404


def test_an_incomplete_draft_cannot_be_submitted(people):
    draft = services.draft_save(
        actor=people.alice, organisation=people.org_a, data=services.ConcernData(what_was_seen="x")
    )
    with pytest.raises(services.IntakeIncomplete) as incomplete:
        services.draft_submit(actor=people.alice, draft=draft)
    assert set(incomplete.value.errors) == {"immediate_danger", "under_18", "location_description"}
    draft.refresh_from_db()
    assert draft.status == CaseState.DRAFT


def test_check_answers_shows_the_999_interruption_when_there_is_danger(people, client_for):
    client = client_for(people.alice)
    response = client.post(
        reverse("cases:report_concern"),
        {
            "immediate_danger": "YES",
            "under_18": "NO",
            "what_was_seen": "Fictional",
            "location_description": "unknown",
            "continue": "Continue",
        },
    )
    page = client.get(response.url).content.decode()
    assert "Someone is in immediate danger: call 999 now" in page
    assert "moj-interruption-card" in page


def test_a_submitted_draft_cannot_be_submitted_twice(people):
    data = services.ConcernData(
        what_was_seen="Fictional", location_description="unknown", under_18="NO", immediate_danger="NO"
    )
    draft = services.draft_save(actor=people.alice, organisation=people.org_a, data=data)
    services.draft_submit(actor=people.alice, draft=draft)
    with pytest.raises(services.NotAllowed):
        services.draft_submit(actor=people.alice, draft=draft)
    assert Case.objects.filter(status=CaseState.INTAKE_RECEIVED).count() == 1


def test_exploitation_subtypes_are_stored_under_their_parent_type(people):
    data = services.ConcernData(
        what_was_seen="Fictional",
        location_description="unknown",
        under_18="NO",
        immediate_danger="NO",
        exploitation_types=["LABOUR"],
        exploitation_subtypes=["FORCED_CRIMINALITY"],
    )
    case = services.concern_submit(actor=people.alice, organisation=people.org_a, data=data)
    assert set(case.exploitation.values_list("exploitation_type", "subtype")) == {
        ("LABOUR", ""),
        ("CRIMINAL", "FORCED_CRIMINALITY"),
    }


def test_the_session_warning_autosave_keeps_one_draft_and_answers_with_its_address(people, client_for):
    client = client_for(people.alice)
    first = client.post(
        reverse("cases:report_concern"),
        {"what_was_seen": "Fictional: typed before lunch", "save_draft": "1"},
        headers={"X-Autosave": "1"},
    )
    assert first.status_code == 200
    draft = Case.objects.get()
    assert first.json() == {"saved": True, "action": reverse("cases:edit_draft", args=[draft.pk])}
    again = client.post(
        first.json()["action"], {"what_was_seen": "Fictional: and more", "save_draft": "1"}, headers={"X-Autosave": "1"}
    )
    assert again.status_code == 200
    assert Case.objects.get().what_was_seen == "Fictional: and more"
    too_long = client.post(
        first.json()["action"], {"location_description": "x" * 201, "save_draft": "1"}, headers={"X-Autosave": "1"}
    )
    assert too_long.status_code == 400 and "location_description" in too_long.json()["errors"]
