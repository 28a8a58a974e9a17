"""The case record: one concern about one person, owned by one organisation, shared only on purpose."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from accounts.models import Organisation


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
    reference = models.CharField(max_length=20, unique=True, editable=False)
    owning_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(max_length=20, choices=CaseState.choices, default=CaseState.INTAKE_RECEIVED)
    risk_level = models.CharField(max_length=10, choices=RiskLevel.choices, default=RiskLevel.STANDARD)
    is_child = models.BooleanField(default=False, help_text="Under 18, or may be: child rules apply (R1).")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reported_cases")
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    # What the reporter told us (DOMAIN.md §6, the minimum; the full intake form extends this).
    reporter_phone = models.CharField(max_length=30, blank=True)
    what_was_seen = models.TextField(max_length=5000)
    location_description = models.CharField(max_length=200)
    under_18 = models.CharField(max_length=10, choices=YesNoNotSure.choices)
    immediate_danger = models.CharField(max_length=10, choices=YesNoNotSure.choices)

    triage_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["owning_organisation", "-created", "-id"], name="case_org_created"),
            models.Index(fields=["-created", "-id"], name="case_created"),
        ]

    def __str__(self) -> str:
        return self.reference  # never identity: references are pseudonymous


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


class CaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)


class CaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)
