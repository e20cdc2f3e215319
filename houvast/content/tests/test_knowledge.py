from django.test import TestCase
from django.urls import reverse

from houvast.content.knowledge import ELEMENT_KEYS, knowledge


class KnowledgePageTest(TestCase):
    url = reverse("content:knowledge")

    def test_it_shows_the_seven_elements_with_stable_anchors(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        for key in ELEMENT_KEYS:
            self.assertContains(response, f'id="{key}"')
            self.assertContains(response, f'href="#{key}"')
        for item in knowledge().elements:
            self.assertContains(response, item.name.nl)

    def test_it_covers_why_tips_approach_challenges_and_quotes(self):
        response = self.client.get(self.url)
        for text in (
            "Waarom is terugvalpreventie belangrijk?",
            "herstel is zelden een rechte lijn",
            "Introduceer terugvalpreventie tijdig en zorgvuldig",
            "Werk met herkenbare fasen",
            "Verbind terugvalpreventie expliciet aan je behandelvisie",
            "Verbind het plan aan wat iemand wil behouden",
            "Maak signalen en acties concreet en herkenbaar",
            "Continuïteit na afronding",
            "Het gaat niet om loslaten",
            "Wat je leert in de behandeling, helpt je ook daarna verder.",
        ):
            self.assertContains(response, text)

    def test_it_speaks_english(self):
        response = self.client.get(self.url, headers={"accept-language": "en"})
        self.assertContains(response, "Why does relapse prevention matter?")
        self.assertContains(response, "A shared understanding of relapse")
        self.assertContains(response, "On this page")
