"""The demo's XBlock runtime: the workbench's, plus what Open edX's LMS does with the events a
block publishes. A "grade" event is kept as the block's score and a "completion" event as its
completion (lmd_demo.models.BlockActivity), where the LMS writes StudentModule.grade and the
completion service's BlockCompletion. The workbench only logs them."""
from django.db import connection
from django.utils import timezone
from workbench.runtime import WorkbenchRuntime

from .models import BlockActivity


class DemoRuntime(WorkbenchRuntime):
    def _patch_xblock(self, block):
        """The workbench dresses every block it renders or calls in mock attributes (location, due,
        course id) for legacy blocks such as the LTI consumer. The product's blocks read none of
        them, and building the mocks was a measurable part of every learner's request."""
        if not getattr(type(block), "unmixed_class", type(block)).__module__.startswith("xblocks."):
            super()._patch_xblock(block)

    def publish(self, block, event_type, event_data):
        super().publish(block, event_type, event_data)
        if self.user_id is None or event_type not in ("grade", "completion"):
            return
        now = timezone.now()
        touch(self.user_id, block.scope_ids.usage_id, now)
        rows = BlockActivity.objects.filter(username=str(self.user_id), usage_id=str(block.scope_ids.usage_id))
        if event_type == "grade":
            possible = event_data.get("max_value") or 0
            if possible > 0:
                rows.update(score=min(1.0, max(0.0, event_data.get("value", 0) / possible)))
        elif (event_data.get("completion") or 0) >= 1.0:
            rows.filter(completed_at__isnull=True).update(completed_at=now)


def touch(username, usage_id, when=None):
    """The learner's state of this block changed now: one upsert."""
    when = when or timezone.now()
    # MariaDB/MySQL upsert on any unique key and refuse to be told which (NotSupportedError).
    target = ["username", "usage_id"] if connection.features.supports_update_conflicts_with_target else None
    BlockActivity.objects.bulk_create(
        [BlockActivity(username=str(username), usage_id=str(usage_id), modified=when)],
        update_conflicts=True, unique_fields=target, update_fields=["modified"])
