from django.urls import path

from cases import views

app_name = "cases"

urlpatterns = [
    path("", views.my_cases, name="my_cases"),
    path("report-a-concern/", views.report_concern, name="report_concern"),
    path("drafts/", views.my_drafts, name="my_drafts"),
    path("drafts/<int:draft_id>/", views.report_concern, name="edit_draft"),
    path("drafts/<int:draft_id>/check-answers/", views.check_answers, name="check_answers"),
    path("drafts/<int:draft_id>/delete/", views.discard_draft, name="discard_draft"),
    path("tasks/", views.my_tasks, name="my_tasks"),
    path("<str:reference>/", views.detail, name="detail"),
    path("<str:reference>/submitted/", views.submitted, name="submitted"),
    path("<str:reference>/triage/", views.triage, name="triage"),
    path("<str:reference>/signs/", views.indicators, name="indicators"),
    path("<str:reference>/status/", views.change_status, name="change_status"),
    path("<str:reference>/person/", views.placeholder, {"tab": "person"}, name="person"),
    path("<str:reference>/referrals/", views.referrals, name="referrals"),
    path("<str:reference>/tasks/", views.tasks, name="tasks"),
    path("<str:reference>/tasks/<int:task_id>/status/", views.task_status, name="task_status"),
    path("<str:reference>/notes/", views.notes, name="notes"),
    path("<str:reference>/notes/<int:note_id>/edit/", views.note_edit, name="note_edit"),
    path("<str:reference>/timeline/", views.timeline, name="timeline"),
    path("<str:reference>/documents/", views.documents, name="documents"),
    path("<str:reference>/documents/<int:document_id>/", views.document_download, name="document_download"),
    path("<str:reference>/sharing/", views.sharing_page, name="sharing"),
    path("<str:reference>/sharing/<int:share_id>/end/", views.share_revoke, name="share_revoke"),
    path("<str:reference>/audit/", views.audit, name="audit"),
]
