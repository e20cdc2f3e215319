from houvast.cards.models import CardPick, CardSelection
from houvast.lib.testing import PASSWORD, BaseTestCase


class ChooseTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.selection = CardSelection.objects.create(
            owner=self.owner, team=self.team, label="J.", slugs=["vast-ritme", "ademruimte"]
        )
        self.url = f"/kaarten/selecties/{self.selection.pk}/kies/"
        self.login(self.owner)

    def test_it_shows_one_big_button_per_card(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Kies een kaartje")
        self.assertContains(response, 'class="cards-choose__button"', count=2)

    def test_a_tap_records_one_pick_and_shows_the_card(self):
        response = self.client.post(self.url, {"slug": "ademruimte"})
        pick = CardPick.objects.get()
        self.assertEqual((pick.selection, pick.slug), (self.selection, "ademruimte"))
        self.assertRedirects(response, f"{self.url}{pick.pk}/")
        response = self.client.get(f"{self.url}{pick.pk}/")
        self.assertContains(response, "Je koos: Even ademruimte")
        self.assertContains(response, "Op welk moment van de dag zou het passen?")

    def test_a_card_outside_the_selection_is_refused(self):
        response = self.client.post(self.url, {"slug": "mild-zijn"}, follow=True)
        self.assertContains(response, "Dit kaartje hoort niet bij deze selectie.")
        self.assertFalse(CardPick.objects.exists())

    def test_the_selection_page_counts_picks(self):
        self.client.post(self.url, {"slug": "ademruimte"})
        self.client.post(self.url, {"slug": "ademruimte"})
        self.client.post("/kaarten/terug/", {"password": PASSWORD})
        self.assertContains(self.client.get(f"/kaarten/selecties/{self.selection.pk}/"), "2 keer gekozen")

    def test_outsider_cannot_pick(self):
        self.login(self.outsider)
        self.assertEqual(self.client.post(self.url, {"slug": "ademruimte"}).status_code, 404)
        self.assertFalse(CardPick.objects.exists())

    def test_the_tablet_views_leave_out_the_site_menu(self):
        pick = CardPick.objects.create(selection=self.selection, slug="ademruimte")
        for url in (self.url, f"{self.url}{pick.pk}/"):
            response = self.client.get(url)
            self.assertContains(response, 'class="cards-tablet"')
            self.assertNotContains(response, 'href="/plannen/"')
            self.assertNotContains(response, 'href="/dashboard/"')
            self.assertContains(response, "Klaar (voor de behandelaar)")
            self.assertContains(response, 'href="/kaarten/terug/"')
