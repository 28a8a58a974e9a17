"""Every read of case data a user can see starts here (ARCHITECTURE.md, "Access: who sees what")."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Membership, Role, User
from cases.models import Case, CaseGroupObjectPermission, CaseShare, CaseUserObjectPermission

# Roles that see every case their organisation owns; frontline staff see the ones they reported.
SEES_ORGANISATION_CASES = frozenset({Role.CASE_WORKER, Role.MANAGER})
SEES_OWN_REPORTS = frozenset({Role.FRONTLINE})
# Roles through which a share granted to the organisation reaches the user.
RECEIVES_SHARES = frozenset({Role.CASE_WORKER, Role.MANAGER, Role.COORDINATOR})


def cases_visible_to(user: User) -> QuerySet[Case]:
    """The cases `user` may see: by organisation and role, or through an explicit share. Nothing else.

    Analysts and system administrators see no case. One query reads the memberships; the rest is one SQL
    statement the caller can filter, order and paginate.
    """
    if not user.is_authenticated or not user.is_active:
        return Case.objects.none()
    memberships = list(
        Membership.objects.filter(user=user, organisation__is_active=True).values_list(
            "organisation_id", "role", "organisation__group_id"
        )
    )
    whole = [org for org, role, _ in memberships if role in SEES_ORGANISATION_CASES]
    own = [org for org, role, _ in memberships if role in SEES_OWN_REPORTS]
    groups = [group for _, role, group in memberships if role in RECEIVES_SHARES]

    visible = Q(
        pk__in=CaseUserObjectPermission.objects.filter(user=user, permission__codename="view_case").values(
            "content_object_id"
        )
    )
    if whole:
        visible |= Q(owning_organisation_id__in=whole)
    if own:
        visible |= Q(owning_organisation_id__in=own, created_by=user)
    if groups:
        visible |= Q(
            pk__in=CaseGroupObjectPermission.objects.filter(
                group_id__in=groups, permission__codename="view_case"
            ).values("content_object_id")
        )
    return Case.objects.filter(visible)


def case_get_for_user(*, user: User, reference: str) -> Case:
    """One case by reference, or 404 whether it does not exist or is not this user's to see."""
    return get_object_or_404(
        cases_visible_to(user).select_related("owning_organisation", "created_by"), reference=reference
    )


def case_list_for_user(*, user: User) -> QuerySet[Case]:
    return cases_visible_to(user).select_related("owning_organisation").order_by("-created", "-id")


def case_active_shares(*, case: Case) -> QuerySet[CaseShare]:
    return case.shares.filter(revoked_at__isnull=True).select_related("organisation", "granted_by")
