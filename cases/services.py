"""Every write to a case: intake (drafts and submit), triage, lifecycle, notes, tasks, documents, digests."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.audit import audit_event
from accounts.models import AuditEvent, Membership, Organisation, Role, User
from cases import lifecycle
from cases.models import (
    Case,
    CaseDocument,
    CaseEvent,
    CaseExploitation,
    CaseIndicator,
    CaseNote,
    CaseState,
    CaseTask,
    ChildReferralsException,
    Indicator,
    ReferenceSequence,
    RiskLevel,
    TaskDigest,
    TaskStatus,
    YesNoNotSure,
)
from cases.selectors import cases_visible_to, child_referrals_in_place, roles_on_case
from cases.taxonomy import SUBTYPE_PARENT, CaseClosureReason

REPORTING_ROLES = frozenset({Role.FRONTLINE, Role.CASE_WORKER, Role.MANAGER, Role.COORDINATOR})
TRIAGE_ROLES = frozenset({Role.CASE_WORKER, Role.MANAGER})
RISK_ORDER = [RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.IMMEDIATE]
HIGH_RISK_LOOKBACK = datetime.timedelta(days=90)


class NotAMember(Exception):
    pass


class NotAllowed(Exception):
    """A write refused by a rule; the message is shown to the user as it is."""


class IntakeIncomplete(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("The concern is missing required answers.")
        self.errors = errors


class TransitionNotAllowed(NotAllowed):
    pass


# Fields a concern must have before it can be submitted (DOMAIN.md §6, the ★ ones), with the message shown.
REQUIRED_TO_SUBMIT: dict[str, str] = {
    "immediate_danger": "Select whether anyone is in immediate danger",
    "under_18": "Select whether the person is under 18",
    "what_was_seen": "Enter what you saw or heard",
    "location_description": "Enter where this was, or 'unknown'",
}

INTAKE_FIELDS = (
    "reporter_phone",
    "seen_on",
    "what_was_seen",
    "location_description",
    "under_18",
    "under_18_when_exploited",
    "childrens_services_contacted",
    "ictg_referred",
    "immediate_danger",
    "police_called",
    "police_reference",
    "person_known",
    "approximate_age",
    "gender",
    "language",
    "interpreter_needed",
    "communication_needs",
    "exploitation_location",
    "still_in_situation",
    "county_lines",
    "cuckooing",
    "indicator_note",
    "told_about_support",
    "their_response",
)


@dataclass(frozen=True, kw_only=True)
class ConcernData:
    what_was_seen: str = ""
    location_description: str = ""
    under_18: YesNoNotSure | str = ""
    immediate_danger: YesNoNotSure | str = ""
    reporter_phone: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # any other INTAKE_FIELDS
    indicators: list[str] = field(default_factory=list)
    exploitation_types: list[str] = field(default_factory=list)
    exploitation_subtypes: list[str] = field(default_factory=list)


def provisional_risk(*, immediate_danger: YesNoNotSure | str, is_child: bool) -> RiskLevel:
    """The risk a concern starts with (DOMAIN.md §4.6) until triage confirms it: danger now is IMMEDIATE,
    a child (or possible child) is HIGH, anything else STANDARD."""
    if immediate_danger == YesNoNotSure.YES:
        return RiskLevel.IMMEDIATE
    return RiskLevel.HIGH if is_child else RiskLevel.STANDARD


def timeline_add(*, case: Case, actor: User | None, kind: CaseEvent.Kind, summary: str, **data: Any) -> CaseEvent:
    """The one way onto a case's timeline (sharing, and later referrals and meetings, call it too)."""
    return CaseEvent.objects.create(case=case, actor=actor, kind=kind, summary=summary[:300], data=data)


def _next_reference(*, year: int) -> str:
    sequence, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"MS-{year}-{sequence.last_number:05d}"


def _check_reporter(*, actor: User, organisation: Organisation) -> None:
    if not Membership.objects.filter(user=actor, organisation=organisation, role__in=REPORTING_ROLES).exists():
        raise NotAMember("You cannot report concerns for that organisation.")


def _apply_intake(*, case: Case, data: ConcernData) -> None:
    values = {
        "what_was_seen": data.what_was_seen,
        "location_description": data.location_description,
        "under_18": data.under_18,
        "immediate_danger": data.immediate_danger,
        "reporter_phone": data.reporter_phone,
        **{k: v for k, v in data.extra.items() if k in INTAKE_FIELDS},
    }
    for name, value in values.items():
        setattr(case, name, value)
    case.is_child = case.under_18 in (YesNoNotSure.YES, YesNoNotSure.NOT_SURE)


def _replace_codes(*, case: Case, data: ConcernData) -> None:
    known = set(Indicator.objects.filter(code__in=data.indicators, is_active=True).values_list("code", flat=True))
    case.indicators.exclude(indicator_id__in=known).delete()  # only what was unticked: each deletion is audited
    have = set(case.indicators.values_list("indicator_id", flat=True))
    CaseIndicator.objects.bulk_create(CaseIndicator(case=case, indicator_id=code) for code in sorted(known - have))
    case.exploitation.all().delete()
    rows = {(t, "") for t in data.exploitation_types} | {(SUBTYPE_PARENT[s], s) for s in data.exploitation_subtypes}
    CaseExploitation.objects.bulk_create(
        CaseExploitation(case=case, exploitation_type=t, subtype=s) for t, s in sorted(rows)
    )


@transaction.atomic
def draft_save(*, actor: User, organisation: Organisation, data: ConcernData, draft: Case | None = None) -> Case:
    """Keep what has been typed so far, valid or not: "Save and come back later"."""
    _check_reporter(actor=actor, organisation=organisation)
    if draft is None:
        draft = Case(owning_organisation=organisation, created_by=actor, status=CaseState.DRAFT)
    else:
        draft = Case.objects.select_for_update().get(pk=draft.pk, created_by=actor, status=CaseState.DRAFT)
        draft.owning_organisation = organisation
    _apply_intake(case=draft, data=data)
    draft.save()
    _replace_codes(case=draft, data=data)
    return draft


def intake_missing_answers(case: Case) -> dict[str, str]:
    return {name: message for name, message in REQUIRED_TO_SUBMIT.items() if not getattr(case, name)}


@transaction.atomic
def draft_submit(*, actor: User, draft: Case) -> Case:
    """Turn a complete draft into a case in the owning organisation's triage queue, then tell the queue."""
    case = Case.objects.select_for_update().get(pk=draft.pk)
    if case.status != CaseState.DRAFT or case.created_by_id != actor.pk:
        raise NotAllowed("This concern has already been submitted.")
    _check_reporter(actor=actor, organisation=case.owning_organisation)
    missing = intake_missing_answers(case)
    if missing:
        raise IntakeIncomplete(missing)
    now = timezone.now()
    case.reference = _next_reference(year=timezone.localdate(now).year)
    case.risk_level = provisional_risk(immediate_danger=case.immediate_danger, is_child=case.is_child)
    case.created = case.submitted_at = now
    case.save(update_fields=["reference", "risk_level", "created", "submitted_at"])
    case = transition(actor=actor, case=case, to=CaseState.INTAKE_RECEIVED)
    timeline_add(case=case, actor=actor, kind=CaseEvent.Kind.SUBMITTED, summary="Concern reported")
    audit_event(actor=actor, action="cases.case.submitted", obj=case)

    from cases.tasks import notify_managers_of_immediate_risk, notify_triage_queue

    case_id = case.pk
    transaction.on_commit(lambda: notify_triage_queue.delay(case_id))
    if case.risk_level == RiskLevel.IMMEDIATE:
        transaction.on_commit(lambda: notify_managers_of_immediate_risk.delay(case_id, "submitted"))
    return case


@transaction.atomic
def concern_submit(*, actor: User, organisation: Organisation, data: ConcernData) -> Case:
    """Log a concern in one step (the API, and the web form's final step through its draft)."""
    draft = draft_save(actor=actor, organisation=organisation, data=data)
    return draft_submit(actor=actor, draft=draft)


@transaction.atomic
def draft_discard(*, actor: User, draft: Case) -> None:
    Case.objects.filter(pk=draft.pk, created_by=actor, status=CaseState.DRAFT).delete()


def _was_high_risk_recently(case: Case) -> bool:
    if RISK_ORDER.index(RiskLevel(case.risk_level)) >= RISK_ORDER.index(RiskLevel.HIGH):
        return True
    since = timezone.now() - HIGH_RISK_LOOKBACK
    recent = case.events.filter(kind=CaseEvent.Kind.TRIAGED, at__gte=since).values_list("data", flat=True)
    return any(d.get("from_risk") in (RiskLevel.HIGH, RiskLevel.IMMEDIATE) for d in recent)


def _held_back_by_r1(*, case: Case, to: CaseState, closure_reason: str) -> bool:
    """R1: a child's case moving on, or closing for a reason R1 applies to, needs the referrals in place."""
    if not case.is_child or to not in lifecycle.CHILD_REFERRALS_GUARDED:
        return False
    if to == CaseState.CLOSED and closure_reason in lifecycle.CLOSURES_WITHOUT_CHILD_REFERRALS:
        return False
    return not child_referrals_in_place(case=case)


def _check_move(*, actor: User, case: Case, to: CaseState, closure_reason: str, reason: str) -> lifecycle.Move:
    move = lifecycle.move_to(case.status, to)
    if move is None:
        raise TransitionNotAllowed(
            f"A case that is '{CaseState(case.status).label}' cannot move to '{CaseState(to).label}'."
        )
    roles = roles_on_case(user=actor, case=case)
    if not move.roles & roles:
        raise TransitionNotAllowed("Your role does not allow this change to the case.")
    if to == CaseState.ASSESSMENT and case.status == CaseState.TRIAGE and case.lead_worker_id is None:
        raise TransitionNotAllowed("Assign a lead worker and confirm the risk level before assessment.")
    if to == CaseState.AWAITING_CONSENT and case.is_child:
        raise TransitionNotAllowed("A child is referred without waiting for consent.")
    if to == CaseState.AWAITING_RG and not case.owning_organisation.is_first_responder:
        raise TransitionNotAllowed("Only a first responder organisation submits NRM referrals.")
    if to == CaseState.CLOSED:
        if not closure_reason:
            raise TransitionNotAllowed("Select why the case is being closed.")
        if case.status == CaseState.TRIAGE and closure_reason not in lifecycle.TRIAGE_CLOSURE_REASONS:
            raise TransitionNotAllowed(
                "From triage a case can only close as no modern slavery concern, a duplicate or transferred."
            )
        if closure_reason == CaseClosureReason.OTHER and not reason.strip():
            raise TransitionNotAllowed("Explain why the case is being closed.")
        if _was_high_risk_recently(case) and Role.MANAGER not in roles:
            raise TransitionNotAllowed(
                "This case has been high risk in the last 90 days: an organisation manager must close it."
            )
    if _held_back_by_r1(case=case, to=to, closure_reason=closure_reason):
        raise TransitionNotAllowed(
            "A child's case cannot move on or close until the safeguarding referral to children's services and the "
            "NRM referral are made, or an exception is recorded on the Referrals tab."
        )
    if to == CaseState.REOPENED and not reason.strip():
        raise TransitionNotAllowed("Give the reason for reopening the case.")
    return move


@transaction.atomic
def transition(*, actor: User, case: Case, to: CaseState | str, reason: str = "", closure_reason: str = "") -> Case:
    """Move a case along its lifecycle, if the table and the guards allow it. The only writer of `status`."""
    case = Case.objects.select_for_update(of=("self",)).select_related("owning_organisation").get(pk=case.pk)
    to = CaseState(to)
    _check_move(actor=actor, case=case, to=to, closure_reason=closure_reason, reason=reason)
    previous = CaseState(case.status)
    case.status = to
    fields = ["status"]
    if to == CaseState.CLOSED:
        case.closure_reason, case.closed_at = closure_reason, timezone.now()
        fields += ["closure_reason", "closed_at"]
    elif previous == CaseState.CLOSED:
        case.closure_reason, case.closed_at = "", None
        fields += ["closure_reason", "closed_at"]
    case.save(update_fields=fields)
    if previous != CaseState.DRAFT:
        summary = f"{previous.label} → {to.label}"
        if to == CaseState.CLOSED:
            summary += f": {CaseClosureReason(closure_reason).label}"
        timeline_add(
            case=case,
            actor=actor,
            kind=CaseEvent.Kind.STATUS_CHANGED,
            summary=summary,
            from_status=previous,
            to_status=to,
            reason=reason,
        )
    return case


@transaction.atomic
def case_triage(*, actor: User, case: Case, lead_worker: User, risk_level: RiskLevel | str, reason: str) -> Case:
    """Assign the lead worker and set the risk level, with a reason. A new concern is taken for triage."""
    case = Case.objects.select_for_update(of=("self",)).select_related("owning_organisation").get(pk=case.pk)
    if not case.is_open:
        raise NotAllowed("Only an open case can be triaged.")
    if not roles_on_case(user=actor, case=case) & TRIAGE_ROLES:
        raise NotAllowed("Only a case worker or manager of the owning organisation can triage.")
    if not Membership.objects.filter(
        user=lead_worker, organisation=case.owning_organisation, role__in=TRIAGE_ROLES, user__is_active=True
    ).exists():
        raise NotAllowed("The lead worker must be a case worker or manager in the owning organisation.")
    if not reason.strip():
        raise NotAllowed("Give the reason for the risk level.")
    if case.status == CaseState.INTAKE_RECEIVED:
        case = transition(actor=actor, case=case, to=CaseState.TRIAGE)
    previous_risk = RiskLevel(case.risk_level)
    risk = RiskLevel(risk_level)
    case.lead_worker, case.risk_level = lead_worker, risk
    case.save(update_fields=["lead_worker", "risk_level"])
    triaged = timeline_add(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.TRIAGED,
        summary=f"Risk {risk.label.lower()}, lead worker {lead_worker}",
        from_risk=previous_risk,
        to_risk=risk,
        lead_worker_id=lead_worker.pk,
        reason=reason,
    )
    if risk == RiskLevel.IMMEDIATE and previous_risk != RiskLevel.IMMEDIATE:
        from cases.tasks import notify_managers_of_immediate_risk

        case_id, cause = case.pk, f"triage-{triaged.pk}"
        transaction.on_commit(lambda: notify_managers_of_immediate_risk.delay(case_id, cause))
    return case


CHILD_REFERRALS_EXCEPTION_ROLES = frozenset({Role.CASE_WORKER, Role.MANAGER})


@transaction.atomic
def child_referrals_exception_record(
    *,
    actor: User,
    case: Case,
    referred_by: str,
    nrm_reference: str,
    childrens_services_reference: str,
    explanation: str,
) -> ChildReferralsException:
    """Record that a child's referrals were made elsewhere (R1's exception). Case workers and managers of the
    owning organisation only; once per case."""
    case = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if not case.is_child:
        raise NotAllowed("Only a child's case needs this: an adult's case has no R1 referrals to record.")
    if not roles_on_case(user=actor, case=case) & CHILD_REFERRALS_EXCEPTION_ROLES:
        raise NotAllowed("Only a case worker or manager of the owning organisation can record this.")
    if ChildReferralsException.objects.filter(case=case).exists():
        raise NotAllowed("An exception is already recorded for this case.")
    exception = ChildReferralsException.objects.create(
        case=case,
        referred_by=referred_by,
        nrm_reference=nrm_reference,
        childrens_services_reference=childrens_services_reference,
        explanation=explanation,
        recorded_by=actor,
    )
    timeline_add(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.CHILD_REFERRALS,
        summary=f"Child's referrals recorded as made by {referred_by[:200]}",
    )
    return exception


INDICATOR_ROLES = frozenset({Role.CASE_WORKER, Role.MANAGER})
REMOVE_INDICATOR = "REMOVE"


@dataclass(frozen=True)
class IndicatorChange:
    """How one recorded sign is known (CaseIndicator.Mode, or REMOVE_INDICATOR) and what the worker noted."""

    mode: str
    note: str = ""


@transaction.atomic
def indicators_update(
    *, actor: User, case: Case, changes: dict[str, IndicatorChange], added: list[str]
) -> dict[str, int]:
    """Record how each sign of exploitation is known, observed or reported, with a note (DOMAIN.md §4.3), add
    signs, or remove one recorded in error. Case workers and managers of the owning organisation, on an open
    case. Every row changed is in the audit log; the timeline says how many. Returns the counts."""
    case = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if not case.is_open:
        raise NotAllowed("This case is closed: reopen it to change its record.")
    if not roles_on_case(user=actor, case=case) & INDICATOR_ROLES:
        raise NotAllowed("Only a case worker or manager of the owning organisation can change the signs recorded.")
    if any(change.mode not in {*CaseIndicator.Mode.values, REMOVE_INDICATOR} for change in changes.values()):
        raise NotAllowed("Say whether each sign was observed or reported, or remove it.")
    counts = {"added": 0, "changed": 0, "removed": 0}
    for row in case.indicators.filter(indicator_id__in=list(changes)):
        change = changes[row.indicator_id]
        if change.mode == REMOVE_INDICATOR:
            row.delete()
            counts["removed"] += 1
        elif (row.mode, row.note) != (change.mode, change.note):
            row.mode, row.note = CaseIndicator.Mode(change.mode), change.note
            row.save(update_fields=["mode", "note"])
            counts["changed"] += 1
    have = set(case.indicators.values_list("indicator_id", flat=True))
    for code in (
        Indicator.objects.filter(code__in=added, is_active=True).exclude(code__in=have).values_list("code", flat=True)
    ):
        CaseIndicator.objects.create(case=case, indicator_id=code)  # one by one, so each is audited
        counts["added"] += 1
    if any(counts.values()):
        summary = ", ".join(f"{n} {what}" for what, n in counts.items() if n)
        timeline_add(
            case=case, actor=actor, kind=CaseEvent.Kind.INDICATORS, summary=f"Signs of exploitation: {summary}"
        )
    return counts


@transaction.atomic
def note_add(*, actor: User, case: Case, text: str) -> CaseNote:
    note = CaseNote.objects.create(case=case, author=actor, text=text)
    timeline_add(case=case, actor=actor, kind=CaseEvent.Kind.NOTE_ADDED, summary="Note added", note_id=note.pk)
    return note


@transaction.atomic
def note_edit(*, actor: User, note: CaseNote, text: str) -> CaseNote:
    """Only the author edits a note; django-auditlog keeps the previous text."""
    note = CaseNote.objects.select_for_update().get(pk=note.pk)
    if note.author_id != actor.pk:
        raise NotAllowed("Only the person who wrote a note can edit it.")
    note.text, note.edited = text, timezone.now()
    note.save(update_fields=["text", "edited"])
    timeline_add(case=note.case, actor=actor, kind=CaseEvent.Kind.NOTE_EDITED, summary="Note edited", note_id=note.pk)
    return note


def _check_assignee(*, case: Case, assignee: User) -> None:
    if not cases_visible_to(assignee).filter(pk=case.pk).exists():
        raise NotAllowed("The person you assign must be able to see this case.")


@transaction.atomic
def task_add(*, actor: User, case: Case, title: str, assignee: User, due_on: datetime.date) -> CaseTask:
    _check_assignee(case=case, assignee=assignee)
    task = CaseTask.objects.create(case=case, title=title, assignee=assignee, due_on=due_on, created_by=actor)
    timeline_add(
        case=case,
        actor=actor,
        kind=CaseEvent.Kind.TASK_ADDED,
        summary=f"Task for {assignee}, due {due_on:%-d %b %Y}: {title}",
        task_id=task.pk,
    )
    return task


@transaction.atomic
def task_set_status(*, actor: User, task: CaseTask, status: TaskStatus | str) -> CaseTask:
    task = CaseTask.objects.select_for_update().select_related("case").get(pk=task.pk)
    status = TaskStatus(status)
    if task.status == status:
        return task
    task.status = status
    task.completed_at = timezone.now() if status == TaskStatus.DONE else None
    task.save(update_fields=["status", "completed_at"])
    timeline_add(
        case=task.case,
        actor=actor,
        kind=CaseEvent.Kind.TASK_UPDATED,
        summary=f"Task '{task.title}' marked {status.label.lower()}",
        task_id=task.pk,
    )
    return task


@transaction.atomic
def document_add(
    *, actor: User, case: Case, upload: UploadedFile, description: str, document_date: datetime.date | None
) -> CaseDocument:
    """Store an uploaded file outside the web root. Type and size are checked by the form and again here."""
    name = upload.name or "document"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in settings.DOCUMENT_TYPES:
        raise NotAllowed("The file must be a PDF, JPG, PNG, DOC or DOCX.")
    if (upload.size or 0) > settings.DOCUMENT_MAX_BYTES:
        raise NotAllowed("The file must be smaller than 25MB.")
    document = CaseDocument(
        case=case,
        original_name=name[-200:],
        content_type=settings.DOCUMENT_TYPES[suffix],
        size=upload.size or 0,
        description=description,
        document_date=document_date,
        uploaded_by=actor,
    )
    document.file.save(name, upload, save=False)
    try:
        document.save()
    except Exception:
        document.file.storage.delete(document.file.name)
        raise
    timeline_add(
        case=case, actor=actor, kind=CaseEvent.Kind.DOCUMENT_ADDED, summary=f"Document added: {description[:200]}"
    )
    return document


def documents_sweep_orphans(*, older_than: datetime.timedelta = datetime.timedelta(days=1)) -> int:
    """Delete stored files that no document row points at: a transaction that rolled back after the file was
    written leaves one. Only files older than `older_than`, so an upload still in its transaction is safe."""
    root = Path(settings.DOCUMENTS_ROOT)
    if not root.is_dir():
        return 0
    cutoff = (timezone.now() - older_than).timestamp()
    candidates = {
        path.relative_to(root).as_posix(): path
        for path in root.rglob("*")
        if path.is_file() and path.stat().st_mtime < cutoff
    }
    kept = set(CaseDocument.objects.filter(file__in=list(candidates)).values_list("file", flat=True))
    removed = 0
    for name, path in candidates.items():
        if name not in kept:
            path.unlink(missing_ok=True)
            removed += 1
    if removed:
        audit_event(actor=None, action="cases.document.orphans_removed", extra={"files": removed})
    return removed


def _site_link(name: str, **kwargs: Any) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _triage_recipients(*, organisation: Organisation) -> list[str]:
    if organisation.triage_email:
        return [organisation.triage_email]
    return _member_emails(organisation=organisation, roles=TRIAGE_ROLES)


def _member_emails(*, organisation: Organisation, roles: frozenset[Role]) -> list[str]:
    return sorted(
        Membership.objects.filter(organisation=organisation, role__in=roles, user__is_active=True)
        .values_list("user__email", flat=True)
        .distinct()
    )


@transaction.atomic
def triage_notification_send(*, case_id: int) -> bool:
    """Email the owning organisation's triage inbox once. Returns False when there was nothing to do.

    The email names the case reference and a link, never its content.
    """
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("owning_organisation")
        .filter(pk=case_id, triage_notified_at__isnull=True)
        .exclude(reference=None)
        .first()
    )
    if case is None:
        return False
    recipients = _triage_recipients(organisation=case.owning_organisation)
    if recipients:
        send_mail(
            subject=f"New concern {case.reference} in your triage queue",
            message=(
                f"A new concern, {case.reference}, has been reported to {case.owning_organisation.name}.\n\n"
                f"Sign in to see it: {_site_link('cases:detail', reference=case.reference)}\n\n"
                "This email does not contain case details. Do not reply to it."
            ),
            from_email=None,
            recipient_list=recipients,
        )
    case.triage_notified_at = timezone.now()
    case.save(update_fields=["triage_notified_at"])
    audit_event(actor=None, action="cases.case.triage_notified", obj=case, extra={"recipients": len(recipients)})
    return True


@transaction.atomic
def managers_alert_send(*, case_id: int, cause: str, subject: str, what: str) -> int:
    """Tell the owning organisation's managers that something on a case needs them (no case content).

    Once per cause (e.g. one triage event): a redelivered task finds the audit row and sends nothing.
    """
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("owning_organisation")
        .filter(pk=case_id)
        .exclude(reference=None)
        .first()
    )
    if (
        case is None
        or AuditEvent.objects.filter(
            action="cases.case.managers_alerted", object_pk=str(case.pk), extra__cause=cause
        ).exists()
    ):
        return 0
    recipients = _member_emails(organisation=case.owning_organisation, roles=frozenset({Role.MANAGER}))
    if recipients:
        send_mail(
            subject=f"{subject}: {case.reference}",
            message=(
                f"{what} on case {case.reference}.\n\n"
                f"Sign in to see it: {_site_link('cases:detail', reference=case.reference)}\n\n"
                "This email does not contain case details. Do not reply to it."
            ),
            from_email=None,
            recipient_list=recipients,
        )
    audit_event(
        actor=None,
        action="cases.case.managers_alerted",
        obj=case,
        extra={"cause": cause, "recipients": len(recipients)},
    )
    return len(recipients)


def task_digests_send(*, day: datetime.date) -> int:
    """Email each person with open tasks due on or before `day` once that day. Safe to run again."""
    sent = 0
    user_ids = (
        CaseTask.objects.filter(status=TaskStatus.OPEN, due_on__lte=day, assignee__is_active=True)
        .values_list("assignee_id", flat=True)
        .distinct()
    )
    for user in User.objects.filter(pk__in=list(user_ids)).exclude(
        pk__in=TaskDigest.objects.filter(day=day).values("user_id")
    ):
        with transaction.atomic():
            _, created = TaskDigest.objects.get_or_create(user=user, day=day)
            if not created:
                continue
            tasks = CaseTask.objects.filter(assignee=user, status=TaskStatus.OPEN, due_on__lte=day)
            overdue = tasks.filter(due_on__lt=day).count()
            due_today = tasks.filter(due_on=day).count()
            send_mail(
                subject="Your case tasks for today",
                message=(
                    f"You have {due_today} task(s) due today and {overdue} overdue.\n\n"
                    f"Sign in to see them: {_site_link('cases:my_tasks')}\n\n"
                    "This email does not contain case details."
                ),
                from_email=None,
                recipient_list=[user.email],
            )
            sent += 1
    return sent
