from typing import Any

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fixed, Fluid, Layout, Size
from django import forms

from accounts.models import Organisation
from cases.models import YesNoNotSure
from cases.services import ConcernData


class ConcernForm(forms.Form):
    """The minimum to log a concern quickly (DOMAIN.md §6). The rest can wait for the case worker."""

    organisation = forms.ModelChoiceField(
        label="Which organisation are you reporting for?",
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"required": "Select the organisation you are reporting for"},
    )
    immediate_danger = forms.TypedChoiceField(
        label="Is anyone in immediate danger?",
        help_text="If someone is in danger now, call 999 first.",
        choices=YesNoNotSure.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether anyone is in immediate danger"},
    )
    under_18 = forms.TypedChoiceField(
        label="Is the person under 18?",
        help_text="If you are not sure, they are treated as a child until their age is assessed.",
        choices=YesNoNotSure.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the person is under 18"},
    )
    what_was_seen = forms.CharField(
        label="What did you see or hear?",
        help_text="In your own words. Include anything the person said, in their words if you can.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter what you saw or heard",
            "max_length": "What you saw or heard must be 5,000 characters or fewer",
        },
    )
    location_description = forms.CharField(
        label="Where was this?",
        help_text="A town, street, postcode or premises. Write 'unknown' if you do not know.",
        max_length=200,
        error_messages={
            "required": "Enter where this was, or 'unknown'",
            "max_length": "Where this was must be 200 characters or fewer",
        },
    )
    reporter_phone = forms.CharField(
        label="Your phone number (optional)",
        help_text="So the case worker can call you about this concern.",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={"max_length": "Your phone number must be 30 characters or fewer"},
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._organisations = organisations
        fields: list[Any] = []
        if len(organisations) > 1:
            organisation_field: forms.ModelChoiceField = self.fields["organisation"]  # type: ignore[assignment]
            organisation_field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
            fields.append(Field.radios("organisation", legend_size=Size.MEDIUM))
        else:
            del self.fields["organisation"]  # the one organisation the user reports for
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            *fields,
            Field.radios("immediate_danger", legend_size=Size.MEDIUM, inline=True),
            Field.radios("under_18", legend_size=Size.MEDIUM, inline=True),
            Field.textarea("what_was_seen", label_size=Size.MEDIUM, max_characters=5000),
            Field.text("location_description", label_size=Size.MEDIUM, field_width=Fluid.TWO_THIRDS),
            Field.text("reporter_phone", label_size=Size.MEDIUM, field_width=Fixed.TWENTY),
            Button("submit", "Submit concern"),
        )

    def chosen_organisation(self) -> Organisation:
        chosen: Organisation | None = self.cleaned_data.get("organisation")
        return chosen if chosen is not None else self._organisations[0]

    def concern_data(self) -> ConcernData:
        data = self.cleaned_data
        return ConcernData(
            what_was_seen=data["what_was_seen"],
            location_description=data["location_description"],
            under_18=YesNoNotSure(data["under_18"]),
            immediate_danger=YesNoNotSure(data["immediate_danger"]),
            reporter_phone=data["reporter_phone"],
        )
