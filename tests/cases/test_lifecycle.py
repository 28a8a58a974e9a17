import pytest

from accounts.models import Role
from cases import lifecycle, services
from cases.models import CaseEvent, CaseState, RiskLevel
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
