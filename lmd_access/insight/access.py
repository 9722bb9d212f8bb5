"""Who may see which insight page. Facilitators are a course's staff: Open edX's course staff and
instructor roles, or global staff (the demo's staff accounts). Coordinators see their own
administration's officers only, while their registration is active (services' own rule).
The Secretariat sees aggregates only."""
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .. import platform, services
from ..models import GatedCourse


def may_facilitate(user, course):
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(user.is_staff or platform.is_course_staff(user, course.course_id))


def facilitated_courses(user):
    return [course for course in GatedCourse.objects.order_by("title") if may_facilitate(user, course)]


def nav(request):
    """Which sections the header offers the request's user."""
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return {}
    admins = getattr(request, "lmd_administrations", None)  # set by coordinator_only
    return {"coordinator": bool(admins if admins is not None else services.coordinated_administrations(user)),
            "facilitator": bool(user.is_staff or facilitated_courses(user)),
            "secretariat": services.is_secretariat(user), "staff": user.is_staff}


def refused(request, message):
    """Signed-out visitors are sent to sign in (a GET); anyone else gets a 403 saying why."""
    from ..views import render
    if not request.user.is_authenticated and request.method in ("GET", "HEAD"):
        return redirect_to_login(request.get_full_path())
    return render(request, "lmd_access/forbidden.html", {"message": message}, status=403)


def facilitator_only(view):
    """The view gets the GatedCourse of its `course` (a pk) if the user is its staff."""
    @wraps(view)
    def wrapper(request, course, *args, **kwargs):
        gated = get_object_or_404(GatedCourse, pk=course)
        if not may_facilitate(request.user, gated):
            return refused(request, _("Only the course's staff can see its learners' work."))
        return view(request, gated, *args, **kwargs)
    return wrapper


def staff_only(view):
    """Any facilitator of a gated course, or global staff (the e-mail previews)."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_authenticated and request.user.is_active
                and (request.user.is_staff or facilitated_courses(request.user))):
            return refused(request, _("This page is for course staff."))
        return view(request, *args, **kwargs)
    return wrapper


def coordinator_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        admins = services.coordinated_administrations(request.user)
        if not admins:
            return refused(request, _("Only an active national coordinator can see this page."))
        request.lmd_administrations = admins  # read once per request (the header needs them too)
        return view(request, admins, *args, **kwargs)
    return wrapper


def secretariat_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not services.is_secretariat(request.user):
            return refused(request, _("Only the Secretariat can see this report."))
        return view(request, *args, **kwargs)
    return wrapper
