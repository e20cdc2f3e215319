from django.test import RequestFactory, SimpleTestCase

from houvast.lib.ratelimit import client_key, hit


class RateLimitTests(SimpleTestCase):
    def test_it_allows_up_to_the_limit_then_refuses(self):
        results = [hit("test", "k1", limit=3, window_seconds=60) for _ in range(5)]
        self.assertEqual(results, [True, True, True, False, False])

    def test_keys_are_counted_separately(self):
        for _ in range(3):
            hit("test", "a", limit=3, window_seconds=60)
        self.assertTrue(hit("test", "b", limit=3, window_seconds=60))

    def test_client_key_does_not_contain_the_address(self):
        request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")
        key = client_key(request)
        self.assertNotIn("203.0.113.9", key)
        self.assertEqual(key, client_key(RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")))
