from django.urls import path

from . import api, views

app_name = "lmd_access"
urlpatterns = [
    path("", views.home, name="home"),
    path("request/", views.create_request, name="create"),
    path("requests/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("coordinator/", views.dashboard, name="dashboard"),
    path("coordinator/decide/", views.decide, name="decide"),
    path("coordinator/export.csv", views.export_csv, name="export"),
    path("report/", views.report, name="report"),
    path("api/requests/", api.requests_view, name="api_requests"),
    path("api/requests/<int:pk>/withdraw/", api.withdraw_view, name="api_withdraw"),
    path("api/decisions/", api.decisions_view, name="api_decisions"),
    path("api/revocations/", api.revocations_view, name="api_revocations"),
]
