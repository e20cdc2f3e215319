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


class RemoveMemberWithPlansTests(BaseTestCase):
    """Issue 11 item 10: removing a clinician must not leave plans that nobody can manage."""

    def setUp(self):
        super().setUp()
        from houvast.lib.testing import make_user
        from houvast.plans.models import Plan

        self.colleague = make_user("collega@example.org", "Cas Collega")
        self.colleague_m = Membership.objects.create(team=self.team, user=self.colleague)
        self.member_m = Membership.objects.get(team=self.team, user=self.member)
        self.plans = [
            Plan.objects.create(team=self.team, owner=self.member, patient_name=name)
            for name in ("Piet", "Anna")
        ]
        self.url = f"/account/teams/{self.team.pk}/leden/{self.member_m.pk}/verwijderen/"
        self.login(self.owner)

    def test_the_admin_is_asked_who_takes_the_plans_over(self):
        response = self.client.post(self.url)
        self.assertContains(response, "Mo Lid is de behandelaar van 2 plannen in dit team.")
        self.assertContains(response, "Cas Collega")
        self.assertNotContains(response, "Piet")  # the admin sees how many, not whose
        self.assertTrue(Membership.objects.filter(pk=self.member_m.pk).exists())
        self.assertEqual({p.owner_id for p in self._plans()}, {self.member.pk})

    def test_the_chosen_colleague_gets_the_plans_and_each_log_says_so(self):
        from houvast.plans.models import AccessLog

        self.plans[0].colleagues.add(self.colleague)
        response = self.client.post(self.url, {"new_owner": self.colleague_m.pk})
        self.assertRedirects(response, f"/account/teams/{self.team.pk}/")
        self.assertFalse(Membership.objects.filter(pk=self.member_m.pk).exists())
        for plan in self._plans():
            self.assertEqual(plan.owner, self.colleague)
            self.assertFalse(plan.colleagues.filter(pk=self.colleague.pk).exists())
            entry = plan.log.get(action=AccessLog.Action.TRANSFER)
            self.assertEqual((entry.actor, entry.actor_role), (self.owner, "admin"))
            self.assertEqual(entry.detail, "Mo Lid → Cas Collega")
        self.login(self.colleague)
        delete_url = f"/plannen/{self.plans[0].pk}/verwijderen/"
        self.assertEqual(self.client.get(delete_url).status_code, 200)

    def test_the_leaving_member_cannot_be_chosen(self):
        response = self.client.post(self.url, {"new_owner": self.member_m.pk})
        self.assertContains(response, "Kies iemand anders", status_code=400)
        self.assertTrue(Membership.objects.filter(pk=self.member_m.pk).exists())

    def test_someone_from_another_team_cannot_be_chosen(self):
        other_m = Membership.objects.get(team=self.other_team, user=self.outsider)
        response = self.client.post(self.url, {"new_owner": other_m.pk})
        self.assertEqual(response.status_code, 400)
        self.assertEqual({p.owner_id for p in self._plans()}, {self.member.pk})

    def test_without_anyone_to_take_over_the_removal_is_refused(self):
        self.colleague_m.delete()
        from houvast.plans.models import Plan

        Plan.objects.update(owner=self.member)
        self.owner.kind = "patient"  # nobody but the member is a professional in the team
        self.owner.save()
        response = self.client.post(self.url, {"new_owner": self.owner_m_pk()}, follow=True)
        self.assertContains(response, "er is niemand anders in het team die ze kan overnemen")
        self.assertTrue(Membership.objects.filter(pk=self.member_m.pk).exists())

    def owner_m_pk(self):
        return Membership.objects.get(team=self.team, user=self.owner).pk

    def _plans(self):
        from houvast.plans.models import Plan

        return Plan.objects.filter(pk__in=[p.pk for p in self.plans])
