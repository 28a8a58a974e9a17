import pytest
from django.urls import reverse

from accounts.models import Organisation, OrganisationType
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sysadmin_client(client_for):
    return client_for(UserFactory(email="root@test.example", is_staff=True, is_superuser=True))


def test_system_administrator_creates_an_organisation_with_its_group_and_flags(sysadmin_client):
    response = sysadmin_client.post(
        reverse("admin:accounts_organisation_add"),
        {
            "name": "Fictional Police",
            "org_type": OrganisationType.POLICE,
            "is_first_responder": "on",
            "is_dtn_authority": "on",
            "triage_email": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Organisation.objects.get(name="Fictional Police")
    assert organisation.group.name == "org:fictional-police"
    assert organisation.is_first_responder and organisation.is_dtn_authority


def test_system_administrator_adds_a_user_with_a_membership(sysadmin_client, people):
    response = sysadmin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "pat@test.example",
            "first_name": "Pat",
            "last_name": "Jones",
            "password1": "a-long-new-password-9",
            "password2": "a-long-new-password-9",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-organisation": people.org_a.pk,
            "memberships-0-role": "CASE_WORKER",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    from accounts.models import User

    assert User.objects.get(email="pat@test.example").memberships.get().organisation == people.org_a


def test_case_content_is_not_in_the_administration_pages(sysadmin_client):
    body = sysadmin_client.get(reverse("admin:index")).content.decode()
    assert "Organisations" in body
    assert "/admin/cases/case/" not in body


def test_non_staff_cannot_reach_administration(client_for, people):
    response = client_for(people.bob).get(reverse("admin:index"))
    assert response.status_code == 302
