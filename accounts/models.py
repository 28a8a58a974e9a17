"""Users, organisations, memberships with roles, and the append-only audit events."""

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager, Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class OrganisationType(models.TextChoices):
    LOCAL_AUTHORITY = "LOCAL_AUTHORITY", "Local authority"
    POLICE = "POLICE", "Police"
    GOVERNMENT_AGENCY = "GOVERNMENT_AGENCY", "Government agency"
    NGO = "NGO", "Voluntary sector"
    HEALTH = "HEALTH", "NHS/health"
    EDUCATION = "EDUCATION", "Education"
    HOUSING_PROVIDER = "HOUSING_PROVIDER", "Housing provider"
    SUPPORT_PROVIDER = "SUPPORT_PROVIDER", "Victim support provider"
    BUSINESS = "BUSINESS", "Business"
    FAITH_COMMUNITY = "FAITH_COMMUNITY", "Faith/community"
    OTHER = "OTHER", "Other"


class Role(models.TextChoices):
    FRONTLINE = "FRONTLINE", "Frontline practitioner"
    CASE_WORKER = "CASE_WORKER", "Case worker"
    COORDINATOR = "COORDINATOR", "Partnership coordinator"
    MANAGER = "MANAGER", "Organisation manager"
    ANALYST = "ANALYST", "Analyst"
    SYSADMIN = "SYSADMIN", "System administrator"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A member of staff. Signs in with an email address, a password and a second factor."""

    username = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)
    job_title = models.CharField(max_length=100, blank=True)
    phone = models.CharField(max_length=30, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Organisation(models.Model):
    """A partner organisation. Cases belong to one; its group receives cross-agency shares."""

    name = models.CharField(max_length=200, unique=True)
    org_type = models.CharField("type", max_length=30, choices=OrganisationType.choices)
    is_first_responder = models.BooleanField(
        "first responder organisation", default=False, help_text="May refer to the NRM."
    )
    is_dtn_authority = models.BooleanField(
        "Duty to Notify authority", default=False, help_text="A specified public authority under MSA s52."
    )
    triage_email = models.EmailField(
        "triage inbox", blank=True, help_text="Told when a new concern reaches this organisation's queue."
    )
    group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="organisation", editable=False)
    is_active = models.BooleanField(default=True)
    created = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's place in an organisation, with the one role they hold there."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    created = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_one_role_per_organisation")
        ]
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}, {self.organisation}"


class AuditEvent(models.Model):
    """One thing that happened that is not a field change: a read, a sign-in, an export, a notification.

    Field changes are django-auditlog's LogEntry. Both tables are append-only (see accounts/audit.py).
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=100, db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_pk = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=100, blank=True)
    remote_addr = models.GenericIPAddressField(null=True, blank=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_pk", "at"], name="auditevent_object_at")]
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}".strip()


class InformationSharingAgreement(models.Model):
    """A signed agreement between partner organisations. Shares between its parties cite it (DOMAIN.md §9)."""

    title = models.CharField(max_length=200)
    version = models.CharField(max_length=20)
    parties = models.ManyToManyField(Organisation, related_name="sharing_agreements")
    signatories = models.TextField(max_length=2000, help_text="Who signed, for which organisation.")
    starts_on = models.DateField()
    review_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["title", "version"]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"
