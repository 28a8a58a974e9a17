import pytest

from cases import sharing
from cases.models import ShareBasis
from cases.selectors import cases_visible_to
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "sees"),
    [("alice", True), ("bob", True), ("frank", False), ("charlie", False), ("dana", True), ("erin", False)],
)
def test_who_sees_a_shared_case(people, shared_case, who, sees):
    assert (shared_case in cases_visible_to(getattr(people, who))) is sees


def test_frontline_practitioner_sees_only_their_own_reports(people):
    own = CaseFactory(owning_organisation=people.org_a, created_by=people.frank)
    colleague = CaseFactory(owning_organisation=people.org_a, created_by=people.alice)
    visible = set(cases_visible_to(people.frank))
    assert own in visible
    assert colleague not in visible


def test_other_organisation_sees_nothing_until_shared_and_nothing_after_revoke(people, case_a):
    assert list(cases_visible_to(people.charlie)) == []
    share = sharing.share_grant(
        actor=people.bob,
        case=case_a,
        organisation=people.org_b,
        basis=ShareBasis.SHARING_DECISION,
        reason="Visit",
    )
    assert list(cases_visible_to(people.charlie)) == [case_a]
    sharing.share_revoke(actor=people.bob, share=share)
    assert list(cases_visible_to(people.charlie)) == []


def test_a_shared_organisation_sees_exactly_the_shared_case(people, shared_case):
    CaseFactory(owning_organisation=people.org_a, created_by=people.alice)
    assert list(cases_visible_to(people.dana)) == [shared_case]


def test_inactive_user_and_inactive_organisation_see_nothing(people, case_a):
    people.org_a.is_active = False
    people.org_a.save(update_fields=["is_active"])
    assert list(cases_visible_to(people.alice)) == []
    people.org_a.is_active = True
    people.org_a.save(update_fields=["is_active"])
    people.alice.is_active = False
    people.alice.save(update_fields=["is_active"])
    assert list(cases_visible_to(people.alice)) == []


def test_granting_twice_keeps_one_share_and_sharing_with_the_owner_is_refused(people, case_a):
    first = sharing.share_grant(
        actor=people.bob,
        case=case_a,
        organisation=people.org_b,
        basis=ShareBasis.SHARING_DECISION,
        reason="x",
    )
    second = sharing.share_grant(
        actor=people.bob,
        case=case_a,
        organisation=people.org_b,
        basis=ShareBasis.SHARING_DECISION,
        reason="x",
    )
    assert first.pk == second.pk
    with pytest.raises(sharing.ShareNotAllowed):
        sharing.share_grant(
            actor=people.bob,
            case=case_a,
            organisation=people.org_a,
            basis=ShareBasis.SHARING_DECISION,
            reason="x",
        )


def test_visibility_query_count_does_not_grow_with_rows(people, django_assert_max_num_queries):
    for _ in range(30):
        CaseFactory(owning_organisation=people.org_a, created_by=people.alice)
    with django_assert_max_num_queries(2):
        rows = list(cases_visible_to(people.alice).select_related("owning_organisation"))
        names = {row.owning_organisation.name for row in rows}
    assert len(rows) == 30
    assert names == {"Org A"}
