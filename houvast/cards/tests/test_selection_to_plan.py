from houvast.cards.models import CardPick, CardSelection
from houvast.lib.testing import BaseTestCase
from houvast.plans.models import AccessLog, Plan, PlanSection


class SelectionToPlanTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.selection = CardSelection.objects.create(
            owner=self.owner, team=self.team, label="J.", slugs=["vast-ritme", "ademruimte"]
        )
        self.plan = Plan.objects.create(team=self.team, owner=self.owner, patient_name="Jan Jansen")
        self.page = f"/kaarten/selecties/{self.selection.pk}/"
        self.url = f"{self.page}plan/"
        self.login(self.owner)

    def post(self, plan=None, slugs=("ademruimte",)):
        data = {"plan": str(plan.pk if plan else self.plan.pk), "slugs": list(slugs)}
        return self.client.post(self.url, data, follow=True)

    def test_the_selection_page_offers_my_plans_with_the_picked_cards_ticked(self):
        CardPick.objects.create(selection=self.selection, slug="ademruimte")
        response = self.client.get(self.page)
        self.assertContains(response, "Aan een plan toevoegen")
        self.assertContains(response, f'<option value="{self.plan.pk}">Jan Jansen</option>', html=True)
        self.assertContains(
            response,
            '<input type="checkbox" name="slugs" value="ademruimte" id="id_slugs_1" checked>',
            html=True,
        )
        self.assertContains(
            response, '<input type="checkbox" name="slugs" value="vast-ritme" id="id_slugs_0">', html=True
        )

    def test_the_cards_are_added_once_through_the_plan_with_a_version_and_a_log_line(self):
        PlanSection.objects.create(
            plan=self.plan, key="coping", data={"skills": "Ademen", "cards": ["mild-zijn"]}, version=3
        )
        response = self.post(slugs=["ademruimte", "vast-ritme"])
        self.assertContains(response, "2 kaartjes staan nu ook in het plan van Jan Jansen.")
        section = PlanSection.objects.get(plan=self.plan, key="coping")
        self.assertEqual(
            section.data, {"skills": "Ademen", "cards": ["mild-zijn", "ademruimte", "vast-ritme"]}
        )
        self.assertEqual((section.version, section.updated_by), (4, self.owner))
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.EDIT, actor=self.owner).exists())
        response = self.post(slugs=["ademruimte"])
        self.assertContains(response, "Deze kaartjes stonden al in het plan van Jan Jansen.")
        section.refresh_from_db()
        self.assertEqual(section.data["cards"], ["mild-zijn", "ademruimte", "vast-ritme"])
        self.assertEqual(section.version, 4)

    def test_a_plan_without_the_part_gets_it(self):
        self.post()
        self.assertEqual(
            PlanSection.objects.get(plan=self.plan, key="coping").data, {"cards": ["ademruimte"]}
        )

    def test_a_plan_i_cannot_open_gets_404(self):
        other = Plan.objects.create(team=self.other_team, owner=self.outsider, patient_name="Ander")
        self.assertEqual(self.post(plan=other).status_code, 404)
        self.assertFalse(PlanSection.objects.exists())
        self.assertNotContains(self.client.get(self.page), "Ander")

    def test_a_colleagues_plan_not_shared_with_me_gets_404(self):
        self.login(self.member)
        mine = CardSelection.objects.create(
            owner=self.member, team=self.team, label="K.", slugs=["ademruimte"]
        )
        response = self.client.post(
            f"/kaarten/selecties/{mine.pk}/plan/", {"plan": str(self.plan.pk), "slugs": ["ademruimte"]}
        )
        self.assertEqual(response.status_code, 404)
        self.plan.colleagues.add(self.member)
        response = self.client.post(
            f"/kaarten/selecties/{mine.pk}/plan/", {"plan": str(self.plan.pk), "slugs": ["ademruimte"]}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(PlanSection.objects.get().data["cards"], ["ademruimte"])

    def test_someone_elses_selection_gets_404(self):
        self.login(self.outsider)
        self.assertEqual(self.post().status_code, 404)

    def test_cards_outside_the_selection_or_no_plan_are_refused_kindly(self):
        response = self.post(slugs=["mild-zijn"])
        self.assertContains(response, "Kies kaartjes uit deze selectie.")
        response = self.post(slugs=[])
        self.assertContains(response, "Kies ten minste één kaartje om aan het plan toe te voegen.")
        response = self.client.post(self.url, {"plan": "", "slugs": ["ademruimte"]}, follow=True)
        self.assertContains(response, "Kies een plan.")
        self.assertFalse(PlanSection.objects.exists())

    def test_without_a_plan_it_says_so(self):
        self.plan.delete()
        self.assertContains(self.client.get(self.page), "Je hebt nog geen plan waarin je kunt schrijven.")
