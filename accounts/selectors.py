"""Reads for accounts: memberships and audit trails."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import Q

from accounts.audit import ACTIONS
from accounts.models import AuditEvent, InformationSharingAgreement, Membership, Organisation, Role, User


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    action: str
    detail: str


_LOGENTRY_VERBS = {
    LogEntry.Action.CREATE: "Created",
    LogEntry.Action.UPDATE: "Changed",
    LogEntry.Action.DELETE: "Deleted",
    LogEntry.Action.ACCESS: "Accessed",
}


class Access(NamedTuple):
    """A user's memberships of active organisations, as the visibility selectors need them."""

    organisation_id: int
    role: str
    group_id: int


_ACCESS_SQL = (
    "SELECT m.organisation_id, m.role, o.group_id FROM accounts_membership m"
    " INNER JOIN accounts_organisation o ON o.id = m.organisation_id"
    " WHERE m.user_id = %s AND o.is_active"
)


def access_of(*, user: User) -> list[Access]:
    """Read on every list and case page, so written out as SQL: the ORM's version of this two-table read costs
    three times the query (bench/case_list.py). tests/accounts/test_selectors.py checks it against the ORM."""
    with connection.cursor() as cursor:
        cursor.execute(_ACCESS_SQL, [user.pk])
        return [Access._make(row) for row in cursor.fetchall()]


def memberships_of(*, user: User) -> list[Membership]:
    return list(Membership.objects.filter(user=user).select_related("organisation"))


def organisations_user_can_report_for(*, user: User) -> list[Organisation]:
    """The organisations in which `user` may report a concern (any casework role)."""
    roles = {Role.FRONTLINE, Role.CASE_WORKER, Role.MANAGER, Role.COORDINATOR}
    return [m.organisation for m in memberships_of(user=user) if m.role in roles and m.organisation.is_active]


def _actor_label(actor: User | None) -> str:
    return str(actor) if actor is not None else "System"


def _logentry_detail(entry: LogEntry, *, is_self: bool) -> str:
    what = "" if is_self else f"{entry.content_type.name.capitalize()}: "
    if entry.action == LogEntry.Action.UPDATE:
        return what + ", ".join(sorted(entry.changes_dict))
    return what.rstrip(": ")


def audit_trail_for(*, obj: models.Model, related_key: str = "", limit: int = 500) -> list[AuditRow]:
    """Field changes (auditlog) and events (reads, notifications) about `obj`, newest first.

    With `related_key`, changes to rows that name `obj` in their audit data (e.g. a case's notes, whose
    `get_additional_data` gives `case_id`) are included too.
    """
    content_type = ContentType.objects.get_for_model(obj)
    entries = Q(content_type=content_type, object_pk=str(obj.pk))
    if related_key:
        entries |= Q(**{f"additional_data__{related_key}": obj.pk})
    rows = [
        AuditRow(
            at=entry.timestamp,
            actor=_actor_label(entry.actor),
            action=_LOGENTRY_VERBS.get(entry.action, "Changed"),
            detail=_logentry_detail(entry, is_self=entry.content_type_id == content_type.pk),
        )
        for entry in LogEntry.objects.filter(entries)
        .select_related("actor", "content_type")
        .order_by("-timestamp")[:limit]
    ]
    rows += [
        AuditRow(at=event.at, actor=_actor_label(event.actor), action=ACTIONS[event.action], detail="")
        for event in AuditEvent.objects.filter(content_type=content_type, object_pk=str(obj.pk))
        .select_related("actor")
        .order_by("-at")[:limit]
    ]
    rows.sort(key=lambda row: row.at, reverse=True)
    return rows[:limit]


def agreement_covering(*, first: Organisation, second: Organisation, on: date) -> InformationSharingAgreement | None:
    """A current agreement to which both organisations are parties, if there is one."""
    return (
        InformationSharingAgreement.objects.filter(parties=first, starts_on__lte=on)
        .filter(parties=second)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .order_by("-starts_on")
        .first()
    )


def organisations_to_share_with(*, owner_id: int) -> models.QuerySet[Organisation]:
    return Organisation.objects.filter(is_active=True).exclude(pk=owner_id)


def organisations_among(*, organisations: list[Organisation]) -> models.QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=[o.pk for o in organisations])
