"""Writes for organisations, users and memberships."""

from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

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


@transaction.atomic
def totp_device_for_enrolment(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator-app device a user is setting up (made once, reused until confirmed)."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )


@transaction.atomic
def enrolment_confirm(*, user: User, device: TOTPDevice, backup_codes: int) -> list[str]:
    """Confirm the app and replace the user's backup codes; returns the new codes to show once."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    static, _ = StaticDevice.objects.get_or_create(user=user, name="Backup codes")
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(backup_codes)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def sessions_clear_expired() -> int:
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
