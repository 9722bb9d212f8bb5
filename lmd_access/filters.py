"""The enrolment gate in Open edX: an openedx-filters pipeline step that stops enrolment in a
gated course unless the learner's request was approved. Course staff, instructors and global
staff pass without a request (they teach or run the course)."""
import logging

from django.utils.translation import gettext as _
from openedx_filters import PipelineStep
from openedx_filters.learning.filters import CourseEnrollmentStarted

from . import platform
from .services import has_access

log = logging.getLogger(__name__)


class RequireApprovedRequest(PipelineStep):
    def run_filter(self, user, course_key, mode):  # pylint: disable=arguments-differ
        try:
            allowed = (getattr(user, "is_staff", False) or has_access(user, str(course_key))
                       or platform.is_course_staff(user, course_key))
        except Exception:  # pylint: disable=broad-except
            # Fail closed: with "fail_silently" (the default of a list-form configuration) the
            # pipeline would skip a step that raised, and let everyone in.
            log.exception("lmd_access: enrolment check failed for user %s in %s", getattr(user, "pk", None), course_key)
            allowed = False
        if not allowed:
            raise CourseEnrollmentStarted.PreventEnrollment(
                _("Your national coordinator has not approved your request for this course yet."))
        return {}
