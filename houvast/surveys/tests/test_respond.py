from datetime import timedelta
from unittest import mock

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from houvast.lib.testing import BaseTestCase
from houvast.surveys import views
from houvast.surveys.content import statement_set
from houvast.surveys.models import Answer, Response, Round

from .factories import full_post, make_round


class RespondTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.round, _ = make_round()
        self.url = reverse("surveys:respond", args=[self.round.public_token])

    def test_new_responses_without_cookies_are_limited_per_address_and_answers_kept(self):
        with mock.patch.object(views, "NEW_RESPONSES_PER_HOUR", 3):
            for _ in range(3):
                self.client.cookies.clear()
                self.assertEqual(self.client.post(self.url, full_post("4")).status_code, 302)
            self.client.cookies.clear()
            response = self.client.post(self.url, full_post("4", c1="Mijn vierde reactie"))
        self.assertContains(response, "probeer het over een uur opnieuw", status_code=429)
        self.assertContains(response, "Mijn vierde reactie", status_code=429)
        self.assertEqual(Response.objects.filter(submitted_at__isnull=False).count(), 3)

    def test_changing_your_own_answers_is_not_limited(self):
        with mock.patch.object(views, "NEW_RESPONSES_PER_HOUR", 1):
            self.client.post(self.url, full_post("4"))
            response = self.client.post(self.url, full_post("2"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(set(Answer.objects.values_list("value", flat=True)), {2})

    def test_it_shows_the_ten_statements_as_fieldsets(self):
        response = self.client.get(self.url)
        content = response.content.decode()
        self.assertEqual(content.count("<fieldset"), 11)
        for statement in statement_set().statements:
            self.assertIn(statement.text.nl, content)
        self.assertContains(response, "Helemaal oneens")
        self.assertContains(response, "Weet ik niet / niet van toepassing")
        self.assertContains(response, "Wat zou je willen veranderen of uitproberen?")

    def test_the_statements_match_the_seed(self):
        first = statement_set().get(1).text.nl
        self.assertEqual(
            first, "Ik ondersteun mijn cliënt om terugval te normaliseren als onderdeel van het herstel."
        )
        self.assertEqual(statement_set().get(8).text.nl, "Ik betrek naasten bij terugvalpreventie.")

    def test_it_saves_a_response(self):
        response = self.client.post(self.url, full_post("5", c3="Goed punt", closing="Meer intervisie"))
        self.assertRedirects(response, reverse("surveys:thanks", args=[self.round.public_token]))
        saved = Response.objects.get()
        self.assertIsNotNone(saved.submitted_at)
        self.assertEqual(saved.closing_answer, "Meer intervisie")
        self.assertEqual(Answer.objects.filter(response=saved).count(), 10)
        self.assertEqual(Answer.objects.get(statement=3).comment, "Goed punt")

    def test_submitting_twice_counts_once_and_changes_the_answers(self):
        self.client.post(self.url, full_post("5"))
        self.client.post(self.url, full_post("2"))
        self.assertEqual(Response.objects.count(), 1)
        self.assertEqual(set(Answer.objects.values_list("value", flat=True)), {2})

    def test_after_submitting_the_form_shows_the_own_answers(self):
        self.client.post(self.url, full_post("5", c1="Mijn toelichting"))
        response = self.client.get(self.url)
        self.assertContains(response, "Je hebt de stellingen al ingevuld")
        self.assertContains(response, "Mijn toelichting")

    def test_another_device_is_another_response(self):
        self.client.post(self.url, full_post("5"))
        self.client.cookies.clear()
        self.client.post(self.url, full_post("3"))
        self.assertEqual(Response.objects.filter(submitted_at__isnull=False).count(), 2)

    def test_dont_know_is_stored_as_0(self):
        self.client.post(self.url, full_post("0"))
        self.assertEqual(set(Answer.objects.values_list("value", flat=True)), {0})

    def test_a_missing_answer_gets_a_message_and_keeps_what_was_typed(self):
        data = full_post("4", c2="Dit wil ik niet kwijt")
        del data["s7"]
        response = self.client.post(self.url, data)
        self.assertContains(response, "Kies een antwoord bij deze stelling", status_code=400)
        self.assertContains(response, "Dit wil ik niet kwijt", status_code=400)
        self.assertContains(response, 'href="#stelling-7"', status_code=400)
        self.assertFalse(Answer.objects.exists())

    def test_an_invalid_value_gets_a_message(self):
        response = self.client.post(self.url, full_post("4", s3="9"))
        self.assertContains(response, "Kies een van de zes antwoorden", status_code=400)

    def test_a_comment_of_10000_characters_gets_a_message_and_is_kept(self):
        long_text = "a" * 10_000
        response = self.client.post(self.url, full_post("4", c1=long_text))
        self.assertContains(response, "het maximum is 2000", status_code=400)
        self.assertContains(response, long_text, status_code=400)
        self.assertEqual(Response.objects.get().draft["c1"], long_text)
        self.assertContains(response, 'aria-describedby="id_c1_error"', status_code=400)
        self.assertContains(response, 'id="id_c1_error"', status_code=400)

    def test_html_in_a_comment_is_escaped(self):
        self.client.post(self.url, full_post("4", c1="<script>alert(1)</script>"))
        response = self.client.get(self.url)
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_no_ip_address_or_user_agent_is_stored(self):
        self.client.post(
            self.url, full_post("4"), REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Bijzondere-Browser"
        )
        for row in Response.objects.values():
            self.assertNotIn("203.0.113.9", str(row))
            self.assertNotIn("Bijzondere-Browser", str(row))

    def test_after_the_deadline_it_says_kindly_who_to_contact(self):
        Round.objects.filter(pk=self.round.pk).update(deadline=timezone.now() - timedelta(minutes=1))
        response = self.client.get(self.url)
        self.assertContains(response, "Deze ronde is gesloten")
        self.assertContains(response, "Carla Coördinator")
        self.assertContains(response, 'href="mailto:carla@example.org"')
        response = self.client.post(self.url, full_post("4"))
        self.assertContains(response, "Deze ronde is gesloten")
        self.assertFalse(Answer.objects.exists())

    def test_a_closed_round_says_it_is_closed(self):
        Round.objects.filter(pk=self.round.pk).update(status=Round.Status.CLOSED)
        self.assertContains(self.client.get(self.url), "Deze ronde is gesloten")

    def test_an_unknown_link_gets_404(self):
        self.assertEqual(self.client.get(reverse("surveys:respond", args=["onbekend"])).status_code, 404)

    def test_a_pending_round_gets_404(self):
        pending, _ = make_round(status=Round.Status.PENDING, activated_at=None)
        response = self.client.get(reverse("surveys:respond", args=[pending.public_token]))
        self.assertEqual(response.status_code, 404)

    def test_english_interface(self):
        response = self.client.get(self.url, HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(response, "I involve significant others in relapse prevention.")
