import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from accounts.models import Role
from cases import lifecycle, services
from cases.models import Case, CaseEvent, CaseState, ChildReferralsException, RiskLevel
from cases.services import TransitionNotAllowed
from cases.taxonomy import CaseClosureReason
from tests.factories import CaseFactory, MembershipFactory

pytestmark = pytest.mark.django_db
S = CaseState


def case_in(people, status, **kwargs):
    return CaseFactory(owning_organisation=people.org_a, created_by=people.alice, status=status, **kwargs)


def test_every_move_in_the_table_is_between_real_states_and_closed_is_reachable_from_every_open_state():
    for state in lifecycle.OPEN_STATES:
        assert S.CLOSED in {m.to for m in lifecycle.moves_from(state)}
    assert lifecycle.moves_from(S.CLOSED) == [m for m in lifecycle.moves_from(S.CLOSED) if m.to == S.REOPENED]


@pytest.mark.parametrize(
    ("start", "to", "who", "allowed"),
    [
        (S.INTAKE_RECEIVED, S.TRIAGE, "alice", True),
        (S.INTAKE_RECEIVED, S.TRIAGE, "bob", True),
        (S.INTAKE_RECEIVED, S.TRIAGE, "frank", False),  # frontline reports, does not triage
        (S.INTAKE_RECEIVED, S.ASSESSMENT, "alice", False),  # not a move in the table
        (S.ASSESSMENT, S.AWAITING_CONSENT, "alice", True),
        (S.ASSESSMENT, S.AWAITING_CONSENT, "bob", False),  # case worker's move
        (S.AWAITING_RG, S.AWAITING_CG, "alice", False),  # only an NRM decision moves it
        (S.SUPPORT_ONGOING, S.MOVE_ON, "alice", True),
        (S.MOVE_ON, S.SUPPORT_ONGOING, "alice", True),
        (S.CLOSED, S.TRIAGE, "alice", False),  # reopen first
    ],
)
def test_moves_allowed_and_refused(people, start, to, who, allowed):
    case = case_in(people, start)
    if allowed:
        assert services.transition(actor=getattr(people, who), case=case, to=to).status == to
        assert CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.STATUS_CHANGED).exists()
    else:
        with pytest.raises(TransitionNotAllowed):
            services.transition(actor=getattr(people, who), case=case, to=to)
        case.refresh_from_db()
        assert case.status == start


def test_other_organisation_cannot_move_a_case_even_if_shared(people, shared_case):
    with pytest.raises(TransitionNotAllowed, match="role"):
        services.transition(actor=people.dana, case=shared_case, to=S.TRIAGE)


def test_assessment_needs_a_lead_worker(people):
    case = case_in(people, S.TRIAGE)
    with pytest.raises(TransitionNotAllowed, match="lead worker"):
        services.transition(actor=people.alice, case=case, to=S.ASSESSMENT)
    services.case_triage(actor=people.alice, case=case, lead_worker=people.alice, risk_level="MEDIUM", reason="x")
    assert services.transition(actor=people.alice, case=case, to=S.ASSESSMENT).status == S.ASSESSMENT


def test_closing_needs_a_reason_and_from_triage_only_some(people):
    case = case_in(people, S.TRIAGE)
    with pytest.raises(TransitionNotAllowed, match="Select why"):
        services.transition(actor=people.alice, case=case, to=S.CLOSED)
    with pytest.raises(TransitionNotAllowed, match="From triage"):
        services.transition(actor=people.alice, case=case, to=S.CLOSED, closure_reason=CaseClosureReason.LOST_CONTACT)
    closed = services.transition(actor=people.alice, case=case, to=S.CLOSED, closure_reason=CaseClosureReason.DUPLICATE)
    assert (closed.status, closed.closure_reason) == (S.CLOSED, CaseClosureReason.DUPLICATE)
    assert closed.closed_at is not None


def test_a_high_risk_case_is_closed_only_by_a_manager(people):
    case = case_in(people, S.ASSESSMENT, risk_level=RiskLevel.HIGH)
    with pytest.raises(TransitionNotAllowed, match="manager"):
        services.transition(actor=people.alice, case=case, to=S.CLOSED, closure_reason="SUPPORT_COMPLETED")
    assert (
        services.transition(actor=people.bob, case=case, to=S.CLOSED, closure_reason="SUPPORT_COMPLETED").status
        == S.CLOSED
    )


def test_recent_high_risk_still_needs_a_manager_after_risk_is_lowered(people):
    case = case_in(people, S.TRIAGE, risk_level=RiskLevel.HIGH)
    services.case_triage(actor=people.alice, case=case, lead_worker=people.alice, risk_level="STANDARD", reason="x")
    with pytest.raises(TransitionNotAllowed, match="manager"):
        services.transition(actor=people.alice, case=case, to=S.CLOSED, closure_reason="DUPLICATE")


def test_reopening_needs_a_reason_keeps_history_and_coordinators_may(people):
    coordinator = MembershipFactory(organisation=people.org_b, role=Role.COORDINATOR).user
    case = case_in(people, S.CLOSED, closure_reason="SUPPORT_COMPLETED")
    with pytest.raises(TransitionNotAllowed, match="reason"):
        services.transition(actor=people.alice, case=case, to=S.REOPENED)
    reopened = services.transition(actor=coordinator, case=case, to=S.REOPENED, reason="New concern within 12 months")
    assert (reopened.status, reopened.closure_reason, reopened.closed_at) == (S.REOPENED, "", None)
    back = services.transition(actor=people.alice, case=reopened, to=S.SUPPORT_ONGOING)
    assert back.status == S.SUPPORT_ONGOING
    kinds = list(CaseEvent.objects.filter(case=case).values_list("data__to_status", flat=True))
    assert kinds == [S.SUPPORT_ONGOING, S.REOPENED]


def test_a_child_is_never_left_waiting_for_consent(people):
    case = case_in(people, S.ASSESSMENT, is_child=True)
    with pytest.raises(TransitionNotAllowed, match="child"):
        services.transition(actor=people.alice, case=case, to=S.AWAITING_CONSENT)


def test_only_a_first_responder_submits_to_the_nrm(people):
    case = case_in(people, S.REFERRAL_MADE)
    with pytest.raises(TransitionNotAllowed, match="first responder"):
        services.transition(actor=people.alice, case=case, to=S.AWAITING_RG)
    people.org_a.is_first_responder = True
    people.org_a.save(update_fields=["is_first_responder"])
    assert services.transition(actor=people.alice, case=case, to=S.AWAITING_RG).status == S.AWAITING_RG


def test_triage_to_immediate_risk_alerts_managers(people, django_capture_on_commit_callbacks, mailoutbox):
    case = case_in(people, S.INTAKE_RECEIVED)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_triage(
            actor=people.alice, case=case, lead_worker=people.alice, risk_level="IMMEDIATE", reason="Seen today"
        )
    case.refresh_from_db()
    assert (case.status, case.risk_level, case.lead_worker) == (S.TRIAGE, RiskLevel.IMMEDIATE, people.alice)
    assert [m.to for m in mailoutbox] == [["bob@test.example"]]
    assert case.reference in mailoutbox[0].subject and case.what_was_seen not in mailoutbox[0].body
    # A redelivered task for the same triage sends nothing more.
    from cases.tasks import notify_managers_of_immediate_risk

    cause = f"triage-{case.events.get(kind='TRIAGED').pk}"
    assert notify_managers_of_immediate_risk(case.pk, cause) == 0
    assert len(mailoutbox) == 1


def test_the_lead_worker_must_be_in_the_owning_organisation(people):
    case = case_in(people, S.INTAKE_RECEIVED)
    with pytest.raises(services.NotAllowed, match="lead worker"):
        services.case_triage(actor=people.alice, case=case, lead_worker=people.charlie, risk_level="HIGH", reason="x")


# R1: a child's case needs its referrals (or a recorded exception) before it moves on or closes.


def test_a_childs_case_cannot_move_on_or_close_without_its_referrals(people):
    support = case_in(people, S.SUPPORT_ONGOING, is_child=True)
    with pytest.raises(TransitionNotAllowed, match="children's services"):
        services.transition(actor=people.alice, case=support, to=S.MOVE_ON)
    with pytest.raises(TransitionNotAllowed, match="children's services"):
        services.transition(actor=people.alice, case=support, to=S.CLOSED, closure_reason="SUPPORT_COMPLETED")
    assert Case.objects.get(pk=support.pk).status == S.SUPPORT_ONGOING
    adult = case_in(people, S.SUPPORT_ONGOING)
    assert services.transition(actor=people.alice, case=adult, to=S.MOVE_ON).status == S.MOVE_ON


@pytest.mark.parametrize("reason", ["NO_MODERN_SLAVERY_CONCERN", "DUPLICATE", "TRANSFERRED_TO_AGENCY", "DECEASED"])
def test_a_childs_case_that_is_not_ours_to_refer_still_closes(people, reason):
    case = case_in(people, S.ASSESSMENT, is_child=True)
    assert services.transition(actor=people.alice, case=case, to=S.CLOSED, closure_reason=reason).status == S.CLOSED


def test_a_recorded_exception_lets_the_childs_case_move_on(people, client_for):
    case = case_in(people, S.SUPPORT_ONGOING, is_child=True)
    url = reverse("cases:referrals", args=[case.reference])
    answers = {
        "referred_by": "Fictional County Police",
        "nrm_reference": "NRM-FICT-1",
        "childrens_services_reference": "",
        "explanation": "Police referred the child on the night; we support her.",
    }
    response = client_for(people.alice).post(url, {**answers, "nrm_reference": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "Enter the NRM referral" in page and "Fictional County Police" in page
    assert client_for(people.frank).get(url).content.decode().count('name="nrm_reference"') == 0  # frontline
    assert client_for(people.charlie).post(url, answers).status_code == 404  # another organisation
    assert client_for(people.alice).post(url, answers).status_code == 302
    exception = ChildReferralsException.objects.get(case=case)
    assert (exception.recorded_by, exception.nrm_reference) == (people.alice, "NRM-FICT-1")
    assert LogEntry.objects.filter(additional_data__case_id=case.pk, object_repr__contains="exception").exists()
    assert CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.CHILD_REFERRALS).exists()
    assert services.transition(actor=people.alice, case=case, to=S.MOVE_ON).status == S.MOVE_ON
    with pytest.raises(services.NotAllowed, match="already"):
        services.child_referrals_exception_record(actor=people.bob, case=case, **answers)


def test_only_a_childs_case_takes_the_exception_and_only_from_its_case_workers(people):
    answers = {"referred_by": "X", "nrm_reference": "Y", "childrens_services_reference": "", "explanation": "Z"}
    with pytest.raises(services.NotAllowed, match="adult"):
        services.child_referrals_exception_record(actor=people.alice, case=case_in(people, S.ASSESSMENT), **answers)
    child = case_in(people, S.ASSESSMENT, is_child=True)
    with pytest.raises(services.NotAllowed, match="case worker or manager"):
        services.child_referrals_exception_record(actor=people.frank, case=child, **answers)
    assert not ChildReferralsException.objects.exists()


def test_the_referrals_app_can_say_the_referrals_are_in_place(people, monkeypatch):
    case = case_in(people, S.SUPPORT_ONGOING, is_child=True)
    monkeypatch.setattr(lifecycle, "CHILD_REFERRAL_CHECKS", [lambda checked: checked.pk == case.pk])
    assert services.transition(actor=people.alice, case=case, to=S.MOVE_ON).status == S.MOVE_ON
