from houvast.accounts.models import Membership, OrganisationMembership
from houvast.lib.testing import BaseTestCase


class LeaveTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/account/teams/{self.team.pk}/verlaten/"

    def test_member_leaves_and_loses_access(self):
        self.login(self.member)
        response = self.client.post(self.url, follow=True)
        self.assertRedirects(response, "/dashboard/")
        self.assertContains(response, "Je hebt het team FACT-team Noord verlaten.")
        self.assertFalse(Membership.objects.filter(team=self.team, user=self.member).exists())
        self.assertEqual(self.client.get(f"/account/teams/{self.team.pk}/").status_code, 404)
        self.assertEqual(self.client.post(self.url).status_code, 404)

    def test_leaving_the_last_team_also_leaves_the_organisation(self):
        self.login(self.member)
        self.client.post(self.url)
        self.assertFalse(OrganisationMembership.objects.filter(user=self.member).exists())
        response = self.client.get("/account/teams/nieuw/")  # no organisation left to make a team in
        self.assertRedirects(response, "/account/organisaties/nieuw/", fetch_redirect_response=False)

    def test_last_admin_cannot_leave(self):
        self.login(self.owner)
        response = self.client.post(self.url, follow=True)
        self.assertContains(response, "Je bent de enige beheerder van dit team.")
        self.assertTrue(Membership.objects.filter(team=self.team, user=self.owner).exists())

    def test_admin_can_leave_when_there_is_another_admin(self):
        Membership.objects.filter(team=self.team, user=self.member).update(role=Membership.Role.ADMIN)
        self.login(self.owner)
        self.client.post(self.url)
        self.assertFalse(Membership.objects.filter(team=self.team, user=self.owner).exists())

    def test_get_is_not_allowed(self):
        self.login(self.member)
        self.assertEqual(self.client.get(self.url).status_code, 405)
        self.assertTrue(Membership.objects.filter(team=self.team, user=self.member).exists())
