"""A submit is short for the database: one read (the round with this device's response) and the writes; a
first one is the response and its answers in two INSERTs (one statement on PostgreSQL), nothing updated."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.surveys.forms import ResponseForm
from houvast.surveys.models import Answer, Response
from houvast.surveys.submit import create_response

from .factories import full_post, make_round

DEVICE = "houvast_apparaat"


def first_submit_writes():
    """Two INSERTs in one transaction; on PostgreSQL one statement that makes both (WITH … INSERT)."""
    return ["WITH"] if connection.vendor == "postgresql" else ["INSERT", "INSERT"]


class SubmitTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.round, _ = make_round()
        self.url = reverse("surveys:respond", args=[self.round.public_token])

    def statements(self, queries):
        """The first word of each SQL statement, savepoints left out (tests run inside a transaction)."""
        kinds = [query["sql"].split()[0] for query in queries]
        return [kind for kind in kinds if kind not in ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT")]

    def test_a_first_submit_is_one_select_and_two_inserts(self):
        self.client.cookies[DEVICE] = "a" * 32  # the answer page set it: the round is read with its response
        with CaptureQueriesContext(connection) as queries:
            response = self.client.post(
                self.url, full_post("4", c2=" Toelichting ", closing=" Meer oefenen ")
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.statements(queries), ["SELECT", *first_submit_writes()])

    def test_a_first_submit_stores_what_the_orm_would(self):
        self.client.post(
            self.url, full_post("4", c2=" Toelichting ", closing=" Meer oefenen ", discipline="poh-ggz")
        )
        saved = Response.objects.get()
        self.assertEqual(saved.round, self.round)
        self.assertEqual(saved.source, Response.Source.ONLINE)
        self.assertEqual(saved.closing_answer, "Meer oefenen")
        self.assertEqual(saved.discipline, "poh-ggz")
        self.assertEqual(saved.draft, {})
        self.assertIsNone(saved.released_in)
        self.assertTrue(saved.created and saved.updated and saved.submitted_at)
        self.assertEqual(len(saved.device_hash), 64)
        answers = Answer.objects.filter(response=saved).order_by("statement")
        self.assertEqual([a.statement for a in answers], list(range(1, 11)))
        self.assertEqual(
            {(a.value, a.round_id, a.discipline, a.released_in) for a in answers},
            {(4, self.round.pk, "poh-ggz", None)},
        )
        self.assertEqual(Answer.objects.get(statement=2).comment, "Toelichting")

    def test_a_submit_after_a_draft_replaces_the_draft_without_a_delete(self):
        self.client.post(self.url, {"s1": "2"})
        with CaptureQueriesContext(connection) as queries:
            response = self.client.post(self.url, full_post("5", closing="Later"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.statements(queries), ["SELECT", "SELECT", "INSERT", "UPDATE"])
        saved = Response.objects.get()
        self.assertEqual(saved.draft, {})
        self.assertEqual(saved.closing_answer, "Later")
        self.assertTrue(saved.submitted_at)
        self.assertEqual(set(saved.answers.values_list("value", flat=True)), {5})

    def test_changing_sent_answers_replaces_them(self):
        self.client.post(self.url, full_post("2", c1="Eerst"))
        with CaptureQueriesContext(connection) as queries:
            self.client.post(self.url, full_post("3", discipline="psycholoog"))
        self.assertIn("DELETE", self.statements(queries))
        saved = Response.objects.get()
        self.assertEqual(saved.answers.count(), 10)
        self.assertEqual(
            set(saved.answers.values_list("value", "comment", "discipline")), {(3, "", "psycholoog")}
        )
        self.assertEqual(saved.discipline, "psycholoog")

    def test_a_second_first_submit_from_one_device_stores_nothing_and_leaves_the_transaction_usable(self):
        form = ResponseForm(full_post("4"))
        self.assertTrue(form.is_valid())
        self.assertTrue(create_response(self.round, "d" * 64, form))
        self.assertFalse(
            create_response(self.round, "d" * 64, form)
        )  # a double click; tests run in a transaction
        self.assertEqual(Answer.objects.filter(round=self.round).count(), 10)

    def test_a_paper_form_is_two_inserts_too(self):
        round_obj, token = make_round(network_name="Papier")
        url = reverse("surveys:paper_entry", args=[token])
        with CaptureQueriesContext(connection) as queries:
            self.client.post(url, full_post("3"))
        self.assertEqual(
            [kind for kind in self.statements(queries) if kind != "SELECT"], first_submit_writes()
        )
        self.assertEqual(Response.objects.get(round=round_obj).source, Response.Source.PAPER)
