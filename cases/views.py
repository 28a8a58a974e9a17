"""Case pages: report a concern (drafts, check answers), the case list, the case record and its tabs."""

from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from accounts.audit import audit_access, audit_event
from accounts.models import Role, User
from accounts.selectors import audit_trail_for, organisations_to_share_with, organisations_user_can_report_for
from cases import lifecycle, selectors, services, sharing
from cases.filters import CaseFilter
from cases.forms import (
    ChildReferralsExceptionForm,
    ConcernForm,
    DocumentForm,
    IndicatorsForm,
    NoteForm,
    SharingDecisionForm,
    TaskForm,
    TransitionForm,
    TriageForm,
)
from cases.models import Case, CaseState, TaskStatus
from cases.pagination import keyset_page

CASES_PER_PAGE = 25


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


# Report a concern ------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def report_concern(request: HttpRequest, draft_id: int | None = None) -> HttpResponse:
    """The concern form. "Continue" checks the required answers and goes to check answers; "Save and come
    back later" keeps whatever is typed as a draft. Either way nothing typed is lost."""
    user = _user(request)
    organisations = organisations_user_can_report_for(user=user)
    if not organisations:
        return render(request, "cases/cannot_report.html", status=403)
    draft = selectors.draft_get_for_user(user=user, draft_id=draft_id) if draft_id else None
    saving = "save_draft" in request.POST
    if request.method == "POST":
        form = ConcernForm(request.POST, organisations=organisations, draft=saving)
        autosave = saving and request.headers.get("X-Autosave") == "1"
        if form.is_valid():
            draft = services.draft_save(
                actor=user, organisation=form.chosen_organisation(), data=form.concern_data(), draft=draft
            )
            if autosave:  # the session warning saved the form; later saves go to the same draft
                return JsonResponse({"saved": True, "action": reverse("cases:edit_draft", args=[draft.pk])})
            if saving:
                messages.success(request, "Your concern is saved as a draft. Find it under 'My drafts'.")
                return redirect("cases:my_drafts")
            return redirect("cases:check_answers", draft_id=draft.pk)
        if autosave:
            return JsonResponse({"saved": False, "errors": form.errors}, status=400)
    else:
        form = ConcernForm(
            initial=ConcernForm.initial_from(draft) if draft else None, organisations=organisations, draft=False
        )
    return render(request, "cases/report_concern.html", {"form": form, "draft": draft})


@require_http_methods(["GET", "POST"])
def check_answers(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = _user(request)
    draft = selectors.draft_get_for_user(user=user, draft_id=draft_id)
    if request.method == "POST":
        try:
            case = services.draft_submit(actor=user, draft=draft)
        except services.IntakeIncomplete as incomplete:
            for message in incomplete.errors.values():
                messages.error(request, message)
            return redirect("cases:edit_draft", draft_id=draft.pk)
        except services.NotAMember as refused:
            messages.error(request, str(refused))
            return redirect("cases:edit_draft", draft_id=draft.pk)
        return redirect("cases:submitted", reference=case.reference)
    return render(
        request,
        "cases/check_answers.html",
        {
            "draft": draft,
            "indicators": draft.indicators.select_related("indicator"),
            "exploitation": draft.exploitation.all(),
            "missing": services.intake_missing_answers(draft),
        },
    )


def my_drafts(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/my_drafts.html", {"drafts": selectors.drafts_for_user(user=_user(request))})


@require_POST
def discard_draft(request: HttpRequest, draft_id: int) -> HttpResponse:
    user = _user(request)
    services.draft_discard(actor=user, draft=selectors.draft_get_for_user(user=user, draft_id=draft_id))
    messages.success(request, "The draft has been deleted.")
    return redirect("cases:my_drafts")


def submitted(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_get_for_user(user=_user(request), reference=reference)
    return render(request, "cases/submitted.html", {"case": case})


# Finding cases ----------------------------------------------------------------------------------------------


def my_cases(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    case_filter = CaseFilter(request.GET, queryset=selectors.case_list_for_user(user=user), request=request)
    page = keyset_page(case_filter.qs, request.GET, per_page=CASES_PER_PAGE, rows=selectors.case_rows)
    return render(request, "cases/my_cases.html", {"filter": case_filter, "page": page})


def my_tasks(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/my_tasks.html", {"tasks": selectors.tasks_for_user(user=_user(request))})


# The case record --------------------------------------------------------------------------------------------


def _case_page(request: HttpRequest, reference: str, action: str = "") -> Case:
    """Fetch through the selector (404 if not visible) and write the read to the audit log."""
    user = _user(request)
    case = selectors.case_get_for_user(user=user, reference=reference)
    audit_access(actor=user, obj=case, request=request, action=action)
    return case


def _render_tab(
    request: HttpRequest, case: Case, tab: str, template: str, roles: set[Role] | None = None, **context: Any
) -> HttpResponse:
    roles = selectors.roles_on_case(user=_user(request), case=case) if roles is None else roles
    return render(
        request,
        template,
        {
            "case": case,
            "tab": tab,
            "moves": lifecycle.moves_for(case.status, roles),
            "can_triage": case.is_open and bool(roles & services.TRIAGE_ROLES),
            "can_share": bool(roles & sharing.SHARING_ROLES),
            **context,
        },
    )


def detail(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_page(request, reference)
    roles = selectors.roles_on_case(user=_user(request), case=case)
    return _render_tab(
        request,
        case,
        "summary",
        "cases/detail.html",
        roles,
        can_change_indicators=case.is_open and bool(roles & services.INDICATOR_ROLES),
        indicators=selectors.case_indicators(case=case),
        exploitation=case.exploitation.all(),
        shares=selectors.case_active_shares(case=case),
    )


def placeholder(request: HttpRequest, reference: str, tab: str) -> HttpResponse:
    case = _case_page(request, reference)
    return _render_tab(request, case, tab, "cases/placeholder.html")


@require_http_methods(["GET", "POST"])
def referrals(request: HttpRequest, reference: str) -> HttpResponse:
    """Referrals arrive with their own app; for a child's case this tab already shows R1 and takes its exception."""
    case = _case_page(request, reference)
    roles = selectors.roles_on_case(user=_user(request), case=case)
    exception = selectors.child_referrals_exception(case=case)
    can_record = case.is_child and exception is None and bool(roles & services.CHILD_REFERRALS_EXCEPTION_ROLES)
    form = ChildReferralsExceptionForm(request.POST or None) if can_record else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.child_referrals_exception_record(actor=_user(request), case=case, **form.cleaned_data)
        except services.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Exception recorded. The case can now move on or close.")
            return redirect("cases:referrals", reference=case.reference)
    return _render_tab(request, case, "referrals", "cases/referrals.html", roles, form=form, exception=exception)


@require_http_methods(["GET", "POST"])
def indicators(request: HttpRequest, reference: str) -> HttpResponse:
    """Signs of exploitation: how each is known (observed or reported) and a note; add or remove signs."""
    case = _case_page(request, reference)
    roles = selectors.roles_on_case(user=_user(request), case=case)
    can_change = case.is_open and bool(roles & services.INDICATOR_ROLES)
    recorded = selectors.case_indicators(case=case)
    form = None
    if can_change:
        others = selectors.indicators_not_recorded(case=case)
        form = IndicatorsForm(request.POST or None, recorded=recorded, others=others)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.indicators_update(actor=_user(request), case=case, changes=form.changes(), added=form.added())
        except services.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Signs of exploitation saved.")
            return redirect("cases:indicators", reference=case.reference)
    return _render_tab(
        request, case, "summary", "cases/indicators.html", roles, form=form, recorded=recorded, can_change=can_change
    )


@require_http_methods(["GET", "POST"])
def triage(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_page(request, reference)
    team = selectors.case_team(case=case)
    initial = {"lead_worker": case.lead_worker_id, "risk_level": case.risk_level}
    form = TriageForm(request.POST or None, team=team, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_triage(actor=_user(request), case=case, **form.cleaned_data)
        except services.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Triage saved.")
            return redirect("cases:detail", reference=case.reference)
    return _render_tab(request, case, "summary", "cases/form_page.html", form=form, heading="Triage")


@require_http_methods(["GET", "POST"])
def change_status(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_page(request, reference)
    roles = selectors.roles_on_case(user=_user(request), case=case)
    moves = lifecycle.moves_for(case.status, roles)
    form = TransitionForm(request.POST or None, moves=moves)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.transition(actor=_user(request), case=case, **form.cleaned_data)
        except services.TransitionNotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"The case is now '{CaseState(case.status).label}'.")
            return redirect("cases:detail", reference=case.reference)
    return _render_tab(request, case, "summary", "cases/form_page.html", form=form, heading="Change the case's status")


@require_http_methods(["GET", "POST"])
def tasks(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_page(request, reference)
    form = TaskForm(request.POST or None, team=selectors.case_team(case=case))
    if request.method == "POST" and form.is_valid():
        try:
            services.task_add(actor=_user(request), case=case, **form.cleaned_data)
        except services.NotAllowed as refused:
            form.add_error("assignee", str(refused))
        else:
            messages.success(request, "Task added.")
            return redirect("cases:tasks", reference=case.reference)
    return _render_tab(request, case, "tasks", "cases/tasks.html", form=form, tasks=selectors.case_tasks(case=case))


@require_POST
def task_status(request: HttpRequest, reference: str, task_id: int) -> HttpResponse:
    case = _case_page(request, reference)
    task = selectors.task_get(case=case, task_id=task_id)
    status = request.POST.get("status", "")
    if status in TaskStatus.values:
        services.task_set_status(actor=_user(request), task=task, status=status)
        messages.success(request, f"Task marked {TaskStatus(status).label.lower()}.")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("cases:tasks", kwargs={"reference": case.reference})
    return redirect(back)


@require_http_methods(["GET", "POST"])
def notes(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_page(request, reference)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.note_add(actor=_user(request), case=case, text=form.cleaned_data["text"])
        messages.success(request, "Note added.")
        return redirect("cases:notes", reference=case.reference)
    return _render_tab(request, case, "notes", "cases/notes.html", form=form, notes=selectors.case_notes(case=case))


@require_http_methods(["GET", "POST"])
def note_edit(request: HttpRequest, reference: str, note_id: int) -> HttpResponse:
    case = _case_page(request, reference)
    note = selectors.note_get(case=case, note_id=note_id)
    form = NoteForm(request.POST or None, initial={"text": note.text}, button="Save note")
    if request.method == "POST" and form.is_valid():
        try:
            services.note_edit(actor=_user(request), note=note, text=form.cleaned_data["text"])
        except services.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Note saved. The earlier version is kept in the audit log.")
            return redirect("cases:notes", reference=case.reference)
    return _render_tab(request, case, "notes", "cases/form_page.html", form=form, heading="Edit note")


def timeline(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_page(request, reference)
    return _render_tab(request, case, "timeline", "cases/timeline.html", events=selectors.case_timeline(case=case))


@require_http_methods(["GET", "POST"])
def documents(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_page(request, reference)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_add(
                actor=_user(request),
                case=case,
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
                document_date=form.cleaned_data["document_date"],
            )
        except services.NotAllowed as refused:
            form.add_error("file", str(refused))
        else:
            messages.success(request, "Document uploaded.")
            return redirect("cases:documents", reference=case.reference)
    return _render_tab(
        request, case, "documents", "cases/documents.html", form=form, documents=selectors.case_documents(case=case)
    )


def document_download(request: HttpRequest, reference: str, document_id: int) -> FileResponse:
    case = selectors.case_get_for_user(user=_user(request), reference=reference)
    document = selectors.document_get(case=case, document_id=document_id)
    audit_event(
        actor=_user(request),
        action="cases.document.downloaded",
        obj=case,
        request=request,
        extra={"document_id": document.pk},
    )
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )


@require_http_methods(["GET", "POST"])
def sharing_page(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_page(request, reference)
    recipients = organisations_to_share_with(owner_id=case.owning_organisation_id)
    form = SharingDecisionForm(request.POST or None, recipients=recipients)
    if request.method == "POST" and form.is_valid():
        try:
            sharing.sharing_decision_record(
                actor=_user(request), case=case, data=sharing.DecisionData(**form.cleaned_data)
            )
        except sharing.ShareNotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Shared with {form.cleaned_data['recipient'].name}.")
            return redirect("cases:sharing", reference=case.reference)
    return _render_tab(
        request,
        case,
        "sharing",
        "cases/sharing.html",
        form=form,
        shares=selectors.case_active_shares(case=case),
        decisions=selectors.case_sharing_decisions(case=case),
    )


@require_POST
def share_revoke(request: HttpRequest, reference: str, share_id: int) -> HttpResponse:
    case = _case_page(request, reference)
    share = selectors.case_active_shares(case=case).filter(pk=share_id).first()
    if share is None:
        messages.error(request, "That share has already ended.")
        return redirect("cases:sharing", reference=case.reference)
    try:
        sharing.share_revoke(actor=_user(request), share=share)
    except sharing.ShareNotAllowed as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"The share with {share.organisation.name} has ended.")
    return redirect("cases:sharing", reference=case.reference)


def audit(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_page(request, reference, action="cases.case.audit_viewed")
    return _render_tab(
        request, case, "audit", "cases/audit.html", rows=audit_trail_for(obj=case, related_key="case_id")
    )
