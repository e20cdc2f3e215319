"""A first submit is short for the database: the response and its answers in two INSERTs, nothing updated."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.surveys.models import Answer, Response

from .factories import full_post, make_round


class SubmitTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.round, _ = make_round()
        self.url = reverse("surveys:respond", args=[self.round.public_token])

    def writes(self, queries):
        return [q["sql"].split()[0] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]

    def test_a_first_submit_is_two_inserts(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.post(self.url, full_post("4", c2="Toelichting", closing="Meer oefenen"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.writes(queries), ["INSERT", "INSERT"])
        saved = Response.objects.get()
        self.assertTrue(saved.submitted_at)
        self.assertEqual(saved.closing_answer, "Meer oefenen")
        self.assertEqual(Answer.objects.filter(response=saved).count(), 10)
        self.assertEqual(Answer.objects.get(statement=2).comment, "Toelichting")

    def test_a_submit_after_a_draft_replaces_the_draft(self):
        self.client.post(self.url, {"s1": "2"})
        response = self.client.post(self.url, full_post("5"))
        self.assertEqual(response.status_code, 302)
        saved = Response.objects.get()
        self.assertEqual(saved.draft, {})
        self.assertEqual(set(saved.answers.values_list("value", flat=True)), {5})

    def test_a_paper_form_is_two_inserts_too(self):
        round_obj, token = make_round(network_name="Papier")
        url = reverse("surveys:paper_entry", args=[token])
        with CaptureQueriesContext(connection) as queries:
            self.client.post(url, full_post("3"))
        self.assertEqual(self.writes(queries), ["INSERT", "INSERT"])
        self.assertEqual(Response.objects.get(round=round_obj).source, Response.Source.PAPER)
