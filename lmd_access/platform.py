"""The only place the access app touches Open edX itself (besides insight/openedx.py, the insight
pages' learner results): course roles, enrolments, the users' language and the LMS's address. Each
function imports the platform's code when called and does nothing outside Open edX (the demo,
the tests), so the app runs anywhere and needs no platform to install."""
import logging

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)


def _course_key(course_id):
    from opaque_keys.edx.keys import CourseKey
    return CourseKey.from_string(str(course_id))


def is_course_staff(user, course_id):
    """True if `user` is staff or instructor of the course (Open edX course roles). False outside
    Open edX, where only global staff (user.is_staff) count as staff."""
    try:
        from common.djangoapps.student.roles import CourseInstructorRole, CourseStaffRole
        from opaque_keys import InvalidKeyError
    except ImportError:
        return False
    try:
        key = _course_key(course_id)
    except InvalidKeyError:  # a gated course's id mistyped in the admin: nobody is its staff
        return False
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


def user_languages(users):
    """{user id: language code} of the users who chose one (e-mails are written in it): Open
    edX's `pref-lang` preference, in one query. Outside Open edX, the function named by
    settings.LMD_ACCESS_USER_LANGUAGES (given the ids; the demo's: the language each account
    last used), or nothing."""
    ids = [user.pk for user in users]
    try:
        from openedx.core.djangoapps.user_api.models import UserPreference
    except ImportError:
        hook = getattr(settings, "LMD_ACCESS_USER_LANGUAGES", None)
        return import_string(hook)(ids) if hook and ids else {}
    return dict(UserPreference.objects.filter(user_id__in=ids, key="pref-lang").values_list("user_id", "value"))


def site_url():
    """The address e-mails link to: settings.LMD_ACCESS_SITE_URL, else the LMS's own."""
    return (getattr(settings, "LMD_ACCESS_SITE_URL", "") or getattr(settings, "LMS_ROOT_URL", "")
            or "http://localhost").rstrip("/")


def course_url(course_id):
    """Where an approved officer starts the course: the learning front end's course home in Open
    edX; elsewhere settings.LMD_ACCESS_COURSE_URL ("{course_id}" is replaced) on this site."""
    link = course_link(course_id)
    return link if link.startswith(("http://", "https://")) else site_url() + link


def course_link(course_id):
    """The same place as a link for a page of this site (a path, where course_url gives e-mails
    an absolute address)."""
    try:
        from openedx.features.course_experience.url_helpers import get_learning_mfe_home_url
    except ImportError:
        return getattr(settings, "LMD_ACCESS_COURSE_URL", "/courses/{course_id}/").replace("{course_id}", str(course_id))
    return get_learning_mfe_home_url(course_key=_course_key(course_id), url_fragment="home")
