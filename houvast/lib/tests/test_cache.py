import os
import unittest

import redis
from django.test import SimpleTestCase

from houvast.lib.cache import PrefixedRedisCache

REDIS_URL = os.environ.get("REDIS_URL", "")


@unittest.skipUnless(REDIS_URL, "needs REDIS_URL")
class PrefixedRedisCacheTests(SimpleTestCase):
    def test_clear_keeps_keys_of_another_prefix(self):
        mine = PrefixedRedisCache(REDIS_URL, {"KEY_PREFIX": "houvast-cache-test-mine"})
        theirs = PrefixedRedisCache(REDIS_URL, {"KEY_PREFIX": "houvast-cache-test-theirs"})
        outside = redis.Redis.from_url(REDIS_URL)
        self.addCleanup(outside.delete, "not-houvast")
        self.addCleanup(theirs.clear)
        mine.set("limit", 3)
        theirs.set("limit", 5)
        outside.set("not-houvast", "1")
        mine.clear()
        self.assertIsNone(mine.get("limit"))
        self.assertEqual(theirs.get("limit"), 5)
        self.assertEqual(outside.get("not-houvast"), b"1")

    def test_cache_objects_of_one_process_share_one_client(self):
        """Under ASGI Django makes a cache object per request; they must not each open a connection."""
        first = PrefixedRedisCache(REDIS_URL, {"KEY_PREFIX": "houvast-cache-test-mine"})
        second = PrefixedRedisCache(REDIS_URL, {"KEY_PREFIX": "houvast-cache-test-mine"})
        self.assertIsNot(first, second)
        self.assertIs(first._cache, second._cache)
        self.assertIs(first._cache.get_client(write=True), second._cache.get_client(write=True))
        other_options = PrefixedRedisCache(REDIS_URL, {"OPTIONS": {"socket_timeout": 5}})
        self.assertIsNot(other_options._cache, first._cache)

    def test_count_in_window_counts_from_one_in_a_window_that_does_not_slide(self):
        cache = PrefixedRedisCache(REDIS_URL, {"KEY_PREFIX": "houvast-cache-test-mine"})
        self.addCleanup(cache.clear)
        outside = redis.Redis.from_url(REDIS_URL)
        self.assertEqual([cache.count_in_window("tries", 60) for _ in range(3)], [1, 2, 3])
        key = cache.make_and_validate_key("tries")
        outside.expire(key, 30)  # as if 30 seconds went by
        self.assertEqual(cache.count_in_window("tries", 60), 4)
        self.assertLessEqual(outside.ttl(key), 30)
        self.assertEqual(cache.get("tries"), 4)
