"""Every route that names an object, requested by a user of another organisation, answers 404.

Routes are found by walking the URL configuration and the API router. A route whose parameter has no builder
below fails the sweep until one is added, so no new page can be forgotten.
"""

from collections.abc import Callable

import pytest

from tests.conftest import People, sign_in
from tests.factories import CaseFactory
from tests.urlwalk import Route, path_for, walk

pytestmark = pytest.mark.django_db

# Builders: given the people, make a real object of Org A and return the value for the URL parameter.
BUILDERS: dict[str, Callable[[People], str]] = {
    "reference": lambda p: CaseFactory(owning_organisation=p.org_a, created_by=p.alice).reference,
}

# Administration routes name configuration objects, not case data, and are for system administrators only:
# tests/accounts/test_admin.py checks a non-staff user is turned away from them.
EXCLUDED_PREFIXES = ("admin/",)

OBJECT_ROUTES = [r for r in walk() if r.params and not r.pattern.startswith(EXCLUDED_PREFIXES)]


def test_there_are_object_routes_to_sweep():
    assert {r.name for r in OBJECT_ROUTES} >= {"cases:detail", "cases:audit", "case-detail"}


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=lambda r: r.name or r.pattern)
def test_other_organisation_gets_404(client, people, route: Route):
    missing = [p for p in route.params if p not in BUILDERS and p != "format"]
    assert not missing, f"Add a builder for {missing} in tests/test_idor_sweep.py ({route.name})"
    values = {p: BUILDERS[p](people) for p in route.params if p in BUILDERS}
    path = path_for(route, values)

    owner = sign_in(client, people.alice).get(path)
    assert owner.status_code == 200, f"the sweep must request a real object: {path} gave {owner.status_code}"

    client.logout()
    outsider = sign_in(client, people.charlie).get(path)
    expected = (403, 404) if route.pattern.startswith("api/") else (404,)
    assert outsider.status_code in expected, f"{path} gave {outsider.status_code} to another organisation"
