"""Factories for the people and records tests need. Fictional data only."""

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from accounts.models import Membership, Organisation, OrganisationType, Role, User
from cases.models import Case, CaseState, RiskLevel, YesNoNotSure


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Organisation {n}")
    org_type = OrganisationType.LOCAL_AUTHORITY
    group = factory.LazyAttribute(lambda o: Group.objects.create(name=f"org:{o.name}"))


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@test.example")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password-1")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.CASE_WORKER


class CaseFactory(DjangoModelFactory):
    class Meta:
        model = Case

    reference = factory.Sequence(lambda n: f"MS-2025-{n + 1:05d}")
    owning_organisation = factory.SubFactory(OrganisationFactory)
    created_by = factory.SubFactory(UserFactory)
    status = CaseState.INTAKE_RECEIVED
    risk_level = RiskLevel.STANDARD
    what_was_seen = "Fictional: workers collected from a house at dawn."
    location_description = "Fictional Street"
    under_18 = YesNoNotSure.NO
    immediate_danger = YesNoNotSure.NO


class TriagedCaseFactory(CaseFactory):
    status = CaseState.TRIAGE
    risk_level = RiskLevel.MEDIUM
