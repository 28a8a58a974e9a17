"""Shared fixtures: the named people of STYLE.md P10 and a client signed in with both factors.

alice: case worker, Org A.     bob: manager, Org A.       frank: frontline practitioner, Org A.
charlie: case worker, Org B.   dana: case worker, Org C (Org C receives a share of `shared_case`).
erin: analyst, Org A (sees no case).
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice

from accounts.models import Organisation, Role, User
from cases import sharing
from cases.models import Case, ShareBasis
from tests.factories import CaseFactory, MembershipFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_and_eager(settings):
    """Cheap password hashing, and tasks in-process unless a test starts a real worker (tests/test_worker.py)."""
    from config.celery import app

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@dataclass
class People:
    org_a: Organisation
    org_b: Organisation
    org_c: Organisation
    alice: User
    bob: User
    frank: User
    charlie: User
    dana: User
    erin: User


@pytest.fixture
def people(db) -> People:
    org_a, org_b, org_c = (OrganisationFactory(name=f"Org {x}") for x in "ABC")

    def member(name: str, org: Organisation, role: Role) -> User:
        return MembershipFactory(user=UserFactory(email=f"{name}@test.example"), organisation=org, role=role).user

    return People(
        org_a=org_a,
        org_b=org_b,
        org_c=org_c,
        alice=member("alice", org_a, Role.CASE_WORKER),
        bob=member("bob", org_a, Role.MANAGER),
        frank=member("frank", org_a, Role.FRONTLINE),
        charlie=member("charlie", org_b, Role.CASE_WORKER),
        dana=member("dana", org_c, Role.CASE_WORKER),
        erin=member("erin", org_a, Role.ANALYST),
    )


@pytest.fixture
def case_a(people) -> Case:
    return CaseFactory(owning_organisation=people.org_a, created_by=people.alice)


@pytest.fixture
def shared_case(people) -> Case:
    case = CaseFactory(owning_organisation=people.org_a, created_by=people.alice)
    sharing.share_grant(
        actor=people.bob,
        case=case,
        organisation=people.org_c,
        basis=ShareBasis.SHARING_DECISION,
        reason="Joint visit",
    )
    return case


def sign_in(client: Client, user: User) -> Client:
    """Sign `user` in with a password and a confirmed second factor, as the sign-in pages would."""
    client.force_login(user)
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Backup codes", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def client_for(client):
    def _client_for(user: User) -> Client:
        return sign_in(client, user)

    return _client_for
