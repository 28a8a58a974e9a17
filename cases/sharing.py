"""Cross-agency shares: the only code that grants or revokes object permissions on a case."""

from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from accounts.audit import audit_event
from accounts.models import Organisation, User
from cases.models import Case, CaseShare, ShareBasis


class ShareNotAllowed(Exception):
    pass


@transaction.atomic
def share_grant(
    *, actor: User, case: Case, organisation: Organisation, basis: ShareBasis | str, reason: str
) -> CaseShare:
    """Let `organisation`'s case workers, managers and coordinators see `case`, and record why."""
    if organisation.pk == case.owning_organisation_id:
        raise ShareNotAllowed("The case already belongs to that organisation.")
    if not reason.strip():
        raise ShareNotAllowed("Give the reason for sharing.")
    case = Case.objects.select_for_update().get(pk=case.pk)
    existing = CaseShare.objects.filter(case=case, organisation=organisation, revoked_at__isnull=True).first()
    if existing is not None:
        return existing
    share = CaseShare.objects.create(
        case=case, organisation=organisation, basis=ShareBasis(basis), reason=reason.strip(), granted_by=actor
    )
    assign_perm("cases.view_case", organisation.group, case)
    audit_event(actor=actor, action="cases.share.granted", obj=case, extra={"organisation_id": organisation.pk})
    return share


@transaction.atomic
def share_revoke(*, actor: User, share: CaseShare) -> CaseShare:
    share = CaseShare.objects.select_for_update().select_related("case", "organisation").get(pk=share.pk)
    if share.revoked_at is not None:
        return share
    share.revoked_at = timezone.now()
    share.revoked_by = actor
    share.save(update_fields=["revoked_at", "revoked_by"])
    remove_perm("cases.view_case", share.organisation.group, share.case)
    audit_event(
        actor=actor,
        action="cases.share.revoked",
        obj=share.case,
        extra={"organisation_id": share.organisation_id},
    )
    return share
