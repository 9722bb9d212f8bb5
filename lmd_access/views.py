"""Pages for officers, coordinators and the Secretariat. Every form posts with CSRF; every
decision goes through services.py, which enforces who may do what."""
import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.shortcuts import render as django_render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import queries, services
from .models import EnrolmentRequest


def render(request, template, context=None, status=None):
    """Every page knows whether the viewer is the Secretariat (the header's Report link)."""
    return django_render(request, template, {"is_secretariat": services.is_secretariat(request.user), **(context or {})},
                         status=status)


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


def _coordinator_or_403(request):
    if not services.coordinated_administrations(request.user):
        return render(request, "lmd_access/forbidden.html", status=403)
    return None


@login_required
def dashboard(request):
    refused = _coordinator_or_403(request)
    if refused:
        return refused
    filters = {k: request.GET.get(k, "").strip() for k in ("status", "course", "search")}
    rows = queries.coordinator_requests(request.user, **filters)
    page = Paginator(rows, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "lmd_access/dashboard.html", {
        "page": page, "filters": filters, "courses": queries.courses(), "statuses": EnrolmentRequest.STATUSES,
    })


@login_required
@require_POST
def decide(request):
    refused = _coordinator_or_403(request)
    if refused:
        return refused
    approve = request.POST.get("action") == "approve"
    try:
        ids = services.form_request_ids(request.POST.getlist("ids"))
        decided = services.decide(request.user, ids, approve, request.POST.get("reason"))
        messages.success(request, _("%(n)d request(s) decided.") % {"n": len(decided)})
    except services.AccessError as exc:
        messages.error(request, str(exc))
    return redirect(_local(request, request.POST.get("next")) or "lmd_access:dashboard")


def _local(request, target):
    """`target` if it is a page of this site (the dashboard with its filters), else None: the
    form's `next` must not send a coordinator to another site or run a javascript: URL."""
    target = (target or "").strip()
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                                  require_https=request.is_secure()):
        return target
    return None


@login_required
def export_csv(request):
    refused = _coordinator_or_403(request)
    if refused:
        return refused
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="enrolment-requests.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Requested"), _("Officer"), _("E-mail"), _("Position"), _("Unit"), _("Course"),
                     _("Status"), _("Reason"), _("Decided by"), _("Decided at")])
    for row in queries.coordinator_requests(request.user).iterator(chunk_size=2000):
        writer.writerow([_safe(v) for v in (
            row.created_at.isoformat(), row.officer.get_full_name() or row.officer.username, row.officer.email,
            row.position, row.unit, row.course.title, row.status, row.reason,
            row.decided_by.username if row.decided_by else "", row.decided_at.isoformat() if row.decided_at else "")])
    return response


def _safe(value):
    """Spreadsheets run cells starting with = + - @ as formulas: quote them."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@login_required
def report(request):
    """For the Secretariat only (services.is_secretariat), not for every member of staff."""
    if not services.is_secretariat(request.user):
        return render(request, "lmd_access/forbidden.html", {"message": _("Only the Secretariat can see this report.")},
                      status=403)
    return render(request, "lmd_access/report.html", {"rows": queries.report_rows()})
