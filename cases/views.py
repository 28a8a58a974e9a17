"""Case pages: report a concern, the list of cases, the case record and its audit tab."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.audit import audit_access
from accounts.models import User
from accounts.selectors import audit_trail_for, organisations_user_can_report_for
from cases import selectors, services
from cases.forms import ConcernForm

CASES_PER_PAGE = 25


@require_http_methods(["GET", "POST"])
def report_concern(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    organisations = organisations_user_can_report_for(user=user)
    if not organisations:
        return render(request, "cases/cannot_report.html", status=403)
    form = ConcernForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        case = services.concern_submit(actor=user, organisation=form.chosen_organisation(), data=form.concern_data())
        return redirect("cases:submitted", reference=case.reference)
    return render(request, "cases/report_concern.html", {"form": form})


def submitted(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_get_for_user(user=request.user, reference=reference)  # type: ignore[arg-type]
    return render(request, "cases/submitted.html", {"case": case})


def my_cases(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.case_list_for_user(user=request.user), CASES_PER_PAGE).get_page(  # type: ignore[arg-type]
        request.GET.get("page")
    )
    return render(request, "cases/my_cases.html", {"page": page})


def detail(request: HttpRequest, reference: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case = selectors.case_get_for_user(user=user, reference=reference)
    audit_access(actor=user, obj=case, request=request)
    return render(
        request,
        "cases/detail.html",
        {"case": case, "shares": selectors.case_active_shares(case=case), "tab": "summary"},
    )


def audit(request: HttpRequest, reference: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    case = selectors.case_get_for_user(user=user, reference=reference)
    audit_access(actor=user, obj=case, request=request, action="cases.case.audit_viewed")
    return render(request, "cases/audit.html", {"case": case, "rows": audit_trail_for(obj=case), "tab": "audit"})
