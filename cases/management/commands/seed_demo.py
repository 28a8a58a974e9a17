"""Fictional demo data: a partnership's organisations, a user in each role, a handful of concerns.

Safe to run again: existing records are kept, and each demo user's backup codes are topped up and printed.
Every name, place and event here is invented.
"""

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from accounts import services as accounts_services
from accounts.models import InformationSharingAgreement, Organisation, OrganisationType, Role, User
from cases import services as case_services
from cases import sharing
from cases.models import Case, ShareBasis, YesNoNotSure

DEMO_PASSWORD = "correct-horse-demo-2026"  # noqa: S105  (fictional demo accounts on a local SQLite database)
BACKUP_CODES_SHOWN = 5

COUNCIL = "Westmoor Council"
ORGANISATIONS: list[tuple[str, OrganisationType, str]] = [
    (f"{COUNCIL} – Community Safety", OrganisationType.LOCAL_AUTHORITY, "community-safety@westmoor.example"),
    (f"{COUNCIL} – Adult Social Care", OrganisationType.LOCAL_AUTHORITY, "adult-care@westmoor.example"),
    (
        f"{COUNCIL} – Children's Social Care",
        OrganisationType.LOCAL_AUTHORITY,
        "childrens-front-door@westmoor.example",
    ),
    (f"{COUNCIL} – Housing", OrganisationType.LOCAL_AUTHORITY, ""),
    (f"{COUNCIL} – Private Sector Housing", OrganisationType.LOCAL_AUTHORITY, ""),
    (f"{COUNCIL} – Regulatory Services", OrganisationType.LOCAL_AUTHORITY, ""),
    (f"{COUNCIL} – Public Health", OrganisationType.LOCAL_AUTHORITY, ""),
    ("Westmoor Police", OrganisationType.POLICE, "msht-unit@westmoor-police.example"),
    ("Westmoor and District NHS Trust", OrganisationType.HEALTH, "safeguarding@westmoor-nhs.example"),
    ("Harbour Light Outreach", OrganisationType.NGO, "referrals@harbourlight.example"),
    ("Open Door Survivor Support", OrganisationType.NGO, ""),
]

# email, first name, last name, organisation, role, staff (administration pages)
USERS: list[tuple[str, str, str, str, Role, bool]] = [
    ("admin@westmoor.example", "Robin", "Ashdown", f"{COUNCIL} – Community Safety", Role.SYSADMIN, True),
    (
        "caseworker@westmoor.example",
        "Alex",
        "Carrow",
        f"{COUNCIL} – Community Safety",
        Role.CASE_WORKER,
        False,
    ),
    ("manager@westmoor.example", "Morgan", "Hale", f"{COUNCIL} – Community Safety", Role.MANAGER, False),
    (
        "coordinator@westmoor.example",
        "Jordan",
        "Pike",
        f"{COUNCIL} – Community Safety",
        Role.COORDINATOR,
        False,
    ),
    ("analyst@westmoor.example", "Casey", "Brook", f"{COUNCIL} – Public Health", Role.ANALYST, False),
    (
        "childrens@westmoor.example",
        "Sam",
        "Thorne",
        f"{COUNCIL} – Children's Social Care",
        Role.CASE_WORKER,
        False,
    ),
    ("officer@westmoor-police.example", "Drew", "Lindale", "Westmoor Police", Role.FRONTLINE, False),
    ("investigator@westmoor-police.example", "Kit", "Marlow", "Westmoor Police", Role.CASE_WORKER, False),
    ("nurse@westmoor-nhs.example", "Rowan", "Ebbs", "Westmoor and District NHS Trust", Role.FRONTLINE, False),
    ("outreach@harbourlight.example", "Avery", "Stone", "Harbour Light Outreach", Role.FRONTLINE, False),
    ("caseworker@harbourlight.example", "Quinn", "Farley", "Harbour Light Outreach", Role.CASE_WORKER, False),
]

CONCERNS: list[tuple[str, str, YesNoNotSure, YesNoNotSure, str]] = [
    (
        "officer@westmoor-police.example",
        "Four men seen being dropped at a car wash at 6am by a minibus and collected after 10pm. One said "
        "'we pay the boss for the house'. None would give an address.",
        YesNoNotSure.NO,
        YesNoNotSure.NOT_SURE,
        "Car wash, Mill Lane industrial estate",
    ),
    (
        "nurse@westmoor-nhs.example",
        "Young woman attended A&E with a hand injury, accompanied by a man who answered every question for her "
        "and held her phone. She looked at him before each answer.",
        YesNoNotSure.NOT_SURE,
        YesNoNotSure.NO,
        "Westmoor General Hospital, emergency department",
    ),
    (
        "outreach@harbourlight.example",
        "Man sleeping in a doorway says he worked on a building site for three months for food only and his "
        "passport is 'with the gaffer'.",
        YesNoNotSure.NO,
        YesNoNotSure.NO,
        "Town centre, near the bus station",
    ),
    (
        "caseworker@westmoor.example",
        "Neighbour reports constant visitors at all hours to a flat where a vulnerable older tenant lives; "
        "tenant seems frightened and no longer goes out.",
        YesNoNotSure.NO,
        YesNoNotSure.YES,
        "unknown",
    ),
    (
        "officer@westmoor-police.example",
        "15-year-old boy stopped on a train far from home with two phones and cash; says he is 'visiting a cousin'.",
        YesNoNotSure.YES,
        YesNoNotSure.NO,
        "Westmoor railway station",
    ),
]


class Command(BaseCommand):
    help = "Load fictional demo organisations, users (one per role) and concerns. For local use only."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("seed_demo loads fictional accounts with a known password: only with DEBUG on.")
        with transaction.atomic():
            organisations = self._organisations()
            users = self._users(organisations)
            self._concerns(users, organisations)
        self._print(users)

    def _organisations(self) -> dict[str, Organisation]:
        found: dict[str, Organisation] = {}
        for name, org_type, triage_email in ORGANISATIONS:
            found[name] = Organisation.objects.filter(name=name).first() or accounts_services.organisation_create(
                name=name, org_type=org_type, triage_email=triage_email
            )
        return found

    def _users(self, organisations: dict[str, Organisation]) -> dict[str, User]:
        found: dict[str, User] = {}
        for email, first, last, org_name, role, staff in USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = accounts_services.user_create(
                    email=email,
                    first_name=first,
                    last_name=last,
                    password=DEMO_PASSWORD,
                    job_title=role.label,
                )
                if staff:
                    user.is_staff = user.is_superuser = True
                    user.save(update_fields=["is_staff", "is_superuser"])
            accounts_services.membership_set(user=user, organisation=organisations[org_name], role=role)
            device, _ = StaticDevice.objects.get_or_create(user=user, name="Backup codes", defaults={"confirmed": True})
            missing = BACKUP_CODE_TARGET - device.token_set.count()
            StaticToken.objects.bulk_create(
                StaticToken(device=device, token=StaticToken.random_token()) for _ in range(max(missing, 0))
            )
            found[email] = user
        return found

    def _concerns(self, users: dict[str, User], organisations: dict[str, Organisation]) -> None:
        if Case.objects.exists():
            return
        cases = []
        for email, seen, under_18, danger, where in CONCERNS:
            reporter = users[email]
            organisation = reporter.memberships.get().organisation
            cases.append(
                case_services.concern_submit(
                    actor=reporter,
                    organisation=organisation,
                    data=case_services.ConcernData(
                        what_was_seen=seen,
                        location_description=where,
                        under_18=under_18,
                        immediate_danger=danger,
                    ),
                )
            )
        agreement = InformationSharingAgreement.objects.create(
            title="Westmoor Anti-Slavery Partnership information-sharing agreement",
            version="1.0",
            signatories="Fictional signatories for each partner",
            starts_on=datetime.date(2026, 1, 1),
            review_on=datetime.date(2027, 1, 1),
        )
        agreement.parties.set(organisations.values())
        sharing.share_grant(
            actor=users["investigator@westmoor-police.example"],
            case=cases[0],
            organisation=organisations[f"{COUNCIL} – Community Safety"],
            basis=ShareBasis.SHARING_DECISION,
            reason="Joint visit planned under the partnership's information-sharing agreement (fictional).",
        )
        caseworker = users["caseworker@westmoor.example"]
        case_services.case_triage(
            actor=caseworker,
            case=cases[3],
            lead_worker=caseworker,
            risk_level="HIGH",
            reason="Possible cuckooing of a vulnerable tenant (fictional).",
        )
        case_services.task_add(
            actor=caseworker,
            case=cases[3],
            title="Joint welfare visit with housing",
            assignee=caseworker,
            due_on=timezone.localdate(),
        )
        case_services.note_add(actor=caseworker, case=cases[3], text="Tried to call the tenant; no answer (fictional).")

    def _print(self, users: dict[str, User]) -> None:
        self.stdout.write(self.style.SUCCESS("\nDemo data loaded (all fictional)."))
        self.stdout.write(f"Password for every demo user: {DEMO_PASSWORD}")
        self.stdout.write("Then enter one of the user's backup codes as the security code (each works once):\n")
        for email, _, _, _, role, _ in USERS:
            device = StaticDevice.objects.get(user=users[email], name="Backup codes")
            codes = " ".join(device.token_set.values_list("token", flat=True)[:BACKUP_CODES_SHOWN])
            self.stdout.write(f"  {email:<38} {role.label:<26} {codes}")
        self.stdout.write("")


BACKUP_CODE_TARGET = 10
