"""The SQLite backend keeps closed connections for reuse (houvast/lib/sqlite_pool/base.py)."""

import os
import sqlite3
import tempfile
from pathlib import Path
from unittest import skipUnless

from django.db import connection
from django.test import TestCase

from houvast.lib.sqlite_pool.base import MAX_IDLE_PER_DATABASE, DatabaseWrapper, idle_count


@skipUnless(connection.vendor == "sqlite", "the pool is for SQLite")
class SqlitePoolTests(TestCase):
    """Each test uses a database file of its own beside the test database (its own wrappers, no lock)."""

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.settings_dict = {**connection.settings_dict, "NAME": str(Path(folder.name) / "pool.sqlite3")}
        self.name = self.settings_dict["NAME"]
        first = self.wrapper()
        with first.cursor() as cursor:
            cursor.execute("CREATE TABLE note (text TEXT)")
        first.close()

    def wrapper(self):
        wrapper = DatabaseWrapper(self.settings_dict, alias="pool_test")
        self.addCleanup(wrapper.close)
        return wrapper

    def raw(self, wrapper):
        wrapper.ensure_connection()
        return wrapper.connection

    def test_a_closed_connection_is_handed_out_again(self):
        first = self.wrapper()
        used = self.raw(first)
        first.close()
        self.assertEqual(idle_count(self.name), 1)
        second = self.wrapper()
        self.assertIs(self.raw(second), used)
        self.assertEqual(idle_count(self.name), 0)
        with second.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys")
            self.assertEqual(cursor.fetchone()[0], 1, "set up like a new connection")

    def test_two_wrappers_never_share_one_connection(self):
        first, second = self.wrapper(), self.wrapper()
        self.assertIsNot(self.raw(first), self.raw(second))

    def test_a_transaction_left_open_is_rolled_back_before_reuse(self):
        first = self.wrapper()
        first.set_autocommit(False)
        with first.cursor() as cursor:
            cursor.execute("INSERT INTO note VALUES ('not committed')")
        self.assertTrue(first.connection.in_transaction)
        first.close()
        second = self.wrapper()
        self.assertFalse(self.raw(second).in_transaction)
        with second.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM note")
            self.assertEqual(cursor.fetchone()[0], 0)

    def test_no_more_than_a_few_idle_connections_are_kept(self):
        wrappers = [self.wrapper() for _ in range(MAX_IDLE_PER_DATABASE + 3)]
        raws = [self.raw(wrapper) for wrapper in wrappers]
        for wrapper in wrappers:
            wrapper.close()
        self.assertEqual(idle_count(self.name), MAX_IDLE_PER_DATABASE)
        with self.assertRaises(sqlite3.ProgrammingError):
            raws[-1].execute("SELECT 1")  # closed for real

    def test_a_forked_child_does_not_use_the_parents_connections(self):
        first = self.wrapper()
        self.raw(first)
        first.close()
        self.assertEqual(idle_count(self.name), 1)
        child = os.fork()
        if child == 0:  # pragma: no cover (runs in the child)
            os._exit(0 if idle_count(self.name) == 0 else 1)
        _pid, status = os.waitpid(child, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)
