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
