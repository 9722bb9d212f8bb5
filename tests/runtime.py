"""A real XBlock runtime for unit tests: xblock's ToyRuntime with the services our blocks use
(i18n through Django's translation, a user service) and publish calls recorded."""
from types import SimpleNamespace

import django.utils.translation
from xblock.reference.user_service import UserService, XBlockUser
from xblock.fields import Scope
from xblock.runtime import DictKeyValueStore, KvsFieldData, MemoryIdManager, Runtime


class _I18n:
    def __getattr__(self, name):
        return getattr(django.utils.translation, name)


class _Users(UserService):
    def __init__(self, runtime):
        super().__init__()
        self._runtime = runtime

    def get_current_user(self):
        uid = self._runtime.learner
        user = XBlockUser(is_current_user=True, emails=[f"{uid}@example.org"], full_name=uid)
        user.opt_attrs.update({
            "edx-platform.user_id": uid, "edx-platform.username": uid,
            "edx-platform.user_is_staff": uid in self._runtime.staff_ids,
        })
        return user


class _UserStates:
    """Every learner's user state of a block, shaped as Open edX's user state client lists it
    (iter_all_for_block -> objects with `username` and `state`)."""

    def __init__(self, store):
        self._store = store

    def iter_all_for_block(self, usage_id):
        states = {}
        for key, value in self._store.items():
            if key.scope == Scope.user_state and key.block_scope_id == usage_id:
                states.setdefault(key.user_id, {})[key.field_name] = value
        for user_id, state in states.items():
            yield SimpleNamespace(username=user_id, state=state)


class LmdTestRuntime(Runtime):
    """One runtime = one learner. `publishes` records every runtime.publish call. Learners who
    share `store` and `id_manager` see the same blocks with their own state."""

    def __init__(self, user_id="learner", store=None, id_manager=None, staff_ids=()):
        self.store = store if store is not None else {}
        self.id_manager = id_manager or MemoryIdManager()
        self.learner = user_id
        self.staff_ids = set(staff_ids)
        self.publishes = []
        super().__init__(self.id_manager, self.id_manager, services={
            "field-data": KvsFieldData(DictKeyValueStore(self.store)),
            "i18n": _I18n(),
            "user": _Users(self),
            "lmd_user_states": _UserStates(self.store),
        })
        # get_block() builds the block's ScopeIds from this (deprecated but still the mechanism).
        self._deprecated_per_instance_user_id = user_id


    def applicable_aside_types(self, block):
        return []  # else every render rescans the entry points

    def publish(self, block, event_type, event_data):
        self.publishes.append((event_type, dict(event_data)))

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{block.scope_ids.usage_id}/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri):
        return f"/resource/{block.scope_ids.block_type}/{uri}"

    def resource_url(self, resource):
        return f"/static/{resource}"


def as_learner(runtime, usage_id, user_id, staff=False):
    """The same block (same content and shared store) seen by another learner."""
    other = LmdTestRuntime(user_id=user_id, store=runtime.store, id_manager=runtime.id_manager,
                           staff_ids={user_id} if staff else ())
    return other, other.get_block(usage_id)
