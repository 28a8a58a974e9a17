"""Keyset pagination for the case list: page 50 costs what page 1 costs, however many cases there are."""

import base64
import binascii
import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import Q, QuerySet
from django.http import QueryDict

from cases.models import Case

COUNT_LIMIT = 1_000  # above this the list says "more than 1,000" rather than count every row

SORTS: dict[str, tuple[str, ...]] = {
    "newest": ("-created", "-id"),
    "oldest": ("created", "id"),
    "reference": ("reference",),
    "-reference": ("-reference",),
    "risk": ("-risk_rank", "-created", "-id"),
}
SORT_LABELS = {
    "newest": "Newest first",
    "oldest": "Oldest first",
    "reference": "Reference A to Z",
    "-reference": "Reference Z to A",
    "risk": "Highest risk first",
}
# How each sort's cursor values are read back from text, column by column.
_PARSERS: dict[str, Callable[[str], Any]] = {
    "created": datetime.datetime.fromisoformat,
    "id": int,
    "risk_rank": int,
    "reference": str,
}


@dataclass
class KeysetPage:
    object_list: list[Any]
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
        columns = [column.lstrip("-") for column in SORTS[sort]]
        parts = raw.split("|", len(columns) - 1)
        if len(parts) != len(columns):
            return None
        return [_PARSERS[column](part) for column, part in zip(columns, parts, strict=True)]
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


def capped_count(queryset: QuerySet[Case]) -> int:
    """How many rows, counting no further than COUNT_LIMIT + 1. The statement Django's `.count()` on the sliced
    queryset runs, without its aggregation set-up, which costs more than the count itself on a short list."""
    sql, params = queryset.order_by().values("pk")[: COUNT_LIMIT + 1].query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) capped", params)  # noqa: S608 (compiled by the ORM)
        return int(cursor.fetchone()[0])


def keyset_page(
    queryset: QuerySet[Case],
    params: Mapping[str, str],
    *,
    per_page: int,
    rows: Callable[[QuerySet[Case]], Sequence[Any]] = list,
) -> KeysetPage:
    """One page after the cursor in `params`. `rows` turns the sliced queryset into the page's rows (model
    instances by default); each row needs the sort columns as attributes, for the next cursor."""
    sort = params.get("sort", "newest")
    if sort not in SORTS:
        sort = "newest"
    ordering = SORTS[sort]
    values = _decode(params.get("after", ""), sort) if params.get("after") else None
    page_qs = queryset.order_by(*ordering)
    if values is not None:
        page_qs = page_qs.filter(_after(ordering, values))
    fetched = rows(page_qs[: per_page + 1])
    has_next = len(fetched) > per_page
    object_list = list(fetched[:per_page])

    base = QueryDict(mutable=True)
    for key, value in params.lists() if isinstance(params, QueryDict) else ((k, [v]) for k, v in params.items()):
        if key not in ("after",):
            base.setlist(key, value)
    next_query = ""
    if has_next:
        last = object_list[-1]
        base["after"] = _encode([getattr(last, column.lstrip("-")) for column in ordering])
        next_query = base.urlencode()
        del base["after"]
    # A first page with no next page holds every row: its count needs no query.
    capped = len(object_list) if values is None and not has_next else capped_count(queryset)
    return KeysetPage(
        object_list=object_list,
        sort=sort,
        next_query=next_query,
        first_query=base.urlencode(),
        is_first=values is None,
        count=min(capped, COUNT_LIMIT),
        count_is_capped=capped > COUNT_LIMIT,
    )
