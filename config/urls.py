from collections.abc import Callable

from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseBase
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from health_check.views import HealthCheckView

from config import views


def _signed_in_only(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """DRF marks its views login_not_required; the schema and docs are for signed-in staff only."""
    view.login_required = True  # type: ignore[attr-defined]
    return view


# Swagger UI (served from drf-spectacular-sidecar, not a CDN) sets inline styles; its page holds no case data.
_docs_csp = csp_update({"style-src": ["'unsafe-inline'"]})

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("accounts.urls")),
    path("cases/", include("cases.urls")),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path(
        "health/",
        login_not_required(
            HealthCheckView.as_view(
                checks=["health_check.checks.Database", "health_check.checks.Cache", "config.health.Broker"]
            )
        ),
        name="health",
    ),
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:sign_in", query_string=True)),
    path("admin/", admin.site.urls),
    path("api/v1/", include("cases.api.urls")),
    path("api/schema/", _signed_in_only(SpectacularAPIView.as_view()), name="api_schema"),
    path(
        "api/docs/",
        _signed_in_only(_docs_csp(SpectacularSwaggerSplitView.as_view(url_name="api_schema"))),
        name="api_docs",
    ),
]

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
