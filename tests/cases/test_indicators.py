"""Signs of exploitation: each recorded as observed or reported, with a note (DOMAIN.md §4.3)."""

import dataclasses

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from accounts.models import AuditEvent
from cases import services
from cases.models import CaseEvent, CaseIndicator, CaseState
from cases.services import IndicatorChange
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

INJURY, EXHAUSTION, NEGLECT, UNTREATED = "PHY_ASSAULT_INJURY", "PHY_EXHAUSTION", "PHY_NEGLECT", "PHY_UNTREATED"


@pytest.fixture
def case_with_signs(people):
    case = CaseFactory(owning_organisation=people.org_a, created_by=people.frank, status=CaseState.TRIAGE)
    for code in (INJURY, EXHAUSTION, NEGLECT):
        CaseIndicator.objects.create(case=case, indicator_id=code)
    return case


def recorded(case):
    return {row.indicator_id: (row.mode, row.note) for row in case.indicators.all()}


def test_a_case_worker_says_how_each_sign_is_known_adds_one_and_removes_one(people, client_for, case_with_signs):
    case = case_with_signs
    url = reverse("cases:indicators", args=[case.reference])
    page = client_for(people.alice).get(url).content.decode()
    assert "Not yet said whether observed or reported" not in page  # a form, not the read-only list
    assert f'name="mode_{INJURY}"' in page and f'value="{UNTREATED}"' in page  # recorded, and one to add
    response = client_for(people.alice).post(
        url,
        {
            f"mode_{INJURY}": "OBSERVED",
            f"note_{INJURY}": "Bruising on both forearms, seen at the visit",
            f"mode_{EXHAUSTION}": "REPORTED",
            f"note_{EXHAUSTION}": "",
            f"mode_{NEGLECT}": "REMOVE",
            f"note_{NEGLECT}": "",
            "add_physical": [UNTREATED],
        },
    )
    assert response.status_code == 302
    assert recorded(case) == {
        INJURY: ("OBSERVED", "Bruising on both forearms, seen at the visit"),
        EXHAUSTION: ("REPORTED", ""),
        UNTREATED: ("", ""),
    }
    event = CaseEvent.objects.get(case=case, kind=CaseEvent.Kind.INDICATORS)
    assert event.summary == "Signs of exploitation: 1 added, 2 changed, 1 removed"
    changes = LogEntry.objects.filter(additional_data__case_id=case.pk)
    assert {e.action for e in changes} == {LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE}
    assert not any("Bruising" in str(e.changes) for e in changes)  # free text is masked in the change log
    summary = client_for(people.alice).get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Injuries from assault (Observed)" in summary and "Bruising on both forearms" in summary


def test_a_missing_answer_is_explained_and_nothing_typed_is_lost_or_saved(people, client_for, case_with_signs):
    case = case_with_signs
    before = recorded(case)
    response = client_for(people.alice).post(
        reverse("cases:indicators", args=[case.reference]),
        {f"mode_{INJURY}": "OBSERVED", f"note_{INJURY}": "Seen by the GP", f"note_{EXHAUSTION}": "Fell asleep"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "<title>Error:" in page
    assert "was observed or reported, or remove it" in page
    assert "Seen by the GP" in page and "Fell asleep" in page
    assert recorded(case) == before
    assert not CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.INDICATORS).exists()


def test_frontline_staff_read_the_signs_but_cannot_change_them(people, client_for, case_with_signs):
    case = case_with_signs
    url = reverse("cases:indicators", args=[case.reference])
    page = client_for(people.frank).get(url).content.decode()  # frank reported it, and sees it
    assert "Not yet said whether observed or reported" in page and 'name="mode_' not in page
    client_for(people.frank).post(url, {f"mode_{INJURY}": "REPORTED"})
    assert recorded(case)[INJURY] == ("", "")
    with pytest.raises(services.NotAllowed, match="case worker or manager"):
        services.indicators_update(
            actor=people.frank, case=case, changes={INJURY: IndicatorChange("REPORTED")}, added=[]
        )


def test_another_organisation_gets_404_and_the_read_is_audited(people, client_for, case_with_signs):
    url = reverse("cases:indicators", args=[case_with_signs.reference])
    assert client_for(people.charlie).get(url).status_code == 404
    assert client_for(people.charlie).post(url, {f"mode_{INJURY}": "REPORTED"}).status_code == 404
    assert recorded(case_with_signs)[INJURY] == ("", "")
    client_for(people.bob).get(url)
    assert AuditEvent.objects.filter(actor=people.bob, object_pk=str(case_with_signs.pk)).exists()
    assert not AuditEvent.objects.filter(actor=people.charlie).exclude(action__startswith="accounts.").exists()


def test_a_closed_case_and_an_unknown_answer_are_refused(people, case_with_signs):
    with pytest.raises(services.NotAllowed, match="observed or reported"):
        services.indicators_update(
            actor=people.alice, case=case_with_signs, changes={INJURY: IndicatorChange("MAYBE")}, added=[]
        )
    case_with_signs.status = CaseState.CLOSED
    case_with_signs.save(update_fields=["status"])
    with pytest.raises(services.NotAllowed, match="closed"):
        services.indicators_update(actor=people.alice, case=case_with_signs, changes={}, added=[UNTREATED])
    assert set(recorded(case_with_signs)) == {INJURY, EXHAUSTION, NEGLECT}


def test_saving_a_draft_again_deletes_only_the_signs_unticked(people):
    data = services.ConcernData(what_was_seen="Fictional", indicators=[INJURY, EXHAUSTION])
    draft = services.draft_save(actor=people.frank, organisation=people.org_a, data=data)
    again = dataclasses.replace(data, indicators=[EXHAUSTION, NEGLECT])
    services.draft_save(actor=people.frank, organisation=people.org_a, data=again, draft=draft)
    assert set(recorded(draft)) == {EXHAUSTION, NEGLECT}
    deleted = LogEntry.objects.filter(additional_data__case_id=draft.pk, action=LogEntry.Action.DELETE)
    assert [entry.object_repr for entry in deleted] == [f"{draft} {INJURY}"]
