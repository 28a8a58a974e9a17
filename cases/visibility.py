"""The visibility rule as one SQL condition, for `selectors.cases_visible_to` (ARCHITECTURE.md, "Access").

Every case page and list builds this condition, so it is written once as SQL rather than as a tree of ORM lookups,
whose building and compiling cost more than the database takes to run it on a short list (bench/case_list.py).
The four case columns it names are resolved by the ORM, so the condition stays right inside a subquery or a
join, where the case table has another alias. tests/cases/test_visibility.py checks it against the same rule
written with the ORM, for every kind of membership and share.
"""

from collections.abc import Sequence
from typing import Any, cast

from django.contrib.auth.models import Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, Expression, Field
from django.db.models.expressions import Combinable
from django.db.models.sql.compiler import SQLCompiler

from cases.models import Case, CaseGroupObjectPermission, CaseState, CaseUserObjectPermission

_view_case_permission: dict[str, int] = {}


def view_case_permission_id(using: str = DEFAULT_DB_ALIAS) -> int:
    """The id of `cases.view_case`, read once per process and database. Permission rows are only ever replaced
    by a migration or a flush, after which `forget_permission_ids` (on post_migrate) drops the cached id: Django
    keeps its content types the same way."""
    if using not in _view_case_permission:
        permission = Permission.objects.db_manager(using).get_by_natural_key("view_case", "cases", "case")
        _view_case_permission[using] = permission.pk
    return _view_case_permission[using]


def forget_permission_ids(**kwargs: Any) -> None:
    _view_case_permission.clear()


_COLUMNS = ("owning_organisation", "created_by", "id", "status")


def _marks(values: list[int]) -> str:
    return ", ".join(["%s"] * len(values))


class Visible(Expression):
    """True for a case the holder of these memberships may see: the owning organisation is one whose cases they
    all see (`whole`), or one where they see the cases they reported (`own`), or the case is shared with one of
    their organisations' groups (`share_groups`) or with the user; and it is not a draft. The cheapest test
    comes first: the database stops at the first that holds."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, *, whole: list[int], own: list[int], share_groups: list[int], user_id: int) -> None:
        super().__init__()  # the class's output_field: building a field per request costs more than this rule
        self.whole, self.own, self.share_groups, self.user_id = whole, own, share_groups, user_id
        self.columns: list[Any] = []  # the case table's columns, once resolved against a query

    def resolve_expression(
        self,
        query: Any = None,
        allow_joins: bool = True,
        reuse: Any = None,
        summarize: bool = False,
        for_save: bool = False,
    ) -> "Visible":
        """The case table's own columns, taken straight from the model: the columns F() would find, without the
        lookup machinery (names, paths, joins) that cost a tenth of the list's time in Python."""
        if self.columns:
            return self  # resolved already: an outer query resolves its subquery's conditions again
        if query is None or query.model is not Case:
            raise ValueError("Visible filters cases only.")
        alias = query.get_initial_alias()
        resolved = self.copy()
        resolved.columns = [cast(Field, Case._meta.get_field(name)).get_col(alias) for name in _COLUMNS]
        return resolved

    def get_source_expressions(self) -> list[Any]:
        return self.columns

    def set_source_expressions(self, exprs: Sequence[Combinable | Expression]) -> None:
        self.columns = list(exprs)

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> tuple[str, list[Any]]:
        organisation, created_by, case_id, status = (compiler.compile(column)[0] for column in self.columns)
        permission = view_case_permission_id(connection.alias)
        parts: list[str] = []
        params: list[Any] = []  # every value is a parameter; only the ORM's column and table names are written in
        if self.whole:
            parts.append(f"{organisation} IN ({_marks(self.whole)})")
            params += self.whole
        if self.own:
            parts.append(f"({organisation} IN ({_marks(self.own)}) AND {created_by} = %s)")
            params += [*self.own, self.user_id]
        if self.share_groups:
            parts.append(
                f"{case_id} IN (SELECT content_object_id FROM {CaseGroupObjectPermission._meta.db_table}"  # noqa: S608
                f" WHERE permission_id = %s AND group_id IN ({_marks(self.share_groups)}))"
            )
            params += [permission, *self.share_groups]
        parts.append(
            f"{case_id} IN (SELECT content_object_id FROM {CaseUserObjectPermission._meta.db_table}"  # noqa: S608
            " WHERE permission_id = %s AND user_id = %s)"
        )
        params += [permission, self.user_id, CaseState.DRAFT.value]
        return f"(({' OR '.join(parts)}) AND {status} <> %s)", params
