from houvast.accounts.models import User
from houvast.cards.models import CardSelection
from houvast.lib.testing import BaseTestCase, make_user


class SelectionsTests(BaseTestCase):
    def test_anonymous_is_sent_to_login(self):
        response = self.client.get("/kaarten/selecties/")
        self.assertEqual(response.status_code, 302)

    def test_a_patient_account_gets_404(self):
        patient = make_user("patient@example.org", kind=User.Kind.PATIENT)
        self.login(patient)
        self.assertEqual(self.client.get("/kaarten/selecties/").status_code, 404)

    def test_a_professional_makes_a_selection(self):
        self.login(self.member)
        response = self.client.post(
            "/kaarten/selecties/",
            {"label": " A.B. ", "team": self.team.pk, "slugs": ["vast-ritme", "ademruimte"]},
        )
        selection = CardSelection.objects.get()
        self.assertRedirects(response, f"/kaarten/selecties/{selection.pk}/")
        self.assertEqual(selection.label, "A.B.")
        self.assertEqual(selection.owner, self.member)
        self.assertEqual(selection.slugs, ["vast-ritme", "ademruimte"])

    def test_nul_characters_are_taken_out_of_the_label(self):
        self.login(self.member)
        self.client.post(
            "/kaarten/selecties/", {"label": "A.\x00B.", "team": self.team.pk, "slugs": ["vast-ritme"]}
        )
        self.assertEqual(CardSelection.objects.get().label, "A.B.")

    def test_bad_input_keeps_what_was_typed(self):
        self.login(self.member)
        response = self.client.post("/kaarten/selecties/", {"label": "<b>J.</b>", "team": self.team.pk})
        self.assertContains(response, "Kies ten minste één kaartje.")
        self.assertContains(response, 'value="&lt;b&gt;J.&lt;/b&gt;"')
        self.assertFalse(CardSelection.objects.exists())

    def test_an_unknown_card_is_refused_kindly(self):
        self.login(self.member)
        response = self.client.post(
            "/kaarten/selecties/", {"label": "J.", "team": self.team.pk, "slugs": ["verzonnen"]}
        )
        self.assertContains(response, "Dit kaartje bestaat niet (meer).")

    def test_another_teams_id_is_refused(self):
        self.login(self.member)
        response = self.client.post(
            "/kaarten/selecties/", {"label": "J.", "team": self.other_team.pk, "slugs": ["vast-ritme"]}
        )
        self.assertContains(response, "Kies een van je eigen teams.")

    def test_a_card_link_preselects_the_card(self):
        self.login(self.member)
        response = self.client.get("/kaarten/selecties/", {"kaart": "vast-ritme"})
        self.assertContains(response, 'value="vast-ritme" checked')

    def test_the_list_shows_only_my_selections(self):
        CardSelection.objects.create(owner=self.member, team=self.team, label="Mijn", slugs=["vast-ritme"])
        CardSelection.objects.create(owner=self.owner, team=self.team, label="Andere", slugs=["vast-ritme"])
        self.login(self.member)
        response = self.client.get("/kaarten/selecties/")
        self.assertContains(response, "Mijn")
        self.assertNotContains(response, "Andere</a>")
