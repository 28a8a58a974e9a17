import datetime

import pytest
from django.urls import reverse

from accounts.models import InformationSharingAgreement
from cases import sharing
from cases.models import CaseEvent, SharingDecision
from cases.selectors import cases_visible_to
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)

FORM = {
    "purpose": "Joint safeguarding visit",
    "data_items": "Case reference, location, risk",
    "lawful_basis": "PUBLIC_TASK",
    "special_category_condition": "",
    "dpa_condition": "SCH1_P2_PARA18",
    "gateway": "CDA_1998_S115",
    "consent_position": "Person consented on 20 November (fictional)",
    "decided_by_name": "Morgan Hale",
    "decided_by_role": "Team manager",
    "decided_on_0": "23",
    "decided_on_1": "11",
    "decided_on_2": "2026",
    "review_on_0": "23",
    "review_on_1": "2",
    "review_on_2": "2027",
}


@pytest.fixture
def agreement(people):
    agreement = InformationSharingAgreement.objects.create(
        title="Partnership ISA", version="2", signatories="Fictional", starts_on=TODAY, review_on=TODAY
    )
    agreement.parties.set([people.org_a, people.org_b])
    return agreement


def test_a_recorded_decision_with_an_agreement_shares_the_case(people, client_for, case_a, agreement):
    client = client_for(people.alice)
    response = client.post(reverse("cases:sharing", args=[case_a.reference]), {**FORM, "recipient": people.org_b.pk})
    assert response.status_code == 302, response.content.decode()[:3000]
    decision = SharingDecision.objects.get()
    assert (decision.agreement, decision.is_emergency, decision.share.organisation) == (agreement, False, people.org_b)
    assert case_a in cases_visible_to(people.charlie)
    assert CaseEvent.objects.filter(case=case_a, kind=CaseEvent.Kind.SHARE_GRANTED).exists()
    page = client.get(reverse("cases:sharing", args=[case_a.reference])).content.decode()
    assert "Org B" in page and "Joint safeguarding visit" in page


def test_sharing_with_a_non_party_is_refused_and_nothing_is_saved(people, client_for, case_a, agreement):
    response = client_for(people.alice).post(
        reverse("cases:sharing", args=[case_a.reference]), {**FORM, "recipient": people.org_c.pk}
    )
    assert response.status_code == 200
    assert "not a party to a current information-sharing agreement" in response.content.decode()
    assert "Joint safeguarding visit" in response.content.decode()  # what was typed is kept
    assert not SharingDecision.objects.exists()
    assert case_a not in cases_visible_to(people.dana)


def test_an_emergency_share_needs_vital_interests_and_alerts_managers(
    people, case_a, django_capture_on_commit_callbacks, mailoutbox
):
    data = dict(
        recipient=people.org_c,
        purpose="Person at risk tonight",
        data_items="Reference, location",
        standing=False,
        lawful_basis="PUBLIC_TASK",
        special_category_condition="",
        dpa_condition="",
        gateway="NONE",
        consent_position="No time to ask",
        decided_by_name="Alex",
        decided_by_role="Case worker",
        decided_on=TODAY,
        review_on=TODAY,
        is_emergency=True,
    )
    with pytest.raises(sharing.ShareNotAllowed, match="vital interests"):
        sharing.sharing_decision_record(actor=people.alice, case=case_a, data=sharing.DecisionData(**data))
    with django_capture_on_commit_callbacks(execute=True):
        decision = sharing.sharing_decision_record(
            actor=people.alice, case=case_a, data=sharing.DecisionData(**{**data, "lawful_basis": "VITAL_INTERESTS"})
        )
    assert decision.is_emergency and decision.agreement is None
    assert case_a in cases_visible_to(people.dana)
    assert [m.to for m in mailoutbox] == [["bob@test.example"]]
    assert "Emergency share" in mailoutbox[0].subject


def test_frontline_and_other_organisations_cannot_share(people, case_a, shared_case, agreement):
    data = sharing.DecisionData(
        recipient=people.org_b, purpose="x", data_items="x", standing=False, lawful_basis="PUBLIC_TASK",
        special_category_condition="", dpa_condition="", gateway="NONE", consent_position="x", decided_by_name="x",
        decided_by_role="x", decided_on=TODAY, review_on=TODAY, is_emergency=False,
    )  # fmt: skip
    with pytest.raises(sharing.ShareNotAllowed):
        sharing.sharing_decision_record(actor=people.frank, case=case_a, data=data)
    with pytest.raises(sharing.ShareNotAllowed):
        sharing.sharing_decision_record(actor=people.dana, case=shared_case, data=data)


def test_the_owner_ends_a_share_and_access_goes(people, client_for, shared_case):
    share = shared_case.shares.get()
    client_for(people.dana).post(reverse("cases:share_revoke", args=[shared_case.reference, share.pk]))
    assert shared_case in cases_visible_to(people.dana)  # a recipient cannot end it
    client_for(people.alice).post(reverse("cases:share_revoke", args=[shared_case.reference, share.pk]))
    assert shared_case not in cases_visible_to(people.dana)


def test_a_coordinator_receives_shares_to_their_organisation(people, shared_case):
    coordinator = MembershipFactory(organisation=people.org_c, role="COORDINATOR").user
    assert list(cases_visible_to(coordinator)) == [shared_case]


def test_the_service_itself_refuses_a_recipient_ending_a_share(people, shared_case):
    with pytest.raises(sharing.ShareNotAllowed, match="owning organisation"):
        sharing.share_revoke(actor=people.dana, share=shared_case.shares.get())
    assert shared_case in cases_visible_to(people.dana)
