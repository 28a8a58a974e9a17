import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from cases.models import CaseExploitation, CaseState, RiskLevel
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(people):
    now = timezone.now()
    cases = [
        CaseFactory(
            owning_organisation=people.org_a,
            created_by=people.alice,
            created=now - datetime.timedelta(days=i),
            risk_level=RiskLevel.HIGH if i % 5 == 0 else RiskLevel.STANDARD,
            status=CaseState.TRIAGE if i % 2 else CaseState.INTAKE_RECEIVED,
            is_child=i % 3 == 0,
            lead_worker=people.bob if i % 4 == 0 else None,
            location_description=f"Fictional Street {i}",
        )
        for i in range(60)
    ]
    CaseExploitation.objects.create(case=cases[7], exploitation_type="SEXUAL")
    CaseFactory(owning_organisation=people.org_b, created_by=people.charlie)
    return cases


def refs(response):
    body = response.content.decode()
    return [c for c in body.split('href="/cases/')[1:] if c.startswith("MS-")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"risk_level": "HIGH"}, lambda cs: [c for i, c in enumerate(cs) if i % 5 == 0]),
        ({"status": "TRIAGE"}, lambda cs: [c for i, c in enumerate(cs) if i % 2]),
        ({"age_group": "child"}, lambda cs: [c for i, c in enumerate(cs) if i % 3 == 0]),
        ({"exploitation_type": "SEXUAL"}, lambda cs: [cs[7]]),
        ({"q": "Street 42"}, lambda cs: [cs[42]]),
    ],
)
def test_filters_on_the_web_and_the_api_agree(people, client_for, many, query, expected):
    wanted = {c.reference for c in expected(many)}
    api = APIClient()
    api.force_authenticate(people.alice)
    api_refs, url = set(), reverse("case-list")
    params = query
    while url:
        page = api.get(url, params).json()
        api_refs |= {row["reference"] for row in page["results"]}
        url, params = page["next"], None
    assert api_refs == wanted
    body = client_for(people.alice).get(reverse("cases:my_cases"), query).content.decode()
    assert f"{len(wanted)} case" in body


def test_assigned_to_me(people, client_for, many):
    body = client_for(people.bob).get(reverse("cases:my_cases"), {"assigned_to_me": "on"}).content.decode()
    assert "15 cases match" in body


@pytest.mark.parametrize("sort", ["newest", "risk"])
def test_keyset_pages_cover_every_case_once_in_order(people, client_for, many, sort):
    client = client_for(people.alice)
    seen, query = [], {"sort": sort}
    while True:
        response = client.get(reverse("cases:my_cases"), query)
        page = response.context["page"]
        seen += [c.reference for c in page.object_list]
        if not page.next_query:
            break
        query = dict(pair.split("=") for pair in page.next_query.split("&"))
    rank = {RiskLevel.HIGH: 0, RiskLevel.STANDARD: 1}  # `many` holds these two levels, newest first
    expected = many if sort == "newest" else sorted(many, key=lambda c: rank[c.risk_level])  # a stable sort
    assert seen == [c.reference for c in expected]
    assert "60 cases match" in response.content.decode()


def test_a_bad_cursor_starts_again_rather_than_failing(people, client_for, many):
    response = client_for(people.alice).get(reverse("cases:my_cases"), {"after": "!!!not-a-cursor"})
    assert response.status_code == 200
    assert response.context["page"].object_list[0].id == many[0].pk


def test_bad_filter_input_gets_a_message_not_an_error(people, client_for, many):
    response = client_for(people.alice).get(reverse("cases:my_cases"), {"reported_from": "31/02/2026"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: Cases" in page and "There is a problem" in page  # the summary, then the field's message
    assert '<a href="#id_reported_from">Enter a valid date.</a>' in page
    assert 'value="31/02/2026"' in page  # what was typed is kept
    api = APIClient()
    api.force_authenticate(people.alice)
    assert api.get(reverse("case-list"), {"risk_level": "SEVERE"}).status_code == 400


@pytest.mark.parametrize(
    "name",
    [
        "cases:my_cases",
        "cases:my_tasks",
        "cases:detail",
        "cases:timeline",
        "cases:tasks",
        "cases:notes",
        "cases:documents",
        "cases:sharing",
        "cases:audit",
        "cases:referrals",
    ],
)
def test_pages_run_a_fixed_number_of_queries(
    people, client_for, django_assert_max_num_queries, settings, tmp_path, name
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cases import services, sharing
    from tests.factories import OrganisationFactory

    settings.DOCUMENTS_ROOT = tmp_path

    client = client_for(people.alice)
    case = CaseFactory(owning_organisation=people.org_a, created_by=people.alice)
    args = [] if name in ("cases:my_cases", "cases:my_tasks") else [case.reference]

    def grow(n):
        for _ in range(n):
            services.document_add(
                actor=people.alice,
                case=case,
                upload=SimpleUploadedFile("a.pdf", b"%PDF fictional"),
                description="Fictional",
                document_date=None,
            )
            sharing.share_grant(
                actor=people.bob, case=case, organisation=OrganisationFactory(), basis="SHARING_DECISION", reason="x"
            )
            CaseFactory(owning_organisation=people.org_a, created_by=people.alice, lead_worker=people.bob)
            services.note_add(actor=people.alice, case=case, text="Fictional")
            services.task_add(
                actor=people.alice, case=case, title="Visit", assignee=people.alice, due_on=datetime.date.today()
            )

    grow(2)
    if name == "cases:my_cases":  # past one page, so the baseline pays for the count a short list skips
        CaseFactory.create_batch(26, owning_organisation=people.org_a, created_by=people.alice)
    with django_assert_max_num_queries(40) as baseline:
        client.get(reverse(name, args=args))
    grow(25)
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        client.get(reverse(name, args=args))
