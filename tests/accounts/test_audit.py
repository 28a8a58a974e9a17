import pytest
from auditlog.models import LogEntry
from django.db import DatabaseError, connection, transaction

from accounts.audit import ACTIONS, audit_event
from accounts.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_an_unknown_action_is_refused(people):
    with pytest.raises(ValueError, match="Unknown audit action"):
        audit_event(actor=people.alice, action="cases.case.peeked")


def test_every_action_has_words_for_the_audit_tab():
    assert all(label and label[0].isupper() for label in ACTIONS.values())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the append-only trigger is PostgreSQL's")
@pytest.mark.parametrize("table", ["accounts_auditevent", "auditlog_logentry"])
def test_audit_rows_cannot_be_changed_or_deleted_in_the_database(people, case_a, table):
    audit_event(actor=people.alice, action="cases.case.viewed", obj=case_a)
    LogEntry.objects.log_create(case_a, action=LogEntry.Action.ACCESS, changes="{}")
    for statement in (f"UPDATE {table} SET object_repr = 'tampered'", f"DELETE FROM {table}"):  # noqa: S608
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert AuditEvent.objects.exclude(object_repr="tampered").count() == AuditEvent.objects.count() > 0
