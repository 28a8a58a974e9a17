"""The case record: one concern about one person, owned by one organisation, shared only on purpose."""

import os
import uuid
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from accounts.models import InformationSharingAgreement, Organisation
from cases.taxonomy import (
    CaseClosureReason,
    ExploitationLocation,
    ExploitationSubtype,
    ExploitationType,
    Gender,
    IndicatorGroup,
    PersonKnown,
)


class CaseState(models.TextChoices):
    DRAFT = "DRAFT", "Draft"
    INTAKE_RECEIVED = "INTAKE_RECEIVED", "New concern"
    TRIAGE = "TRIAGE", "Triage"
    ASSESSMENT = "ASSESSMENT", "Assessment"
    AWAITING_CONSENT = "AWAITING_CONSENT", "Awaiting consent"
    REFERRAL_MADE = "REFERRAL_MADE", "Referral made"
    AWAITING_RG = "AWAITING_RG", "Awaiting reasonable grounds decision"
    AWAITING_CG = "AWAITING_CG", "Awaiting conclusive grounds decision"
    SUPPORT_ONGOING = "SUPPORT_ONGOING", "Support ongoing"
    MOVE_ON = "MOVE_ON", "Move-on"
    CLOSED = "CLOSED", "Closed"
    REOPENED = "REOPENED", "Reopened"


class RiskLevel(models.TextChoices):
    STANDARD = "STANDARD", "Standard"
    MEDIUM = "MEDIUM", "Medium"
    HIGH = "HIGH", "High"
    IMMEDIATE = "IMMEDIATE", "Immediate"


class YesNoNotSure(models.TextChoices):
    YES = "YES", "Yes"
    NO = "NO", "No"
    NOT_SURE = "NOT_SURE", "Not sure"


class ShareBasis(models.TextChoices):
    SHARING_DECISION = "SHARING_DECISION", "Information-sharing decision"
    SHOP_LISTING = "SHOP_LISTING", "SHOP agenda listing"
    REFERRAL_ACCEPTED = "REFERRAL_ACCEPTED", "Referral accepted"


class ReferenceSequence(models.Model):
    """The last case number issued in a year, so references run MS-2026-00001, MS-2026-00002, ..."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Case(models.Model):
    # A draft has no reference until it is submitted; only its author sees it.
    reference = models.CharField(max_length=20, unique=True, null=True, blank=True, editable=False)
    owning_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(max_length=20, choices=CaseState.choices, default=CaseState.INTAKE_RECEIVED)
    risk_level = models.CharField(max_length=10, choices=RiskLevel.choices, default=RiskLevel.STANDARD)
    # Risk as a number the database keeps in step (0 standard … 3 immediate), so lists can sort by it.
    risk_rank = models.GeneratedField(
        expression=models.Case(
            *(models.When(risk_level=level, then=rank) for rank, level in enumerate(RiskLevel.values)),
            default=0,
            output_field=models.SmallIntegerField(),
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
    )
    is_child = models.BooleanField(default=False, help_text="Under 18, or may be: child rules apply (R1).")
    lead_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="led_cases"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reported_cases")
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closure_reason = models.CharField(max_length=30, choices=CaseClosureReason.choices, blank=True)

    # What the reporter told us (DOMAIN.md §6). Blank is allowed while a draft; submit checks the required ones.
    reporter_phone = models.CharField(max_length=30, blank=True)
    seen_on = models.DateField(null=True, blank=True)
    what_was_seen = models.TextField(max_length=5000, blank=True)
    location_description = models.CharField(max_length=200, blank=True)
    under_18 = models.CharField(max_length=10, choices=YesNoNotSure.choices, blank=True)
    under_18_when_exploited = models.CharField(max_length=10, choices=YesNoNotSure.choices, blank=True)
    childrens_services_contacted = models.CharField(max_length=10, choices=YesNoNotSure.choices, blank=True)
    ictg_referred = models.CharField(
        max_length=10, choices=YesNoNotSure.choices, blank=True, help_text="Independent Child Trafficking Guardian."
    )
    immediate_danger = models.CharField(max_length=10, choices=YesNoNotSure.choices, blank=True)
    police_called = models.CharField(max_length=10, choices=YesNoNotSure.choices, blank=True)
    police_reference = models.CharField(max_length=50, blank=True)
    person_known = models.CharField(max_length=20, choices=PersonKnown.choices, default=PersonKnown.ANONYMOUS)
    approximate_age = models.CharField(max_length=30, blank=True)
    gender = models.CharField(max_length=10, choices=Gender.choices, default=Gender.NOT_KNOWN)
    language = models.CharField(max_length=100, blank=True)
    interpreter_needed = models.CharField(max_length=10, choices=YesNoNotSure.choices, blank=True)
    communication_needs = models.CharField(max_length=500, blank=True)
    exploitation_location = models.CharField(
        max_length=20, choices=ExploitationLocation.choices, default=ExploitationLocation.UNKNOWN
    )
    still_in_situation = models.CharField(max_length=10, choices=YesNoNotSure.choices, blank=True)
    county_lines = models.BooleanField(default=False)
    cuckooing = models.BooleanField(default=False)
    indicator_note = models.TextField(max_length=2000, blank=True)
    told_about_support = models.CharField(max_length=10, choices=YesNoNotSure.choices, blank=True)
    their_response = models.TextField(max_length=2000, blank=True)

    triage_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["owning_organisation", "-created", "-id"], name="case_org_created"),
            models.Index(fields=["-created", "-id"], name="case_created"),
            models.Index(fields=["-risk_rank", "-created", "-id"], name="case_risk_created"),
            models.Index(fields=["status", "owning_organisation"], name="case_status_org"),
            # Prefix search on the reference (LIKE 'MS-2026-00%'); the opclass matters on PostgreSQL only.
            models.Index(fields=["reference"], name="case_reference_prefix", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return self.reference or f"Draft {self.pk}"  # never identity: references are pseudonymous

    @property
    def is_open(self) -> bool:
        return self.status not in (CaseState.DRAFT, CaseState.CLOSED)


class Indicator(models.Model):
    """An indicator of modern slavery: a stable code and a label an administrator may reword."""

    code = models.CharField(max_length=40, primary_key=True)
    group = models.CharField(max_length=20, choices=IndicatorGroup.choices)
    label = models.CharField(max_length=200)
    is_active = models.BooleanField(default=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.label


class CaseIndicator(models.Model):
    class Mode(models.TextChoices):
        OBSERVED = "OBSERVED", "Observed"
        REPORTED = "REPORTED", "Reported"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT)
    # Blank until a case worker says how it is known: the intake ticklist asks for signs "seen or told about".
    mode = models.CharField(max_length=10, choices=Mode.choices, blank=True, default="")
    note = models.TextField(max_length=1000, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "indicator"], name="caseindicator_once")]

    def __str__(self) -> str:
        return f"{self.case} {self.indicator_id}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"case_id": self.case_id}


class CaseExploitation(models.Model):
    """A suspected exploitation type (level 1), optionally with a subtype (level 2)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="exploitation")
    exploitation_type = models.CharField(max_length=30, choices=ExploitationType.choices)
    subtype = models.CharField(max_length=40, choices=ExploitationSubtype.choices, blank=True)

    class Meta:
        indexes = [models.Index(fields=["exploitation_type", "case"], name="exploitation_type_case")]

    def __str__(self) -> str:
        return f"{self.case} {self.exploitation_type} {self.subtype}".strip()


class CaseShare(models.Model):
    """Why another organisation can see a case: granted and revoked only by cases.sharing."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="received_shares")
    basis = models.CharField(max_length=20, choices=ShareBasis.choices)
    reason = models.TextField(max_length=2000)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    decision = models.OneToOneField(
        "SharingDecision", null=True, blank=True, on_delete=models.PROTECT, related_name="share"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation"],
                condition=models.Q(revoked_at__isnull=True),
                name="caseshare_one_active_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.organisation}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"case_id": self.case_id}  # lets the case's Audit tab find this row's changes


class CaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)


class CaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)


class LawfulBasis(models.TextChoices):
    CONSENT = "CONSENT", "Consent – Art. 6(1)(a)"
    LEGAL_OBLIGATION = "LEGAL_OBLIGATION", "Legal obligation – Art. 6(1)(c)"
    VITAL_INTERESTS = "VITAL_INTERESTS", "Vital interests – Art. 6(1)(d)"
    PUBLIC_TASK = "PUBLIC_TASK", "Public task – Art. 6(1)(e)"
    LEGITIMATE_INTERESTS = "LEGITIMATE_INTERESTS", "Legitimate interests – Art. 6(1)(f)"


class SpecialCategoryCondition(models.TextChoices):
    EXPLICIT_CONSENT = "EXPLICIT_CONSENT", "Explicit consent – Art. 9(2)(a)"
    VITAL_INTERESTS = "VITAL_INTERESTS", "Vital interests – Art. 9(2)(c)"
    LEGAL_CLAIMS = "LEGAL_CLAIMS", "Legal claims – Art. 9(2)(f)"
    SUBSTANTIAL_PUBLIC_INTEREST = "SUBSTANTIAL_PUBLIC_INTEREST", "Substantial public interest – Art. 9(2)(g)"
    HEALTH_SOCIAL_CARE = "HEALTH_SOCIAL_CARE", "Health or social care – Art. 9(2)(h)"


class DpaCondition(models.TextChoices):
    SCH1_P2_PARA18 = "SCH1_P2_PARA18", "Safeguarding children and individuals at risk – Sch. 1 Pt 2 para 18"
    SCH1_P2_PARA10 = "SCH1_P2_PARA10", "Preventing or detecting unlawful acts – Sch. 1 Pt 2 para 10"
    SCH1_P2_PARA6 = "SCH1_P2_PARA6", "Statutory purposes – Sch. 1 Pt 2 para 6"
    SCH1_P1_PARA2 = "SCH1_P1_PARA2", "Health or social care – Sch. 1 Pt 1 para 2"


class SharingGateway(models.TextChoices):
    CDA_1998_S115 = "CDA_1998_S115", "Crime and Disorder Act 1998 s115"
    CARE_ACT_S42 = "CARE_ACT_S42", "Care Act 2014 s42"
    CARE_ACT_S45 = "CARE_ACT_S45", "Care Act 2014 s45"
    CHILDREN_ACT_1989_S47 = "CHILDREN_ACT_1989_S47", "Children Act 1989 s47"
    CHILDREN_ACT_1989_S17 = "CHILDREN_ACT_1989_S17", "Children Act 1989 s17"
    CHILDREN_ACT_2004_S11 = "CHILDREN_ACT_2004_S11", "Children Act 2004 s11"
    MSA_2015_S52 = "MSA_2015_S52", "Modern Slavery Act 2015 s52"
    COMMON_LAW_PUBLIC_INTEREST = "COMMON_LAW_PUBLIC_INTEREST", "Common law (public interest)"
    NONE = "NONE", "None"


class SharingDecision(models.Model):
    """Why a case is shared with another organisation (DOMAIN.md §9). Kept after the share ends."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="sharing_decisions")
    recipient = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    purpose = models.TextField(max_length=2000)
    data_items = models.TextField(max_length=2000)
    standing = models.BooleanField(default=False, help_text="Standing (ongoing) rather than one-off.")
    lawful_basis = models.CharField(max_length=30, choices=LawfulBasis.choices)
    special_category_condition = models.CharField(max_length=30, choices=SpecialCategoryCondition.choices, blank=True)
    dpa_condition = models.CharField(max_length=20, choices=DpaCondition.choices, blank=True)
    gateway = models.CharField(max_length=30, choices=SharingGateway.choices)
    consent_position = models.TextField(max_length=2000)
    decided_by_name = models.CharField(max_length=200)
    decided_by_role = models.CharField(max_length=200)
    decided_on = models.DateField()
    review_on = models.DateField()
    agreement = models.ForeignKey(InformationSharingAgreement, null=True, blank=True, on_delete=models.PROTECT)
    is_emergency = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Sharing decision {self.pk} for {self.case}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"case_id": self.case_id}


class CaseEvent(models.Model):
    """One entry in a case's timeline. Written by services only; later apps add their own kinds."""

    class Kind(models.TextChoices):
        SUBMITTED = "SUBMITTED", "Concern reported"
        TRIAGED = "TRIAGED", "Triaged"
        STATUS_CHANGED = "STATUS_CHANGED", "Status changed"
        NOTE_ADDED = "NOTE_ADDED", "Note added"
        NOTE_EDITED = "NOTE_EDITED", "Note edited"
        TASK_ADDED = "TASK_ADDED", "Task added"
        TASK_UPDATED = "TASK_UPDATED", "Task updated"
        DOCUMENT_ADDED = "DOCUMENT_ADDED", "Document added"
        SHARE_GRANTED = "SHARE_GRANTED", "Shared"
        SHARE_REVOKED = "SHARE_REVOKED", "Share ended"
        CHILD_REFERRALS = "CHILD_REFERRALS", "Child referrals made elsewhere"
        INDICATORS = "INDICATORS", "Signs of exploitation updated"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    summary = models.CharField(max_length=300)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["case", "-at"], name="caseevent_case_at")]
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.case} {self.kind}"


class CaseNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(max_length=10000)
    created = models.DateTimeField(default=timezone.now)
    edited = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"Note {self.pk} on {self.case}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"case_id": self.case_id}


class ChildReferralsException(models.Model):
    """R1's recorded exception: a child's safeguarding and NRM referrals were made by someone else (for example
    another first responder), so this case may move on or close without its own. One per case."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="child_referrals_exception")
    referred_by = models.CharField(max_length=200, help_text="The organisation that made the referrals.")
    nrm_reference = models.CharField(max_length=50)
    childrens_services_reference = models.CharField(max_length=50, blank=True)
    explanation = models.TextField(max_length=2000)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Child referrals exception for {self.case}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"case_id": self.case_id}


class TaskStatus(models.TextChoices):
    OPEN = "OPEN", "To do"
    DONE = "DONE", "Done"
    CANCELLED = "CANCELLED", "Cancelled"


class CaseTask(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_tasks")
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["assignee", "status", "due_on"], name="casetask_assignee_due")]
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Task {self.pk} on {self.case}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"case_id": self.case_id}


class TaskDigest(models.Model):
    """One row per user per day a digest was sent, so the daily job never sends twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="taskdigest_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day}"


class DocumentStorage(FileSystemStorage):
    """Files under settings.DOCUMENTS_ROOT, outside the web root, with no URL: served only by
    cases.views.document_download, which checks visibility and audits."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(settings.DOCUMENTS_ROOT)

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def _document_storage() -> FileSystemStorage:
    return DocumentStorage()


def _document_path(instance: "CaseDocument", filename: str) -> str:
    return f"{instance.case_id}/{uuid.uuid4().hex}"


class CaseDocument(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(storage=_document_storage, upload_to=_document_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    description = models.CharField(max_length=500)
    document_date = models.DateField(null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"Document {self.pk} on {self.case}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"case_id": self.case_id}
