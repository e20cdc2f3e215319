from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.lib.testing import BaseTestCase


class OrganisationSettingsTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/account/organisaties/{self.organisation.pk}/"

    def test_admin_sees_members_teams_and_two_factor_status(self):
        TOTPDevice.objects.create(user=self.member, name="app", confirmed=True)
        self.login(self.owner)
        response = self.client.get(self.url)
        self.assertContains(response, "<h1>GGZ Oost</h1>", html=True)
        self.assertContains(response, "FACT-team Noord")
        self.assertContains(response, "lid@example.org")
        members = {m["user"]: m for m in response.context["members"]}
        self.assertTrue(members[self.member]["two_factor"])
        self.assertFalse(members[self.owner]["two_factor"])
        self.assertTrue(members[self.owner]["is_admin"])

    def test_non_admin_member_gets_404(self):
        self.login(self.member)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, {"name": "Overgenomen"}).status_code, 404)
        self.organisation.refresh_from_db()
        self.assertEqual(self.organisation.name, "GGZ Oost")

    def test_outsider_gets_404(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(
            self.client.post(self.url, {"name": "Overgenomen", "require_two_factor": "on"}).status_code, 404
        )
        self.organisation.refresh_from_db()
        self.assertFalse(self.organisation.require_two_factor)

    def test_unknown_organisation_gets_404(self):
        self.login(self.owner)
        self.assertEqual(self.client.get("/account/organisaties/999999/").status_code, 404)

    def test_admin_renames_and_requires_two_factor(self):
        self.login(self.owner)
        response = self.client.post(self.url, {"name": "GGZ Oost-Nederland", "require_two_factor": "on"})
        self.assertRedirects(response, self.url, fetch_redirect_response=False)
        self.organisation.refresh_from_db()
        self.assertEqual(self.organisation.name, "GGZ Oost-Nederland")
        self.assertTrue(self.organisation.require_two_factor)

    def test_required_two_factor_sends_members_to_setup(self):
        self.organisation.require_two_factor = True
        self.organisation.save()
        self.login(self.member)
        response = self.client.get(f"/account/teams/{self.team.pk}/")
        self.assertRedirects(response, "/account/tweestaps/instellen/", fetch_redirect_response=False)

    def test_admin_must_set_up_two_factor_too_when_required(self):
        self.organisation.require_two_factor = True
        self.organisation.save()
        self.login(self.owner)
        response = self.client.get(self.url)
        self.assertRedirects(response, "/account/tweestaps/instellen/", fetch_redirect_response=False)

    def test_outsider_is_not_forced_by_another_organisation(self):
        self.organisation.require_two_factor = True
        self.organisation.save()
        self.login(self.outsider)
        self.assertEqual(self.client.get(f"/account/teams/{self.other_team.pk}/").status_code, 200)

    def test_empty_name_gets_a_clear_message(self):
        self.login(self.owner)
        response = self.client.post(self.url, {"name": "", "require_two_factor": "on"})
        self.assertContains(response, "Vul een naam in.")
        self.organisation.refresh_from_db()
        self.assertEqual(self.organisation.name, "GGZ Oost")
        self.assertFalse(self.organisation.require_two_factor)
