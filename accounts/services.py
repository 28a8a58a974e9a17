"""Writes for organisations, users and memberships."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify

from accounts.models import Membership, Organisation, OrganisationType, Role, User

FIRST_RESPONDER_TYPES = {
    OrganisationType.LOCAL_AUTHORITY,
    OrganisationType.POLICE,
    OrganisationType.GOVERNMENT_AGENCY,
}
DTN_AUTHORITY_TYPES = {OrganisationType.LOCAL_AUTHORITY, OrganisationType.POLICE}


def organisation_group_name(name: str) -> str:
    return f"org:{slugify(name)[:140]}"


@transaction.atomic
def organisation_create(
    *,
    name: str,
    org_type: OrganisationType | str,
    triage_email: str = "",
    is_first_responder: bool | None = None,
    is_dtn_authority: bool | None = None,
) -> Organisation:
    """Create an organisation and the group that receives its cross-agency shares.

    The first-responder and Duty to Notify flags default from the type (DOMAIN.md §2); an administrator
    can change them, e.g. for an NGO that is a named first responder.
    """
    org_type = OrganisationType(org_type)
    group = Group.objects.create(name=organisation_group_name(name))
    return Organisation.objects.create(
        name=name,
        org_type=org_type,
        triage_email=triage_email,
        is_first_responder=org_type in FIRST_RESPONDER_TYPES if is_first_responder is None else is_first_responder,
        is_dtn_authority=org_type in DTN_AUTHORITY_TYPES if is_dtn_authority is None else is_dtn_authority,
        group=group,
    )


@transaction.atomic
def user_create(
    *, email: str, first_name: str = "", last_name: str = "", password: str | None = None, job_title: str = ""
) -> User:
    return User.objects.create_user(
        email=email, password=password, first_name=first_name, last_name=last_name, job_title=job_title
    )


@transaction.atomic
def membership_set(*, user: User, organisation: Organisation, role: Role | str) -> Membership:
    """Give `user` `role` in `organisation`, replacing any role they held there."""
    membership, _ = Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": Role(role)}
    )
    return membership
