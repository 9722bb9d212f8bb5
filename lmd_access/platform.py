"""The only place the access app touches Open edX itself: course roles and enrolments. Each
function imports the platform's code when called and does nothing outside Open edX (the demo,
the tests), so the app runs anywhere and needs no platform to install."""
import logging

log = logging.getLogger(__name__)


def _course_key(course_id):
    from opaque_keys.edx.keys import CourseKey
    return CourseKey.from_string(str(course_id))


def is_course_staff(user, course_id):
    """True if `user` is staff or instructor of the course (Open edX course roles). False outside
    Open edX, where only global staff (user.is_staff) count as staff."""
    try:
        from common.djangoapps.student.roles import CourseInstructorRole, CourseStaffRole
    except ImportError:
        return False
    key = _course_key(course_id)
    return CourseStaffRole(key).has_user(user) or CourseInstructorRole(key).has_user(user)


def unenrol(user, course_id):
    """Unenrol `user` from the course through the platform's enrolment API. Returns True if the
    platform was there to do it, False outside Open edX (nothing to do: the demo has no
    enrolments, and the enrolment gate refuses the officer from now on anyway)."""
    try:
        from common.djangoapps.student.models import CourseEnrollment
    except ImportError:
        return False
    CourseEnrollment.unenroll(user, _course_key(course_id))
    log.info("lmd_access: unenrolled user %s from %s after revocation", user.pk, course_id)
    return True
