"""The insight pages' Open edX adapter (lmd_access/insight/openedx.py) reads the platform's own
records of a learner who answered a quiz through the LMS: the modulestore's course, courseware's
StudentModule (state and the grade the block published), the completion service's
BlockCompletion and the grades app's course grade; and a facilitator's reset goes through the
Instructor Dashboard's own function. The facilitator's page shows it, through the LMS's URLs."""
from django.contrib.auth import get_user_model

from common.djangoapps.student.tests.factories import UserFactory
from lms.djangoapps.courseware.models import StudentModule
from lms.djangoapps.grades.course_grade_factory import CourseGradeFactory
from lmd_access import services
from lmd_access.insight.openedx import OpenEdxResults
from lmd_access.models import AttemptReset, CoordinatorRegistration, GatedCourse, MemberAdministration, OfficerProfile
from openedx.core.djangoapps.lang_pref import LANGUAGE_KEY
from openedx.core.djangoapps.user_api.preferences.api import set_user_preference
from tests.platform.lms.test_learner_in_lms import LearnerTestCase, wrong_answers
from tests.platform.lms_base import PASSWORD


class TestInsightReadsThePlatformsRecords(LearnerTestCase):
    def learner_only(self):
        return get_user_model().objects.filter(pk=self.learner.pk)

    def take_module_1_quiz(self):
        _chapter, parts = self.module_parts(1)
        [quiz] = parts["lmd_quiz"]
        status, state = self.call(quiz.location, "submit", {"responses": wrong_answers(quiz)})
        assert status == 200 and not state["passed"]
        self.pass_quiz(quiz)
        return quiz

    def test_outline_states_scores_completion_and_grade_come_from_the_platform(self):
        quiz = self.take_module_1_quiz()
        course_id, source = str(self.course_key), OpenEdxResults()

        outline = source.outline(course_id)
        assert [m.number for m in outline.modules][:3] == ["1", "2", "3"] and len(outline.modules) == 13
        activity = outline.activity("m01-quiz")
        assert activity.kind == "lmd_quiz" and activity.module == "1"
        assert [q["id"] for q in activity.content["questions"]] == [q["id"] for q in quiz.questions]

        assert self.learner in source.learners(course_id)  # the platform's enrolment
        [summary] = [s for s in source.summaries(course_id, self.learner_only()) if s.url_name == "m01-quiz"]
        module = StudentModule.objects.get(student=self.learner, module_state_key=quiz.location)
        assert summary.score == 1.0 == module.grade / module.max_grade
        assert summary.completed_at is not None and summary.modified == module.modified
        [state] = source.states(course_id, self.learner_only(), ["m01-quiz"])
        assert state.state["attempts"] == 2 and state.state["passed"] is True

        CourseGradeFactory().update(self.learner, course_key=self.course_key)
        grades = source.course_grades(course_id, self.learner_only())
        assert round(grades[self.learner.username], 2) == round(1 / 13, 2)  # one quiz of thirteen

    def test_facilitator_sees_the_learner_and_resets_through_the_instructor_dashboard(self):
        quiz = self.take_module_1_quiz()
        course = GatedCourse.objects.create(course_id=str(self.course_key), title="LMD")
        learner = self.learner
        self.sign_in(self.staff())
        page = self.client.get(f"/lmd-access/staff/{course.pk}/learners/{learner.username}/").content.decode()
        assert "2 of 3" in page and "100 %" in page
        page = self.client.get(f"/lmd-access/staff/{course.pk}/questions/?module=1").content.decode()
        assert "Answers of 1 learner, each at their best attempt." in page
        response = self.client.post(f"/lmd-access/staff/{course.pk}/learners/{learner.username}/reset/",
                                    {"quiz": "m01-quiz"})
        assert response.status_code == 302
        module = StudentModule.objects.get(student=learner, module_state_key=quiz.location)
        assert '"attempts": 0' in module.state
        assert AttemptReset.objects.filter(learner=learner, quiz="m01-quiz").count() == 1
        nobody = UserFactory(password=PASSWORD)
        assert not OpenEdxResults().reset_quiz_attempts(str(self.course_key), nobody, "m01-quiz", learner)

    def test_a_learner_is_refused_the_facilitator_pages(self):
        course = GatedCourse.objects.create(course_id=str(self.course_key), title="LMD")
        assert self.client.get(f"/lmd-access/staff/{course.pk}/").status_code == 403


    def test_a_decision_reaches_the_officer_in_their_preferred_language_with_the_course_link(self):
        from datetime import date

        from django.conf import settings
        from django.core import mail
        GatedCourse.objects.create(course_id=str(self.course_key), title="LMD")
        east = MemberAdministration.objects.create(name="Eastland", country_code="EL")
        coordinator = UserFactory(password=PASSWORD)
        CoordinatorRegistration.objects.create(user=coordinator, administration=east, starts_on=date(2020, 1, 1))
        OfficerProfile.objects.create(user=self.learner, administration=east)
        set_user_preference(self.learner, LANGUAGE_KEY, "fr")  # the platform's own language preference
        request = services.request_access(self.learner, str(self.course_key), "Chef", "Nord", "Pour mon équipe.")
        mail.outbox.clear()
        services.decide(coordinator, [request.pk], True, "Bienvenue.")
        [message] = [m for m in mail.outbox if m.to == [self.learner.email]]
        assert message.subject == "Votre demande pour LMD\u00a0: approuvée"
        link = f"{settings.LEARNING_MICROFRONTEND_URL}/course/{self.course_key}/home"  # the learning front end
        html = message.alternatives[0][0]
        assert link in message.body and f'href="{link}"' in html and "Aller au cours" in html and 'lang="fr"' in html
