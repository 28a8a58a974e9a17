from rest_framework import serializers

from accounts.models import Organisation
from cases.models import Case, YesNoNotSure


class CaseSerializer(serializers.ModelSerializer):
    owning_organisation = serializers.CharField(source="owning_organisation.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Case
        fields = [
            "reference",
            "status",
            "status_label",
            "risk_level",
            "is_child",
            "owning_organisation",
            "created",
        ]
        read_only_fields = fields


class CaseDetailSerializer(CaseSerializer):
    class Meta(CaseSerializer.Meta):
        fields = [
            *CaseSerializer.Meta.fields,
            "location_description",
            "what_was_seen",
            "under_18",
            "immediate_danger",
        ]
        read_only_fields = fields


class ConcernSubmitSerializer(serializers.Serializer):
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.none(), required=False, help_text="Needed only if you are in several."
    )
    what_was_seen = serializers.CharField(max_length=5000)
    location_description = serializers.CharField(max_length=200)
    under_18 = serializers.ChoiceField(choices=YesNoNotSure.choices)
    immediate_danger = serializers.ChoiceField(choices=YesNoNotSure.choices)
    reporter_phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
