from django.urls import path

from . import api, coordinator, email_views, views
from .insight import report_views, staff_views

app_name = "lmd_access"
urlpatterns = [
    path("", views.home, name="home"),
    path("request/", views.create_request, name="create"),
    path("requests/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("assets/<str:name>", views.shared_asset, name="shared_asset"),
    # national coordinators
    path("coordinator/", coordinator.dashboard, name="dashboard"),
    path("coordinator/decide/", coordinator.decide, name="decide"),
    path("coordinator/export.csv", coordinator.export_csv, name="export"),
    path("coordinator/progress/", coordinator.progress, name="progress"),
    path("coordinator/progress.csv", coordinator.progress_csv, name="progress_csv"),
    # facilitators (a course's staff)
    path("staff/", staff_views.staff_home, name="staff"),
    path("staff/<int:course>/", staff_views.learners, name="staff_learners"),
    path("staff/<int:course>/questions/", staff_views.analysis, name="staff_analysis"),
    path("staff/<int:course>/learners/<str:username>/", staff_views.learner, name="staff_learner"),
    path("staff/<int:course>/learners/<str:username>/reset/", staff_views.reset_attempts, name="staff_reset"),
    path("emails/", email_views.previews, name="email_previews"),
    # the Secretariat
    path("report/", report_views.report_page, name="report"),
    path("report.csv", report_views.report_csv, name="report_csv"),
    # the JSON API
    path("api/requests/", api.requests_view, name="api_requests"),
    path("api/requests/<int:pk>/withdraw/", api.withdraw_view, name="api_withdraw"),
    path("api/decisions/", api.decisions_view, name="api_decisions"),
    path("api/revocations/", api.revocations_view, name="api_revocations"),
]
