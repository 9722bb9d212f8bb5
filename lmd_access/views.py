"""The officer's pages, and what every page of the app shares. Every form posts with CSRF; every
decision goes through services.py, which enforces who may do what. The coordinators' pages are in
coordinator.py, the facilitators' and the Secretariat's in insight/."""
import functools
import hashlib
import importlib.resources

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect
from django.shortcuts import render as django_render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import platform, queries, services
from .models import EnrolmentRequest


def render(request, template, context=None, status=None):
    """Every page knows which sections the header offers the viewer (insight.access.nav)."""
    from .insight.access import nav
    sections = nav(request)
    return django_render(request, template, {"nav": sections, "is_secretariat": sections.get("secretariat", False),
                                             **(context or {})}, status=status)


@login_required
def home(request):
    """The officer's page: a card for each course the officer has access to or has asked for
    (no new request for those), the history, and the form for the other courses."""
    if services.coordinated_administrations(request.user):
        return redirect("lmd_access:dashboard")
    requests = list(queries.officer_requests(request.user).order_by("-created_at"))
    current = [r for r in requests if r.status in (EnrolmentRequest.APPROVED, EnrolmentRequest.PENDING)]
    for item in current:
        item.link = platform.course_link(item.course.course_id) if item.status == EnrolmentRequest.APPROVED else ""
    taken = {r.course_id for r in current}
    return render(request, "lmd_access/officer.html", {
        "current": current, "history": [r for r in requests if r not in current],
        "courses": [c for c in queries.courses() if c.pk not in taken], "asked_before": bool(requests),
    })


# The blocks' shared style and script (the design tokens and components, LMD.page), for the pages
# of this app where no other page frame brings them (Open edX): the same files as the blocks'.
SHARED_ASSETS = {"lmd.css": "text/css", "lmd.js": "text/javascript"}


@require_GET
def shared_asset(request, name):
    if name not in SHARED_ASSETS:
        raise Http404(name)
    text = _shared_asset_text(name)
    tag = '"%s"' % hashlib.sha256(text.encode()).hexdigest()[:32]
    if request.headers.get("If-None-Match") == tag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(text, content_type=f"{SHARED_ASSETS[name]}; charset=utf-8")
    response["ETag"] = tag
    response["Cache-Control"] = "public, max-age=3600"
    return response


@functools.lru_cache(maxsize=None)
def _shared_asset_text(name):
    return importlib.resources.files("xblocks.lmd_module").joinpath("public", name).read_text(encoding="utf-8")


@login_required
@require_POST
def create_request(request):
    try:
        services.request_access(request.user, request.POST.get("course", ""), request.POST.get("position"),
                                request.POST.get("unit"), request.POST.get("justification"))
        messages.success(request, _("Your request was sent to your national coordinator."))
    except services.AccessError as exc:
        messages.error(request, str(exc))
    return redirect("lmd_access:home")


@login_required
@require_POST
def withdraw(request, pk):
    try:
        services.withdraw(request.user, pk)
        messages.success(request, _("Request withdrawn."))
    except services.AccessError as exc:
        messages.error(request, str(exc))
    return redirect("lmd_access:home")


def _local(request, target):
    """`target` if it is a page of this site (the dashboard with its filters), else None: the
    form's `next` must not send a coordinator to another site or run a javascript: URL."""
    target = (target or "").strip()
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                                  require_https=request.is_secure()):
        return target
    return None
