"""One workbench state row per (scope, scope id, learner), whatever arrives at the same moment.

The XBlock SDK workbench keeps each block's fields in rows of `workbench_xblockstate` and finds
them with get_or_create() on a table without a unique constraint: two first requests of a new
learner (or for a new block) at the same moment could both find no row and both insert one, and
every later request then failed with MultipleObjectsReturned, a 500 for good. This app adds the
missing unique index (its migration; duplicates already there are merged first), and
`state_row()` is the get-or-create that relies on it: insert in a savepoint and, when the index
refuses the insert because another request inserted first, read that request's row. Where the
index could not be made (a table that already had duplicates the merge could not touch, another
database), reads take the oldest row instead of failing."""
import json

from django.db import IntegrityError, connection, transaction

TABLE = "workbench_xblockstate"
INDEX = "lmd_xblockstate_one_row"
MYSQL_KEY_COLUMN = "lmd_user_key"  # MariaDB/MySQL: user_id with NULL as '' (a NULL is unique on its own)


def identity(key):
    """The row fields of a KeyValueStore key, as the workbench's XBlockState.get_for_key makes them."""
    from xblock.fields import Scope
    from workbench.models import shorten_scope_name
    if key.scope in (Scope.parent, Scope.children):
        scope_name = shorten_scope_name(key.scope.attr_name)
    else:
        scope_name = shorten_scope_name(key.scope.block.attr_name)
    if scope_name in ("type", "all"):
        scenario, tag = None, key.block_scope_id
    else:
        scenario, tag, _ = key.block_scope_id.split(".", 2)
    return {"scope": scope_name, "scope_id": key.block_scope_id, "user_id": key.user_id,
            "scenario": scenario, "tag": tag}


class Row:
    """A state row as the store needs it: its id and its fields as JSON text."""
    __slots__ = ("id", "state")

    def __init__(self, row_id, state):
        self.id, self.state = row_id, state


def find_row(fields, lock=False):
    """The row of these fields, or None; the oldest if duplicates made before the index exist.
    With `lock` (inside a transaction), the row stays locked until the transaction ends, so that
    two requests of one learner change it one after the other (MariaDB; SQLite's writers take
    turns anyway). Plain SQL: this runs a few times in every request."""
    user_clause = "user_id IS NULL" if fields["user_id"] is None else "user_id = %s"
    sql = f"SELECT id, state FROM {TABLE} WHERE scope = %s AND scope_id = %s AND {user_clause} ORDER BY id"
    params = [fields["scope"], fields["scope_id"]] + ([] if fields["user_id"] is None else [fields["user_id"]])
    if connection.vendor == "mysql" and _has_key_column():
        # through the unique index, so that a locking read locks this one row: by the scope_id
        # index InnoDB would lock every learner's row of the block it passes (deadlocks)
        sql = sql.replace(" ORDER BY", f" AND {MYSQL_KEY_COLUMN} = %s ORDER BY")
        params.append(fields["user_id"] or "")
    sql += " LIMIT 1"
    if connection.vendor == "mysql" and lock and connection.in_atomic_block:
        sql += " FOR UPDATE"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchone()
    return Row(*found) if found else None


_KEY_COLUMN_OF = {}


def _has_key_column():
    """Has this MariaDB database the unique index's key column (the migration made it)?"""
    name = connection.settings_dict["NAME"]
    if name not in _KEY_COLUMN_OF:
        with connection.cursor() as cursor:
            columns = {c.name for c in connection.introspection.get_table_description(cursor, TABLE)}
        _KEY_COLUMN_OF[name] = MYSQL_KEY_COLUMN in columns
    return _KEY_COLUMN_OF[name]


def save_state(row, text):
    """Write a row's fields (JSON text)."""
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET state = %s WHERE id = %s", [text, row.id])
    row.state = text


def state_row(key, create=True):
    """The state row of `key` (a Row); made if missing and `create`, else None. Safe when requests
    race: the unique index lets one insert win, and the others get the winner's row. A learner's
    own rows are locked for the rest of the request's transaction (MariaDB)."""
    from workbench.models import XBlockState
    fields = identity(key)
    lock = fields["user_id"] is not None  # shared content rows are read by every learner: never locked
    row = find_row(fields, lock)
    if row is not None or not create:
        return row
    if connection.vendor == "mysql":
        if lock:  # a learner's row: made and committed apart, then locked in this transaction
            insert_committed(fields)
        else:  # content and settings rows: made where they are written (loading scenarios, Studio)
            with connection.cursor() as cursor:
                cursor.execute(INSERT_OR_NOTHING, insert_params(fields, connection))
        return find_row(fields, lock)
    try:
        with transaction.atomic():  # a savepoint inside the request's transaction
            made = XBlockState.objects.create(**fields)
            return Row(made.id, made.state)
    except IntegrityError:
        row = find_row(fields, lock)  # another request inserted it first (and has committed)
        if row is None:
            raise
        return row


def insert_committed(fields, attempts=5):
    """MariaDB: make the row in a statement of its own, on a connection of its own, committed at
    once, before the request's transaction locks it. Inside the request's transaction, racing
    inserts of one key lock each other's index gaps and InnoDB kills all but one as deadlocks
    (with the whole request); alone, the losing insert just finds the winner's row, and a rare
    deadlock of one statement is simply tried again."""
    from django.db import OperationalError
    side = connection.copy()
    try:
        for attempt in range(attempts):
            try:
                with side.cursor() as cursor:
                    cursor.execute(INSERT_OR_NOTHING, insert_params(fields, side))
                return
            except OperationalError as exc:
                if exc.args[:1] != (1213,) or attempt == attempts - 1:  # 1213: deadlock
                    raise
    finally:
        side.close()


INSERT_OR_NOTHING = (f"INSERT INTO {TABLE} (scope, scope_id, user_id, scenario, tag, created, state) "
                     f"VALUES (%s, %s, %s, %s, %s, %s, %s) ON DUPLICATE KEY UPDATE id = id")


def insert_params(fields, conn):
    return [fields["scope"], fields["scope_id"], fields["user_id"], fields["scenario"], fields["tag"],
            conn.ops.adapt_datetimefield_value(_now()), "{}"]


def _now():
    from django.utils import timezone
    return timezone.now()


# ---- the unique index and the merge of earlier duplicates (used by the migration) -------------

def merge_duplicates(cursor):
    """Fold each set of rows with the same (scope, scope_id, user_id) into its oldest row: the
    fields of every row, a later row's value winning for a field both hold. Returns the number
    of rows removed."""
    cursor.execute(f"SELECT scope, scope_id, user_id FROM {TABLE} GROUP BY scope, scope_id, user_id "
                   f"HAVING COUNT(*) > 1")
    removed = 0
    for scope, scope_id, user_id in cursor.fetchall():
        where = "scope = %s AND scope_id = %s AND " + ("user_id IS NULL" if user_id is None else "user_id = %s")
        params = [scope, scope_id] + ([] if user_id is None else [user_id])
        cursor.execute(f"SELECT id, state FROM {TABLE} WHERE {where} ORDER BY id", params)
        rows = cursor.fetchall()
        merged = {}
        for _, state in rows:
            try:
                merged.update(json.loads(state or "{}"))
            except ValueError:
                pass  # an unreadable row adds nothing
        cursor.execute(f"UPDATE {TABLE} SET state = %s WHERE id = %s",
                       [json.dumps(merged, indent=2, sort_keys=True), rows[0][0]])
        others = [row_id for row_id, _ in rows[1:]]
        cursor.execute(f"DELETE FROM {TABLE} WHERE id IN ({', '.join(['%s'] * len(others))})", others)
        removed += len(others)
    return removed


def index_statements(vendor):
    """(create, drop) SQL for the unique index on this database vendor."""
    if vendor == "mysql":  # MariaDB has no expression indexes: an indexed virtual column instead
        return ([f"ALTER TABLE {TABLE} ADD COLUMN {MYSQL_KEY_COLUMN} VARCHAR(255) AS (IFNULL(user_id, '')) VIRTUAL",
                 f"CREATE UNIQUE INDEX {INDEX} ON {TABLE} (scope, scope_id, {MYSQL_KEY_COLUMN})"],
                [f"DROP INDEX {INDEX} ON {TABLE}", f"ALTER TABLE {TABLE} DROP COLUMN {MYSQL_KEY_COLUMN}"])
    function = "IFNULL" if vendor == "sqlite" else "COALESCE"
    return ([f"CREATE UNIQUE INDEX {INDEX} ON {TABLE} (scope, scope_id, {function}(user_id, ''))"],
            [f"DROP INDEX {INDEX}"])


def has_index(conn=None):
    conn = conn or connection
    with conn.cursor() as cursor:
        return INDEX in conn.introspection.get_constraints(cursor, TABLE)


def add_unique_index(conn):
    """Merge duplicates, then create the index (once). Without the workbench's table (migrate
    run without --run-syncdb, which `make demo` always passes) there is nothing to do yet."""
    with conn.cursor() as cursor:
        if TABLE not in conn.introspection.table_names(cursor) or has_index(conn):
            return
        merge_duplicates(cursor)
        for statement in index_statements(conn.vendor)[0]:
            cursor.execute(statement)
    _KEY_COLUMN_OF.clear()


def drop_unique_index(conn):
    with conn.cursor() as cursor:
        if TABLE in conn.introspection.table_names(cursor) and has_index(conn):
            for statement in index_statements(conn.vendor)[1]:
                cursor.execute(statement)
    _KEY_COLUMN_OF.clear()
