"""The visibility rule is written as one SQL condition (cases/visibility.py). Here it is checked against the same
rule written with the ORM, for every kind of membership and share, and inside statements where the case table
has another alias."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from django.db.models.signals import post_migrate
from guardian.shortcuts import assign_perm

from accounts.models import Membership, Role, User
from cases import visibility
from cases.models import Case, CaseGroupObjectPermission, CaseNote, CaseState, CaseUserObjectPermission
from cases.selectors import RECEIVES_SHARES, SEES_ORGANISATION_CASES, SEES_OWN_REPORTS, cases_visible_to
from tests.factories import CaseFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def visible_by_orm(user: User) -> QuerySet[Case]:
    """ARCHITECTURE.md's rule, spelt with ORM lookups."""
    if not user.is_active:
        return Case.objects.none()
    memberships = Membership.objects.filter(user=user, organisation__is_active=True)
    whole = memberships.filter(role__in=SEES_ORGANISATION_CASES).values("organisation_id")
    own = memberships.filter(role__in=SEES_OWN_REPORTS).values("organisation_id")
    groups = memberships.filter(role__in=RECEIVES_SHARES).values("organisation__group_id")
    view = {"permission__codename": "view_case", "permission__content_type__app_label": "cases"}
    by_group = CaseGroupObjectPermission.objects.filter(group_id__in=groups, **view).values("content_object_id")
    by_user = CaseUserObjectPermission.objects.filter(user=user, **view).values("content_object_id")
    return Case.objects.filter(
        Q(owning_organisation_id__in=whole)
        | Q(owning_organisation_id__in=own, created_by=user)
        | Q(pk__in=by_group)
        | Q(pk__in=by_user)
    ).exclude(status=CaseState.DRAFT)


@pytest.fixture
def world(people):
    """Cases of three organisations, drafts, and every kind of share; users in several organisations and roles."""
    p = people
    cases = {
        "a_by_alice": CaseFactory(owning_organisation=p.org_a, created_by=p.alice),
        "a_by_frank": CaseFactory(owning_organisation=p.org_a, created_by=p.frank),
        "a_draft": CaseFactory(owning_organisation=p.org_a, created_by=p.frank, status=CaseState.DRAFT),
        "b_by_charlie": CaseFactory(owning_organisation=p.org_b, created_by=p.charlie),
        "c_by_dana": CaseFactory(owning_organisation=p.org_c, created_by=p.dana),
        "c_shared_with_b": CaseFactory(owning_organisation=p.org_c, created_by=p.dana),
        "c_shared_with_erin": CaseFactory(owning_organisation=p.org_c, created_by=p.dana),
        "c_change_only": CaseFactory(owning_organisation=p.org_c, created_by=p.dana),
    }
    assign_perm("cases.view_case", p.org_b.group, cases["c_shared_with_b"])
    assign_perm("cases.view_case", p.erin, cases["c_shared_with_erin"])
    assign_perm("cases.change_case", p.org_b.group, cases["c_change_only"])  # not a view share
    assign_perm("cases.change_case", p.charlie, cases["c_change_only"])
    # Frontline in B and coordinator in C: own reports in B, shares to C's group.
    mixed = UserFactory(email="mixed@test.example")
    MembershipFactory(user=mixed, organisation=p.org_b, role=Role.FRONTLINE)
    MembershipFactory(user=mixed, organisation=p.org_c, role=Role.COORDINATOR)
    cases["b_by_mixed"] = CaseFactory(owning_organisation=p.org_b, created_by=mixed)
    # Frontline in two organisations; frontline in one and case worker in another.
    MembershipFactory(user=p.frank, organisation=p.org_c, role=Role.FRONTLINE)
    cases["c_by_frank"] = CaseFactory(owning_organisation=p.org_c, created_by=p.frank)
    both = UserFactory(email="both@test.example")
    MembershipFactory(user=both, organisation=p.org_a, role=Role.FRONTLINE)
    MembershipFactory(user=both, organisation=p.org_b, role=Role.CASE_WORKER)
    cases["a_by_both"] = CaseFactory(owning_organisation=p.org_a, created_by=both)
    inactive = UserFactory(email="gone@test.example", is_active=False)
    MembershipFactory(user=inactive, organisation=p.org_a, role=Role.MANAGER)
    users = [p.alice, p.bob, p.frank, p.charlie, p.dana, p.erin, mixed, both, inactive]
    return cases, users


def test_the_sql_condition_agrees_with_the_rule_written_in_the_orm(world):
    cases, users = world
    for user in users:
        expected = set(visible_by_orm(user).values_list("pk", flat=True))
        assert set(cases_visible_to(user).values_list("pk", flat=True)) == expected, user.email
    seen = {user.email: set(cases_visible_to(user).values_list("pk", flat=True)) for user in users}
    # The fixture reaches every branch, so the comparison above means something.
    assert cases["c_shared_with_b"].pk in seen["charlie@test.example"]
    assert cases["c_shared_with_erin"].pk in seen["erin@test.example"]
    assert cases["c_change_only"].pk not in seen["charlie@test.example"]
    assert seen["mixed@test.example"] == {cases["b_by_mixed"].pk}
    assert seen["frank@test.example"] == {cases["a_by_frank"].pk, cases["c_by_frank"].pk}
    assert {cases["a_by_both"].pk, cases["b_by_charlie"].pk, cases["c_shared_with_b"].pk} <= seen["both@test.example"]
    assert cases["a_by_alice"].pk not in seen["both@test.example"]
    assert seen["gone@test.example"] == set()
    assert all(cases["a_draft"].pk not in pks for pks in seen.values())


def test_the_condition_follows_the_case_table_into_subqueries_and_joins(world):
    """Inside a subquery or behind a join the case table is aliased (U0, T2): the columns must follow it."""
    cases, users = world
    for case in cases.values():
        CaseNote.objects.create(case=case, author=case.created_by, text="Fictional note")
    for user in users:
        expected = set(visible_by_orm(user).values_list("pk", flat=True))
        as_subquery = Case.objects.filter(pk__in=cases_visible_to(user).values("pk"))
        assert set(as_subquery.values_list("pk", flat=True)) == expected
        notes = CaseNote.objects.filter(case__in=cases_visible_to(user))
        assert set(notes.values_list("case_id", flat=True)) == expected


def test_the_permission_id_is_read_again_after_a_migration(people):
    first = visibility.view_case_permission_id()
    assert first == Permission.objects.get(codename="view_case", content_type__app_label="cases").pk
    assert visibility._view_case_permission
    config = apps.get_app_config("cases")
    post_migrate.send(sender=config, app_config=config, verbosity=0, interactive=False, using="default", apps=apps)
    assert not visibility._view_case_permission


def test_the_condition_refuses_to_filter_anything_but_cases(people):
    with pytest.raises(ValueError, match="cases only"):
        list(CaseNote.objects.filter(visibility.Visible(whole=[people.org_a.pk], own=[], share_groups=[], user_id=1)))
