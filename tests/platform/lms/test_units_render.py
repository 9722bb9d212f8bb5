"""Every unit of the imported course renders through the LMS runtime, for a learner and for
course staff (issue 11: staff got "TypeError: '>' not supported between ... datetime and str"
on every module unit and every role-play while `lmd_role_play.start` shadowed the platform's
inherited `start` date)."""
from tests.platform.lms_base import LmdCourseTestCase

OUR_BLOCKS = ("lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play")


class TestEveryUnitRenders(LmdCourseTestCase):
    def assert_units_render(self):
        verticals = self.items("vertical")
        assert len(verticals) >= 13
        seen = set()
        for vertical in verticals:
            response = self.render(vertical.location)
            assert response.status_code == 200, (vertical.location, response.content[-2000:])
            page = response.content.decode("utf-8")
            seen.update(tag for tag in OUR_BLOCKS if f'data-block-type="{tag}"' in page)
        assert seen == set(OUR_BLOCKS)

    def test_as_a_learner(self):
        self.assert_units_render()

    def test_as_course_staff(self):
        self.sign_in(self.staff())
        self.assert_units_render()
