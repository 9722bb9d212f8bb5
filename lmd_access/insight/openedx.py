"""Learner results in Open edX, from the platform's own records (never a copy):

- the course's content from the modulestore (chapters are the modules; our blocks' content);
- each learner's block state from courseware's StudentModule, where the LMS keeps it;
- scores from StudentModule.grade/max_grade, which the LMS writes when a block publishes a grade
  (our blocks publish only an improvement, so it is the best score);
- completion from the completion service's BlockCompletion;
- the course grade from the grades app's PersistentCourseGrade;
- a reset of quiz attempts through the Instructor Dashboard's own function.

Platform code is imported inside each method: the module imports anywhere (the demo, tests)."""
import json
import logging

from .source import KINDS, Activity, Module, Outline, State, Summary

log = logging.getLogger(__name__)


def _course_key(course_id):
    from opaque_keys.edx.keys import CourseKey
    return CourseKey.from_string(str(course_id))


def _descendants(block):
    for child in block.get_children():
        yield child
        yield from _descendants(child)


class OpenEdxResults:
    def outline(self, course_id):
        from opaque_keys import InvalidKeyError
        from xmodule.modulestore.django import modulestore
        try:
            key = _course_key(course_id)
        except InvalidKeyError:  # a gated course's id mistyped in the admin: no such course here
            return None
        course = modulestore().get_course(key, depth=None)
        if course is None:
            return None
        modules = []
        for index, chapter in enumerate(course.get_children(), start=1):
            number, activities = str(index), []
            for block in _descendants(chapter):
                if block.category == "lmd_module":
                    number = block.number or number
                elif block.category in KINDS:
                    activities.append((block.category, block.location.block_id, block.display_name,
                                       block.content_data()))
            if activities:
                modules.append(Module(number, chapter.display_name,
                                      [Activity(kind, url_name, title, number, content)
                                       for kind, url_name, title, content in activities]))
        return Outline(modules)

    def learners(self, course_id):
        """The course's enrolled learners (the platform's enrolments)."""
        from django.contrib.auth import get_user_model

        from common.djangoapps.student.models import CourseEnrollment
        enrolled = CourseEnrollment.objects.filter(course_id=_course_key(course_id), is_active=True)
        return get_user_model().objects.filter(pk__in=enrolled.values("user_id"))

    def _modules(self, course_id, users, url_names=None):
        from lms.djangoapps.courseware.models import StudentModule
        key = _course_key(course_id)
        rows = StudentModule.objects.filter(course_id=key, module_type__in=KINDS, student__in=users)
        if url_names is not None:
            rows = rows.filter(module_state_key__in=[key.make_usage_key(kind, name)
                                                     for name in url_names for kind in KINDS])
        return rows

    def summaries(self, course_id, users):
        from completion.models import BlockCompletion
        key = _course_key(course_id)
        found = {}
        for username, block, grade, max_grade, modified in self._modules(course_id, users).values_list(
                "student__username", "module_state_key", "grade", "max_grade", "modified"):
            score = grade / max_grade if grade is not None and max_grade else None
            found[(username, block.block_id)] = Summary(username, block.block_id, score, None, modified)
        completions = (BlockCompletion.objects.filter(context_key=key, block_type__in=KINDS, user__in=users,
                                                      completion__gte=1.0)
                       .values_list("user__username", "block_key", "modified"))
        for username, block, at in completions:
            item = found.setdefault((username, block.block_id), Summary(username, block.block_id))
            item.completed_at = at
        return list(found.values())

    def states(self, course_id, users, url_names=None):
        rows = self._modules(course_id, users, url_names).values_list(
            "student__username", "module_state_key", "state", "modified")
        return [State(username, block.block_id, _json(state), modified) for username, block, state, modified in rows]

    def course_grades(self, course_id, users, summaries=None):
        """{username: percent grade in [0, 1]} from the grades app (learners it has graded)."""
        from django.db.models import OuterRef, Subquery

        from lms.djangoapps.grades.models import PersistentCourseGrade
        grade = (PersistentCourseGrade.objects.filter(course_id=_course_key(course_id), user_id=OuterRef("pk"))
                 .values("percent_grade")[:1])
        return dict(users.annotate(lmd_grade=Subquery(grade)).filter(lmd_grade__isnull=False)
                    .values_list("username", "lmd_grade"))

    def reset_quiz_attempts(self, course_id, user, url_name, actor):
        """As the Instructor Dashboard's "Reset learner's attempts": the platform's own function
        (it resets the `attempts` field, which our quiz names as capa problems do). Returns False
        when the learner has no state for this quiz."""
        from lms.djangoapps.courseware.models import StudentModule
        from lms.djangoapps.instructor.enrollment import reset_student_attempts
        key = _course_key(course_id)
        try:
            reset_student_attempts(key, user, key.make_usage_key("lmd_quiz", url_name), requesting_user=actor)
        except StudentModule.DoesNotExist:
            return False
        return True


def _json(text):
    try:
        value = json.loads(text or "{}")
    except ValueError:
        log.warning("lmd_access: unreadable StudentModule state skipped")
        return {}
    return value if isinstance(value, dict) else {}
