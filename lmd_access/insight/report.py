"""The Secretariat's report across administrations: no personal data, only aggregates per
administration, per module and per month, each suppressed below the minimum group size
(suppress.py). Requests and decisions are counted in the database; learning comes from the
adapter's summaries of every officer with access (a constant number of queries)."""
from collections import defaultdict
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ..models import EnrolmentRequest, MemberAdministration, RequestTransition
from .gain import suppressed_gain
from .progress import period_start, standings
from .source import results_source
from .suppress import count, mean, min_group, protect

ACTIVE_DAYS = 30
STATUSES = [value for value, _label in EnrolmentRequest.STATUSES]


def build(course):
    """Everything the report page and its CSV show, for one gated course."""
    k = min_group()
    admins = list(MemberAdministration.objects.order_by("name"))
    requests = defaultdict(lambda: defaultdict(int))
    for row in (EnrolmentRequest.objects.filter(course=course).values("administration_id", "status")
                .annotate(n=Count("id")).order_by()):
        requests[row["administration_id"]][row["status"]] = row["n"]
    approved = dict(EnrolmentRequest.objects.filter(course=course, status=EnrolmentRequest.APPROVED)
                    .values_list("officer__username", "administration_id"))
    users = get_user_model().objects.filter(pk__in=EnrolmentRequest.objects.filter(
        course=course, status=EnrolmentRequest.APPROVED).values("officer_id"))
    source = results_source()
    outline = source.outline(course.course_id)
    summaries = source.summaries(course.course_id, users) if outline else []
    found = standings(outline, summaries, list(approved)) if outline else {}
    by_admin = defaultdict(list)
    for username, admin_id in approved.items():
        by_admin[admin_id].append(found.get(username))
    gains = {g.cohort: g for g in suppressed_gain(outline.test_pairs(), summaries, approved.get)} if outline else {}
    recent = timezone.now() - timedelta(days=ACTIVE_DAYS)
    rows = []
    for admin in admins:
        mine = [s for s in by_admin.get(admin.pk, []) if s is not None]
        statuses = protect([count(requests[admin.pk].get(status, 0), k) for status in STATUSES])
        rows.append({
            "administration": admin, "total": count(sum(requests[admin.pk].values()), k),
            "statuses": statuses,
            "officers": count(len(by_admin.get(admin.pk, [])), k),
            "active": count(sum(1 for s in mine if s.last_activity and s.last_activity >= recent), k),
            "completed": count(sum(1 for s in mine if s.course_complete), k),
            "quiz": mean([s.quiz_mean for s in mine], k),
            "gain": gains.get(admin.pk),
            "modules": [_module_cells([s.modules[i] for s in mine], k) for i in range(len(outline.modules))]
            if outline else [],
        })
    everyone = [s for s in found.values()]
    modules = [{"module": m, **_module_cells([s.modules[i] for s in everyone], k)}
               for i, m in enumerate(outline.modules)] if outline else []
    months = _months(course, summaries, approved, k)
    return {"k": k, "rows": rows, "modules": modules, "outline": outline, "months": months.get(None, []),
            "admin_months": {admin.pk: months.get(admin.pk, []) for admin in admins},
            "has_gain": bool(outline and outline.test_pairs())}


def _module_cells(standings_of_module, k):
    return {"completed": count(sum(1 for m in standings_of_module if m.complete), k),
            "quiz": mean([m.quiz_score for m in standings_of_module], k)}


def _months(course, summaries, approved, k):
    """({administration id or None (all): [(month, {"requests", "approvals", "completions"} as
    Cells)]}): the programme's months, and each administration's (for the CSV)."""
    table = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))  # admin -> month -> measure -> n

    def add(admin_id, month, measure, n):
        for key in (None, admin_id):
            table[key][month][measure] += n

    for row in (EnrolmentRequest.objects.filter(course=course).annotate(month=TruncMonth("created_at"))
                .values("month", "administration_id").annotate(n=Count("id")).order_by()):
        add(row["administration_id"], _day(row["month"]), "requests", row["n"])
    for row in (RequestTransition.objects.filter(request__course=course, to_status=EnrolmentRequest.APPROVED)
                .annotate(month=TruncMonth("at")).values("month", "request__administration_id")
                .annotate(n=Count("id")).order_by()):
        add(row["request__administration_id"], _day(row["month"]), "approvals", row["n"])
    zone = timezone.get_current_timezone()
    for item in summaries:
        if item.completed_at and item.username in approved:
            add(approved[item.username], period_start(item.completed_at, "month", zone), "completions", 1)
    return {admin: [(month, {name: count(months[month][name], k) for name in ("requests", "approvals", "completions")})
                    for month in sorted(months)] for admin, months in table.items()}


def _day(value):
    return value.date() if hasattr(value, "date") else value
