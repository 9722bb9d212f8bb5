"""Every learner's state of a block, for the facilitator's view of a case study: the workbench's
rows listed as Open edX's user state client lists them (`iter_all_for_block`, objects with
`username` and `state`), so the block reads its learners' answers the same way in both."""
import json
from types import SimpleNamespace

from workbench.models import XBlockState


class DemoUserStates:
    runtime = None  # set by the workbench when it loads the service

    def iter_all_for_block(self, usage_id):
        rows = XBlockState.objects.filter(scope="usage", scope_id=str(usage_id), user_id__isnull=False)
        for row in rows.order_by("user_id"):
            yield SimpleNamespace(username=row.user_id, state=json.loads(row.state or "{}"))
