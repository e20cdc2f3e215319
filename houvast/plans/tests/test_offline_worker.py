from django.test import SimpleTestCase
from django.urls import reverse


class OfflineWorkerTests(SimpleTestCase):
    def test_it_is_javascript_that_is_always_checked_for_updates(self):
        response = self.client.get(reverse("plans:offline_worker"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(reverse("plans:offline_worker"), "/plannen/offline.js")
        self.assertTrue(response["Content-Type"].startswith("text/javascript"))
        self.assertEqual(response["Cache-Control"], "no-cache")
