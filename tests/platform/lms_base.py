"""What the LMS tests share: the LMD course imported once per test class (our exporter, the
platform's import), a learner enrolled and signed in, and the LMS's own URLs for rendering a
unit and calling a handler."""
import json

from django.urls import reverse
from opaque_keys.edx.keys import UsageKey
from xmodule.modulestore import ModuleStoreEnum
from xmodule.modulestore.tests.django_utils import SharedModuleStoreTestCase

from common.djangoapps.student.models import CourseEnrollment
from common.djangoapps.student.tests.factories import AdminFactory, UserFactory
from openedx.core.djangoapps.content.block_structure.api import update_course_in_cache
from openedx.core.lib.url_utils import quote_slashes

from .course import import_into

PASSWORD = "lmd-test-password"


class LmdCourseTestCase(SharedModuleStoreTestCase):
    """The course is imported once for the class (MongoDB stood in for: see mongo_standin.py);
    each test gets its own SQL transaction (learners, state, grades)."""

    LANGUAGE = "en"
    ALSO = ()  # more languages the one run carries (`lmd export olx --languages`)
    ENABLED_SIGNALS = ["course_published"]  # block structures are built as Open edX builds them

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls.store.default_store(ModuleStoreEnum.Type.split):
            cls.course_key = import_into(cls.store, ModuleStoreEnum.UserID.test, language=cls.LANGUAGE, also=cls.ALSO)
        cls.course = cls.store.get_course(cls.course_key)
        # What the course_published signal queues in production (a Celery task, delayed by
        # COURSE_PUBLISH_TASK_DELAY): the block structure that grades, completion and the outline read.
        update_course_in_cache(cls.course_key)

    def setUp(self):
        super().setUp()
        self.learner = UserFactory(password=PASSWORD)
        CourseEnrollment.enroll(self.learner, self.course_key)
        self.sign_in(self.learner)

    def sign_in(self, user):
        self.client.logout()
        assert self.client.login(username=user.username, password=PASSWORD)

    def staff(self):
        return AdminFactory(password=PASSWORD)

    # ---- the course's shape --------------------------------------------------------------
    def items(self, category):
        return self.store.get_items(self.course_key, qualifiers={"category": category})

    def item(self, category, url_name):
        return self.store.get_item(self.course_key.make_usage_key(category, url_name))

    # ---- the LMS's own URLs --------------------------------------------------------------
    def render(self, usage_key, **params):
        url = reverse("render_xblock", kwargs={"usage_key_string": str(usage_key)})
        return self.client.get(url, params)

    def handler_url(self, usage_key, handler):
        return reverse("xblock_handler", kwargs={
            "course_id": str(self.course_key), "usage_id": quote_slashes(str(usage_key)),
            "handler": handler, "suffix": ""})

    def call(self, usage_key, handler, payload=None):
        """POST JSON to a handler as the blocks' scripts do -> (status, parsed body)."""
        response = self.client.post(self.handler_url(usage_key, handler), json.dumps(payload or {}),
                                    content_type="application/json")
        try:
            return response.status_code, json.loads(response.content)
        except ValueError:
            return response.status_code, response.content.decode("utf-8", "replace")

    @staticmethod
    def key(value):
        return value if not isinstance(value, str) else UsageKey.from_string(value)
