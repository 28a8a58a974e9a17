"""Forms for the case pages. They parse and validate input; services do the writing."""

import datetime
from typing import Any

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Button, Field, Fieldset, Fixed, Fluid, Layout, Size
from django import forms
from django.conf import settings
from django.db import models

from accounts.models import Organisation, User
from cases.lifecycle import Move
from cases.models import (
    Case,
    CaseIndicator,
    CaseState,
    DpaCondition,
    Indicator,
    LawfulBasis,
    RiskLevel,
    SharingGateway,
    SpecialCategoryCondition,
    YesNoNotSure,
)
from cases.services import INTAKE_FIELDS, REMOVE_INDICATOR, REQUIRED_TO_SUBMIT, ConcernData, IndicatorChange
from cases.taxonomy import (
    CaseClosureReason,
    ExploitationLocation,
    ExploitationSubtype,
    ExploitationType,
    Gender,
    IndicatorGroup,
    PersonKnown,
)

YES_NO_NOT_SURE = [("", "Not answered"), *YesNoNotSure.choices]


def _helper(*fields: Any) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*fields)
    return helper


def _radios(choices: list[tuple[str, str]], label: str, help_text: str = "", required: bool = False) -> forms.Field:
    return forms.ChoiceField(
        label=label, help_text=help_text, choices=choices, widget=forms.RadioSelect, required=required
    )


def _date(label: str, required: bool = True, help_text: str = "For example, 27 3 2026") -> DateInputField:
    field = DateInputField(label=label, required=required, help_text=help_text, require_all_fields=False)
    return field


class ConcernForm(forms.Form):
    """Report a concern (DOMAIN.md §6). Everything but the starred answers can wait for the case worker.

    With `draft=True` nothing is required, so "Save and come back later" keeps any answers, valid or not yet.
    """

    organisation = forms.ModelChoiceField(
        label="Which organisation are you reporting for?",
        queryset=Organisation.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the organisation you are reporting for"},
    )
    immediate_danger = _radios(
        YesNoNotSure.choices, "Is anyone in immediate danger?", "If someone is in danger now, call 999 first."
    )
    police_called = _radios(YesNoNotSure.choices, "Have the police been called?")
    police_reference = forms.CharField(
        label="Police incident or crime reference (if known)", max_length=50, required=False
    )
    under_18 = _radios(
        YesNoNotSure.choices,
        "Is the person under 18?",
        "If you are not sure, they are treated as a child until their age is assessed.",
    )
    childrens_services_contacted = _radios(
        YesNoNotSure.choices,
        "If they are or may be under 18: have children's services been contacted?",
        "A child must be referred to children's services. Answer 'No' if you have not done it yet.",
    )
    ictg_referred = _radios(
        YesNoNotSure.choices,
        "If they are or may be under 18: have they been referred to an Independent Child Trafficking Guardian?",
    )
    under_18_when_exploited = _radios(
        YesNoNotSure.choices, "If they are 18 or over: were they under 18 when the exploitation began?"
    )
    what_was_seen = forms.CharField(
        label="What did you see or hear?",
        help_text="In your own words. Include anything the person said, in their words if you can.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    location_description = forms.CharField(
        label="Where was this?",
        help_text="A town, street, postcode or premises. Write 'unknown' if you do not know.",
        max_length=200,
    )
    seen_on = _date("When was this?", required=False)
    exploitation_location = _radios(ExploitationLocation.choices, "Where did the exploitation happen?")
    still_in_situation = _radios(YesNoNotSure.choices, "Is the person still in the situation?")
    indicator_note = forms.CharField(
        label="Anything else about the signs you saw (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    exploitation_types = forms.MultipleChoiceField(
        label="What kind of exploitation do you suspect?",
        help_text="Select all that apply.",
        choices=ExploitationType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    exploitation_subtypes = forms.MultipleChoiceField(
        label="More detail, if you know it",
        choices=ExploitationSubtype.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    county_lines = forms.BooleanField(label="County lines", required=False)
    cuckooing = forms.BooleanField(label="Cuckooing (their home taken over)", required=False)
    person_known = _radios(PersonKnown.choices, "What do you know about the person?")
    approximate_age = forms.CharField(
        label="Their age, or roughly how old they seem (optional)", max_length=30, required=False
    )
    gender = _radios(Gender.choices, "Gender")
    language = forms.CharField(label="Language they speak (optional)", max_length=100, required=False)
    interpreter_needed = _radios(YesNoNotSure.choices, "Do they need an interpreter?")
    communication_needs = forms.CharField(label="Other communication needs (optional)", max_length=500, required=False)
    told_about_support = _radios(YesNoNotSure.choices, "Was the person told about support?")
    their_response = forms.CharField(
        label="What did they say? (optional)",
        help_text="In their words if you can.",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reporter_phone = forms.CharField(
        label="Your phone number (optional)",
        help_text="So the case worker can call you about this concern.",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    GROUP_FIELDS = {
        IndicatorGroup.PHYSICAL: "indicator_physical",
        IndicatorGroup.PSYCHOLOGICAL: "indicator_psychological",
        IndicatorGroup.SITUATIONAL: "indicator_situational",
        IndicatorGroup.ENVIRONMENTAL: "indicator_environmental",
        IndicatorGroup.CHILD: "indicator_child",
    }

    def __init__(self, *args: Any, organisations: list[Organisation], draft: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._organisations = organisations
        for name, message in REQUIRED_TO_SUBMIT.items():
            self.fields[name].required = not draft
            self.fields[name].error_messages["required"] = message
        self.fields["what_was_seen"].error_messages["max_length"] = (
            "What you saw or heard must be 5,000 characters or fewer"
        )
        self.fields["location_description"].error_messages["max_length"] = (
            "Where this was must be 200 characters or fewer"
        )
        indicators = list(Indicator.objects.filter(is_active=True))
        for group, name in self.GROUP_FIELDS.items():  # one ticklist per indicator group (DOMAIN.md §4.3)
            self.fields[name] = forms.MultipleChoiceField(
                label=group.label,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(i.code, i.label) for i in indicators if i.group == group],
            )
        head: list[Any] = []
        if len(organisations) > 1:
            organisation_field: forms.ModelChoiceField = self.fields["organisation"]  # type: ignore[assignment]
            organisation_field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
            organisation_field.required = not draft
            head.append(Field.radios("organisation", legend_size=Size.MEDIUM))
        else:
            del self.fields["organisation"]  # the one organisation the user reports for
        self.helper = _helper(
            *head,
            Fieldset(
                Field.radios("immediate_danger", legend_size=Size.SMALL, inline=True),
                Field.radios("police_called", legend_size=Size.SMALL, inline=True),
                Field.text("police_reference", field_width=Fixed.TWENTY),
                legend="Safety",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("what_was_seen", max_characters=5000),
                Field.text("location_description", field_width=Fluid.TWO_THIRDS),
                Field("seen_on"),
                Field.radios("exploitation_location", legend_size=Size.SMALL, small=True),
                Field.radios("still_in_situation", legend_size=Size.SMALL, inline=True),
                legend="What happened",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("under_18", legend_size=Size.SMALL, inline=True),
                Field.radios("childrens_services_contacted", legend_size=Size.SMALL, inline=True),
                Field.radios("ictg_referred", legend_size=Size.SMALL, inline=True),
                Field.radios("under_18_when_exploited", legend_size=Size.SMALL, inline=True),
                Field.radios("person_known", legend_size=Size.SMALL, small=True),
                Field.text("approximate_age", field_width=Fixed.TWENTY),
                Field.radios("gender", legend_size=Size.SMALL, small=True),
                Field.text("language", field_width=Fluid.ONE_HALF),
                Field.radios("interpreter_needed", legend_size=Size.SMALL, inline=True),
                Field.text("communication_needs", field_width=Fluid.TWO_THIRDS),
                legend="The person",
                legend_size=Size.MEDIUM,
            ),
            HTML(self._details_open("signs", "Signs of modern slavery and type of exploitation (optional)")),
            Fieldset(
                HTML('<p class="govuk-body">Tick the signs you saw or were told about. Leave blank if none.</p>'),
                *[Field.checkboxes(name, legend_size=Size.SMALL, small=True) for name in self.GROUP_FIELDS.values()],
                Field.textarea("indicator_note", rows=3),
                legend="Signs of modern slavery",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.checkboxes("exploitation_types", legend_size=Size.SMALL, small=True),
                Field.checkboxes("exploitation_subtypes", legend_size=Size.SMALL, small=True),
                Field.checkbox("county_lines", small=True),
                Field.checkbox("cuckooing", small=True),
                legend="Type of exploitation",
                legend_size=Size.MEDIUM,
            ),
            HTML("</div></details>"),
            Fieldset(
                Field.radios("told_about_support", legend_size=Size.SMALL, inline=True),
                Field.textarea("their_response", rows=3),
                legend="Support",
                legend_size=Size.MEDIUM,
            ),
            Field.text("reporter_phone", field_width=Fixed.TWENTY),
            HTML('<div class="govuk-button-group">'),
            Button("continue", "Continue"),
            Button.secondary("save_draft", "Save and come back later"),
            HTML("</div>"),
        )

    def _details_open(self, name: str, summary: str) -> str:
        """A GOV.UK details element around optional questions, open when any of them holds an answer, so a
        returning draft or a failed submit shows what was ticked."""
        names = [
            *self.GROUP_FIELDS.values(),
            "exploitation_types",
            "exploitation_subtypes",
            "county_lines",
            "cuckooing",
        ]
        values = [self.data.getlist(n) if hasattr(self.data, "getlist") else self.data.get(n) for n in names]
        values += [self.initial.get(n) for n in names]
        is_open = " open" if any(values) else ""
        return (
            f'<details class="govuk-details" id="{name}"{is_open}>'
            f'<summary class="govuk-details__summary"><span class="govuk-details__summary-text">{summary}</span>'
            '</summary><div class="govuk-details__text">'
        )

    @classmethod
    def initial_from(cls, case: Case) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(case, name) for name in INTAKE_FIELDS}
        initial["organisation"] = case.owning_organisation_id
        codes = list(case.indicators.values_list("indicator_id", "indicator__group"))
        for group, name in cls.GROUP_FIELDS.items():
            initial[name] = [code for code, g in codes if g == group]
        rows = list(case.exploitation.values_list("exploitation_type", "subtype"))
        initial["exploitation_types"] = sorted({t for t, s in rows if not s})
        initial["exploitation_subtypes"] = sorted({s for _, s in rows if s})
        return initial

    def chosen_organisation(self) -> Organisation:
        chosen: Organisation | None = self.cleaned_data.get("organisation")
        return chosen if chosen is not None else self._organisations[0]

    def concern_data(self) -> ConcernData:
        data = self.cleaned_data
        extra = {name: data[name] for name in INTAKE_FIELDS if name in data and name not in ConcernData.__annotations__}
        for name in ("exploitation_location", "person_known", "gender"):
            extra[name] = extra.get(name) or self.base_default(name)
        indicators = [code for name in self.GROUP_FIELDS.values() for code in data.get(name, [])]
        return ConcernData(
            what_was_seen=data.get("what_was_seen", ""),
            location_description=data.get("location_description", ""),
            under_18=data.get("under_18", ""),
            immediate_danger=data.get("immediate_danger", ""),
            reporter_phone=data.get("reporter_phone", ""),
            extra=extra,
            indicators=indicators,
            exploitation_types=data.get("exploitation_types", []),
            exploitation_subtypes=data.get("exploitation_subtypes", []),
        )

    @staticmethod
    def base_default(name: str) -> str:
        field = Case._meta.get_field(name)
        assert isinstance(field, models.Field)
        return str(field.default)


class IndicatorsForm(forms.Form):
    """How each recorded sign of exploitation is known, with a note, and signs to add (DOMAIN.md §4.3)."""

    MODES = [
        (CaseIndicator.Mode.OBSERVED, "Observed: the reporter or a professional saw it"),
        (CaseIndicator.Mode.REPORTED, "Reported: the person or someone else told us"),
        (REMOVE_INDICATOR, "Not a sign in this case: remove it"),
    ]

    def __init__(self, *args: Any, recorded: list[CaseIndicator], others: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._codes = [row.indicator_id for row in recorded]
        layout: list[Any] = []
        for row in recorded:
            label = row.indicator.label
            self.fields[f"mode_{row.indicator_id}"] = forms.ChoiceField(
                label=label,
                choices=self.MODES,
                widget=forms.RadioSelect,
                initial=row.mode or None,
                error_messages={"required": f"Say whether '{label}' was observed or reported, or remove it"},
            )
            self.fields[f"note_{row.indicator_id}"] = forms.CharField(
                label=f"Note on '{label}' (optional)",
                required=False,
                max_length=1000,
                initial=row.note,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": f"The note on '{label}' must be 1,000 characters or fewer"},
            )
            layout += [
                Field.radios(f"mode_{row.indicator_id}", legend_size=Size.SMALL, small=True),
                Field.textarea(f"note_{row.indicator_id}", rows=2),
            ]
        adding = []
        for group in IndicatorGroup:
            choices = [(i.code, i.label) for i in others if i.group == group]
            if choices:
                self.fields[f"add_{group.value.lower()}"] = forms.MultipleChoiceField(
                    label=group.label, required=False, widget=forms.CheckboxSelectMultiple, choices=choices
                )
                adding.append(Field.checkboxes(f"add_{group.value.lower()}", legend_size=Size.SMALL, small=True))
        self.helper = _helper(
            *(
                [Fieldset(*layout, legend="Signs recorded", legend_size=Size.MEDIUM)]
                if layout
                else [HTML('<p class="govuk-body">No signs are recorded for this case yet.</p>')]
            ),
            *([Fieldset(*adding, legend="Add signs", legend_size=Size.MEDIUM)] if adding else []),
            Button("submit", "Save signs"),
        )

    def changes(self) -> dict[str, IndicatorChange]:
        return {
            code: IndicatorChange(mode=self.cleaned_data[f"mode_{code}"], note=self.cleaned_data[f"note_{code}"])
            for code in self._codes
        }

    def added(self) -> list[str]:
        return [code for name, value in self.cleaned_data.items() if name.startswith("add_") for code in value]


class TriageForm(forms.Form):
    lead_worker = forms.ModelChoiceField(
        label="Lead worker",
        queryset=User.objects.none(),
        empty_label="Select a lead worker",
        error_messages={"required": "Select the lead worker", "invalid_choice": "Select the lead worker"},
    )
    risk_level = forms.ChoiceField(
        label="Risk level",
        choices=RiskLevel.choices,
        widget=forms.RadioSelect,
        help_text="Standard: indicators, no known current harm. Medium: exploitation likely, no immediate danger. "
        "High: still in the situation, recent exploiter contact, or a child. Immediate: danger now (call 999).",
        error_messages={"required": "Select the risk level"},
    )
    reason = forms.CharField(
        label="Why this risk level?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason for the risk level"},
    )

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_worker"].queryset = team  # type: ignore[attr-defined]
        self.helper = _helper(
            Field.select("lead_worker"),
            Field.radios("risk_level", legend_size=Size.SMALL),
            Field.textarea("reason", rows=3),
            Button("submit", "Save triage"),
        )


class TransitionForm(forms.Form):
    to = forms.ChoiceField(
        label="What happens next?", widget=forms.RadioSelect, error_messages={"required": "Select what happens next"}
    )
    closure_reason = forms.ChoiceField(
        label="If closing: why?", choices=[("", "Select a reason"), *CaseClosureReason.choices], required=False
    )
    reason = forms.CharField(
        label="Reason or note",
        help_text="Needed when reopening, or when the closure reason is 'Other'.",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, moves: list[Move], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(m.to.value, m.label) for m in moves]  # type: ignore[attr-defined]
        self.helper = _helper(
            Field.radios("to", legend_size=Size.SMALL),
            Field.select("closure_reason"),
            Field.textarea("reason", rows=3),
            Button("submit", "Save"),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("to") == CaseState.CLOSED and not data.get("closure_reason"):
            self.add_error("closure_reason", "Select why the case is being closed")
        return data


class ChildReferralsExceptionForm(forms.Form):
    referred_by = forms.CharField(
        label="Which organisation made the referrals?",
        max_length=200,
        help_text="For example, another council's children's services or a police force",
        error_messages={"required": "Enter which organisation made the referrals"},
    )
    nrm_reference = forms.CharField(
        label="NRM referral reference",
        max_length=50,
        error_messages={"required": "Enter the NRM referral's reference"},
    )
    childrens_services_reference = forms.CharField(
        label="Children's services reference (optional)", max_length=50, required=False
    )
    explanation = forms.CharField(
        label="Why this case has no referrals of its own",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Explain why this case has no referrals of its own"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("referred_by"),
            Field.text("nrm_reference", field_width=Fixed.TWENTY),
            Field.text("childrens_services_reference", field_width=Fixed.TWENTY),
            Field.textarea("explanation", rows=4),
            Button("submit", "Record the exception"),
        )


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Note",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the note", "max_length": "The note must be 10,000 characters or fewer"},
    )

    def __init__(self, *args: Any, button: str = "Add note", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("text", rows=5), Button("submit", button))


class TaskForm(forms.Form):
    title = forms.CharField(label="Task", max_length=200, error_messages={"required": "Enter what needs doing"})
    assignee = forms.ModelChoiceField(
        label="Who will do it?",
        queryset=User.objects.none(),
        empty_label="Select a person",
        error_messages={"required": "Select who will do it"},
    )
    due_on = _date("Due date")

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = team  # type: ignore[attr-defined]
        self.fields["due_on"].error_messages["required"] = "Enter the due date"
        self.helper = _helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.select("assignee"),
            Field("due_on"),
            Button("submit", "Add task"),
        )


class DocumentForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, JPG, PNG, DOC or DOCX, smaller than 25MB.",
        error_messages={"required": "Select a file", "empty": "The selected file is empty"},
    )
    description = forms.CharField(
        label="What is it?", max_length=500, error_messages={"required": "Describe the document"}
    )
    document_date = _date("Date of the document (optional)", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field("file"),
            Field.text("description", field_width=Fluid.TWO_THIRDS),
            Field("document_date"),
            Button("submit", "Upload"),
        )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in settings.DOCUMENT_TYPES:
            raise forms.ValidationError("The selected file must be a PDF, JPG, PNG, DOC or DOCX")
        if upload.size > settings.DOCUMENT_MAX_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 25MB")
        return upload


class SharingDecisionForm(forms.Form):
    recipient = forms.ModelChoiceField(
        label="Organisation to share with",
        queryset=Organisation.objects.none(),
        empty_label="Select an organisation",
        error_messages={"required": "Select the organisation to share with"},
    )
    purpose = forms.CharField(
        label="Purpose of sharing",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the purpose of sharing"},
    )
    data_items = forms.CharField(
        label="What information will be shared?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what information will be shared"},
    )
    standing = forms.BooleanField(label="Standing (ongoing) share, not one-off", required=False)
    lawful_basis = forms.ChoiceField(
        label="Lawful basis (UK GDPR Article 6)",
        choices=LawfulBasis.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the lawful basis"},
    )
    special_category_condition = forms.ChoiceField(
        label="Special category condition (Article 9), if health or other special category data is shared",
        choices=[("", "None"), *SpecialCategoryCondition.choices],
        required=False,
    )
    dpa_condition = forms.ChoiceField(
        label="Data Protection Act 2018 Schedule 1 condition",
        choices=[("", "None"), *DpaCondition.choices],
        required=False,
    )
    gateway = forms.ChoiceField(
        label="Legal gateway", choices=SharingGateway.choices, error_messages={"required": "Select the gateway"}
    )
    consent_position = forms.CharField(
        label="Consent position",
        help_text="Whether the person consented, or why sharing without consent is justified.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the consent position"},
    )
    decided_by_name = forms.CharField(
        label="Decided by (name)", max_length=200, error_messages={"required": "Enter who decided"}
    )
    decided_by_role = forms.CharField(
        label="Their role", max_length=200, error_messages={"required": "Enter their role"}
    )
    decided_on = _date("Date of the decision")
    review_on = _date("Review date")
    is_emergency = forms.BooleanField(
        label="This is an emergency: someone's life or safety is at risk (vital interests)", required=False
    )

    def __init__(self, *args: Any, recipients: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = recipients  # type: ignore[attr-defined]
        self.fields["decided_on"].error_messages["required"] = "Enter the date of the decision"
        self.fields["review_on"].error_messages["required"] = "Enter the review date"
        self.helper = _helper(
            Field.select("recipient"),
            Field.textarea("purpose", rows=3),
            Field.textarea("data_items", rows=3),
            Field.checkbox("standing", small=True),
            Field.radios("lawful_basis", legend_size=Size.SMALL, small=True),
            Field.select("special_category_condition"),
            Field.select("dpa_condition"),
            Field.select("gateway"),
            Field.textarea("consent_position", rows=3),
            Field.text("decided_by_name", field_width=Fluid.ONE_HALF),
            Field.text("decided_by_role", field_width=Fluid.ONE_HALF),
            Field("decided_on"),
            Field("review_on"),
            Field.checkbox("is_emergency", small=True),
            Button("submit", "Record decision and share"),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decided, review = data.get("decided_on"), data.get("review_on")
        if isinstance(decided, datetime.date) and isinstance(review, datetime.date) and review < decided:
            self.add_error("review_on", "The review date must be on or after the date of the decision")
        return data
