"""Every write to a case."""

from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.audit import audit_event
from accounts.models import Membership, Organisation, Role, User
from cases.models import Case, CaseState, ReferenceSequence, RiskLevel, YesNoNotSure

REPORTING_ROLES = frozenset({Role.FRONTLINE, Role.CASE_WORKER, Role.MANAGER, Role.COORDINATOR})
TRIAGE_ROLES = frozenset({Role.CASE_WORKER, Role.MANAGER})


class NotAMember(Exception):
    pass


@dataclass(frozen=True, kw_only=True)
class ConcernData:
    what_was_seen: str
    location_description: str
    under_18: YesNoNotSure
    immediate_danger: YesNoNotSure
    reporter_phone: str = ""


def provisional_risk(*, immediate_danger: YesNoNotSure, is_child: bool) -> RiskLevel:
    """The risk a concern starts with (DOMAIN.md §4.6) until triage confirms it: danger now is IMMEDIATE,
    a child (or possible child) is HIGH, anything else STANDARD."""
    if immediate_danger == YesNoNotSure.YES:
        return RiskLevel.IMMEDIATE
    return RiskLevel.HIGH if is_child else RiskLevel.STANDARD


def _next_reference(*, year: int) -> str:
    sequence, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"MS-{year}-{sequence.last_number:05d}"


@transaction.atomic
def concern_submit(*, actor: User, organisation: Organisation, data: ConcernData) -> Case:
    """Log a concern as a new case in `organisation`'s triage queue, then tell the queue (on commit)."""
    if not Membership.objects.filter(user=actor, organisation=organisation, role__in=REPORTING_ROLES).exists():
        raise NotAMember("You cannot report concerns for that organisation.")
    now = timezone.now()
    under_18 = YesNoNotSure(data.under_18)
    is_child = under_18 in (YesNoNotSure.YES, YesNoNotSure.NOT_SURE)
    immediate_danger = YesNoNotSure(data.immediate_danger)
    case = Case.objects.create(
        reference=_next_reference(year=timezone.localdate(now).year),
        owning_organisation=organisation,
        status=CaseState.INTAKE_RECEIVED,
        is_child=is_child,
        risk_level=provisional_risk(immediate_danger=immediate_danger, is_child=is_child),
        created_by=actor,
        created=now,
        reporter_phone=data.reporter_phone,
        what_was_seen=data.what_was_seen,
        location_description=data.location_description,
        under_18=under_18,
        immediate_danger=immediate_danger,
    )
    audit_event(actor=actor, action="cases.case.submitted", obj=case)

    from cases.tasks import notify_triage_queue

    case_id = case.pk
    transaction.on_commit(lambda: notify_triage_queue.delay(case_id))
    return case


def _triage_recipients(*, organisation: Organisation) -> list[str]:
    if organisation.triage_email:
        return [organisation.triage_email]
    return sorted(
        Membership.objects.filter(organisation=organisation, role__in=TRIAGE_ROLES, user__is_active=True)
        .values_list("user__email", flat=True)
        .distinct()
    )


@transaction.atomic
def triage_notification_send(*, case_id: int, site_url: str) -> bool:
    """Email the owning organisation's triage inbox once. Returns False when there was nothing to do.

    The email names the case reference and a link, never its content.
    """
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("owning_organisation")
        .filter(pk=case_id, triage_notified_at__isnull=True)
        .first()
    )
    if case is None:
        return False
    recipients = _triage_recipients(organisation=case.owning_organisation)
    if recipients:
        link = site_url.rstrip("/") + reverse("cases:detail", kwargs={"reference": case.reference})
        send_mail(
            subject=f"New concern {case.reference} in your triage queue",
            message=(
                f"A new concern, {case.reference}, has been reported to {case.owning_organisation.name}.\n\n"
                f"Sign in to see it: {link}\n\n"
                "This email does not contain case details. Do not reply to it."
            ),
            from_email=None,
            recipient_list=recipients,
        )
    case.triage_notified_at = timezone.now()
    case.save(update_fields=["triage_notified_at"])
    audit_event(actor=None, action="cases.case.triage_notified", obj=case, extra={"recipients": len(recipients)})
    return True
