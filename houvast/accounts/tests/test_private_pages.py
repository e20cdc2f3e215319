from houvast.lib.testing import BaseTestCase


class PrivatePagesNotStoredTests(BaseTestCase):
    def test_pages_for_a_signed_in_person_are_not_stored(self):
        self.login(self.member)
        for url in ["/dashboard/", "/plannen/", "/kaarten/selecties/", "/werkvormen/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Cache-Control"], "private, no-store")
                self.assertContains(response, "data-signed-in")

    def test_public_pages_may_be_stored(self):
        response = self.client.get("/werkvormen/")
        self.assertFalse(response.has_header("Cache-Control"))
        self.assertNotContains(response, "data-signed-in")

    def test_a_view_with_its_own_cache_rule_keeps_it(self):
        self.login(self.member)
        response = self.client.get("/account/tweestaps/instellen/")
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertNotEqual(response["Cache-Control"], "private, no-store")
