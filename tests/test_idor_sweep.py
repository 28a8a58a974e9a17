"""Every route that names an object, requested by a user of another organisation, answers 404.

Routes are found by walking the URL configuration and the API router. A route whose parameter has no builder
below fails the sweep until one is added, so no new page can be forgotten.
"""

import datetime
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases import services, sharing
from cases.models import Case, ShareBasis
from tests.conftest import People, sign_in
from tests.factories import CaseFactory
from tests.urlwalk import Route, path_for, walk

pytestmark = pytest.mark.django_db


def _case(p: People) -> Case:
    return CaseFactory(owning_organisation=p.org_a, created_by=p.alice)


def _draft(p: People) -> str:
    draft = services.draft_save(actor=p.alice, organisation=p.org_a, data=services.ConcernData(what_was_seen="x"))
    return str(draft.pk)


# Builders: given the people and Org A's case, make a real object and return the value for the URL parameter.
BUILDERS: dict[str, Callable[[People, Case], str]] = {
    "reference": lambda p, case: case.reference,
    "draft_id": lambda p, case: _draft(p),
    "task_id": lambda p, case: str(
        services.task_add(actor=p.alice, case=case, title="Visit", assignee=p.alice, due_on=datetime.date.today()).pk
    ),
    "note_id": lambda p, case: str(services.note_add(actor=p.alice, case=case, text="Fictional note").pk),
    "document_id": lambda p, case: str(
        services.document_add(
            actor=p.alice,
            case=case,
            upload=SimpleUploadedFile("letter.pdf", b"%PDF-1.4 fictional", content_type="application/pdf"),
            description="Letter",
            document_date=None,
        ).pk
    ),
    "share_id": lambda p, case: str(
        sharing.share_grant(
            actor=p.bob, case=case, organisation=p.org_c, basis=ShareBasis.SHARING_DECISION, reason="Visit"
        ).pk
    ),
}

# Administration routes name configuration objects, not case data, and are for system administrators only:
# tests/accounts/test_admin.py checks a non-staff user is turned away from them.
EXCLUDED_PREFIXES = ("admin/",)

OBJECT_ROUTES = [r for r in walk() if r.params and not r.pattern.startswith(EXCLUDED_PREFIXES)]


def test_there_are_object_routes_to_sweep():
    assert {r.name for r in OBJECT_ROUTES} >= {"cases:detail", "cases:audit", "case-detail", "cases:document_download"}


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=lambda r: r.name or r.pattern)
def test_other_organisation_gets_404(client, people, settings, tmp_path, route: Route):
    settings.DOCUMENTS_ROOT = tmp_path
    missing = [p for p in route.params if p not in BUILDERS and p != "format"]
    assert not missing, f"Add a builder for {missing} in tests/test_idor_sweep.py ({route.name})"
    case = _case(people)
    values = {p: BUILDERS[p](people, case) for p in route.params if p in BUILDERS}
    path = path_for(route, values)

    outsider_client = sign_in(client, people.charlie)
    outsider = outsider_client.get(path)
    if outsider.status_code == 405:  # a form's POST target: the refusal must come before anything is done
        outsider = outsider_client.post(path)
    expected = (403, 404) if route.pattern.startswith("api/") else (404,)
    assert outsider.status_code in expected, f"{path} gave {outsider.status_code} to another organisation"

    client.logout()
    owner_client = sign_in(client, people.alice)
    owner = owner_client.get(path)
    if owner.status_code == 405:
        owner = owner_client.post(path)
    assert owner.status_code in (200, 302), f"the sweep must request a real object: {path} gave {owner.status_code}"
