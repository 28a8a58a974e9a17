"""Keyset pagination for the case list: page 50 costs what page 1 costs, however many cases there are."""

import base64
import binascii
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import QueryDict

from cases.models import Case

COUNT_LIMIT = 1_000  # above this the list says "more than 1,000" rather than count every row

SORTS: dict[str, tuple[str, ...]] = {
    "newest": ("-created", "-id"),
    "oldest": ("created", "id"),
    "reference": ("reference",),
    "-reference": ("-reference",),
}
SORT_LABELS = {
    "newest": "Newest first",
    "oldest": "Oldest first",
    "reference": "Reference A to Z",
    "-reference": "Reference Z to A",
}


@dataclass
class KeysetPage:
    object_list: list[Case]
    sort: str
    next_query: str = ""
    first_query: str = ""
    is_first: bool = True
    count: int = 0
    count_is_capped: bool = False
    sort_options: list[tuple[str, str]] = field(default_factory=lambda: list(SORT_LABELS.items()))


def _encode(values: list[Any]) -> str:
    raw = "|".join(v.isoformat() if isinstance(v, datetime.datetime) else str(v) for v in values)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str, sort: str) -> list[Any] | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if sort in ("newest", "oldest"):
            created, pk = raw.split("|")
            return [datetime.datetime.fromisoformat(created), int(pk)]
        return [raw]
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


def _after(ordering: tuple[str, ...], values: list[Any]) -> Q:
    """Rows strictly after `values` in `ordering` (a row-value comparison spelt out for the ORM).

    The leading column also gets an inclusive bound, so the database starts the index scan at the cursor
    instead of filtering every row before it (which would make deep pages cost what OFFSET costs).
    """
    first = ordering[0]
    bound = Q(**{f"{first.lstrip('-')}__{'lte' if first.startswith('-') else 'gte'}": values[0]})
    condition = Q()
    for i, column in enumerate(ordering):
        name = column.lstrip("-")
        op = "lt" if column.startswith("-") else "gt"
        step = Q(**{f"{name}__{op}": values[i]})
        for prior, prior_value in zip(ordering[:i], values[:i], strict=False):
            step &= Q(**{prior.lstrip("-"): prior_value})
        condition |= step
    return bound & condition


def keyset_page(queryset: QuerySet[Case], params: Mapping[str, str], *, per_page: int) -> KeysetPage:
    sort = params.get("sort", "newest")
    if sort not in SORTS:
        sort = "newest"
    ordering = SORTS[sort]
    values = _decode(params.get("after", ""), sort) if params.get("after") else None
    page_qs = queryset.order_by(*ordering)
    if values is not None:
        page_qs = page_qs.filter(_after(ordering, values))
    rows = list(page_qs[: per_page + 1])
    has_next = len(rows) > per_page
    rows = rows[:per_page]

    base = QueryDict(mutable=True)
    for key, value in params.lists() if isinstance(params, QueryDict) else ((k, [v]) for k, v in params.items()):
        if key not in ("after",):
            base.setlist(key, value)
    next_query = ""
    if has_next:
        last = rows[-1]
        base["after"] = _encode([getattr(last, column.lstrip("-")) for column in ordering])
        next_query = base.urlencode()
        del base["after"]
    capped = queryset.order_by()[: COUNT_LIMIT + 1].count()
    return KeysetPage(
        object_list=rows,
        sort=sort,
        next_query=next_query,
        first_query=base.urlencode(),
        is_first=values is None,
        count=min(capped, COUNT_LIMIT),
        count_is_capped=capped > COUNT_LIMIT,
    )
