"""A learner takes the LMD course in the LMS: the course has the platform's own shape, the
activities work through the LMS's handler URLs, the gradebook counts the quizzes (and only the
quizzes), and the completion service marks units, subsections, sections and the course.

The course is `lmd export olx` imported by the platform's course import; every request goes
through the LMS's own views (render_xblock, xblock_handler) and services."""
import re

from completion.models import BlockCompletion
from completion.test_utils import CompletionWaffleTestMixin
from django.test import RequestFactory

from lms.djangoapps.grades.course_grade_factory import CourseGradeFactory
from lms.djangoapps.grades.models import PersistentSubsectionGrade
from openedx.features.course_experience.utils import get_course_outline_block_tree
from xblocks.lmd_role_play.graph import best_totals
from tests.platform.lms_base import LmdCourseTestCase


def right_answers(quiz):
    answers = {}
    for question in quiz.questions:
        keys = [o["id"] for o in question.get("options", []) if o.get("correct")]
        if question["type"] == "ordering":
            answers[question["id"]] = [item["id"] for item in question["items"]]
        elif question["type"] == "multiple":
            answers[question["id"]] = keys
        else:
            answers[question["id"]] = keys[0]
    return answers


def wrong_answers(quiz):
    answers = {}
    for question in quiz.questions:
        if question["type"] == "ordering":
            answers[question["id"]] = [item["id"] for item in reversed(question["items"])]
        else:
            wrong = [o["id"] for o in question["options"] if not o.get("correct")]
            answers[question["id"]] = wrong[:1] if question["type"] == "multiple" else wrong[0]
    return answers


def best_path(role_play):
    """[(node, choice)] of a path that earns the best total, computed from the content."""
    data = role_play.content_data()
    nodes = {n["id"]: n for n in data["nodes"]}
    endings = {e["id"] for e in data["endings"]}
    best_total, _per = best_totals(data)

    def walk(node_id, earned):
        for choice in nodes[node_id]["choices"]:
            gain = earned + sum(choice["points"].values())
            if choice["target"] in endings:
                if gain == best_total:
                    return [(node_id, choice["id"])]
            else:
                rest = walk(choice["target"], gain)
                if rest is not None:
                    return [(node_id, choice["id"])] + rest
        return None
    return walk(data["start_node"], 0)


class LearnerTestCase(CompletionWaffleTestMixin, LmdCourseTestCase):
    def setUp(self):
        super().setUp()
        self.override_waffle_switch(True)  # completion tracking, as a site with completion has it

    def module_parts(self, number):
        """{category: [blocks]} of one module's section (chapter). The course pre-test (module 1)
        and post-test (module 12) are under "course_test": they are not the module's quiz."""
        chapter = next(c for c in self.items("chapter") if c.display_name.startswith(f"Module {number}:"))
        parts = {}
        for sequential in chapter.get_children():
            for vertical in sequential.get_children():
                for block in vertical.get_children():
                    category = "course_test" if getattr(block, "purpose", "") else block.category
                    parts.setdefault(category, []).append(block)
        return chapter, parts

    def pass_quiz(self, quiz):
        status, state = self.call(quiz.location, "submit", {"responses": right_answers(quiz)})
        assert status == 200 and state["passed"], state
        return state

    def play_best(self, role_play):
        for node, choice in best_path(role_play):
            status, state = self.call(role_play.location, "choose", {"node": node, "choice": choice})
            assert status == 200, state
        assert state["ending"] is not None
        return state

    def do_case_study(self, case, all_points=True):
        answers = {q["id"]: "My answer to this question, with the evidence I would use." for q in case.questions}
        assert self.call(case.location, "save_draft", {"answers": answers})[0] == 200
        status, state = self.call(case.location, "submit", {"answers": answers})
        assert status == 200 and state["submitted"], state
        points = [p["id"] for p in case.rubric] if all_points else []
        status, state = self.call(case.location, "assess", {"points": points})
        assert status == 200, state
        return state

    def view_unit(self, vertical):
        """What the learning front end does: render the unit, then (after the delay) post
        publish_completion for each block the page marked complete-on-view."""
        response = self.render(vertical.location)
        assert response.status_code == 200
        page = response.content.decode()
        for block in vertical.get_children():
            wrapper = re.search(rf'<div [^>]*data-usage-id="{re.escape(str(block.location))}"[^>]*>', page)
            if wrapper and "data-mark-completed-on-view-after-delay" in wrapper.group(0):
                status, body = self.call(block.location, "publish_completion", {"completion": 1.0})
                assert status == 200, body
        return page


class TestTheCourseHasThePlatformsShape(LmdCourseTestCase):
    def test_each_module_is_a_section_with_learn_activities_and_a_graded_quiz(self):
        chapters = self.course.get_children()
        assert len(chapters) == 13
        for chapter in chapters:
            subsections = chapter.get_children()
            kinds = [[block.category + (f":{block.purpose}" if getattr(block, "purpose", "") else "")
                      for vertical in s.get_children() for block in vertical.get_children()] for s in subsections]
            graded = [(s.graded, s.format) for s in subsections]
            # The course pre-test opens module 1 (after its overview) and the post-test closes
            # module 12, each an ungraded subsection of its own.
            if chapter.display_name.startswith("Module 1:"):
                assert kinds[:2] == [["lmd_module"], ["lmd_quiz:pretest"]] and graded[1] == (False, None), kinds
                kinds, graded = [kinds[0] + kinds[2]] + kinds[3:], [graded[0]] + graded[3:]
            if chapter.display_name.startswith("Module 12:"):
                assert kinds[-1] == ["lmd_quiz:posttest"] and graded[-1] == (False, None), kinds
                kinds, graded = kinds[:-1], graded[:-1]
            assert kinds[0][0] == "lmd_module" and set(kinds[0][1:]) == {"html"}, (chapter.display_name, kinds)
            assert kinds[1:] == [["lmd_case_study"], ["lmd_role_play"], ["lmd_quiz"]], (chapter.display_name, kinds)
            assert graded == [(False, None)] * 3 + [(True, "Quiz")], chapter.display_name
            assert all(len(v.get_children()) == 1 for s in subsections for v in s.get_children())

    def test_blocks_keep_their_source_url_names(self):
        """Learner state is keyed by url_name: a course update that keeps them keeps answers."""
        quiz = self.item("lmd_quiz", "m09-quiz")
        assert quiz.display_name and quiz.questions


class TestActivitiesThroughTheLmsHandlers(LearnerTestCase):
    def test_quiz_fail_then_pass(self):
        _chapter, parts = self.module_parts(1)
        [quiz] = parts["lmd_quiz"]
        status, state = self.call(quiz.location, "submit", {"responses": wrong_answers(quiz)})
        assert status == 200 and not state["passed"] and state["attempts"] == 1
        state = self.pass_quiz(quiz)
        assert state["score"] == 1.0 and state["attempts"] == 2

    def test_case_study_draft_submit_assess(self):
        _chapter, parts = self.module_parts(3)
        [case] = parts["lmd_case_study"]
        state = self.do_case_study(case)
        assert state["score"] == 1.0 and state["analysis_html"]

    def test_role_play_to_the_best_ending_then_restart(self):
        _chapter, parts = self.module_parts(5)
        [role_play] = parts["lmd_role_play"]
        state = self.play_best(role_play)
        assert state["runs"] == 1 and state["ending"]["score"] == 1.0
        status, state = self.call(role_play.location, "restart")
        assert status == 200 and state["node"] is not None and state["best"]["score"] == 1.0

    def test_a_learner_cannot_change_content_through_the_lms(self):
        _chapter, parts = self.module_parts(1)
        [quiz] = parts["lmd_quiz"]
        status, body = self.call(quiz.location, "studio_submit", {"xml": "<lmd_quiz/>"})
        assert status == 403


class TestGradebook(LearnerTestCase):
    def grade(self):
        return CourseGradeFactory().read(self.learner, course_key=self.course_key)

    def test_quizzes_make_the_course_grade_and_practice_does_not(self):
        _chapter, parts = self.module_parts(2)
        # Practice first: a self-assessed case study and a replayable role-play, both at 100 %.
        self.do_case_study(parts["lmd_case_study"][0])
        self.play_best(parts["lmd_role_play"][0])
        assert self.grade().percent == 0.0
        # Their scores are recorded for the learner (progress page), ungraded.
        scores = {str(k): v for k, v in self.grade().chapter_grades.items()}
        assert scores  # the course grade was computed over the course's sections
        self.pass_quiz(parts["lmd_quiz"][0])
        grade = self.grade()
        assert round(grade.percent, 2) == round(1 / 13, 2)  # one of thirteen quizzes
        quiz_subsection = parts["lmd_quiz"][0].get_parent().get_parent()
        persisted = PersistentSubsectionGrade.read_grade(self.learner.id, quiz_subsection.location)
        assert (persisted.earned_graded, persisted.possible_graded) == (1.0, 1.0)

    def test_a_worse_retake_and_a_rescore_never_lower_the_grade(self):
        _chapter, parts = self.module_parts(4)
        [quiz] = parts["lmd_quiz"]
        status, state = self.call(quiz.location, "submit", {"responses": {
            **right_answers(quiz), **{k: v for k, v in list(wrong_answers(quiz).items())[:5]}}})
        assert status == 200 and not state["passed"] and 0 < state["score"] < 1
        best = state["score"]
        status, state = self.call(quiz.location, "submit", {"responses": wrong_answers(quiz)})
        assert status == 200 and state["best_score"] == best
        # The platform's rescore (instructor dashboard) grades the best attempt, not the last.
        from lms.djangoapps.courseware.block_render import get_block_for_descriptor
        from lms.djangoapps.courseware.model_data import FieldDataCache
        request = RequestFactory().get("/")
        request.user = self.learner
        cache = FieldDataCache.cache_for_block_descendents(self.course_key, self.learner, quiz)
        bound = get_block_for_descriptor(self.learner, request, quiz, cache, self.course_key)
        assert bound.calculate_score().raw_earned == best
        bound.rescore(only_if_higher=False)
        assert abs(self.grade().percent - best / 13) < 0.006  # the platform rounds percent to 0.01


class TestCompletion(LearnerTestCase):
    def outline(self):
        request = RequestFactory().get("/")
        request.user = self.learner
        return get_course_outline_block_tree(request, str(self.course_key), self.learner)

    def finish_module(self, number):
        chapter, parts = self.module_parts(number)
        for sequential in chapter.get_children():
            for vertical in sequential.get_children():
                self.view_unit(vertical)
        self.do_case_study(parts["lmd_case_study"][0])
        self.play_best(parts["lmd_role_play"][0])
        self.pass_quiz(parts["lmd_quiz"][0])
        for course_test in parts.get("course_test", []):  # the pre-test or post-test: one attempt
            self.pass_quiz(course_test)
        return chapter

    def test_viewing_sections_and_finishing_activities_completes_units_and_the_section(self):
        chapter, parts = self.module_parts(6)
        learn = chapter.get_children()[0]
        for vertical in learn.get_children():
            self.view_unit(vertical)
        for html in parts["html"]:
            assert BlockCompletion.objects.filter(user=self.learner, block_key=html.location,
                                                  completion=1.0).exists(), html.location
        tree = self.outline()
        section = next(c for c in tree["children"] if c["id"] == str(chapter.location))
        learn_node = next(s for s in section["children"] if s["id"] == str(learn.location))
        assert learn_node.get("complete") and not section.get("complete")
        self.finish_module(6)
        tree = self.outline()
        section = next(c for c in tree["children"] if c["id"] == str(chapter.location))
        assert section.get("complete") and all(s.get("complete") for s in section["children"])
        assert not tree.get("complete")

    def test_finishing_every_module_completes_the_course(self):
        for chapter in self.course.get_children():
            self.finish_module(chapter.display_name.split(":")[0].split()[-1])
        assert self.outline().get("complete")
