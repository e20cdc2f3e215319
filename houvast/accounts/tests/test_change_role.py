from houvast.accounts.models import Membership
from houvast.lib.testing import BaseTestCase


class ChangeRoleTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.owner_m = Membership.objects.get(team=self.team, user=self.owner)
        self.member_m = Membership.objects.get(team=self.team, user=self.member)

    def post(self, membership, role):
        url = f"/account/teams/{membership.team_id}/leden/{membership.pk}/rol/"
        return self.client.post(url, {f"m{membership.pk}-role": role}, follow=True)

    def test_admin_makes_a_member_admin(self):
        self.login(self.owner)
        response = self.post(self.member_m, "beheerder")
        self.assertContains(response, "Mo Lid is nu beheerder.")
        self.member_m.refresh_from_db()
        self.assertEqual(self.member_m.role, Membership.Role.ADMIN)

    def test_last_admin_cannot_be_demoted(self):
        self.login(self.owner)
        response = self.post(self.owner_m, "lid")
        self.assertContains(response, "Een team heeft altijd minstens één beheerder nodig.")
        self.owner_m.refresh_from_db()
        self.assertEqual(self.owner_m.role, Membership.Role.ADMIN)

    def test_an_admin_can_step_down_when_there_is_another(self):
        self.member_m.role = Membership.Role.ADMIN
        self.member_m.save()
        self.login(self.owner)
        self.post(self.owner_m, "lid")
        self.owner_m.refresh_from_db()
        self.assertEqual(self.owner_m.role, Membership.Role.MEMBER)
        self.assertEqual(self.client.post(f"/account/teams/{self.team.pk}/uitnodigen/").status_code, 404)

    def test_unknown_role_is_refused(self):
        self.login(self.owner)
        response = self.post(self.member_m, "baas")
        self.assertContains(response, "Kies een rol: beheerder of lid.")
        self.member_m.refresh_from_db()
        self.assertEqual(self.member_m.role, Membership.Role.MEMBER)

    def test_member_gets_404(self):
        self.login(self.member)
        response = self.post(self.member_m, "beheerder")
        self.assertEqual(response.status_code, 404)
        self.member_m.refresh_from_db()
        self.assertEqual(self.member_m.role, Membership.Role.MEMBER)

    def test_membership_of_another_team_gets_404(self):
        outsider_m = Membership.objects.get(team=self.other_team, user=self.outsider)
        self.login(self.owner)
        url = f"/account/teams/{self.team.pk}/leden/{outsider_m.pk}/rol/"
        response = self.client.post(url, {f"m{outsider_m.pk}-role": "lid"})
        self.assertEqual(response.status_code, 404)
        outsider_m.refresh_from_db()
        self.assertEqual(outsider_m.role, Membership.Role.ADMIN)
