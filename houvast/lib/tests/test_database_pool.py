from unittest import skipUnless

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import SimpleTestCase

from houvast.settings import _database_pool

POSTGRES = "django.db.backends.postgresql"


class PoolSettingTests(SimpleTestCase):
    def test_postgresql_gets_a_pool_of_the_configured_size(self):
        pool = _database_pool(POSTGRES, min_size=2, max_size=10, timeout=10)
        self.assertEqual(pool, {"min_size": 2, "max_size": 10, "timeout": 10})

    def test_sqlite_gets_no_pool(self):
        self.assertIsNone(_database_pool("django.db.backends.sqlite3", min_size=2, max_size=10, timeout=10))

    def test_a_max_size_of_zero_switches_the_pool_off(self):
        self.assertIsNone(_database_pool(POSTGRES, min_size=2, max_size=0, timeout=10))

    def test_a_min_size_above_the_max_size_is_refused(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "DATABASE_POOL_MIN_SIZE must lie between"):
            _database_pool(POSTGRES, min_size=5, max_size=4, timeout=10)


def backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


@skipUnless(connection.vendor == "postgresql", "the pool is for PostgreSQL")
class PooledConnectionTests(SimpleTestCase):
    databases = {"default"}

    def test_closing_a_connection_returns_it_to_the_pool_open(self):
        connection.close()
        first = backend_pid()
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [first])
            self.assertEqual(cursor.fetchone()[0], 1)

    def test_many_requests_share_the_pools_connections(self):
        pids = set()
        for _ in range(12):
            connection.close()
            pids.add(backend_pid())
        self.assertLessEqual(len(pids), connection.pool.max_size)
