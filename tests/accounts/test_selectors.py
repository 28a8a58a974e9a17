"""Account reads that the access selectors build on."""

from accounts.models import Membership
from accounts.selectors import access_of
from tests.factories import MembershipFactory


def test_access_written_in_sql_agrees_with_the_orm(people):
    MembershipFactory(user=people.alice, organisation=people.org_b, role="COORDINATOR")
    people.org_c.is_active = False
    people.org_c.save()
    MembershipFactory(user=people.alice, organisation=people.org_c, role="MANAGER")
    for user in (people.alice, people.charlie, people.erin):
        orm = Membership.objects.filter(user=user, organisation__is_active=True).values_list(
            "organisation_id", "role", "organisation__group_id"
        )
        assert sorted((a.organisation_id, a.role, a.group_id) for a in access_of(user=user)) == sorted(orm)
    assert people.org_c.pk not in {a.organisation_id for a in access_of(user=people.alice)}
