"""The anonymity rule (docs/surveys.md, "Anonymity"): one test per attack of issue 11. Each attack is carried
out through the coordinator's own pages, downloads and mails; one respondent's answers must never show."""

import io
from datetime import timedelta

from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from houvast.lib.testing import BaseTestCase
from houvast.surveys.models import Answer, Round
from houvast.surveys.summary import build_summary

from .factories import add_responses, close_round, full_post, make_round

SECRET = "Alleen ik werk zo"


def pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def between(text, start, end):
    return text[text.find(start) : text.find(end)] if start in text else ""


class AnonymityTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()

    def answer_online(self, round_obj, value, comment=""):
        """One person on their own device; returns their browser."""
        browser = Client()
        data = full_post(str(value), c1=comment, closing=comment)
        response = browser.post(reverse("surveys:respond", args=[round_obj.public_token]), data)
        self.assertEqual(response.status_code, 302)
        return browser

    def post(self, token, name, data=None):
        return self.client.post(reverse(name, args=[token]), data or {})

    def get(self, token, name, *args):
        return self.client.get(reverse(name, args=[token, *args]))

    def results_seen(self, token):
        """What the coordinator can learn of the answers right now: the results on the summary page, the CSV
        and the presenter's charts and tables."""
        page = self.get(token, "surveys:summary").content.decode()
        csv = self.get(token, "surveys:csv")
        presenter = [
            between(
                self.get(token, "surveys:present", n).content.decode(),
                "presenter__meta",
                "presenter__questions",
            )
            for n in range(1, 11)
        ]
        return {
            "summary": between(page, 'id="standouts-title"', 'id="talk-title"'),
            "csv": csv.content if csv.status_code == 200 else None,
            "presenter": presenter,
        }

    def everything(self, token):
        """Every page, download and mail the coordinator can get, as one text."""
        texts = [self.get(token, name).content.decode() for name in ("surveys:manage", "surveys:summary")]
        texts.append(self.get(token, "surveys:count").content.decode())
        texts += [self.get(token, "surveys:present", n).content.decode() for n in range(1, 11)]
        csv = self.get(token, "surveys:csv")
        if csv.status_code == 200:
            texts.append(csv.content.decode("utf-8-sig"))
        pdf = self.get(token, "surveys:summary_pdf")
        if pdf.status_code == 200:
            texts.append(pdf_text(pdf.content))
        self.post(token, "surveys:send_now")
        for message in mail.outbox:
            texts += [message.body, message.alternatives[0][0]]
            texts += [pdf_text(content) for _name, content, _type in message.attachments]
        return " ".join(" ".join(texts).split())

    def test_paper_forms_and_one_person_online_show_nothing(self):
        """Attack (a): k−1 paper forms typed in by the coordinator, then one real person answers."""
        round_obj, token = make_round(min_responses=5)
        for _ in range(4):
            self.post(token, "surveys:paper_entry", full_post("3"))
        self.answer_online(round_obj, 1, SECRET)
        self.post(token, "surveys:close")
        self.assertEqual(self.get(token, "surveys:csv").status_code, 404)
        self.assertEqual(self.get(token, "surveys:summary_pdf").status_code, 404)
        seen = self.everything(token)
        self.assertNotIn(SECRET, seen)
        self.assertNotIn('role="img"', seen)
        self.assertIn("Er zijn nog 4 online reacties nodig", seen)

    def test_nothing_of_the_answers_shows_while_the_round_is_open(self):
        """Attack (b), live: read the results, wait for one more response, read them again."""
        round_obj, token = make_round(min_responses=3)
        add_responses(round_obj, [[4] * 10] * 3)
        before = self.results_seen(token)
        self.answer_online(round_obj, 1, SECRET)
        self.assertEqual(self.results_seen(token), before)
        self.assertEqual(before["csv"], None)
        self.assertEqual(before["summary"], "")
        self.assertNotIn(SECRET, self.everything(token))

    def test_one_more_response_after_a_download_changes_nothing(self):
        """Attack (b): download the CSV after closing, reopen, one more person answers, close, download."""
        round_obj, token = make_round(min_responses=3)
        for value in (2, 4, 5):
            self.answer_online(round_obj, value, f"toelichting {value}")
        self.post(token, "surveys:close")
        before = self.results_seen(token)
        self.assertIn(b"toelichting 4", before["csv"])
        self.post(token, "surveys:reopen")
        self.answer_online(round_obj, 1, SECRET)
        self.post(token, "surveys:close")
        self.assertEqual(self.results_seen(token), before)
        self.assertNotIn(SECRET, self.everything(token))

    def test_closing_and_reopening_again_and_again_shows_only_groups_of_k_new_people(self):
        round_obj, token = make_round(min_responses=3)
        for value in (2, 4, 5):
            self.answer_online(round_obj, value)
        self.post(token, "surveys:close")
        before = self.results_seen(token)
        for comment in (SECRET, "tweede nieuwe"):
            self.post(token, "surveys:reopen")
            self.answer_online(round_obj, 1, comment)
            self.post(token, "surveys:close")
            self.assertEqual(self.results_seen(token), before)
        self.post(token, "surveys:reopen")
        self.answer_online(round_obj, 1, "derde nieuwe")
        self.post(token, "surveys:close")
        after = self.results_seen(token)
        self.assertNotEqual(after, before)
        for comment in (SECRET, "tweede nieuwe", "derde nieuwe"):
            self.assertIn(comment.encode(), after["csv"])

    def test_a_released_answer_cannot_be_changed_after_reopening(self):
        """Changing one released response would make the next release differ by that one person."""
        round_obj, token = make_round(min_responses=3)
        browser = self.answer_online(round_obj, 4)
        self.answer_online(round_obj, 4)
        self.answer_online(round_obj, 4)
        self.post(token, "surveys:close")
        before = self.results_seen(token)
        self.post(token, "surveys:reopen")
        url = reverse("surveys:respond", args=[round_obj.public_token])
        self.assertContains(browser.get(url), "Je antwoorden tellen al mee")
        response = browser.post(url, full_post("1", c1=SECRET))
        self.assertContains(response, "Je antwoorden tellen al mee", status_code=409)
        self.assertFalse(Answer.objects.filter(value=1).exists())
        self.post(token, "surveys:close")
        self.assertEqual(self.results_seen(token), before)

    def test_moving_the_deadline_shows_only_groups_of_k_new_people(self):
        round_obj, token = make_round(min_responses=3)
        for value in (2, 4, 5):
            self.answer_online(round_obj, value)
        Round.objects.filter(pk=round_obj.pk).update(deadline=timezone.now() - timedelta(minutes=1))
        before = self.results_seen(token)
        self.assertIsNotNone(before["csv"])
        day = timezone.localdate() + timedelta(days=3)
        self.post(token, "surveys:extend", {"deadline": day.isoformat()})
        self.answer_online(round_obj, 1, SECRET)
        self.assertEqual(self.results_seen(token), before)
        Round.objects.filter(pk=round_obj.pk).update(deadline=timezone.now() - timedelta(minutes=1))
        self.assertEqual(self.results_seen(token), before)
        self.assertNotIn(SECRET, self.everything(token))

    def test_a_repeat_round_shows_nothing_of_a_previous_round_below_the_minimum(self):
        """Repeat rounds: the movement since the last round must not show a round of k−1 paper forms and one
        person."""
        first, first_token = make_round(min_responses=5)
        add_responses(first, [[3] * 10] * 4, source="paper")
        add_responses(first, [[1] * 10])
        close_round(first)
        self.post(first_token, "surveys:repeat")
        second = Round.objects.get(previous=first)
        add_responses(second, [[4] * 10] * 5)
        close_round(second)
        summary = build_summary(second)
        self.assertTrue(summary.enough)
        self.assertIsNone(summary.previous_count)
        self.assertEqual([r.movement for r in summary.results], [None] * 10)

    def test_a_repeat_round_compares_with_the_released_results_of_the_previous_round(self):
        """Repeat rounds: reopening the previous round for one person must not move the comparison."""
        first, first_token = make_round(min_responses=3)
        add_responses(first, [[3] * 10] * 3)
        close_round(first)
        self.post(first_token, "surveys:repeat")
        second = Round.objects.get(previous=first)
        add_responses(second, [[4] * 10] * 3)
        close_round(second)
        before = [r.movement for r in build_summary(second).results]
        self.post(first_token, "surveys:reopen")
        self.answer_online(first, 5, SECRET)
        self.post(first_token, "surveys:close")
        self.assertEqual([r.movement for r in build_summary(second).results], before)
        self.assertEqual(build_summary(second).previous_count, 3)

    def test_a_small_change_within_one_discipline_does_not_show_in_the_breakdown(self):
        """The median per discipline is another result: it too changes only by at least k new people."""
        round_obj, token = make_round(min_responses=3)
        add_responses(round_obj, [[4] * 10] * 3, discipline="psycholoog")
        add_responses(round_obj, [[2] * 10, [2] * 10, [4] * 10], discipline="verpleegkundige")
        close_round(round_obj)
        before = [g["median"] for g in build_summary(round_obj).results[0].by_discipline]
        self.assertEqual(before, [4, 2])
        self.post(token, "surveys:reopen")
        add_responses(round_obj, [[4] * 10] * 3, discipline="psycholoog")
        add_responses(round_obj, [[5] * 10], discipline="verpleegkundige")
        close_round(round_obj)
        summary = build_summary(round_obj)
        self.assertEqual(summary.response_count, 10)
        self.assertEqual([g["median"] for g in summary.results[0].by_discipline], before)
        page = self.get(token, "surveys:summary")
        self.assertContains(page, "uit een eerdere versie van de uitkomsten")
