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


class LeaveWithPlansTests(BaseTestCase):
    """Issue 11 item 10: nobody leaves plans behind that nobody can manage."""

    def setUp(self):
        super().setUp()
        from houvast.plans.models import Plan

        self.url = f"/account/teams/{self.team.pk}/verlaten/"
        self.plan = Plan.objects.create(team=self.team, owner=self.member, patient_name="Piet")

    def test_a_member_with_plans_cannot_leave_by_themselves(self):
        self.login(self.member)
        response = self.client.post(self.url, follow=True)
        self.assertContains(response, "Vraag een beheerder van het team om je uit het team te halen")
        self.assertTrue(Membership.objects.filter(team=self.team, user=self.member).exists())

    def test_an_admin_with_plans_chooses_who_takes_them_over(self):
        from houvast.plans.models import AccessLog

        Membership.objects.filter(team=self.team, user=self.member).update(role=Membership.Role.ADMIN)
        self.login(self.member)
        response = self.client.post(self.url)
        self.assertContains(response, "Mo Lid is de behandelaar van 1 plan in dit team.")
        owner_m = Membership.objects.get(team=self.team, user=self.owner)
        response = self.client.post(self.url, {"new_owner": owner_m.pk})
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)
        self.plan.refresh_from_db()
        self.assertEqual(self.plan.owner, self.owner)
        entry = self.plan.log.get(action=AccessLog.Action.TRANSFER)
        self.assertEqual((entry.actor, entry.actor_role), (self.member, "admin"))
