"""Demo pages around the workbench runtime: the course home, the module list with progress,
module pages, and block handlers that act as the logged-in user (never a ?student= value)."""
from django.apps import apps
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.csrf import ensure_csrf_cookie
from xblock.django.request import django_to_webob_request, webob_to_django_response
from workbench.scenarios import get_scenarios

from . import learner_record
from .context import shared_assets
from .course_block import course_description, demo_course, scenario_ids
from .fragments import page_parts, style_hashes
from .permissions import staff_only
from .course_runtime import CourseRuntime
from .runtime import DemoRuntime
from .workbench_gate import block_or_404


def _may_take_course(user):
    if user.is_staff or not apps.is_installed("lmd_access"):
        return True  # without the access plugin, courses are open as in a plain Open edX
    from lmd_access.services import has_access
    return has_access(user, settings.LMD_COURSE_ID)


def home(request):
    modules = demo_course(translation.get_language())
    return render(request, "lmd_demo/home.html", {
        "modules": modules,
        "licence": course_description(translation.get_language())["licence"],
        "may_take": request.user.is_authenticated and _may_take_course(request.user),
        "course_id": settings.LMD_COURSE_ID,
    })


def _module_block(user, number, runtime_class=DemoRuntime):
    ids = scenario_ids(translation.get_language())
    if number not in ids:
        raise Http404("No such module")
    scenario = get_scenarios()[ids[number]]
    return runtime_class(user.username).get_block(scenario.usage_id)


def _module_blocks(user):
    """[(course model module, its module block for this learner)] in programme order."""
    return [(module, _module_block(user, module.number)) for module in demo_course(translation.get_language())]


@login_required
def course(request):
    """The modules with the learner's progress: overall, per module, and where to go on."""
    if not _may_take_course(request.user):
        return render(request, "lmd_demo/no_access.html", status=403)
    return render(request, "lmd_demo/course.html",
                  learner_record.course_progress(request.user.username, _module_blocks(request.user)))


@login_required
def summary(request):
    """The learner's completion summary: a page to keep, print or save as PDF."""
    if not _may_take_course(request.user):
        return render(request, "lmd_demo/no_access.html", status=403)
    return render(request, "lmd_demo/summary.html", {
        "summary": learner_record.completion_summary(_module_blocks(request.user)),
        "learner": request.user.get_full_name() or request.user.username, "today": timezone.now()})


@login_required
@ensure_csrf_cookie
def module_page(request, number):
    if not _may_take_course(request.user):
        return render(request, "lmd_demo/no_access.html", status=403)
    block = _module_block(request.user, number.upper(), CourseRuntime)  # without the workbench's scripts
    frag = block.render("student_view", {})
    numbers = list(scenario_ids(translation.get_language()))
    index = numbers.index(block.number)
    module = next((m for m in demo_course(translation.get_language()) if m.number == block.number), None)
    return render(request, "lmd_demo/module.html", {
        # lmd.css and lmd.js: in the head of every page of the demo (base.html), not twice
        "block": block, **page_parts(frag, request.csp_nonce, linked=shared_assets().values()),
        "student_id": request.user.username,
        "module": module,
        "previous": numbers[index - 1] if index > 0 else None,
        "next": numbers[index + 1] if index + 1 < len(numbers) else None,
    })


def no_block(request):
    """/course/handler/ alone: the base the pages' runtime builds handler URLs on."""
    raise Http404(translation.gettext("No such block"))


@login_required
def block_handler(request, usage_id, handler_slug, suffix=""):
    """The workbench's handler view, but the learner is the session's user."""
    if not _may_take_course(request.user):
        return HttpResponseForbidden(translation.gettext("No access to this course"))
    block = block_or_404(DemoRuntime(request.user.username), usage_id)
    webob_request = django_to_webob_request(request)
    webob_request.path_info_pop()
    webob_request.path_info_pop()
    webob_request.path_info_pop()
    response = webob_to_django_response(block.runtime.handle(block, handler_slug, webob_request, suffix))
    if response.get("Content-Type", "").startswith("text/html"):
        # A page a block answers with (printable role cards) brings its own <style>: allowed by
        # its hash, for this response only; its scripts, if any, stay blocked.
        response._csp_update = {"style-src": style_hashes(response.content.decode(response.charset, "replace"))}
    return response


EXPORTS = {
    "olx": ("lmd-course-olx.tar.gz", "application/gzip"),
    "scorm2004": ("lmd-course-scorm2004.zip", "application/zip"),
    "scorm12": ("lmd-course-scorm12.zip", "application/zip"),
}


# The exports carry every answer key: course staff only.
@staff_only
def exports(request):
    return render(request, "lmd_demo/exports.html", {"exports": EXPORTS})


@staff_only
def export_download(request, kind):
    """Build an export of the current course source on request (the same code as `lmd export`)."""
    from django.http import FileResponse

    from courses.lmd import model
    from courses.olx_export import stage, write_targz
    from scorm_export.build import export as export_scorm
    from scorm_export.cli import package_info

    if kind not in EXPORTS:
        raise Http404("No such export")
    filename, mimetype = EXPORTS[kind]
    target = Path(settings.VAR_DIR) / "exports" / filename
    language = translation.get_language() or "en"
    modules = demo_course(language)
    if kind == "olx":
        write_targz(stage(modules, language, model.catalog_for(language, settings.LMD_OVERLAY)), target)
    else:
        version = "2004" if kind == "scorm2004" else "1.2"
        export_scorm(modules, version, language, package_info(translation.gettext), target, show_progress=False)
    return FileResponse(open(target, "rb"), as_attachment=True, filename=filename, content_type=mimetype)
