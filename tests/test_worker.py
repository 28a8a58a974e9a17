"""Delivery through a real Celery worker and the configured broker (Redis in CI, the filesystem otherwise)."""

import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from cases import services
from cases.models import Case, YesNoNotSure
from config.celery import app

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def real_worker():
    """A worker thread consuming a queue of its own, so no other worker on the same broker takes the message."""
    previous_queue = app.conf.task_default_queue
    app.conf.task_always_eager = False
    app.conf.task_default_queue = f"test-{uuid.uuid4().hex}"
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10, loglevel="WARNING"):
        yield
    app.conf.task_default_queue = previous_queue


def test_a_submitted_concern_reaches_the_triage_inbox_through_the_broker(people, real_worker):
    people.org_a.triage_email = "triage@org-a.example"
    people.org_a.save(update_fields=["triage_email"])
    case = services.concern_submit(
        actor=people.alice,
        organisation=people.org_a,
        data=services.ConcernData(
            what_was_seen="Fictional: a man living in a shed behind a takeaway.",
            location_description="Fictional Parade",
            under_18=YesNoNotSure.NO,
            immediate_danger=YesNoNotSure.NO,
        ),
    )  # autocommit: on_commit runs at once and publishes the task id to the broker
    deadline = time.monotonic() + 30

    def delivered() -> bool:  # the email is sent, then the stamp commits
        return bool(mail.outbox) and Case.objects.get(pk=case.pk).triage_notified_at is not None

    while not delivered() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [m.to for m in mail.outbox] == [["triage@org-a.example"]]
    assert case.reference in mail.outbox[0].subject
    assert Case.objects.get(pk=case.pk).triage_notified_at is not None
