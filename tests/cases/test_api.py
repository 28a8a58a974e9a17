import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.models import AuditEvent
from cases.models import Case

pytestmark = pytest.mark.django_db

LIST = reverse("case-list")


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_anonymous_is_refused():
    assert APIClient().get(LIST).status_code in (401, 403)


def test_list_holds_only_visible_cases(people, case_a, shared_case):
    response = token_client(people.dana).get(LIST)
    assert response.status_code == 200
    assert [row["reference"] for row in response.json()["results"]] == [shared_case.reference]


def test_detail_of_another_organisations_case_is_404_and_own_is_audited(people, case_a):
    detail = reverse("case-detail", args=[case_a.reference])
    assert token_client(people.charlie).get(detail).status_code == 404
    assert not AuditEvent.objects.filter(action="cases.case.api_viewed").exists()
    response = token_client(people.alice).get(detail)
    assert response.status_code == 200
    assert response.json()["what_was_seen"] == case_a.what_was_seen
    assert AuditEvent.objects.get(action="cases.case.api_viewed").actor == people.alice


def test_create_with_bad_input_is_400_with_field_errors_and_saves_nothing(people):
    response = token_client(people.alice).post(
        LIST, {"what_was_seen": "", "under_18": "MAYBE", "location_description": "x" * 201}, format="json"
    )
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) >= {"what_was_seen", "under_18", "location_description", "immediate_danger"}
    assert not Case.objects.exists()


def test_create_through_a_token_records_the_token_user_as_actor(people):
    response = token_client(people.alice).post(
        LIST,
        {
            "what_was_seen": "Fictional: a man sleeping in a van at a farm.",
            "location_description": "Fictional Farm",
            "under_18": "NO",
            "immediate_danger": "NO",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    case = Case.objects.get(reference=response.json()["reference"])
    entries = LogEntry.objects.get_for_object(case)
    assert entries.exists()
    assert {entry.actor for entry in entries} == {people.alice}


def test_session_without_second_factor_is_refused(people, client):
    client.force_login(people.alice)
    assert client.get(LIST).status_code == 403


def test_schema_and_docs_need_sign_in(people, client_for, client):
    assert client.get(reverse("api_schema")).url.startswith(reverse("accounts:sign_in"))
    assert client.get(reverse("api_docs")).url.startswith(reverse("accounts:sign_in"))
    signed_in = client_for(people.alice)
    assert signed_in.get(reverse("api_schema")).status_code == 200
    assert signed_in.get(reverse("api_docs")).status_code == 200
