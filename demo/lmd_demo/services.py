"""Services of the demo's workbench runtime.

The workbench's user service, told who is logged in: Django users' usernames are the
workbench student ids, and Django staff are course staff (as Open edX reports them)."""
import json

from django.contrib.auth import get_user_model
from workbench.runtime import WorkbenchDjangoKeyValueStore
from xblock.fields import Scope
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import KvsFieldData

from .state_rows import save_state, state_row


class DemoUserService(UserService):
    runtime = None  # set by the workbench when it loads the service

    def get_current_user(self):
        username = str(getattr(self.runtime, "user_id", "") or "")
        user = get_user_model().objects.filter(username=username).first()
        xuser = XBlockUser(is_current_user=True, emails=[user.email] if user and user.email else [],
                           full_name=(user.get_full_name() if user else "") or username)
        xuser.opt_attrs.update({
            "edx-platform.user_id": user.pk if user else None,
            "edx-platform.username": username,
            "edx-platform.user_is_staff": bool(user and user.is_staff),
            "edx-platform.is_authenticated": user is not None,
        })
        return xuser


class RequestKeyValueStore(WorkbenchDjangoKeyValueStore):
    """The workbench's store, reading each row once per runtime (one runtime serves one request)
    and writing each changed row once, as Open edX's field-data cache does. The workbench's own
    store reads and writes a row for every single field, and makes a row on every read.

    Rows are made on the first write only, and through state_rows.state_row(): one row per key
    even when two first requests of a learner arrive at the same moment (issue 12 item 4)."""

    def __init__(self):
        super().__init__()
        self._rows = {}

    def _row(self, key, create=False):
        """(row or None, its fields) for `key`, read once; the row made if `create`."""
        ident = (key.scope, key.block_scope_id, key.user_id)
        cached = self._rows.get(ident)
        if cached is None or (cached[0] is None and create):
            record = state_row(key, create=create)
            cached = self._rows[ident] = (record, json.loads(record.state or "{}") if record is not None else {})
        return cached

    def get(self, key):
        return self._row(key)[1][key.field_name]

    def has(self, key):
        return key.field_name in self._row(key)[1]

    def set(self, key, value):
        self.set_many({key: value})

    def set_many(self, update_dict):
        """Write the rows whose values change, once each. A value set to what the row already
        holds writes nothing: each start of the demo sets every block's content to what it was
        (the workbench parses its scenarios again), and those writes were most of a cold start."""
        changed, keys = {}, []
        for key, value in update_dict.items():
            record, state = self._row(key, create=True)
            if key.field_name in state and state[key.field_name] == value:
                continue
            state[key.field_name] = value
            changed[id(record)] = (record, state)
            keys.append(key)
        for record, state in changed.values():
            save_state(record, self._to_json_str(state))
        self._touched(keys)

    def delete(self, key):
        record, state = self._row(key)
        del state[key.field_name]  # KeyError when there is no such field (or row), as the KVS contract says
        save_state(record, self._to_json_str(state))
        self._touched([key])

    @staticmethod
    def _touched(keys):
        """A learner's state changed: when, as StudentModule.modified says it in Open edX (the
        facilitators' and coordinators' "last activity")."""
        from .runtime import touch
        for learner_block in {(key.user_id, key.block_scope_id) for key in keys
                              if key.scope == Scope.user_state and key.user_id is not None}:
            touch(*learner_block)


class DemoFieldData(KvsFieldData):
    """Field data for one workbench runtime (the workbench builds one per request)."""

    runtime = None

    def __init__(self):
        super().__init__(RequestKeyValueStore())
