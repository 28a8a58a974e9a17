"""Cross-agency shares: the only code that grants or revokes object permissions on a case.

A share cites why: an information-sharing decision (DOMAIN.md §9), a SHOP listing or an accepted referral.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from accounts.audit import audit_event
from accounts.models import InformationSharingAgreement, Organisation, Role, User
from accounts.selectors import agreement_covering
from cases.models import Case, CaseEvent, CaseShare, LawfulBasis, ShareBasis, SharingDecision
from cases.selectors import roles_on_case
from cases.services import timeline_add

SHARING_ROLES = frozenset({Role.CASE_WORKER, Role.MANAGER})


class ShareNotAllowed(Exception):
    pass


@transaction.atomic
def share_grant(
    *,
    actor: User,
    case: Case,
    organisation: Organisation,
    basis: ShareBasis | str,
    reason: str,
    decision: SharingDecision | None = None,
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
        case=case,
        organisation=organisation,
        basis=ShareBasis(basis),
        reason=reason.strip(),
        granted_by=actor,
        decision=decision,
    )
    assign_perm("cases.view_case", organisation.group, case)
    timeline_add(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.SHARE_GRANTED,
        summary=f"Shared with {organisation.name} ({ShareBasis(basis).label.lower()})",
        organisation_id=organisation.pk,
    )
    audit_event(actor=actor, action="cases.share.granted", obj=case, extra={"organisation_id": organisation.pk})
    return share


@transaction.atomic
def share_revoke(*, actor: User, share: CaseShare) -> CaseShare:
    share = CaseShare.objects.select_for_update().select_related("case", "organisation").get(pk=share.pk)
    if not roles_on_case(user=actor, case=share.case) & SHARING_ROLES:
        raise ShareNotAllowed("Only a case worker or manager of the owning organisation can end a share.")
    if share.revoked_at is not None:
        return share
    share.revoked_at = timezone.now()
    share.revoked_by = actor
    share.save(update_fields=["revoked_at", "revoked_by"])
    remove_perm("cases.view_case", share.organisation.group, share.case)
    timeline_add(
        case=share.case,
        actor=actor,
        kind=CaseEvent.Kind.SHARE_REVOKED,
        summary=f"Share with {share.organisation.name} ended",
        organisation_id=share.organisation_id,
    )
    audit_event(
        actor=actor, action="cases.share.revoked", obj=share.case, extra={"organisation_id": share.organisation_id}
    )
    return share


@dataclass(frozen=True, kw_only=True)
class DecisionData:
    recipient: Organisation
    purpose: str
    data_items: str
    standing: bool
    lawful_basis: str
    special_category_condition: str
    dpa_condition: str
    gateway: str
    consent_position: str
    decided_by_name: str
    decided_by_role: str
    decided_on: datetime.date
    review_on: datetime.date
    is_emergency: bool


@transaction.atomic
def sharing_decision_record(*, actor: User, case: Case, data: DecisionData) -> SharingDecision:
    """Record an information-sharing decision and grant the share it allows.

    Refused with an organisation that is not a party to a current agreement with the owner, unless it is an
    emergency under vital interests, which also alerts the owning organisation's managers.
    """
    if not roles_on_case(user=actor, case=case) & SHARING_ROLES:
        raise ShareNotAllowed("Only a case worker or manager of the owning organisation can share this case.")
    if data.review_on < data.decided_on:
        raise ShareNotAllowed("The review date must be on or after the date of the decision.")
    agreement: InformationSharingAgreement | None = agreement_covering(
        first=case.owning_organisation, second=data.recipient, on=data.decided_on
    )
    if agreement is None:
        if not data.is_emergency:
            raise ShareNotAllowed(
                f"{data.recipient.name} is not a party to a current information-sharing agreement with "
                f"{case.owning_organisation.name}. Share only in an emergency, under vital interests."
            )
        if data.lawful_basis != LawfulBasis.VITAL_INTERESTS:
            raise ShareNotAllowed("An emergency share must rely on vital interests (Art. 6(1)(d)).")
    decision = SharingDecision.objects.create(
        case=case,
        recipient=data.recipient,
        purpose=data.purpose,
        data_items=data.data_items,
        standing=data.standing,
        lawful_basis=data.lawful_basis,
        special_category_condition=data.special_category_condition,
        dpa_condition=data.dpa_condition,
        gateway=data.gateway,
        consent_position=data.consent_position,
        decided_by_name=data.decided_by_name,
        decided_by_role=data.decided_by_role,
        decided_on=data.decided_on,
        review_on=data.review_on,
        agreement=agreement,
        is_emergency=agreement is None,
        recorded_by=actor,
    )
    share_grant(
        actor=actor,
        case=case,
        organisation=data.recipient,
        basis=ShareBasis.SHARING_DECISION,
        reason=data.purpose,
        decision=decision,
    )
    if agreement is None:
        from cases.tasks import notify_managers_of_emergency_share

        case_id, cause = case.pk, f"emergency-share-{decision.pk}"
        transaction.on_commit(lambda: notify_managers_of_emergency_share.delay(case_id, cause))
    return decision
