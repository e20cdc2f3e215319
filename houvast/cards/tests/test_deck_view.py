from django.test import TestCase


class DeckViewTests(TestCase):
    def test_it_lists_all_cards_grouped_by_theme(self):
        response = self.client.get("/kaarten/")
        self.assertContains(response, "Gesprekskaartjes bij terugvalpreventie")
        self.assertContains(response, "Signalen herkennen")
        self.assertContains(response, "Je eerste signalen")
        self.assertContains(response, "kennisnet.vgct.nl/mnemonische-terugvalpreventiekaarten/")

    def test_it_filters_by_theme(self):
        response = self.client.get("/kaarten/", {"thema": "ritme"})
        self.assertContains(response, "Een vast ritme")
        self.assertNotContains(response, "Je eerste signalen")

    def test_it_searches_server_side(self):
        response = self.client.get("/kaarten/", {"q": "slapen"})
        self.assertContains(response, "Slaap als graadmeter")
        self.assertNotContains(response, "Om hulp vragen</a>")

    def test_no_results_gives_a_kind_message(self):
        response = self.client.get("/kaarten/", {"q": "<script>xyz</script>"})
        self.assertContains(response, "Geen kaartjes gevonden")
        self.assertNotContains(response, "<script>xyz")

    def test_an_unknown_theme_shows_everything(self):
        response = self.client.get("/kaarten/", {"thema": "bestaat-niet"})
        self.assertContains(response, "Je eerste signalen")

    def test_it_speaks_english(self):
        self.client.cookies["django_language"] = "en"
        response = self.client.get("/kaarten/", headers={"accept-language": "en"})
        self.assertContains(response, "Conversation cards for relapse prevention")
        self.assertContains(response, "Your first signs")
