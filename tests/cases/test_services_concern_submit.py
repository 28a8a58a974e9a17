import re

import pytest
from django.core import mail

from accounts.models import AuditEvent
from cases import services
from cases.models import Case, CaseState, RiskLevel, YesNoNotSure
from cases.services import ConcernData, NotAMember

pytestmark = pytest.mark.django_db

DATA = ConcernData(
    what_was_seen="Fictional: two women collected from a nail bar by a man who held their passports.",
    location_description="Fictional High Street",
    under_18=YesNoNotSure.NOT_SURE,
    immediate_danger=YesNoNotSure.NO,
)


def test_submit_creates_a_case_in_the_triage_queue_with_a_reference(people):
    case = services.concern_submit(actor=people.alice, organisation=people.org_a, data=DATA)
    assert re.fullmatch(r"MS-\d{4}-00001", case.reference)
    assert case.status == CaseState.INTAKE_RECEIVED
    assert case.owning_organisation == people.org_a
    assert case.is_child is True  # "not sure" is a child until age-assessed (R1)
    second = services.concern_submit(actor=people.alice, organisation=people.org_a, data=DATA)
    assert second.reference.endswith("00002")


def test_submit_is_audited(people):
    case = services.concern_submit(actor=people.alice, organisation=people.org_a, data=DATA)
    event = AuditEvent.objects.get(action="cases.case.submitted")
    assert (event.actor, event.object_pk, event.object_repr) == (people.alice, str(case.pk), case.reference)


def test_reporting_for_an_organisation_you_are_not_in_is_refused_and_saves_nothing(people):
    with pytest.raises(NotAMember):
        services.concern_submit(actor=people.charlie, organisation=people.org_a, data=DATA)
    assert not Case.objects.exists()


def test_analyst_cannot_report(people):
    with pytest.raises(NotAMember):
        services.concern_submit(actor=people.erin, organisation=people.org_a, data=DATA)


def test_on_commit_the_triage_inbox_is_emailed_once_without_case_content(people, django_capture_on_commit_callbacks):
    people.org_a.triage_email = "triage@org-a.example"
    people.org_a.save(update_fields=["triage_email"])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        case = services.concern_submit(actor=people.alice, organisation=people.org_a, data=DATA)
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["triage@org-a.example"]
    assert case.reference in message.subject
    assert "nail bar" not in message.body and "Fictional High Street" not in message.body
    # Running the task again (a redelivery) sends nothing more.
    assert services.triage_notification_send(case_id=case.pk) is False
    assert len(mail.outbox) == 1
    case.refresh_from_db()
    assert case.triage_notified_at is not None


def test_without_a_triage_inbox_the_case_workers_and_managers_are_emailed(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.concern_submit(actor=people.frank, organisation=people.org_a, data=DATA)
    assert sorted(mail.outbox[0].to) == ["alice@test.example", "bob@test.example"]


def test_nothing_is_queued_when_the_transaction_rolls_back(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.concern_submit(actor=people.alice, organisation=people.org_a, data=DATA)
    assert len(callbacks) == 1  # queued for commit, not sent inside the transaction
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("danger", "under_18", "risk"),
    [
        (YesNoNotSure.YES, YesNoNotSure.NO, RiskLevel.IMMEDIATE),
        (YesNoNotSure.NOT_SURE, YesNoNotSure.NOT_SURE, RiskLevel.HIGH),
        (YesNoNotSure.NO, YesNoNotSure.YES, RiskLevel.HIGH),
        (YesNoNotSure.NO, YesNoNotSure.NO, RiskLevel.STANDARD),
    ],
)
def test_provisional_risk_follows_danger_and_age(people, danger, under_18, risk):
    data = ConcernData(
        what_was_seen="Fictional.", location_description="unknown", under_18=under_18, immediate_danger=danger
    )
    assert services.concern_submit(actor=people.alice, organisation=people.org_a, data=data).risk_level == risk
