from django.urls import reverse

from houvast.lib.testing import BaseTestCase

from .factories import add_responses, make_closed_round


class PresentTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.round, self.token = make_closed_round(min_responses=3)
        add_responses(self.round, [[4] * 10] * 3)

    def test_one_statement_with_chart_questions_and_links(self):
        response = self.client.get(reverse("surveys:present", args=[self.token, 2]))
        self.assertContains(response, "Stelling 2 van 10")
        self.assertContains(response, 'role="img"', count=1)
        self.assertContains(response, "Waarin verschillen jullie qua aanpak of overtuiging?")
        self.assertContains(response, reverse("surveys:present", args=[self.token, 1]))
        self.assertContains(response, reverse("surveys:present", args=[self.token, 3]))
        self.assertContains(response, 'data-key="ArrowRight"')

    def test_the_last_statement_leads_to_the_actions_of_step_3(self):
        response = self.client.get(reverse("surveys:present", args=[self.token, 10]))
        self.assertContains(response, reverse("surveys:manage", args=[self.token]) + "#acties")

    def test_an_unknown_statement_is_404(self):
        self.assertEqual(self.client.get(reverse("surveys:present", args=[self.token, 11])).status_code, 404)

    def test_below_the_minimum_no_chart(self):
        other, token = make_closed_round(min_responses=5)
        response = self.client.get(reverse("surveys:present", args=[token, 1]))
        self.assertNotContains(response, 'role="img"')
