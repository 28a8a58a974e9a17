"""Every case page a user opens is a read of the case, and is written to the audit log."""

import pytest

from accounts.models import AuditEvent
from tests.urlwalk import path_for, walk

pytestmark = pytest.mark.django_db

CASE_PAGES = [
    r for r in walk() if r.name.startswith("cases:") and r.params == ("reference",) and r.name != "cases:submitted"
]


def test_the_sweep_finds_the_case_tabs():
    assert {r.name for r in CASE_PAGES} >= {
        "cases:detail",
        "cases:tasks",
        "cases:notes",
        "cases:timeline",
        "cases:documents",
        "cases:sharing",
        "cases:audit",
        "cases:person",
        "cases:referrals",
        "cases:triage",
        "cases:change_status",
        "cases:indicators",
    }


@pytest.mark.parametrize("route", CASE_PAGES, ids=lambda r: r.name)
def test_opening_a_case_page_is_audited(people, client_for, case_a, route):
    response = client_for(people.bob).get(path_for(route, {"reference": case_a.reference}))
    assert response.status_code == 200
    event = AuditEvent.objects.filter(actor=people.bob, object_pk=str(case_a.pk)).get()
    assert event.action in {"cases.case.viewed", "cases.case.audit_viewed"}
