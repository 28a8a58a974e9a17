from django.urls import path

from cases import views

app_name = "cases"

urlpatterns = [
    path("", views.my_cases, name="my_cases"),
    path("report-a-concern/", views.report_concern, name="report_concern"),
    path("<str:reference>/", views.detail, name="detail"),
    path("<str:reference>/submitted/", views.submitted, name="submitted"),
    path("<str:reference>/audit/", views.audit, name="audit"),
]
