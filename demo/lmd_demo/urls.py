"""Demo URLs: the course pages, the course-access app, and the workbench (XBlock runtime), whose
own routes lmd_demo.workbench_gate restricts. Nothing else is served: no media, no files of the
working directory; static assets come from the apps' static folders only."""
from django.apps import apps
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.i18n import set_language
from workbench.urls import urlpatterns as workbench_urls

from . import views, workbench_gate

urlpatterns = [
    path("", views.home, name="lmd_home"),
    path("course/", views.course, name="lmd_course"),
    path("course/module/<str:number>/", views.module_page, name="lmd_module"),
    path("course/summary/", views.summary, name="lmd_summary"),
    path("course/handler/", views.no_block, name="lmd_handler_base"),
    re_path(r"^course/handler/(?P<usage_id>[^/]+)/(?P<handler_slug>[^/]*)(?:/(?P<suffix>.*))?$",
            views.block_handler, name="lmd_handler"),
    path("exports/", views.exports, name="lmd_exports"),
    path("exports/<str:kind>/", views.export_download, name="lmd_export"),
    path("workbench/", workbench_gate.open_workbench_only(workbench_gate.index), name="lmd_workbench"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    *([path("access/", include("lmd_access.urls"))] if apps.is_installed("lmd_access") else []),
    workbench_gate.static_pattern(),
    # The workbench's own patterns follow; its index at "/" is dropped (the course home is
    # there) but its name stays, which the workbench's templates use to build handler URLs.
    re_path(r"^$", views.home, name="workbench_index"),
    *workbench_gate.workbench_patterns(workbench_urls),
]
