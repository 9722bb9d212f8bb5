"""Issue 12 item 4: two first requests at the same moment for a new learner (or block) make one
state row, never two (the workbench's get_or_create on a table without a unique constraint made
duplicates, and every later request then failed with MultipleObjectsReturned: a 500 for good).

Races real threads, each with its own connection, on the demo's own database: a SQLite file
migrated as `make demo` migrates it, and a real MariaDB (scripts/mariadb.sh). Also: the migration
merges duplicates made before it, and the store reads a duplicated key without failing."""
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import IntegrityError, connection, transaction

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
THREADS, ROUNDS = 8, 6


def racing(env):
    subprocess.run([str(BIN / "django-admin"), "migrate", "--run-syncdb", "--noinput", "-v", "0"],
                   env=env, cwd=ROOT, check=True)
    out = subprocess.run([sys.executable, "-m", "tests.http.racing_state_rows", str(THREADS), str(ROUNDS)], env=env,
                         cwd=ROOT, check=True, capture_output=True, text=True, timeout=300).stdout
    return json.loads(out.strip().splitlines()[-1])


def check(result):
    for mode in ("atomic", "autocommit"):
        for n, race in enumerate(result[mode]):
            assert race["rows"] == 1, (mode, n, race)
            assert race["errors"] == [] and race["read_error"] is None, (mode, n, race)
    # inside a request's transaction nothing is lost either: every racing write is kept
    assert [race["kept"] for race in result["atomic"]] == [THREADS] * ROUNDS, result["atomic"]


def test_racing_first_writes_make_one_row_on_the_demos_sqlite_file(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LMD_")}
    env.update(LMD_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="lmd_demo.settings")
    result = racing(env)
    assert result["vendor"] == "sqlite"
    check(result)


def test_racing_first_writes_make_one_row_on_mariadb():
    port = subprocess.run(["bash", str(ROOT / "scripts/mariadb.sh")], check=True, capture_output=True,
                          text=True).stdout.strip().splitlines()[-1]
    name = f"lmd_test_{uuid.uuid4().hex[:8]}"
    socket = os.environ.get("LMD_MARIADB_DIR", "/tmp/lmd-mariadb") + "/mysqld.sock"
    admin = ["mariadb", f"--socket={socket}", "-uroot", "-e"]
    subprocess.run([*admin, f"CREATE DATABASE {name} CHARACTER SET utf8mb4"], check=True)
    env = dict(os.environ, LMD_MARIADB_PORT=port, LMD_MARIADB_NAME=name, DJANGO_SETTINGS_MODULE="lmd_demo.settings")
    try:
        result = racing(env)
    finally:
        subprocess.run([*admin, f"DROP DATABASE IF EXISTS {name}"], check=True)
    assert result["vendor"] == "mysql"
    check(result)


# ---- the migration and the fallback, on the test database ---------------------------------------

def _key(user_id, field="answers"):
    from xblock.fields import Scope
    from xblock.runtime import KeyValueStore
    return KeyValueStore.Key(scope=Scope.user_state, user_id=user_id, block_scope_id="dup.lmd_quiz.d0.u0",
                             field_name=field)


def _duplicate(user_id, states):
    from workbench.models import XBlockState
    for state in states:
        XBlockState.objects.create(scope="usage", scope_id="dup.lmd_quiz.d0.u0", user_id=user_id, scenario="dup",
                                   tag="lmd_quiz", state=json.dumps(state))


@pytest.mark.django_db(transaction=True)
def test_the_unique_index_exists_after_migrate_and_refuses_a_second_row():
    from lmd_demo.state_rows import has_index
    assert has_index(connection)
    _duplicate("alice", [{"a": 1}])
    with pytest.raises(IntegrityError), transaction.atomic():
        _duplicate("alice", [{"b": 2}])
    # NULL user ids (a block's content and settings rows) are one key too
    _duplicate(None, [{"c": 1}])
    with pytest.raises(IntegrityError), transaction.atomic():
        _duplicate(None, [{"c": 2}])


@pytest.mark.django_db(transaction=True)
def test_migration_merges_duplicates_made_before_it_then_indexes():
    from workbench.models import XBlockState

    from lmd_demo.state_rows import add_unique_index, drop_unique_index, has_index
    drop_unique_index(connection)  # a database from before this fix
    try:
        _duplicate("bob", [{"answers": {"q1": "old"}, "attempts": 1}, {"answers": {"q1": "new"}, "score": 0.5}])
        _duplicate(None, [{"x": 1}, {"y": 2}, {"x": 3}])
        _duplicate("carol", [{"only": True}])
        # the store reads a duplicated key without MultipleObjectsReturned (the oldest row)
        from lmd_demo.services import RequestKeyValueStore
        assert RequestKeyValueStore().get(_key("bob")) == {"q1": "old"}
        add_unique_index(connection)
        assert has_index(connection)
        bob = XBlockState.objects.get(user_id="bob")
        assert json.loads(bob.state) == {"answers": {"q1": "new"}, "attempts": 1, "score": 0.5}
        shared = XBlockState.objects.get(scope_id="dup.lmd_quiz.d0.u0", user_id__isnull=True)
        assert json.loads(shared.state) == {"x": 3, "y": 2}
        assert json.loads(XBlockState.objects.get(user_id="carol").state) == {"only": True}
    finally:
        add_unique_index(connection)


@pytest.mark.django_db(transaction=True)
def test_reads_make_no_rows_and_the_first_write_makes_one():
    from workbench.models import XBlockState

    from lmd_demo.services import RequestKeyValueStore
    store = RequestKeyValueStore()
    assert not store.has(_key("dave"))
    with pytest.raises(KeyError):
        store.get(_key("dave"))
    assert not XBlockState.objects.filter(user_id="dave").exists()
    store.set(_key("dave"), {"q1": "x"})
    store.set(_key("dave", "attempts"), 2)
    assert XBlockState.objects.filter(user_id="dave").count() == 1
    assert RequestKeyValueStore().get(_key("dave", "attempts")) == 2


@pytest.mark.django_db(transaction=True)
def test_setting_what_a_row_already_holds_writes_nothing():
    """Each start of the demo sets every block's content to what it was: no write for that (it
    was most of a cold start), and a learner's last activity is not touched by it."""
    from django.test.utils import CaptureQueriesContext

    from lmd_demo.services import RequestKeyValueStore
    RequestKeyValueStore().set_many({_key("erin"): {"q1": "x"}, _key("erin", "attempts"): 1})
    store = RequestKeyValueStore()
    with CaptureQueriesContext(connection) as queries:
        store.set_many({_key("erin"): {"q1": "x"}, _key("erin", "attempts"): 1})
    assert not [q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))]
    with CaptureQueriesContext(connection) as queries:
        store.set_many({_key("erin"): {"q1": "x"}, _key("erin", "attempts"): 2})  # one value changes
    assert len([q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("UPDATE")]) >= 1
    assert RequestKeyValueStore().get(_key("erin", "attempts")) == 2
