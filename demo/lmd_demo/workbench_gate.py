"""The XBlock SDK workbench's own routes, as the demo serves them.

The workbench names its learner with ?student= and has no sign-in: its pages and handlers let
anyone act as any learner, outside the course-access gate. In the demo they are for staff, or
for anyone when the development flag is on (settings.LMD_WORKBENCH: LMD_WORKBENCH=1 or DEBUG).
Even then, what changes content or everyone's state (studio and author views, reset_state) and
the list of learners stay staff only, and a ?student= name that belongs to a real account may
only be used by that account, signed in (else a visitor could act as course staff)."""
from functools import wraps

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import views as staticfiles_views
from django.db import transaction
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import URLPattern, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from django.views.decorators.http import require_POST
from django.views.static import serve as media_serve
from workbench import views as workbench_views
from workbench.scenarios import get_scenarios
from xblock.django.request import django_to_webob_request, webob_to_django_response
from xblock.exceptions import NoSuchUsage

from .fragments import page_parts
from .permissions import is_staff, refuse, staff_only
from .runtime import DemoRuntime


def workbench_open(request):
    return settings.LMD_WORKBENCH or is_staff(request.user)


def open_workbench_only(view):
    """Staff, or anyone with the development flag; and never as another real account."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not workbench_open(request):
            return refuse(request, _("The workbench is for course staff."))
        student = request.GET.get("student", "student_1")
        if request.user.get_username() != student and get_user_model().objects.filter(username=student).exists():
            return HttpResponseForbidden(_("Sign in as this user to act as them."))
        return view(request, *args, **kwargs)
    return wrapper


BAD_ID = (NoSuchUsage, KeyError, ValueError)  # what the workbench's id lookups raise for a bad id


def block_or_404(runtime, usage_id):
    try:
        return runtime.get_block(usage_id)
    except BAD_ID as exc:
        raise Http404(_("No such block")) from exc


def not_found(view):
    """A lookup by id that fails in any way is a 404: a bad id is the visitor's error."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BAD_ID as exc:
            raise Http404(_("No such block")) from exc
    return wrapper


def index(request):
    scenarios = sorted(get_scenarios().items())
    return render(request, "lmd_demo/workbench_index.html", {
        "scenarios": [(scenario_id, item.description) for scenario_id, item in scenarios
                      if scenario_id.split(".")[0] not in settings.EXCLUDED_XBLOCKS]})


@ensure_csrf_cookie
def scenario(request, scenario_id, view_name="student_view", template=None):
    """The workbench's show_scenario, with the fragment's scripts under the page's nonce."""
    if view_name != "student_view" and not is_staff(request.user):
        return HttpResponseForbidden(_("Only course staff may open this view."))
    try:
        item = get_scenarios()[scenario_id]
    except KeyError:
        raise Http404(_("No such scenario")) from None
    student_id = request.GET.get("student", "student_1")
    block = DemoRuntime(student_id).get_block(item.usage_id)
    frag = block.render(view_name, {"activate_block_id": request.GET.get("activate_block_id")})
    return render(request, "lmd_demo/workbench_block.html", {
        "scenario": item, "student_id": student_id, "bare": template is not None,
        **page_parts(frag, request.csp_nonce)})


def handler(request, usage_id, handler_slug, suffix="", authenticated=True):
    """The workbench's handler view on the demo's runtime (which keeps the grade and completion
    events a block publishes, as the course pages' handlers do)."""
    runtime = DemoRuntime(request.GET.get("student", "student_1") if authenticated else "none")
    block = runtime.get_block(usage_id)
    webob_request = django_to_webob_request(request)
    webob_request.path_info_pop()
    webob_request.path_info_pop()
    return webob_to_django_response(block.runtime.handle(block, handler_slug, webob_request, suffix))


@csrf_protect
@require_POST
def reset_state(request):
    """Wipes every learner's state: staff only, a POST with CSRF (the SDK's takes any request)."""
    from workbench.runtime_util import reset_global_state
    reset_global_state()
    return redirect("lmd_workbench")


ROUTES = {
    # the workbench's view: what the demo serves in its place (None: not served)
    workbench_views.index: None,  # "/" is the course home; the index is at /workbench/
    workbench_views.show_scenario: open_workbench_only(not_found(scenario)),
    workbench_views.handler: open_workbench_only(not_found(handler)),
    workbench_views.aside_handler: open_workbench_only(not_found(workbench_views.aside_handler)),
    # Files of the blocks' packages: no database, so no transaction (which holds SQLite's write lock).
    workbench_views.package_resource: transaction.non_atomic_requests(workbench_views.package_resource),
    workbench_views.user_list: staff_only(workbench_views.user_list),
    workbench_views.reset_state: staff_only(reset_state),
    # the SDK serves MEDIA_URL ("" there: the whole working directory) and, with DEBUG, static
    # files; the demo serves its static files itself (static_pattern) and has no media.
    media_serve: None,
    staticfiles_views.serve: None,
}


def workbench_patterns(patterns):
    """The SDK's URL patterns with each view replaced as ROUTES says; the others (package
    resources, the JavaScript catalog, the admin) as they are."""
    kept = []
    for pattern in patterns:
        callback = getattr(pattern, "callback", None)
        if getattr(pattern, "name", None) == "javascript-catalog":  # translations only: no transaction
            kept.append(URLPattern(pattern.pattern, transaction.non_atomic_requests(callback), pattern.default_args,
                                   pattern.name))
        elif callback not in ROUTES:
            kept.append(pattern)
        elif ROUTES[callback] is not None:
            kept.append(URLPattern(pattern.pattern, ROUTES[callback], pattern.default_args, pattern.name))
    return kept


@transaction.non_atomic_requests  # files only: no transaction, which holds SQLite's write lock
def static_file(request, path):
    """Static assets from the apps' static folders only, with or without DEBUG: runserver serves
    none without DEBUG, and the demo has no web server in front. A path that climbs out (..) is
    a 404 like any missing file, before the finders see it."""
    if ".." in path.replace("\\", "/").split("/"):
        raise Http404(_("No such file"))
    return staticfiles_views.serve(request, path, insecure=True)


def static_pattern():
    prefix = settings.STATIC_URL.lstrip("/")
    return re_path(rf"^{prefix}(?P<path>.*)$", static_file)
