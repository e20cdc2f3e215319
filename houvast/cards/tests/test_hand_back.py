from django.core.cache import cache

from houvast.cards.models import CardSelection
from houvast.lib.testing import PASSWORD, BaseTestCase


class HandOverTests(BaseTestCase):
    """While a patient picks cards on the professional's device, the rest of Houvast is locked."""

    def setUp(self):
        super().setUp()
        cache.clear()
        self.selection = CardSelection.objects.create(
            owner=self.owner, team=self.team, label="J.", slugs=["vast-ritme", "ademruimte"]
        )
        self.choose_url = f"/kaarten/selecties/{self.selection.pk}/kies/"
        self.login(self.owner)
        self.client.get(self.choose_url)  # handing the device over

    def test_only_the_patients_card_pages_open_while_locked(self):
        response = self.client.post(self.choose_url, {"slug": "ademruimte"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get(response["Location"]).status_code, 200)
        other = CardSelection.objects.create(
            owner=self.owner, team=self.team, label="K.", slugs=["vast-ritme"]
        )
        for url in [
            "/dashboard/",
            "/plannen/",
            f"/kaarten/selecties/{self.selection.pk}/",
            f"/kaarten/selecties/{other.pk}/kies/",
            "/account/instellingen/",
        ]:
            with self.subTest(url=url):
                self.assertRedirects(self.client.get(url), "/kaarten/terug/", fetch_redirect_response=False)

    def test_the_hand_back_page_asks_for_the_password_and_keeps_the_lock_when_wrong(self):
        response = self.client.get("/kaarten/terug/")
        self.assertContains(response, "Geef het scherm terug aan je behandelaar")
        self.assertContains(response, 'autocomplete="current-password"')
        response = self.client.post("/kaarten/terug/", {"password": "raden"})
        self.assertContains(response, "Dit wachtwoord klopt niet.")
        self.assertContains(response, 'role="alert"')
        self.assertRedirects(self.client.get("/plannen/"), "/kaarten/terug/", fetch_redirect_response=False)

    def test_the_right_password_unlocks_and_returns_to_the_selection(self):
        response = self.client.post("/kaarten/terug/", {"password": PASSWORD}, follow=True)
        self.assertRedirects(response, f"/kaarten/selecties/{self.selection.pk}/")
        self.assertContains(response, "Het scherm is weer van jou.")
        self.assertEqual(self.client.get("/plannen/").status_code, 200)

    def test_too_many_wrong_passwords_log_the_professional_out(self):
        for _attempt in range(5):
            self.assertEqual(self.client.post("/kaarten/terug/", {"password": "raden"}).status_code, 200)
        response = self.client.post("/kaarten/terug/", {"password": "raden"}, follow=True)
        self.assertRedirects(response, "/account/inloggen/")
        self.assertContains(response, "Te vaak een verkeerd wachtwoord.")
        self.assertRedirects(
            self.client.get("/plannen/"), "/account/inloggen/?next=/plannen/", fetch_redirect_response=False
        )

    def test_without_a_hand_over_the_page_leads_to_the_selections(self):
        self.client.post("/kaarten/terug/", {"password": PASSWORD})
        self.assertRedirects(
            self.client.get("/kaarten/terug/"), "/kaarten/selecties/", fetch_redirect_response=False
        )

    def test_logging_out_stays_possible_and_ends_the_lock(self):
        self.client.post("/account/uitloggen/")
        self.login(self.owner)
        self.assertEqual(self.client.get("/plannen/").status_code, 200)
