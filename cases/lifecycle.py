"""The case lifecycle as data (DOMAIN.md §5). `cases.services.transition` is the only code that moves a case."""

from collections.abc import Callable
from dataclasses import dataclass

from accounts.models import Role
from cases.models import Case, CaseState
from cases.taxonomy import CaseClosureReason

S = CaseState
FP, CW, OM, PC = Role.FRONTLINE, Role.CASE_WORKER, Role.MANAGER, Role.COORDINATOR
SYSTEM: frozenset[Role] = frozenset()  # moved by another service (NRM decisions), never from the case page

OPEN_STATES = frozenset(s for s in S if s not in (S.DRAFT, S.CLOSED))


@dataclass(frozen=True)
class Move:
    to: CaseState
    roles: frozenset[Role]
    label: str


_MOVES: dict[CaseState, list[Move]] = {
    S.DRAFT: [Move(S.INTAKE_RECEIVED, frozenset({FP, CW, OM, PC}), "Submit the concern")],
    S.INTAKE_RECEIVED: [Move(S.TRIAGE, frozenset({CW, OM}), "Take for triage")],
    S.TRIAGE: [Move(S.ASSESSMENT, frozenset({CW, OM}), "Start assessment")],
    S.ASSESSMENT: [
        Move(S.AWAITING_CONSENT, frozenset({CW}), "Wait for the consent conversation"),
        Move(S.REFERRAL_MADE, frozenset({CW}), "Record that referrals are made"),
    ],
    S.AWAITING_CONSENT: [Move(S.REFERRAL_MADE, frozenset({CW}), "Record that referrals are made")],
    S.REFERRAL_MADE: [
        Move(S.AWAITING_RG, frozenset({CW}), "NRM referral submitted: await reasonable grounds decision"),
        Move(S.SUPPORT_ONGOING, frozenset({CW}), "Duty to Notify or local support only: support ongoing"),
    ],
    S.AWAITING_RG: [Move(S.AWAITING_CG, SYSTEM, ""), Move(S.SUPPORT_ONGOING, SYSTEM, "")],
    S.AWAITING_CG: [Move(S.SUPPORT_ONGOING, SYSTEM, "")],
    S.SUPPORT_ONGOING: [Move(S.MOVE_ON, frozenset({CW}), "Start move-on")],
    S.MOVE_ON: [Move(S.SUPPORT_ONGOING, frozenset({CW}), "Move-on failed: back to support")],
    S.CLOSED: [Move(S.REOPENED, frozenset({CW, OM, PC}), "Reopen the case")],
    S.REOPENED: [
        Move(S.TRIAGE, frozenset({CW, OM, PC}), "Back to triage"),
        Move(S.ASSESSMENT, frozenset({CW, OM, PC}), "Back to assessment"),
        Move(S.SUPPORT_ONGOING, frozenset({CW, OM, PC}), "Back to support"),
    ],
}
CLOSE = Move(S.CLOSED, frozenset({CW, OM}), "Close the case")

# From triage a case closes only for these reasons (DOMAIN.md §5).
TRIAGE_CLOSURE_REASONS = frozenset(
    {
        CaseClosureReason.NO_MODERN_SLAVERY_CONCERN,
        CaseClosureReason.DUPLICATE,
        CaseClosureReason.TRANSFERRED_OUT_OF_AREA,
        CaseClosureReason.TRANSFERRED_TO_AGENCY,
    }
)


def moves_from(state: CaseState | str) -> list[Move]:
    state = CaseState(state)
    moves = list(_MOVES.get(state, []))
    if state in OPEN_STATES:
        moves.append(CLOSE)
    return moves


def move_to(state: CaseState | str, to: CaseState | str) -> Move | None:
    return next((move for move in moves_from(state) if move.to == CaseState(to)), None)


def moves_for(state: CaseState | str, roles: set[Role]) -> list[Move]:
    """The moves a person with `roles` can make from `state` (for the case page's buttons)."""
    return [move for move in moves_from(state) if move.roles & roles]


# R1: a child's case cannot move on or close until the children's services and NRM referrals exist, or an
# exception is recorded. A case closed as not modern slavery, a duplicate, transferred or because the child died
# is not held back.
CHILD_REFERRALS_GUARDED = frozenset({S.MOVE_ON, S.CLOSED})
CLOSURES_WITHOUT_CHILD_REFERRALS = TRIAGE_CLOSURE_REASONS | {CaseClosureReason.DECEASED}

# The referrals app adds a check here that both referrals are on record (it depends on cases, not the other way
# round). Each check answers: are this child's referrals in place?
CHILD_REFERRAL_CHECKS: list[Callable[[Case], bool]] = []
