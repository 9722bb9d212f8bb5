"""The module as a container in the LMS, and what the mobile apps get.

Defect 2: a child the learner may not load (staff only, another cohort's content) comes back as
None from the runtime: the module skips it, as the vertical does, instead of a 500.
Defect 5: the course blocks API (what the apps read) reports our blocks as multi-device and gives
content-only student_view_data, computed at publish for everyone; an empty block a course team
has only just added does not break it."""
from pathlib import Path

from django.test import RequestFactory
from lxml import etree
from xmodule.modulestore import ModuleStoreEnum
from xmodule.modulestore.tests.factories import BlockFactory

from lms.djangoapps.course_api.blocks.api import get_blocks
from openedx.core.djangoapps.content.block_structure.api import update_course_in_cache
from tests.platform.lms_base import LmdCourseTestCase

SAMPLES = Path(__file__).resolve().parents[3] / "xblocks"
SECRET = "Only the course staff may read this paragraph."


def sample_content(block_type, name):
    from importlib import import_module
    node = etree.fromstring((SAMPLES / block_type / "samples" / f"{name}.xml").read_text())
    return import_module(f"xblocks.{block_type}.content").parse(node)


class TestModuleContainerInTheLms(LmdCourseTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.store.bulk_operations(cls.course_key):
            chapter = BlockFactory.create(parent=cls.course, category="chapter", display_name="Team-built")
            sequential = BlockFactory.create(parent=chapter, category="sequential", display_name="A module")
            cls.unit = BlockFactory.create(parent=sequential, category="vertical", display_name="Container")
            module = BlockFactory.create(parent=cls.unit, category="lmd_module", display_name="Built in Studio",
                                         number="3", objectives=[{"id": "o1", "text": "Explain the plan."}])
            BlockFactory.create(parent=module, category="html", display_name="For everyone",
                                data="<p>Everyone reads this.</p>")
            BlockFactory.create(parent=module, category="html", display_name="Staff notes",
                                data=f"<p>{SECRET}</p>", visible_to_staff_only=True)
            BlockFactory.create(parent=module, category="lmd_quiz", display_name="Quiz",
                                **sample_content("lmd_quiz", "quiz"))
            cls.module = module
        update_course_in_cache(cls.course_key)

    def test_a_staff_only_child_neither_shows_nor_breaks_the_page_for_a_learner(self):
        response = self.render(self.unit.location)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Everyone reads this." in page and SECRET not in page
        assert 'data-block-type="lmd_quiz"' in page

    def test_sections_inside_a_module_are_marked_complete_when_seen(self):
        """As the vertical does for its own children: the page asks the platform's script to
        mark each text section complete after the delay (defect 3)."""
        import re
        from completion.waffle import ENABLE_COMPLETION_TRACKING_SWITCH
        from edx_toggles.toggles.testutils import override_waffle_switch
        with override_waffle_switch(ENABLE_COMPLETION_TRACKING_SWITCH, True):
            page = self.render(self.unit.location).content.decode()
        html_children = [k for k in self.store.get_item(self.module.location).children if k.block_type == "html"]
        marked = [k for k in html_children if re.search(
            rf'<div [^>]*data-mark-completed-on-view-after-delay[^>]*data-usage-id="{re.escape(str(k))}"', page)]
        assert marked == html_children[:1]  # the visible section; the staff-only one is not there at all

    def test_course_staff_see_the_staff_only_child(self):
        self.sign_in(self.staff())
        response = self.render(self.unit.location)
        assert response.status_code == 200 and SECRET in response.content.decode()


class TestMobileApps(LmdCourseTestCase):
    def blocks(self, user):
        request = RequestFactory().get("/")
        request.user = user
        return get_blocks(request, self.course.location, user, requested_fields=["type", "student_view_multi_device", "student_view_data"],
                          student_view_data=["lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play"],
                          block_types_filter=["lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play"])["blocks"]

    def test_our_blocks_are_multi_device_with_content_only_data(self):
        blocks = self.blocks(self.learner)
        assert len(blocks) == 54  # 13 modules x (overview, case study, role-play, quiz), the pre-test and post-test
        for block in blocks.values():
            assert block["student_view_multi_device"] is True, block["type"]
            data = block["student_view_data"]
            assert "state" not in data and "analysis" not in data and data["display_name"]
            for question in data.get("questions", []) if block["type"] == "lmd_quiz" else []:
                for choice in question.get("options", question.get("items", [])):
                    assert set(choice) == {"id", "text"}  # no key, no feedback before an attempt
        quiz = next(b for b in blocks.values() if b["type"] == "lmd_quiz")
        assert quiz["student_view_data"]["questions"]

    def test_an_empty_block_just_added_does_not_break_the_course_structure(self):
        vertical = self.items("vertical")[0]
        for block_type in ("lmd_role_play", "lmd_quiz", "lmd_case_study", "lmd_module"):
            BlockFactory.create(parent=vertical, category=block_type, user_id=ModuleStoreEnum.UserID.test)
        update_course_in_cache(self.course_key)
        blocks = self.blocks(self.learner)
        assert len(blocks) == 58
