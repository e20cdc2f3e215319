from django.urls import reverse

from houvast.accounts.models import Membership
from houvast.lib.testing import make_user

from ..models import AccessLog
from .helpers import PlanTestCase


class ColleaguesTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:colleagues", args=[self.plan.pk])
        self.login(self.owner)

    def test_only_team_colleagues_are_offered(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Mo Lid")
        self.assertNotContains(response, "Bas Buiten")
        self.assertNotContains(response, f'value="{self.owner.pk}"')

    def test_giving_access_lets_the_colleague_open_the_plan(self):
        builder = reverse("plans:builder", args=[self.plan.pk])
        self.client.post(self.url, {"colleagues": [self.member.pk]})
        self.assertTrue(self.plan.colleagues.filter(pk=self.member.pk).exists())
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.SETTINGS).exists())
        self.login(self.member)
        self.assertEqual(self.client.get(builder).status_code, 200)

    def test_taking_access_away(self):
        self.plan.colleagues.add(self.member)
        self.client.post(self.url, {})
        self.assertFalse(self.plan.colleagues.exists())

    def test_someone_outside_the_team_cannot_be_added(self):
        response = self.client.post(self.url, {"colleagues": [self.outsider.pk]})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.plan.colleagues.exists())

    def test_a_patient_in_the_team_is_not_offered(self):
        other_patient = make_user("p2@example.org", "Paula", kind="patient")
        Membership.objects.create(team=self.team, user=other_patient)
        self.assertNotContains(self.client.get(self.url), "Paula")
