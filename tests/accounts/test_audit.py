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


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the expression index is PostgreSQL's")
def test_a_cases_audit_tab_finds_its_notes_through_an_index_not_a_scan(people, case_a):
    from accounts.selectors import audit_trail_for
    from cases import services

    services.note_add(actor=people.alice, case=case_a, text="Fictional note")
    entries = LogEntry.objects.filter(additional_data__case_id=case_a.pk)
    assert entries.count() == 1  # the lookup the Audit tab uses finds the note's change
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny test table would be scanned anyway
        plan = entries.explain()
    assert "auditlog_logentry_case_id" in plan
    assert any("note" in row.detail.lower() for row in audit_trail_for(obj=case_a, related_key="case_id"))
