"""Facilitator data in Open edX (issue 11, defect 8): each learner's case-study answers are in
that learner's own state, so submissions cannot overwrite each other, account retirement scrubs
them with the rest of the learner's data, and the Instructor Dashboard's problem-responses
report lists them through the block's generate_report_data()."""
from common.djangoapps.student.models import CourseEnrollment
from common.djangoapps.student.tests.factories import UserFactory
from lms.djangoapps.courseware.models import StudentModule
from lms.djangoapps.instructor_task.tasks_helper.grades import ProblemResponses

from tests.platform.lms.test_learner_in_lms import LearnerTestCase
from tests.platform.lms_base import PASSWORD


class TestProblemResponsesReport(LearnerTestCase):
    def test_every_learners_answers_are_in_the_report_and_only_in_their_own_state(self):
        _chapter, parts = self.module_parts(7)
        [case] = parts["lmd_case_study"]
        learners = [self.learner]
        self.do_case_study(case)
        other = UserFactory(password=PASSWORD)
        CourseEnrollment.enroll(other, self.course_key)
        self.sign_in(other)
        self.do_case_study(case, all_points=False)
        learners.append(other)

        data, keys = ProblemResponses._build_student_data(
            user_id=self.staff().id, course_key=self.course_key, usage_key_str_list=[str(case.location)])
        ours = [row for row in data if row.get("block_key") == str(case.location)]
        assert {row["username"] for row in ours} == {u.username for u in learners}
        assert len(ours) == 2 * len(case.questions)  # one row per answer
        assert {"Question", "Answer", "Submitted at", "Self-assessed score"} <= set(keys)
        assert all(row["Answer"].startswith("My answer") for row in ours)
        assert sorted(row["Self-assessed score"] for row in ours if row["Question"].startswith("1.")) == ["0%", "100%"]

        # Nothing about one learner is kept in a record shared by all (user_state_summary).
        for learner in learners:
            module = StudentModule.objects.get(student=learner, module_state_key=case.location)
            assert "My answer" in module.state
        from lms.djangoapps.courseware.models import XModuleUserStateSummaryField
        assert not XModuleUserStateSummaryField.objects.filter(usage_id=case.location).exists()
