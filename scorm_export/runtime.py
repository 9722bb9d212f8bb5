"""The XBlock runtime used at export time: the real XBlock Runtime with in-memory storage, a
translator for the package's language, and one anonymous learner. It renders the blocks'
own student views, so a SCORM package shows exactly the UI learners see in Open edX."""
import django.utils.translation
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import DictKeyValueStore, KvsFieldData, MemoryIdManager, Runtime

from xblocks.common.html_section import HtmlSectionBlock

EXPORT_LEARNER = "scorm-learner"
RESOURCE_MARKER = "lmd-resource:"


class _Translator:
    """The i18n service: Django's translation in the package's language."""

    def __getattr__(self, name):
        return getattr(django.utils.translation, name)


class _AnonymousLearner(UserService):
    def get_current_user(self):
        user = XBlockUser(is_current_user=True, full_name="")
        user.opt_attrs.update({"edx-platform.user_is_staff": False, "edx-platform.username": EXPORT_LEARNER})
        return user


class ExportRuntime(Runtime):
    def __init__(self):
        ids = MemoryIdManager()
        super().__init__(ids, ids, services={
            "field-data": KvsFieldData(DictKeyValueStore({})),
            "i18n": _Translator(),
            "user": _AnonymousLearner(),
        })
        self._deprecated_per_instance_user_id = EXPORT_LEARNER

    def applicable_aside_types(self, block):
        return []

    def load_block_type(self, block_type):
        # Module sections are Open edX `html` blocks; outside Open edX this class renders them.
        if block_type == "html":
            return HtmlSectionBlock
        return super().load_block_type(block_type)

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"#{handler_name}"  # never fetched: the package's local backend answers instead

    def resource_url(self, resource):
        raise NotImplementedError("SCORM pages carry their resources inline or as package files")

    def local_resource_url(self, block, uri):
        """A marker that page.py turns into a package file (the package has no server)."""
        return f"{RESOURCE_MARKER}{block.scope_ids.block_type}/{uri}"

    def publish(self, block, event_type, event_data):
        """Nothing is published at export time (no learner acts)."""
