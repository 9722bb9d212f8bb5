"""A national coordinator's pages: the home (their administration's requests, pending first, with
counts, dates, sorting and filters kept across pages; a bulk decision is confirmed first), and
their officers' progress in the course. Only their own administration, only while their
registration is active (insight.access.coordinator_only, the rule decisions follow)."""
import csv
from collections import defaultdict
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from xblocks.common.csv_cells import csv_cell
from xblocks.lmd_quiz.grading import percent

from . import queries, services
from .insight import charts
from .insight.access import coordinator_only
from .insight.progress import over_time, standings
from .insight.source import results_source
from .models import EnrolmentRequest, GatedCourse, MemberAdministration
from .views import _local, render

SORTS = {  # ?sort= value: the order it gives (the default puts pending requests first)
    "requested": ("created_at", "id"), "-requested": ("-created_at", "-id"),
    "decided": ("decided_at", "id"), "-decided": ("-decided_at", "-id"),
    "officer": ("officer__last_name", "officer__first_name", "officer__username", "id"),
    "course": ("course__title", "-created_at", "id"), "status": ("status", "-created_at", "id"),
}
FILTERS = ("status", "course", "search", "sort")


def _filters(request):
    found = {name: request.GET.get(name, "").strip()[:200] for name in FILTERS}
    if found["sort"] not in SORTS:
        found["sort"] = ""
    return found


@login_required
@coordinator_only
def dashboard(request, admins):
    filters = _filters(request)
    rows = queries.coordinator_requests(request.user, filters["status"], filters["course"], filters["search"], admins)
    if filters["sort"]:
        rows = rows.order_by(*SORTS[filters["sort"]])
    else:
        pending_first = Case(When(status=EnrolmentRequest.PENDING, then=Value(0)), default=Value(1),
                             output_field=IntegerField())
        rows = rows.order_by(pending_first, "-created_at", "-id")
    page = Paginator(rows, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    kept = {k: v for k, v in filters.items() if v}
    return render(request, "lmd_access/dashboard.html", {
        "page": page, "filters": filters, "courses": queries.courses(), "statuses": EnrolmentRequest.STATUSES,
        "query": urlencode(kept), "sort_links": _sort_links(kept, filters["sort"]),
        "administrations": ", ".join(MemberAdministration.objects.filter(pk__in=admins).values_list("name", flat=True)),
        **_counts(admins),
    })


def _sort_links(kept, current):
    """For each sortable column: the link that sorts by it (dates newest first, then the other
    way round when they already are) and how it is sorted now (for aria-sort)."""
    links = {}
    for column in ("requested", "decided", "officer", "course", "status"):
        descending = f"-{column}"
        order = (column if current == descending else descending) if descending in SORTS else column
        state = "descending" if current == descending else "ascending" if current == column else "none"
        links[column] = {"href": "?" + urlencode({**kept, "sort": order}), "state": state}
    return links


def _counts(admins):
    """Counts by status and by course, in one query."""
    by_status, by_course = defaultdict(int), defaultdict(lambda: defaultdict(int))
    for row in (EnrolmentRequest.objects.filter(administration_id__in=admins)
                .values("status", "course__title").annotate(n=Count("id")).order_by()):
        by_status[row["status"]] += row["n"]
        by_course[row["course__title"]][row["status"]] += row["n"]
        by_course[row["course__title"]]["total"] += row["n"]
    return {"status_counts": [(value, label, by_status.get(value, 0)) for value, label in EnrolmentRequest.STATUSES],
            "course_counts": sorted(((title, dict(counts)) for title, counts in by_course.items())),
            "total": sum(by_status.values())}


@login_required
@require_POST
@coordinator_only
def decide(request, admins):
    """One request is decided at once; several are shown for confirmation first (the form comes
    back with `confirmed`)."""
    approve = request.POST.get("action") == "approve"
    back = _local(request, request.POST.get("next")) or "lmd_access:dashboard"
    reason = request.POST.get("reason", "")
    try:
        ids = services.form_request_ids(request.POST.getlist("ids"))
        if len(ids) > 1 and request.POST.get("confirmed") != "yes":
            return _confirmation(request, admins, ids, approve, reason, back)
        decided = services.decide(request.user, ids, approve, reason)
        messages.success(request, ngettext("%(n)d request decided.", "%(n)d requests decided.", len(decided))
                         % {"n": len(decided)})
    except services.AccessError as exc:
        messages.error(request, str(exc))
    return redirect(back)


def _confirmation(request, admins, ids, approve, reason, back):
    chosen = list(EnrolmentRequest.objects.filter(pk__in=ids, administration_id__in=admins)
                  .select_related("officer", "course").order_by("officer__last_name", "officer__username"))
    if len(chosen) != len(ids):
        raise services.NotAllowed(_("Some of these requests are not from your administration."))
    if not approve and not reason.strip():
        raise services.AccessError(_("Give a reason to reject: the officers receive it."))
    return render(request, "lmd_access/confirm.html", {
        "chosen": chosen, "approve": approve, "reason": reason, "back": back if back.startswith("/") else "",
        "next": request.POST.get("next", ""),
    })


@login_required
@coordinator_only
def export_csv(request, admins):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="enrolment-requests.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Requested"), _("Officer"), _("E-mail"), _("Position"), _("Unit"), _("Course"),
                     _("Status"), _("Reason"), _("Decided by"), _("Decided at")])
    for row in queries.coordinator_requests(request.user, admins=admins).iterator(chunk_size=2000):
        writer.writerow([csv_cell(v) for v in (
            row.created_at.isoformat(), row.officer.get_full_name() or row.officer.username, row.officer.email,
            row.position, row.unit, row.course.title, row.status, row.reason,
            row.decided_by.username if row.decided_by else "", row.decided_at.isoformat() if row.decided_at else "")])
    return response


# ---- officers' progress -----------------------------------------------------------------------

PROGRESS_PAGE = 50
PROGRESS_SORTS = {
    "name": lambda r: (r["name"].lower(), r["user"].username),
    "modules": lambda r: (-r["standing"].modules_done, r["name"].lower()),
    "last": lambda r: (-(r["standing"].last_activity.timestamp() if r["standing"].last_activity else 0), r["name"].lower()),
}


def _progress_data(admins, course):
    """Every approved officer of these administrations in `course`, with their standing, and
    the completions over time (a constant number of queries, whatever their number)."""
    approved = (EnrolmentRequest.objects.filter(administration_id__in=admins, course=course,
                                                status=EnrolmentRequest.APPROVED).select_related("officer"))
    requests = {r.officer.username: r for r in approved}
    users = get_user_model().objects.filter(pk__in=approved.values("officer_id"))
    source = results_source()
    outline = source.outline(course.course_id)
    if outline is None:
        return None, [], []
    summaries = source.summaries(course.course_id, users)
    found = standings(outline, summaries, list(requests), source.course_grades(course.course_id, users, summaries))
    rows = [{"user": r.officer, "name": r.officer.get_full_name() or r.officer.username, "approved_at": r.decided_at,
             "standing": found[username]} for username, r in requests.items()]
    weekly = over_time([s.completed_at for s in summaries if s.completed_at and s.username in requests], "week")
    return outline, rows, weekly


def _course_from(request):
    courses = list(queries.courses())
    wanted = request.GET.get("course", "")
    return next((c for c in courses if c.course_id == wanted), courses[0] if courses else None), courses


@login_required
@coordinator_only
def progress(request, admins):
    course, courses = _course_from(request)
    if course is None:
        return render(request, "lmd_access/progress.html", {"course": None})
    outline, rows, weekly = _progress_data(admins, course)
    sort = request.GET.get("sort", "name")
    rows.sort(key=PROGRESS_SORTS.get(sort, PROGRESS_SORTS["name"]))
    page = Paginator(rows, PROGRESS_PAGE).get_page(request.GET.get("page"))
    modules = len(outline.modules) if outline else 0
    return render(request, "lmd_access/progress.html", {
        "course": course, "courses": courses, "page": page, "sort": sort, "modules": modules,
        "quizzes": len(outline.regular_quizzes()) if outline else 0, "outline": outline,
        "officers": len(rows), "started": sum(1 for r in rows if r["standing"].started),
        "completed": sum(1 for r in rows if r["standing"].course_complete),
        "weekly": weekly, "chart": charts.line_chart(
            _("Activities completed by your officers, week by week (cumulative)"),
            [(day.isoformat(), total) for day, _n, total in weekly]) if weekly else "",
        "query": urlencode({"course": course.course_id, "sort": sort}),
    })


@login_required
@coordinator_only
def progress_csv(request, admins):
    course, _courses = _course_from(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="officers-progress.csv"'
    writer = csv.writer(response)
    outline, rows, _weekly = _progress_data(admins, course) if course else (None, [], [])
    modules = outline.modules if outline else []
    writer.writerow([_("Officer"), _("Username"), _("E-mail"), _("Course"), _("Approved on"), _("Modules completed"),
                     _("Modules in the course"), _("Quizzes passed"), _("Mean quiz score (%)"), _("Course grade (%)"),
                     _("Last activity")]
                    + [_("Module %(n)s quiz (%%)") % {"n": m.number} for m in modules])
    for row in sorted(rows, key=PROGRESS_SORTS["name"]):
        s = row["standing"]
        writer.writerow([csv_cell(v) for v in (
            row["name"], row["user"].username, row["user"].email, course.title,
            row["approved_at"].date().isoformat() if row["approved_at"] else "", s.modules_done, len(modules),
            s.quizzes_passed, _percent(s.quiz_mean), _percent(s.course_grade),
            s.last_activity.isoformat() if s.last_activity else "",
            *[_percent(m.quiz_score) for m in s.modules])])
    return response


def _percent(share):
    return "" if share is None else percent(share)  # as the learner was shown it
