"""One course run in every language (issue 14, item 1), in the LMS: `lmd export olx --languages
en,fr,es` imported by the platform's own import. Each block carries its French and Spanish and
shows the language the platform sets for the learner; the text sections are `lmd_section` blocks
(Open edX's own html block cannot follow the learner). A learner who switches language keeps the
same blocks, so the same state: answers, attempts, grade and completion."""
import html
import re

from completion.models import BlockCompletion
from django.conf import settings

from lms.djangoapps.grades.course_grade_factory import CourseGradeFactory
from openedx.core.djangoapps.lang_pref import LANGUAGE_KEY
from openedx.core.djangoapps.user_api.preferences.api import set_user_preference
from tests.platform.lms.test_learner_in_lms import LearnerTestCase, right_answers, wrong_answers

SECTION_TITLE = {"en": "Integrity as a management responsibility",
                 "fr": "L'intégrité, une responsabilité du management",
                 "es": "La integridad como responsabilidad de gestión"}
QUIZ_PROMPT = {"en": "Which of the following are among the ten key elements",
               "fr": "lesquels font partie des dix éléments clés",
               "es": "diez elementos clave"}


class TestOneRunEveryLanguage(LearnerTestCase):
    ALSO = ("fr", "es")

    def choose_language(self, language):
        """As the learner does in the LMS: the preference, and the cookie the LMS sets from it."""
        set_user_preference(self.learner, LANGUAGE_KEY, language)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    def page(self, usage_key):
        response = self.render(usage_key)
        assert response.status_code == 200
        return html.unescape(response.content.decode())

    def test_text_sections_are_lmd_sections_that_follow_the_learner(self):
        chapter, parts = self.module_parts(9)
        assert "html" not in parts and [s.location.block_id for s in parts["lmd_section"]][:1] == ["m09-s1"]
        unit = parts["lmd_section"][0].get_parent()
        for language in ("en", "fr", "es", "en"):
            self.choose_language(language)
            # the block's own HTML (the unit's title around it is the platform's: the run's language)
            block = re.search(r'<section class="lmd lmd-html">.*?</section>', self.page(unit.location), re.S).group(0)
            assert SECTION_TITLE[language] in block, language
            others = [SECTION_TITLE[other] for other in SECTION_TITLE if other != language]
            assert not any(other in block for other in others), language
        # The unit marks the section complete on view, as it does an html block.
        self.view_unit(unit)
        assert BlockCompletion.objects.filter(user=self.learner, block_key=parts["lmd_section"][0].location,
                                              completion=1.0).exists()

    def test_rich_text_follows_the_learner_after_the_platforms_import(self):
        """Open edX's import drops the blank text between tags: a translation made from the
        archive's English is still current for the block that import makes."""
        _chapter, parts = self.module_parts(9)
        self.choose_language("fr")
        page = self.page(parts["lmd_case_study"][0].get_parent().location)
        assert "Déclarations d'importation, port de Senna" in page  # an exhibit's table, in French
        assert "Import declarations, Port of Senna" not in page

    def test_a_learner_who_switches_language_keeps_answers_attempts_and_grade(self):
        _chapter, parts = self.module_parts(9)
        quiz = parts["lmd_quiz"][0]
        status, state = self.call(quiz.location, "submit", {"responses": wrong_answers(quiz)})
        assert status == 200 and state["attempts"] == 1 and not state["passed"]
        self.choose_language("fr")
        page = self.page(quiz.get_parent().location)
        assert QUIZ_PROMPT["fr"] in page and QUIZ_PROMPT["en"] not in page
        status, state = self.call(quiz.location, "get_user_state")
        assert status == 200 and state["attempts"] == 1, state  # the attempt made in English
        status, state = self.call(quiz.location, "submit", {"responses": right_answers(quiz)})
        assert status == 200 and state["attempts"] == 2 and state["passed"], state
        feedback = [text for result in state["results"].values() for text in result.get("feedback", {}).values()]
        assert feedback and all(text.startswith(("Exact.", "Inexact.", "Partiellement")) for text in feedback), feedback
        self.choose_language("es")
        status, state = self.call(quiz.location, "get_user_state")
        assert state["attempts"] == 2 and state["passed"] and state["score"] == 1.0
        assert QUIZ_PROMPT["es"] in self.page(quiz.get_parent().location)
        # One grade, whatever the language it was earned in: module 9's quiz of the thirteen.
        grade = CourseGradeFactory().read(self.learner, course_key=self.course_key)
        assert abs(grade.percent - 1 / 13) < 0.006
