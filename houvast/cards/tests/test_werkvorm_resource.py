"""The Vaardigheden werkvorm page says truthfully where the deck comes from, in Dutch and English."""

from django.test import TestCase


class WerkvormResourceTests(TestCase):
    url = "/werkvormen/vaardigheden-versterken/"

    def test_it_points_to_our_own_deck_and_keeps_the_other_materials(self):
        response = self.client.get(self.url)
        self.assertContains(response, "door Houvast zelf geschreven")
        self.assertContains(response, "/kaarten/")
        self.assertNotContains(response, "zijn door Akwa GGZ ontwikkeld")
        self.assertContains(response, "Akwa GGZ ontwikkelde voor deze werkvorm ook gesprekskaarten")
        self.assertContains(response, "https://samenwijzerindeggz.nl/files/Terugvalpreventie/")
        self.assertContains(response, "https://kennisnet.vgct.nl/mnemonische-terugvalpreventiekaarten/")

    def test_the_english_text_says_the_same(self):
        self.client.cookies["django_language"] = "en"
        response = self.client.get(self.url)
        self.assertContains(response, "written by Houvast itself")
        self.assertContains(response, "Akwa GGZ also developed conversation cards")
        self.assertNotContains(response, "Akwa GGZ developed the conversation cards")
