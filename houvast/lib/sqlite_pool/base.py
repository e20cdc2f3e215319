"""SQLite with its open connections kept for reuse, the way the psycopg pool does for PostgreSQL.

Under ASGI every request runs its sync code in a thread of its own, so Django opens a SQLite connection
for each request and closes it at the end (a persistent connection would be left behind in a dead
thread). Opening one is not free: the file, the shared-memory index of the WAL and the schema are read
again, and the init commands run: 0.65-0.9 ms on the 2-core machine, about half of the whole bare view.
This backend keeps closed connections in a small per-process pool instead and hands them out again.

A connection goes back only in a clean state: a transaction left open is rolled back first; one that
cannot be rolled back is closed for real. Connections are never shared at the same time (a wrapper
holds one from connect to close) and never cross a fork (the pool is emptied in a forked child).
An in-memory database is not pooled (Django keeps that connection open anyway).
"""

import os
import threading

from django.db.backends.sqlite3 import base

# Enough for the threads of one busy process; more idle connections than this are closed.
MAX_IDLE_PER_DATABASE = 8

_lock = threading.Lock()
_idle = {}  # database file name -> [sqlite3.Connection]


def _forget_all():
    """In a forked child: the parent's connections are not ours to use (or to close)."""
    _idle.clear()


os.register_at_fork(after_in_child=_forget_all)


def idle_count(name):
    with _lock:
        return len(_idle.get(name, ()))


class DatabaseWrapper(base.DatabaseWrapper):
    def _pooled(self):
        return not self.is_in_memory_db()

    def get_new_connection(self, conn_params):
        if self._pooled():
            with _lock:
                idle = _idle.get(self.settings_dict["NAME"])
                if idle:
                    return idle.pop()
        return super().get_new_connection(conn_params)

    def _close(self):
        connection = self.connection
        if connection is None or not self._pooled():
            return super()._close()
        try:
            if connection.in_transaction:
                connection.rollback()
        except base.Database.Error:
            return super()._close()
        with _lock:
            idle = _idle.setdefault(self.settings_dict["NAME"], [])
            if len(idle) < MAX_IDLE_PER_DATABASE:
                idle.append(connection)
                return None
        return super()._close()
