"""Time the case list for a user of a large organisation, against a floor measured in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mmsc_bench DEBUG=1 .venv/bin/python bench/case_list.py

Run bench/generate.py first. For each view of the list it prints p50 and p95 over --runs runs of:
  (1) the selector and keyset paginator as the view runs them (rows and the capped count), and (1F) the same
      with the filters applied through the page's FilterSet form,
  (2) hand-written SQL returning the same rows and count: the floor,
  (3) the naive way: guardian.shortcuts.get_objects_for_user over per-case permissions in guardian's generic
      tables (bench/generate.py writes them), with Django's Paginator (COUNT and OFFSET),
  (4) the whole page through Django (middleware, session, template) with the test client,
and the ratios the issue sets goals for: (1)/(2) <= 1.5, (3)/(1) >= 25, page 50/page 1 <= 1.2, (4)/(1) <= 4.
"""

import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Permission  # noqa: E402
from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_static.models import StaticDevice  # noqa: E402
from guardian.shortcuts import get_objects_for_user  # noqa: E402

from accounts.models import Membership, Role, User  # noqa: E402
from cases import selectors  # noqa: E402
from cases.filters import CaseFilter  # noqa: E402
from cases.models import Case, CaseGroupObjectPermission, CaseUserObjectPermission  # noqa: E402
from cases.pagination import COUNT_LIMIT, keyset_page  # noqa: E402

PER_PAGE = 25
settings.DEBUG = False  # no query logging while timing


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    return timed_together([fn], runs)[0]


def timed_together(fns: list[Callable[[], Any]], runs: int) -> list[tuple[float, float]]:
    """p50 and p95 of each function, run in turn within each round, so that the machine's drift during the
    run (this is a shared 2-core machine) falls on all of them alike rather than on whichever ran last; the
    order turns each round, so none always follows the heavy whole-page run and its cold caches.
    As `timeit` does, the garbage collector is off while a function is timed and runs between them, so one
    function's garbage is not collected on another's clock."""
    for fn in fns:
        for _ in range(3):
            fn()
    samples: list[list[float]] = [[] for _ in fns]
    for round_number in range(runs):
        shift = round_number % len(fns)  # each function follows each other one in turn: no position bias
        for fn, taken in list(zip(fns, samples, strict=True))[shift:] + list(zip(fns, samples, strict=True))[:shift]:
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                fn()
                taken.append((time.perf_counter() - start) * 1000)
            finally:
                gc.enable()
    result = []
    for taken in samples:
        taken.sort()
        result.append((statistics.median(taken), taken[int(0.95 * (len(taken) - 1))]))
    return result


class FakeRequest:
    def __init__(self, user: User) -> None:
        self.user = user


def selector_page(user: User, params: dict[str, str], *, with_form: bool = False) -> Callable[[], Any]:
    """(1): the selector, the list's filter and the keyset paginator. With `with_form`, the filter goes through
    the page's django-filter FilterSet (its form and validation), as the view does: column (1F)."""
    query = QueryDict(mutable=True)
    query.update(params)

    def run() -> Any:
        queryset = selectors.case_list_for_user(user=user)
        if with_form:
            queryset = CaseFilter(query, queryset=queryset, request=FakeRequest(user)).qs
        else:
            if "status" in params:
                queryset = queryset.filter(status__in=[params["status"]])
            if "q" in params:
                queryset = queryset.filter(reference__startswith=params["q"].upper())
        page = keyset_page(queryset, query, per_page=PER_PAGE, rows=selectors.case_rows)
        rows = [(c.reference, c.organisation_name, c.lead_worker_name) for c in page.object_list]
        return rows, page.count

    return run


def sql_page(user: User, params: dict[str, str], after: tuple[Any, int] | None) -> Callable[[], Any]:
    """(2): the same work by hand: read the user's memberships, then the page's rows (the columns the table
    shows) and the capped count, in psycopg2 with no ORM. Only the permission id is looked up in advance."""
    view = Permission.objects.get(codename="view_case", content_type__app_label="cases").pk
    where = [
        "(c.owning_organisation_id = ANY(%(whole)s)"
        " OR (c.owning_organisation_id = ANY(%(own)s) AND c.created_by_id = %(user)s)"
        " OR c.id IN (SELECT content_object_id FROM cases_casegroupobjectpermission"
        " WHERE group_id = ANY(%(groups)s) AND permission_id = %(view)s)"
        " OR c.id IN (SELECT content_object_id FROM cases_caseuserobjectpermission"
        " WHERE user_id = %(user)s AND permission_id = %(view)s))",
        "c.status <> 'DRAFT'",
    ]
    args: dict[str, Any] = {"user": user.pk, "view": view}
    if "status" in params:
        where.append("c.status = %(status)s")
        args["status"] = params["status"]
    if "q" in params:
        where.append("c.reference LIKE %(q)s")
        args["q"] = params["q"].upper() + "%"
    count_sql = (
        f"SELECT COUNT(*) FROM (SELECT 1 FROM cases_case c WHERE {' AND '.join(where)} LIMIT {COUNT_LIMIT + 1}) t"
    )
    page_where = list(where)
    if after is not None:
        page_where.append("(c.created, c.id) < (%(after_created)s, %(after_id)s)")
        args["after_created"], args["after_id"] = after
    rows_sql = (
        "SELECT c.id, c.reference, c.status, c.risk_level, c.is_child, c.created, o.name,"
        " u.first_name, u.last_name, u.email FROM cases_case c"
        " JOIN accounts_organisation o ON o.id = c.owning_organisation_id"
        " LEFT JOIN accounts_user u ON u.id = c.lead_worker_id"
        f" WHERE {' AND '.join(page_where)} ORDER BY c.created DESC, c.id DESC LIMIT {PER_PAGE + 1}"
    )
    case_roles, frontline, share_roles = (
        {Role.CASE_WORKER, Role.MANAGER},
        {Role.FRONTLINE},
        {Role.CASE_WORKER, Role.MANAGER, Role.COORDINATOR},
    )

    def run() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT m.organisation_id, m.role, o.group_id FROM accounts_membership m"
                " JOIN accounts_organisation o ON o.id = m.organisation_id WHERE m.user_id = %s AND o.is_active",
                [user.pk],
            )
            memberships = cursor.fetchall()
            args["whole"] = [o for o, r, _ in memberships if r in case_roles]
            args["own"] = [o for o, r, _ in memberships if r in frontline]
            args["groups"] = [g for _, r, g in memberships if r in share_roles]
            cursor.execute(rows_sql, args)
            rows = cursor.fetchall()
            if after is None and len(rows) <= PER_PAGE:
                return rows, len(rows)  # one page holds them all: the count needs no query (as the view does)
            cursor.execute(count_sql, args)
            return rows[:PER_PAGE], cursor.fetchone()[0]

    return run


def naive_page(user: User, params: dict[str, str], page_number: int) -> Callable[[], Any]:
    def run() -> Any:
        # Turn off the direct-foreign-key tables so guardian reads its generic ones, as a team without them would.
        CaseGroupObjectPermission.enabled = False  # type: ignore[attr-defined]
        CaseUserObjectPermission.enabled = False  # type: ignore[attr-defined]
        try:
            queryset = get_objects_for_user(
                user,
                "cases.view_case",
                klass=Case.objects.select_related("owning_organisation", "lead_worker").order_by("-created", "-id"),
                accept_global_perms=False,
            )
            if "status" in params:
                queryset = queryset.filter(status=params["status"])
            if "q" in params:
                queryset = queryset.filter(reference__istartswith=params["q"])
            page = Paginator(queryset, PER_PAGE).page(page_number)
            return [
                (c.reference, c.owning_organisation.name, c.lead_worker) for c in page.object_list
            ], page.paginator.count
        finally:
            del CaseGroupObjectPermission.enabled  # type: ignore[attr-defined]
            del CaseUserObjectPermission.enabled  # type: ignore[attr-defined]

    return run


def page_through_django(user: User, params: dict[str, str]) -> Callable[[], Any]:
    client = Client()
    client.force_login(user)
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Bench", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()

    def run() -> Any:
        response = client.get("/cases/", params)
        assert response.status_code == 200, response.status_code
        return response

    return run


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "30"))
    if connection.vendor != "postgresql":
        sys.exit("Run against the PostgreSQL database bench/generate.py filled.")
    big_org = (
        Membership.objects.filter(user__email__endswith="@bench.invalid")
        .values_list("organisation_id", flat=True)
        .order_by("organisation_id")
        .first()
    )
    user = User.objects.get(
        pk=Membership.objects.filter(organisation_id=big_org, role=Role.CASE_WORKER).values_list("user_id", flat=True)[
            0
        ]
    )
    visible = selectors.case_list_for_user(user=user)
    total = visible.count()
    page50_after = visible.values_list("created", "id")[49 * PER_PAGE - 1]
    from cases.pagination import _encode

    sample_reference = visible.values_list("reference", flat=True)[1234][:12]
    views: list[tuple[str, dict[str, str], tuple[Any, int] | None, int]] = [
        ("first page", {}, None, 1),
        ("page 50", {"after": _encode(list(page50_after))}, page50_after, 50),
        ("status = TRIAGE", {"status": "TRIAGE"}, None, 1),
        (f"search '{sample_reference}'", {"q": sample_reference}, None, 1),
    ]
    print(f"case worker {user.email} sees {total:,} cases; {runs} runs each; milliseconds\n")
    labels = ("(1) p50", "p95", "(1F) p50", "(2) p50", "p95", "(3) p50", "p95", "(4) p50", "p95")
    header = "".join(f"{h:>9}" for h in labels)
    print(f"{'view':<28}{header}{'1/2':>7}{'1F/2':>7}{'3/1':>7}{'4/1':>7}")
    results = {}
    for name, params, after, page_number in views:
        (selector_rows, selector_count), (floor_rows, floor_count) = (
            selector_page(user, params)(),
            sql_page(user, params, after)(),
        )
        same = [r[0] for r in selector_rows] == [r[1] for r in floor_rows]
        assert same and selector_count == min(floor_count, COUNT_LIMIT), f"{name}: the selector and the floor disagree"
        one, one_form, two, four = timed_together(
            [
                selector_page(user, params),
                selector_page(user, params, with_form=True),
                sql_page(user, params, after),
                page_through_django(user, params),
            ],
            runs,
        )
        naive_runs = max(3, runs // 4)  # slow by design: fewer runs
        three = timed(naive_page(user, params, page_number), naive_runs)
        results[name] = (one, two, three, four)
        cells = "".join(f"{v:>9.2f}" for v in (*one, one_form[0], *two, *three, *four))
        ratios = (one[0] / two[0], one_form[0] / two[0], three[0] / one[0], four[0] / one[0])
        print(f"{name:<28}{cells}" + "".join(f"{r:>7.2f}" for r in ratios))
    print(f"\npage 50 / first page (selector, p50): {results['page 50'][0][0] / results['first page'][0][0]:.2f}")


if __name__ == "__main__":
    main()
