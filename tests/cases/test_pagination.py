"""Keyset paging returns every visible case exactly once, in order, whatever the ties in the sort key."""

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.models import Case, RiskLevel
from cases.pagination import SORTS, keyset_page
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def walk_pages(queryset, sort, per_page):
    seen, params = [], {"sort": sort}
    for _ in range(100):
        page = keyset_page(queryset, params, per_page=per_page)
        assert (page.count, page.count_is_capped) == (queryset.count(), False)  # with or without a count query
        seen += [case.pk for case in page.object_list]
        if not page.next_query:
            return seen
        params = dict(pair.split("=") for pair in page.next_query.split("&"))
    raise AssertionError("paging did not end")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    minutes=st.lists(
        st.tuples(st.integers(min_value=0, max_value=4), st.sampled_from(RiskLevel.values)), min_size=0, max_size=30
    ),
    per_page=st.integers(min_value=1, max_value=7),
    sort=st.sampled_from(sorted(SORTS)),
)
def test_every_case_once_in_order(people, minutes, per_page, sort):
    Case.objects.all().delete()
    base = timezone.now()
    for n, (minute, risk) in enumerate(minutes):  # many share a timestamp or risk: ties must not lose or repeat rows
        CaseFactory(
            owning_organisation=people.org_a,
            created_by=people.alice,
            created=base - datetime.timedelta(minutes=minute),
            reference=f"MS-2026-{n:05d}",
            risk_level=risk,
        )
    queryset = Case.objects.all()
    expected = list(queryset.order_by(*SORTS[sort], "id").values_list("pk", flat=True))
    assert walk_pages(queryset, sort, per_page) == expected


def test_the_count_stops_at_the_limit_and_says_so(people, monkeypatch):
    from cases import pagination

    monkeypatch.setattr(pagination, "COUNT_LIMIT", 3)
    CaseFactory.create_batch(5, owning_organisation=people.org_a, created_by=people.alice)
    first = keyset_page(Case.objects.all(), {}, per_page=2)
    assert (first.count, first.count_is_capped) == (3, True)
    whole = keyset_page(Case.objects.all(), {}, per_page=10)  # one page holds all: counted from the rows
    assert (whole.count, whole.count_is_capped) == (3, True)


def test_highest_risk_first_follows_the_risk_levels_order(people):
    for risk in (RiskLevel.MEDIUM, RiskLevel.IMMEDIATE, RiskLevel.STANDARD, RiskLevel.HIGH):
        CaseFactory(owning_organisation=people.org_a, created_by=people.alice, risk_level=risk)
    page = keyset_page(Case.objects.all(), {"sort": "risk"}, per_page=10)
    assert [case.risk_level for case in page.object_list] == ["IMMEDIATE", "HIGH", "MEDIUM", "STANDARD"]
