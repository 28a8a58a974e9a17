"""Every read of case data a user can see starts here (ARCHITECTURE.md, "Access: who sees what")."""

import datetime
from typing import NamedTuple

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Membership, Role, User
from accounts.selectors import access_of
from cases import lifecycle
from cases.models import (
    Case,
    CaseDocument,
    CaseEvent,
    CaseIndicator,
    CaseNote,
    CaseShare,
    CaseState,
    CaseTask,
    ChildReferralsException,
    Indicator,
    SharingDecision,
    TaskStatus,
)
from cases.visibility import Visible

# Roles that see every case their organisation owns; frontline staff see the ones they reported.
SEES_ORGANISATION_CASES = frozenset({Role.CASE_WORKER, Role.MANAGER})
SEES_OWN_REPORTS = frozenset({Role.FRONTLINE})
# Roles through which a share granted to the organisation reaches the user.
RECEIVES_SHARES = frozenset({Role.CASE_WORKER, Role.MANAGER, Role.COORDINATOR})


def cases_visible_to(user: User, *, base: QuerySet[Case] | None = None) -> QuerySet[Case]:
    """The cases `user` may see: by organisation and role, or through an explicit share. Nothing else.

    Drafts are not cases yet and are never in it. Analysts and system administrators see no case. The user's
    memberships are read now (one small query) and written into the statement as lists, so the database can use
    the organisation index; shares are subqueries. The caller filters, orders and pages the lazy result.
    """
    base = Case.objects.all() if base is None else base
    if not user.is_authenticated or not user.is_active:
        return base.none()
    memberships = access_of(user=user)
    whole = sorted({m.organisation_id for m in memberships if m.role in SEES_ORGANISATION_CASES})
    own = sorted({m.organisation_id for m in memberships if m.role in SEES_OWN_REPORTS} - set(whole))
    share_groups = sorted({m.group_id for m in memberships if m.role in RECEIVES_SHARES})
    # Drafts are their author's alone, read through draft_get_for_user / drafts_for_user: Visible leaves them out.
    return base.filter(Visible(whole=whole, own=own, share_groups=share_groups, user_id=user.pk))


def roles_on_case(*, user: User, case: Case) -> set[Role]:
    """The roles `user` acts in on `case`: theirs in the owning organisation, and coordinator anywhere."""
    return {
        Role(role)
        for org, role in Membership.objects.filter(user=user).values_list("organisation_id", "role")
        if org == case.owning_organisation_id or role == Role.COORDINATOR
    }


def case_get_for_user(*, user: User, reference: str) -> Case:
    """One case by reference, or 404 whether it does not exist or is not this user's to see."""
    return get_object_or_404(
        cases_visible_to(user).select_related("owning_organisation", "created_by", "lead_worker"), reference=reference
    )


def draft_get_for_user(*, user: User, draft_id: int) -> Case:
    return get_object_or_404(
        Case.objects.select_related("owning_organisation"), pk=draft_id, status=CaseState.DRAFT, created_by=user
    )


def drafts_for_user(*, user: User) -> QuerySet[Case]:
    return Case.objects.filter(status=CaseState.DRAFT, created_by=user).order_by("-updated")


LIST_COLUMNS = (
    "reference",
    "status",
    "risk_level",
    "risk_rank",
    "is_child",
    "created",
    "owning_organisation__name",
    "lead_worker__first_name",
    "lead_worker__last_name",
    "lead_worker__email",
)


def case_list_for_user(*, user: User) -> QuerySet[Case]:
    """The case list: visible cases, newest first. `case_rows` reads a page of it as the table's rows; as model
    instances, add `select_related("owning_organisation", "lead_worker").only(*LIST_COLUMNS)`."""
    return cases_visible_to(user, base=Case.objects.order_by("-created", "-id"))


class CaseRow(NamedTuple):
    """One line of the case list: what the table shows, read as values rather than model instances (a named
    tuple: a page builds a few dozen, and a frozen dataclass costs five times as much to build)."""

    id: int
    reference: str
    status: str
    risk_level: str
    risk_rank: int
    is_child: bool
    created: datetime.datetime
    organisation_name: str
    lead_worker_name: str

    @property
    def status_label(self) -> str:
        return CaseState(self.status).label


def case_rows(queryset: QuerySet[Case]) -> list[CaseRow]:
    """The rows of a (sliced) case list queryset. Building ~80 model instances a page cost more than the query."""
    rows = queryset.values_list("id", *LIST_COLUMNS)
    return [
        CaseRow(
            id=pk,
            reference=reference or "",  # drafts have none, and are never listed
            status=status,
            risk_level=risk,
            risk_rank=rank,
            is_child=is_child,
            created=created,
            organisation_name=organisation,
            lead_worker_name=f"{first or ''} {last or ''}".strip() or (email or ""),
        )
        for pk, reference, status, risk, rank, is_child, created, organisation, first, last, email in rows
    ]


def child_referrals_exception(*, case: Case) -> ChildReferralsException | None:
    return ChildReferralsException.objects.filter(case=case).select_related("recorded_by").first()


def child_referrals_in_place(*, case: Case) -> bool:
    """R1: an exception is recorded, or a check the referrals app adds finds both referrals."""
    if ChildReferralsException.objects.filter(case=case).exists():
        return True
    return any(check(case) for check in lifecycle.CHILD_REFERRAL_CHECKS)


def case_indicators(*, case: Case) -> list[CaseIndicator]:
    """The signs recorded for a case, in the catalogue's order."""
    return list(case.indicators.select_related("indicator").order_by("indicator__order"))


def indicators_not_recorded(*, case: Case) -> list[Indicator]:
    return list(Indicator.objects.filter(is_active=True).exclude(code__in=case.indicators.values("indicator_id")))


def case_active_shares(*, case: Case) -> QuerySet[CaseShare]:
    return case.shares.filter(revoked_at__isnull=True).select_related("organisation", "granted_by", "decision")


def case_sharing_decisions(*, case: Case) -> QuerySet[SharingDecision]:
    return case.sharing_decisions.select_related("recipient", "agreement", "share").order_by("-recorded_at")


def case_timeline(*, case: Case) -> QuerySet[CaseEvent]:
    return case.events.select_related("actor")


def case_notes(*, case: Case) -> QuerySet[CaseNote]:
    return case.notes.select_related("author")


def note_get(*, case: Case, note_id: int) -> CaseNote:
    return get_object_or_404(case.notes.select_related("author"), pk=note_id)


def case_tasks(*, case: Case) -> QuerySet[CaseTask]:
    return case.tasks.select_related("assignee")


def task_get(*, case: Case, task_id: int) -> CaseTask:
    return get_object_or_404(case.tasks, pk=task_id)


def tasks_for_user(*, user: User) -> QuerySet[CaseTask]:
    """Open tasks assigned to `user`, on cases they can still see, soonest first."""
    return (
        CaseTask.objects.filter(assignee=user, status=TaskStatus.OPEN, case__in=cases_visible_to(user))
        .select_related("case")
        .order_by("due_on", "id")
    )


def case_documents(*, case: Case) -> QuerySet[CaseDocument]:
    return case.documents.select_related("uploaded_by")


def document_get(*, case: Case, document_id: int) -> CaseDocument:
    return get_object_or_404(case.documents, pk=document_id)


def case_team(*, case: Case) -> QuerySet[User]:
    """Who can lead the case: active case workers and managers of the owning organisation."""
    return User.objects.filter(
        is_active=True,
        memberships__organisation_id=case.owning_organisation_id,
        memberships__role__in=SEES_ORGANISATION_CASES,
    ).order_by("first_name", "last_name")
