from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from houvast.lib.testing import BaseTestCase
from houvast.surveys.models import Response, Round

from .factories import make_round


class SaveDraftTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.round, _ = make_round()
        self.url = reverse("surveys:save_draft", args=[self.round.public_token])
        self.form_url = reverse("surveys:respond", args=[self.round.public_token])

    def test_a_draft_survives_a_reload(self):
        self.client.get(self.form_url)
        response = self.client.post(self.url, {"s1": "2", "c1": "Half af", "onbekend": "x"})
        self.assertEqual(response.status_code, 204)
        draft = Response.objects.get()
        self.assertEqual(draft.draft, {"s1": "2", "c1": "Half af"})
        self.assertIsNone(draft.submitted_at)
        page = self.client.get(self.form_url)
        self.assertContains(page, "Half af")

    def test_nul_characters_are_left_out_of_a_draft(self):
        self.client.get(self.form_url)
        self.client.post(self.url, {"c1": "Half\x00 af", "c2": "\x00"})
        self.assertEqual(Response.objects.get().draft, {"c1": "Half af"})

    def test_a_draft_does_not_count_as_a_response(self):
        self.client.post(self.url, {"s1": "2"})
        self.assertEqual(self.round.response_count(), 0)

    def test_an_empty_draft_stores_nothing(self):
        self.client.post(self.url, {})
        self.assertFalse(Response.objects.exists())

    def test_after_the_deadline_drafts_are_refused(self):
        Round.objects.filter(pk=self.round.pk).update(deadline=timezone.now() - timedelta(seconds=1))
        self.assertEqual(self.client.post(self.url, {"s1": "2"}).status_code, 410)
