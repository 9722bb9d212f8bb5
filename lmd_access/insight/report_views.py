"""The Secretariat's report page and its CSV (insight.report builds both)."""
import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from xblocks.common.csv_cells import csv_cell

from .. import queries
from ..models import EnrolmentRequest
from ..views import render
from . import charts, report
from .access import secretariat_only


def _course(request):
    courses = list(queries.courses())
    wanted = request.GET.get("course", "")
    return next((c for c in courses if c.course_id == wanted), courses[0] if courses else None), courses


@login_required
@secretariat_only
def report_page(request):
    course, courses = _course(request)
    if course is None:
        return render(request, "lmd_access/report.html", {"course": None})
    data = report.build(course)
    return render(request, "lmd_access/report.html", {
        "course": course, "courses": courses, "statuses": EnrolmentRequest.STATUSES, **data,
        "quiz_chart": charts.bar_chart(_("Mean quiz score per administration"),
                                       [(r["administration"].name, r["quiz"].shown, "") for r in data["rows"]]),
        "module_chart": charts.bar_chart(_("Mean quiz score per module"),
                                         [(_("Module %(n)s") % {"n": m["module"].number}, m["quiz"].shown, "")
                                          for m in data["modules"]]) if data["modules"] else "",
        "month_chart": charts.bar_chart(_("Activities completed per month"),
                                        [(date_format(month, "YEAR_MONTH_FORMAT"), cells["completions"].shown, "")
                                         for month, cells in data["months"]], percent=False) if data["months"] else "",
    })


@login_required
@secretariat_only
def report_csv(request):
    """One row per figure (administration, module, month, measure, value): easy to pivot. A
    suppressed figure reads "suppressed"."""
    course, _courses = _course(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lmd-report.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Administration"), _("Module"), _("Month"), _("Measure"), _("Value")])
    if course is None:
        return response
    data = report.build(course)
    everyone = _("All administrations")

    def put(admin, module, month, measure, cell, percent=False):
        value = _("suppressed") if cell.suppressed else "" if cell.value is None else (
            round(100 * cell.value, 1) if percent else cell.value)
        writer.writerow([csv_cell(admin), module, month, measure, value])

    labels = dict(EnrolmentRequest.STATUSES)
    for row in data["rows"]:
        name = row["administration"].name
        put(name, "", "", _("Requests"), row["total"])
        for status, cell in zip(report.STATUSES, row["statuses"]):
            put(name, "", "", _("Requests: %(status)s") % {"status": labels[status]}, cell)
        put(name, "", "", _("Officers with access"), row["officers"])
        put(name, "", "", _("Active in the last 30 days"), row["active"])
        put(name, "", "", _("Completed every module"), row["completed"])
        put(name, "", "", _("Mean quiz score (%)"), row["quiz"], percent=True)
        if row["gain"]:
            put(name, "", "", _("Normalized learning gain"), row["gain"].normalized)
        for module, cells in zip(data["outline"].modules if data["outline"] else [], row["modules"]):
            put(name, module.number, "", _("Completed the module"), cells["completed"])
            put(name, module.number, "", _("Mean quiz score (%)"), cells["quiz"], percent=True)
    for item in data["modules"]:
        put(everyone, item["module"].number, "", _("Completed the module"), item["completed"])
        put(everyone, item["module"].number, "", _("Mean quiz score (%)"), item["quiz"], percent=True)
    for name, months in [(everyone, data["months"])] + [(row["administration"].name, data["admin_months"][
            row["administration"].pk]) for row in data["rows"]]:
        for month, cells in months:
            put(name, "", month.strftime("%Y-%m"), _("Requests"), cells["requests"])
            put(name, "", month.strftime("%Y-%m"), _("Approvals"), cells["approvals"])
            put(name, "", month.strftime("%Y-%m"), _("Activities completed"), cells["completions"])
    return response
