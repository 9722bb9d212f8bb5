"""Content changes are for the course's authors only (issue 12, item 1): every handler is
reachable by URL, so a learner or an anonymous caller who posts to `studio_submit` gets a 403 and
the block's content stays as it was. In Studio the platform's permissions service decides."""
import copy
from pathlib import Path

import pytest
from xblock.fields import Scope

from tests.helpers import load, post
from tests.runtime import LmdTestRuntime

SAMPLES = Path(__file__).resolve().parents[2] / "xblocks"
BLOCKS = ["lmd_module/samples/module.xml", "lmd_quiz/samples/quiz.xml",
          "lmd_case_study/samples/case_study.xml", "lmd_role_play/samples/role_play.xml"]


def authored(block):
    return {name: copy.deepcopy(getattr(block, name)) for name, field in block.fields.items()
            if field.scope in (Scope.content, Scope.settings)}


class StudioPermissions:
    """The shape of Studio's StudioPermissionsService (cms/djangoapps/contentstore/utils.py)."""

    def __init__(self, writable):
        self.writable = writable
        self.asked = []

    def can_write(self, course_key):
        self.asked.append(course_key)
        return self.writable


class StudioRuntime(LmdTestRuntime):
    def __init__(self, permissions, **kwargs):
        super().__init__(**kwargs)
        self._services["studio_user_permissions"] = permissions


def hostile_edit(block):
    return block.studio_xml().replace(block.display_name, "Defaced", 1)


@pytest.mark.parametrize("sample", BLOCKS)
@pytest.mark.parametrize("who", ["learner", "anonymous"])
def test_learners_and_anonymous_callers_cannot_change_content(sample, who):
    runtime = LmdTestRuntime(user_id=who if who == "learner" else None)
    block = load(runtime, (SAMPLES / sample).read_text())
    before = authored(block)
    status, body = post(runtime, block, "studio_submit", {"xml": hostile_edit(block)})
    assert status == 403 and "authors" in body["error"]
    assert authored(block) == before


@pytest.mark.parametrize("sample", BLOCKS)
def test_course_staff_can_change_content_outside_studio(sample):
    runtime = LmdTestRuntime(user_id="author", staff_ids={"author"})
    block = load(runtime, (SAMPLES / sample).read_text())
    assert post(runtime, block, "studio_submit", {"xml": hostile_edit(block)}) == (200, {"result": "success"})
    assert block.display_name == "Defaced"


def test_in_studio_the_platforms_permissions_decide_even_for_staff():
    refused = StudioPermissions(writable=False)
    runtime = StudioRuntime(refused, user_id="staff", staff_ids={"staff"})
    quiz = load(runtime, (SAMPLES / BLOCKS[1]).read_text())
    before = authored(quiz)
    assert post(runtime, quiz, "studio_submit", {"xml": hostile_edit(quiz)})[0] == 403
    assert authored(quiz) == before and len(refused.asked) == 1

    allowed = StudioPermissions(writable=True)
    runtime = StudioRuntime(allowed, user_id="author")  # a course author who is not global staff
    quiz = load(runtime, (SAMPLES / BLOCKS[1]).read_text())
    assert post(runtime, quiz, "studio_submit", {"xml": hostile_edit(quiz)}) == (200, {"result": "success"})
