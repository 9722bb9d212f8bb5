"""Django's SQLite backend, with the demo's write transactions taking turns in arrival order.

SQLite has one writer at a time. The demo begins every request's transaction with BEGIN
IMMEDIATE (settings), so a request that finds another writer waits in SQLite's busy handler,
which polls: it sleeps, tries again, sleeps longer (up to 100 ms at a time). Under a classroom's
load that is unfair: a request that has just arrived can take the lock while older ones sleep,
and a few wait for seconds (p99 8 s, and 20 s time-outs answered 409, with 50 learners saving at
once). Here the threads of one server process queue for the write lock in order instead (a FIFO
lock), and only the head of the queue asks SQLite for it; SQLite's own waiting remains for
other processes (a management command, a second server).

Django's own backend does everything else (ENGINE "lmd_demo.db" in settings.py)."""
import collections
import threading
import time

from django.db import OperationalError
from django.db.backends.sqlite3 import base


class WriteTurns:
    """A lock granted in the order it was asked for, with a time-out."""

    def __init__(self):
        self._mutex = threading.Lock()
        self._held = False
        self._waiting = collections.deque()

    def acquire(self, timeout):
        with self._mutex:
            if not self._held and not self._waiting:
                self._held = True
                return True
            turn = threading.Event()
            self._waiting.append(turn)
        if turn.wait(timeout):
            return True  # the previous holder handed the lock over
        with self._mutex:
            if turn in self._waiting:
                self._waiting.remove(turn)
                return False
        return True  # handed over just as the wait timed out

    def release(self):
        with self._mutex:
            if self._waiting:
                self._waiting.popleft().set()  # the lock passes on; it stays held
            else:
                self._held = False

    @property
    def queued(self):
        return len(self._waiting)


TURNS = WriteTurns()  # one per server process, shared by all its threads' connections


class DatabaseWrapper(base.DatabaseWrapper):
    holds_turn = False

    def _start_transaction_under_autocommit(self):
        if self.transaction_mode in ("IMMEDIATE", "EXCLUSIVE") and not self.holds_turn:
            timeout = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
            started = time.monotonic()
            if not TURNS.acquire(timeout):
                raise OperationalError(f"database is locked (waited {time.monotonic() - started:.1f} s for a turn)")
            self.holds_turn = True
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._end_turn()
            raise

    def _end_turn(self):
        if self.holds_turn:
            self.holds_turn = False
            TURNS.release()

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._end_turn()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._end_turn()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._end_turn()
