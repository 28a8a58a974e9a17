"""Deny by default: every route refuses an anonymous request, except a short, explicit list of public pages."""

import pytest
from django.urls import reverse

from tests.urlwalk import path_for, walk

pytestmark = pytest.mark.django_db

# Public on purpose: what a person needs before signing in, and the operations health check.
PUBLIC = {"accounts:sign_in", "accessibility", "privacy", "health"}
ROUTES = walk()


def test_the_public_list_names_real_routes():
    assert {route.name for route in ROUTES} >= PUBLIC


@pytest.mark.parametrize("route", [r for r in ROUTES if r.name not in PUBLIC], ids=lambda r: r.name or r.pattern)
def test_anonymous_is_turned_away(client, route):
    response = client.get(path_for(route))
    assert response.status_code in (302, 401, 403, 405), response.status_code
    if response.status_code == 302:
        assert response.url.startswith(reverse("accounts:sign_in")) or response.url.startswith("/admin/login/")


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_pages_open_without_sign_in(client, name):
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("route", [r for r in ROUTES if r.name not in PUBLIC], ids=lambda r: r.name or r.pattern)
def test_a_password_without_a_second_factor_opens_nothing(client, people, route):
    client.force_login(people.alice)
    if route.name in {"accounts:verify", "accounts:set_up", "accounts:backup_codes", "accounts:sign_out"}:
        return  # the steps of signing in themselves
    response = client.get(path_for(route))
    assert response.status_code in (302, 401, 403, 405), response.status_code
    if response.status_code == 302:
        assert response.url.startswith(("/sign-in/", "/admin/login/"))
