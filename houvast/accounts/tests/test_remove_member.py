from houvast.accounts.models import Membership, OrganisationMembership, Team
from houvast.lib.testing import BaseTestCase


class RemoveMemberTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.owner_m = Membership.objects.get(team=self.team, user=self.owner)
        self.member_m = Membership.objects.get(team=self.team, user=self.member)

    def url(self, membership, team=None):
        return f"/account/teams/{(team or self.team).pk}/leden/{membership.pk}/verwijderen/"

    def test_admin_removes_a_member_who_loses_access(self):
        self.login(self.owner)
        response = self.client.post(self.url(self.member_m), follow=True)
        self.assertContains(response, "Mo Lid zit niet meer in het team.")
        self.assertFalse(Membership.objects.filter(pk=self.member_m.pk).exists())
        self.login(self.member)
        self.assertEqual(self.client.get(f"/account/teams/{self.team.pk}/").status_code, 404)

    def test_someone_removed_from_their_last_team_leaves_the_organisation(self):
        self.login(self.owner)
        self.client.post(self.url(self.member_m))
        self.assertFalse(OrganisationMembership.objects.filter(user=self.member).exists())
        self.assertTrue(OrganisationMembership.objects.filter(user=self.owner, is_admin=True).exists())

    def test_someone_with_another_team_in_the_organisation_stays_in_it(self):
        second = Team.objects.create(organisation=self.organisation, name="Ambulant team")
        Membership.objects.create(team=second, user=self.member)
        self.login(self.owner)
        self.client.post(self.url(self.member_m))
        self.assertTrue(OrganisationMembership.objects.filter(user=self.member).exists())

    def test_last_admin_cannot_remove_themselves(self):
        self.login(self.owner)
        response = self.client.post(self.url(self.owner_m), follow=True)
        self.assertContains(response, "Een team heeft altijd minstens één beheerder nodig.")
        self.assertTrue(Membership.objects.filter(pk=self.owner_m.pk).exists())

    def test_admin_removing_themselves_goes_to_the_dashboard(self):
        self.member_m.role = Membership.Role.ADMIN
        self.member_m.save()
        self.login(self.owner)
        response = self.client.post(self.url(self.owner_m))
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)
        self.assertFalse(Membership.objects.filter(pk=self.owner_m.pk).exists())

    def test_member_gets_404(self):
        self.login(self.member)
        self.assertEqual(self.client.post(self.url(self.owner_m)).status_code, 404)
        self.assertTrue(Membership.objects.filter(pk=self.owner_m.pk).exists())

    def test_membership_of_another_team_gets_404(self):
        outsider_m = Membership.objects.get(team=self.other_team, user=self.outsider)
        self.login(self.owner)
        self.assertEqual(self.client.post(self.url(outsider_m)).status_code, 404)
        self.assertTrue(Membership.objects.filter(pk=outsider_m.pk).exists())

    def test_get_is_not_allowed(self):
        self.login(self.owner)
        self.assertEqual(self.client.get(self.url(self.member_m)).status_code, 405)
