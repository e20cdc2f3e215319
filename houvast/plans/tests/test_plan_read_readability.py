"""The patient's view of a filled plan reads at B1 level: Flesch-Douma >= 65, sentences <= 15 words."""

import re

from django.urls import reverse

from houvast.lib.readability import flesch_douma, longest_sentences

from .patient_setup import SHARE_TOKEN, PatientPlanTestCase

MIN_SCORE = 65
MAX_WORDS = 15


def main_text(response):
    return re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)


class ReadabilityTests(PatientPlanTestCase):
    def assert_plain(self, html):
        score, _longest = flesch_douma(html)
        self.assertGreaterEqual(score, MIN_SCORE)
        self.assertEqual(longest_sentences(html, MAX_WORDS), [])

    def test_the_patients_view_of_a_filled_plan_reads_at_b1_level(self):
        self.login(self.patient)
        self.assert_plain(main_text(self.client.get(reverse("plans:read", args=[self.plan.pk]))))

    def test_the_naastes_view_reads_at_b1_level(self):
        self.as_naaste()
        self.assert_plain(main_text(self.client.get(reverse("plans:shared", args=[SHARE_TOKEN]))))
