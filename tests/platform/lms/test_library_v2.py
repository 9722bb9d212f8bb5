"""Our blocks in a content library v2 (Learning Core, on SQL: no MongoDB, no stand-in), rendered
and answered through the platform's v2 XBlock runtime and its REST API, as the learning front
end and library-sourced course content use them. The module is not among them: the platform
refuses any block type that can have children in a library (IncompatibleTypesError)."""
import json
from pathlib import Path

from django.db import connections
from django.test import TestCase, override_settings
from rest_framework.test import APIClient

from openedx.core.djangoapps.content_libraries import api as library_api
from openedx.core.djangoapps.content_libraries.tests.base import URL_BLOCK_GET_HANDLER_URL, URL_BLOCK_RENDER_VIEW
from openedx.core.djangoapps.content_libraries.tests.test_runtime import ContentLibraryContentTestMixin
from openedx.core.djangoapps.xblock import api as xblock_api
from tests.platform.lms.test_learner_in_lms import right_answers

SAMPLES = Path(__file__).resolve().parents[3] / "xblocks"
BLOCKS = {"lmd_quiz": "quiz", "lmd_case_study": "case_study", "lmd_role_play": "role_play"}


def olx(tag):
    return (SAMPLES / tag / "samples" / f"{BLOCKS[tag]}.xml").read_text()


# The v2 runtime keeps anonymous/ephemeral state in a cache; the test settings' cache is a dummy.
@override_settings(XBLOCK_RUNTIME_V2_EPHEMERAL_DATA_CACHE="default", CACHES={
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "lmd-v2"}})
class TestOurBlocksInAContentLibrary(ContentLibraryContentTestMixin, TestCase):
    databases = set(connections)

    def setUp(self):
        super().setUp()
        self.keys = {}
        for tag in BLOCKS:
            key = library_api.create_library_block(self.library.key, tag, tag.replace("_", "-")).usage_key
            library_api.set_library_block_olx(key, olx(tag))
            self.keys[tag] = key
        library_api.publish_changes(self.library.key)
        self.client = APIClient()
        assert self.client.login(username=self.student_a.username, password="edx")

    def call(self, tag, handler, payload):
        url = self.client.get(URL_BLOCK_GET_HANDLER_URL.format(block_key=self.keys[tag], handler_name=handler))
        response = self.client.post(url.data["handler_url"], json.dumps(payload), content_type="application/json")
        return response.status_code, response.json()

    def test_each_block_renders_through_the_v2_runtime(self):
        for tag, key in self.keys.items():
            response = self.client.get(URL_BLOCK_RENDER_VIEW.format(block_key=key, view_name="student_view"))
            assert response.status_code == 200, (tag, response.content[:500])
            assert "lmd-init" in response.json()["content"], tag

    def test_handlers_answer_through_the_v2_runtime(self):
        quiz = xblock_api.load_block(self.keys["lmd_quiz"], self.student_a)
        status, state = self.call("lmd_quiz", "submit", {"responses": right_answers(quiz)})
        assert status == 200 and state["passed"], state
        case = xblock_api.load_block(self.keys["lmd_case_study"], self.student_a)
        draft = {case.questions[0]["id"]: "A draft."}
        status, state = self.call("lmd_case_study", "save_draft", {"answers": draft})
        assert status == 200 and state["answers"] == draft
        status, state = self.call("lmd_role_play", "get_user_state", {})
        assert status == 200 and state["node"] is not None
        node = state["node"]
        status, state = self.call("lmd_role_play", "choose", {"node": node["id"], "choice": node["choices"][0]["id"]})
        assert status == 200 and len(state["path"]) == 1
        status, body = self.call("lmd_quiz", "studio_submit", {"xml": "<lmd_quiz/>"})
        assert status == 403  # a learner never edits content, here either
