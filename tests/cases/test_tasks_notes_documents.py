import datetime

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from accounts.models import AuditEvent
from cases import services
from cases.models import CaseDocument, CaseTask, TaskStatus
from cases.tasks import send_task_digests

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def test_a_task_can_only_go_to_someone_who_can_see_the_case(people, case_a):
    with pytest.raises(services.NotAllowed):
        services.task_add(actor=people.alice, case=case_a, title="Visit", assignee=people.charlie, due_on=TODAY)


def test_my_tasks_lists_open_tasks_soonest_first_and_not_after_access_ends(people, client_for, shared_case):
    later = services.task_add(actor=people.bob, case=shared_case, title="Later", assignee=people.dana, due_on=TODAY)
    sooner = services.task_add(
        actor=people.bob, case=shared_case, title="Sooner", assignee=people.dana, due_on=TODAY - datetime.timedelta(1)
    )
    body = client_for(people.dana).get(reverse("cases:my_tasks")).content.decode()
    assert body.index("Sooner") < body.index("Later")
    services.task_set_status(actor=people.dana, task=sooner, status=TaskStatus.DONE)
    from cases import sharing

    sharing.share_revoke(actor=people.bob, share=shared_case.shares.get())
    body = client_for(people.dana).get(reverse("cases:my_tasks")).content.decode()
    assert "Later" not in body and "Sooner" not in body
    assert CaseTask.objects.get(pk=later.pk).status == TaskStatus.OPEN


def test_the_daily_digest_is_sent_once_a_day_with_counts_not_content(people, case_a, mailoutbox):
    services.task_add(actor=people.alice, case=case_a, title="Ring the hostel", assignee=people.bob, due_on=TODAY)
    services.task_add(
        actor=people.alice, case=case_a, title="Chase the GP", assignee=people.bob, due_on=TODAY - datetime.timedelta(3)
    )
    services.task_add(
        actor=people.alice, case=case_a, title="Next week", assignee=people.alice, due_on=TODAY + datetime.timedelta(7)
    )
    assert send_task_digests(TODAY.isoformat()) == 1
    assert send_task_digests(TODAY.isoformat()) == 0  # never twice for the same day
    assert [m.to for m in mailoutbox] == [["bob@test.example"]]
    assert "1 task(s) due today and 1 overdue" in mailoutbox[0].body
    assert "hostel" not in mailoutbox[0].body
    assert send_task_digests((TODAY + datetime.timedelta(1)).isoformat()) == 1


def test_digest_is_scheduled_daily():
    from django_celery_beat.models import PeriodicTask

    call_command("setup_periodic_tasks")
    assert PeriodicTask.objects.get(task="cases.tasks.send_task_digests").crontab.hour == "7"


def test_only_the_author_edits_a_note_and_the_audit_log_keeps_the_previous_text(people, client_for, case_a):
    note = services.note_add(actor=people.alice, case=case_a, text="Fictional: first version")
    with pytest.raises(services.NotAllowed):
        services.note_edit(actor=people.bob, note=note, text="changed by someone else")
    client = client_for(people.alice)
    client.post(reverse("cases:note_edit", args=[case_a.reference, note.pk]), {"text": "Fictional: second version"})
    note.refresh_from_db()
    assert note.text == "Fictional: second version" and note.edited is not None
    change = LogEntry.objects.get_for_object(note).filter(action=LogEntry.Action.UPDATE).get()
    assert change.changes_dict["text"] == ["Fictional: first version", "Fictional: second version"]
    audit_page = client.get(reverse("cases:audit", args=[case_a.reference])).content.decode()
    assert "Case note: edited, text" in audit_page or "Case note: text" in audit_page


@pytest.fixture
def documents_dir(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return settings.DOCUMENTS_ROOT


def upload(client, case, name="statement.pdf", content=b"%PDF-1.4 fictional", description="Statement"):
    return client.post(
        reverse("cases:documents", args=[case.reference]),
        {"file": SimpleUploadedFile(name, content), "description": description},
    )


def test_upload_is_stored_outside_the_web_root_and_served_only_to_those_who_can_see(
    people, client_for, case_a, documents_dir
):
    client = client_for(people.alice)
    assert upload(client, case_a).status_code == 302
    document = CaseDocument.objects.get()
    path = documents_dir / document.file.name
    assert path.exists() and "statement" not in path.name  # random name on disk
    assert not str(path).startswith(str(settings.STATIC_ROOT))
    url = reverse("cases:document_download", args=[case_a.reference, document.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 fictional"
    assert 'attachment; filename="statement.pdf"' in response["Content-Disposition"]
    assert AuditEvent.objects.filter(action="cases.document.downloaded", actor=people.alice).exists()
    client.logout()
    assert client_for(people.charlie).get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "message"),
    [("run.exe", "must be a PDF, JPG, PNG, DOC or DOCX"), ("empty.pdf", "The selected file is empty")],
)
def test_wrong_files_get_a_clear_message(people, client_for, case_a, documents_dir, name, message):
    response = upload(client_for(people.alice), case_a, name=name, content=b"" if name == "empty.pdf" else b"MZ")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CaseDocument.objects.exists()


def test_a_file_over_25mb_is_refused(people, case_a, documents_dir, settings):
    settings.DOCUMENT_MAX_BYTES = 10
    with pytest.raises(services.NotAllowed, match="25MB"):
        services.document_add(
            actor=people.alice,
            case=case_a,
            upload=SimpleUploadedFile("big.pdf", b"x" * 11),
            description="Too big",
            document_date=None,
        )


def test_marking_a_task_done_never_redirects_off_site(people, client_for, case_a):
    task = services.task_add(actor=people.alice, case=case_a, title="Visit", assignee=people.alice, due_on=TODAY)
    response = client_for(people.alice).post(
        reverse("cases:task_status", args=[case_a.reference, task.pk]),
        {"status": "DONE", "next": "https://evil.example/phish"},
    )
    assert response.url == reverse("cases:tasks", args=[case_a.reference])
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_a_shared_organisation_is_not_offered_triage(people, client_for, shared_case):
    page = client_for(people.dana).get(reverse("cases:detail", args=[shared_case.reference])).content.decode()
    assert reverse("cases:triage", args=[shared_case.reference]) not in page
    response = client_for(people.dana).post(
        reverse("cases:triage", args=[shared_case.reference]),
        {"lead_worker": people.alice.pk, "risk_level": "HIGH", "reason": "x"},
    )
    assert response.status_code == 200
    assert "Only a case worker or manager of the owning organisation can triage" in response.content.decode()


def test_a_file_left_by_a_rolled_back_upload_is_swept_and_kept_files_stay(people, case_a, documents_dir):
    from django.db import transaction

    kept = services.document_add(
        actor=people.alice,
        case=case_a,
        upload=SimpleUploadedFile("kept.pdf", b"%PDF"),
        description="Kept",
        document_date=None,
    )
    with pytest.raises(RuntimeError), transaction.atomic():
        services.document_add(
            actor=people.alice,
            case=case_a,
            upload=SimpleUploadedFile("lost.pdf", b"%PDF"),
            description="Lost",
            document_date=None,
        )
        raise RuntimeError("the request failed after the upload")
    files = sorted(p for p in documents_dir.rglob("*") if p.is_file())
    assert len(files) == 2 and CaseDocument.objects.count() == 1
    assert services.documents_sweep_orphans() == 0  # both are new: an upload may still be in its transaction
    assert services.documents_sweep_orphans(older_than=datetime.timedelta(0)) == 1
    assert [p for p in documents_dir.rglob("*") if p.is_file()] == [documents_dir / kept.file.name]
    assert AuditEvent.objects.filter(action="cases.document.orphans_removed", extra__files=1).exists()


def test_the_orphan_sweep_is_scheduled():
    from django_celery_beat.models import PeriodicTask

    call_command("setup_periodic_tasks")
    assert PeriodicTask.objects.filter(task="cases.tasks.sweep_orphan_documents", enabled=True).exists()
