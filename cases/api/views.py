from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.audit import audit_access
from accounts.models import User
from accounts.selectors import organisations_among, organisations_user_can_report_for
from cases import selectors, services
from cases.api.serializers import CaseDetailSerializer, CaseSerializer, ConcernSubmitSerializer
from cases.filters import CaseFilter
from cases.models import Case


class CasePagination(CursorPagination):
    """Keyset pagination, newest first: page 50 costs what page 1 costs."""

    ordering = ("-created", "-id")
    page_size = 25


class CaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Cases the caller may see, newest first, with the web list's filters. Another organisation's case is
    404, as on the web."""

    lookup_field = "reference"
    lookup_value_regex = r"[A-Za-z0-9-]+"
    filterset_class = CaseFilter
    pagination_class = CasePagination

    def get_queryset(self) -> QuerySet[Case]:
        user = self.request.user
        if self.action == "retrieve":
            return selectors.cases_visible_to(user).select_related("owning_organisation")  # type: ignore[arg-type]
        cases = selectors.case_list_for_user(user=user)  # type: ignore[arg-type]
        columns = ("reference", "status", "risk_level", "is_child", "created", "owning_organisation__name")
        return cases.select_related("owning_organisation").only(*columns)  # what CaseSerializer shows

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        if self.action == "retrieve":
            return CaseDetailSerializer
        if self.action == "create":
            return ConcernSubmitSerializer
        return CaseSerializer

    def retrieve(self, request: Request, *args: object, **kwargs: object) -> Response:
        case = self.get_object()
        audit_access(actor=request.user, obj=case, request=request._request, action="cases.case.api_viewed")  # type: ignore[arg-type]
        return Response(CaseDetailSerializer(case).data)

    @extend_schema(request=ConcernSubmitSerializer, responses={201: CaseSerializer})
    def create(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        organisations = organisations_user_can_report_for(user=user)
        serializer = ConcernSubmitSerializer(data=request.data)
        organisation_field = serializer.fields["organisation"]
        organisation_field.queryset = organisations_among(organisations=organisations)  # type: ignore[attr-defined]
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organisation = data.pop("organisation", None)
        if organisation is None:
            if len(organisations) != 1:
                raise serializers.ValidationError(
                    {"organisation": ["Say which organisation you are reporting for."]}
                    if organisations
                    else {"non_field_errors": ["You cannot report concerns."]}
                )
            organisation = organisations[0]
        case = services.concern_submit(actor=user, organisation=organisation, data=services.ConcernData(**data))
        return Response(CaseSerializer(case).data, status=status.HTTP_201_CREATED)
