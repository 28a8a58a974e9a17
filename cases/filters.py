"""The case list's filters, shared by the web page and the API (/api/v1/cases/)."""

import datetime

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import Organisation
from cases.models import Case, CaseExploitation, CaseState, RiskLevel
from cases.taxonomy import ExploitationType

LISTED_STATES = [(value, label) for value, label in CaseState.choices if value != CaseState.DRAFT]


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label="Reference or place")
    status = django_filters.MultipleChoiceFilter(
        choices=LISTED_STATES, widget=forms.CheckboxSelectMultiple, label="Status", distinct=False
    )
    risk_level = django_filters.MultipleChoiceFilter(
        choices=RiskLevel.choices, widget=forms.CheckboxSelectMultiple, label="Risk", distinct=False
    )
    exploitation_type = django_filters.ChoiceFilter(
        choices=ExploitationType.choices, method="filter_exploitation", label="Type of exploitation", empty_label="Any"
    )
    age_group = django_filters.ChoiceFilter(
        choices=[("child", "Child (or may be)"), ("adult", "Adult")],
        method="filter_age",
        label="Child or adult",
        empty_label="Any",
    )
    assigned_to_me = django_filters.BooleanFilter(
        method="filter_assigned", widget=forms.CheckboxInput, label="Only cases I lead"
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="owning_organisation", queryset=Organisation.objects.none(), label="Organisation", empty_label="Any"
    )
    reported_from = django_filters.DateFilter(
        method="filter_from", label="Reported on or after", help_text="For example, 2026-03-27", widget=forms.TextInput
    )
    reported_to = django_filters.DateFilter(
        method="filter_to", label="Reported on or before", help_text="For example, 2026-03-27", widget=forms.TextInput
    )

    class Meta:
        model = Case
        fields: list[str] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        user = getattr(self.request, "user", None)
        if user is not None and user.is_authenticated:
            self.filters["organisation"].queryset = Organisation.objects.filter(memberships__user=user).distinct()

    def filter_search(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        value = value.strip()
        if not value:
            return queryset
        if value.upper().startswith("MS-"):  # references are upper case: a prefix the index can serve
            return queryset.filter(reference__startswith=value.upper())
        return queryset.filter(Q(reference__icontains=value) | Q(location_description__icontains=value))

    def filter_exploitation(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        return queryset.filter(pk__in=CaseExploitation.objects.filter(exploitation_type=value).values("case_id"))

    def filter_age(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        return queryset.filter(is_child=value == "child")

    def filter_assigned(self, queryset: QuerySet[Case], name: str, value: bool) -> QuerySet[Case]:
        return queryset.filter(lead_worker=self.request.user) if value else queryset

    def filter_from(self, queryset: QuerySet[Case], name: str, value: datetime.date) -> QuerySet[Case]:
        return queryset.filter(created__gte=_start_of(value))

    def filter_to(self, queryset: QuerySet[Case], name: str, value: datetime.date) -> QuerySet[Case]:
        return queryset.filter(created__lt=_start_of(value + datetime.timedelta(days=1)))
