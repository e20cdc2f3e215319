import io

from pypdf import PdfReader

from houvast.cards.models import CardSelection
from houvast.lib.testing import BaseTestCase


class SelectionTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.selection = CardSelection.objects.create(
            owner=self.owner, team=self.team, label="J.", slugs=["vast-ritme", "ademruimte"]
        )
        self.url = f"/kaarten/selecties/{self.selection.pk}/"

    def test_the_owner_sees_the_selection(self):
        self.login(self.owner)
        response = self.client.get(self.url)
        self.assertContains(response, "Kaartjes voor J.")
        self.assertContains(response, "Een vast ritme")
        self.assertContains(response, "Laat de patiënt een kaartje kiezen")

    def test_outsider_gets_404(self):
        self.login(self.outsider)
        for suffix in ("", "wijzigen/", "pdf/", "kies/"):
            self.assertEqual(self.client.get(self.url + suffix).status_code, 404, suffix)
        self.assertEqual(self.client.post(self.url + "verwijderen/").status_code, 404)

    def test_a_team_member_who_does_not_own_it_gets_404(self):
        self.login(self.member)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_the_owner_who_left_the_team_gets_404(self):
        self.owner.memberships.all().delete()
        self.login(self.owner)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_the_owner_changes_the_selection(self):
        self.login(self.owner)
        response = self.client.post(
            self.url + "wijzigen/", {"label": "K.", "team": self.team.pk, "slugs": ["mild-zijn"]}
        )
        self.assertRedirects(response, self.url)
        self.selection.refresh_from_db()
        self.assertEqual((self.selection.label, self.selection.slugs), ("K.", ["mild-zijn"]))

    def test_the_edit_form_shows_the_current_cards(self):
        self.login(self.owner)
        response = self.client.get(self.url + "wijzigen/")
        self.assertContains(response, 'value="ademruimte" checked')

    def test_the_owner_deletes_the_selection(self):
        self.login(self.owner)
        self.assertRedirects(self.client.post(self.url + "verwijderen/"), "/kaarten/selecties/")
        self.assertFalse(CardSelection.objects.exists())

    def test_the_selection_prints_as_a_sheet(self):
        self.login(self.owner)
        response = self.client.get(self.url + "pdf/")
        texts = [p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages]
        self.assertEqual(len(texts), 2)
        self.assertIn("Even ademruimte", texts[0])
        self.assertNotIn("Je eerste signalen", texts[0])

    def test_a_removed_card_is_skipped(self):
        self.selection.slugs = ["vast-ritme", "verdwenen-kaartje"]
        self.selection.save()
        self.login(self.owner)
        self.assertContains(self.client.get(self.url), "Een vast ritme")
