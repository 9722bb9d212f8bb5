"""The officer's pages, and what every page of the app shares. Every form posts with CSRF; every
decision goes through services.py, which enforces who may do what. The coordinators' pages are in
coordinator.py, the facilitators' and the Secretariat's in insight/."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.shortcuts import render as django_render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import queries, services


def render(request, template, context=None, status=None):
    """Every page knows which sections the header offers the viewer (insight.access.nav)."""
    from .insight.access import nav
    sections = nav(request)
    return django_render(request, template, {"nav": sections, "is_secretariat": sections.get("secretariat", False),
                                             **(context or {})}, status=status)


@login_required
def home(request):
    if services.coordinated_administrations(request.user):
        return redirect("lmd_access:dashboard")
    return render(request, "lmd_access/officer.html", {
        "requests": queries.officer_requests(request.user), "courses": queries.courses(),
    })


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


def _safe(value):
    """Spreadsheets run cells starting with = + - @ (or a tab or carriage return before one) as
    formulas: quote them."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
