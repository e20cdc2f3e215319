from houvast.accounts.models import Membership, Organisation, OrganisationMembership, Team
from houvast.lib.testing import BaseTestCase, make_user

URL = "/account/teams/nieuw/"


class TeamCreateTests(BaseTestCase):
    def test_anonymous_is_sent_to_login(self):
        response = self.client.get(URL)
        self.assertRedirects(response, f"/account/inloggen/?next={URL}", fetch_redirect_response=False)

    def test_a_patient_account_cannot_create_teams(self):
        self.login(make_user("patient@example.org", kind="patient"))
        self.assertEqual(self.client.get(URL).status_code, 404)
        response = self.client.post(URL, {"name": "Eigen team", "organisation": self.organisation.pk})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Team.objects.filter(name="Eigen team").exists())

    def test_user_without_organisation_is_sent_to_create_one(self):
        self.login(make_user("nieuw@example.org"))
        response = self.client.get(URL)
        self.assertRedirects(response, "/account/organisaties/nieuw/", fetch_redirect_response=False)

    def test_member_creates_a_team_and_becomes_its_admin(self):
        self.login(self.member)
        response = self.client.post(URL, {"name": "Netwerk Zuid", "organisation": self.organisation.pk})
        team = Team.objects.get(name="Netwerk Zuid")
        self.assertRedirects(response, f"/account/teams/{team.pk}/", fetch_redirect_response=False)
        self.assertEqual(team.organisation, self.organisation)
        membership = Membership.objects.get(team=team)
        self.assertEqual((membership.user, membership.role), (self.member, Membership.Role.ADMIN))

    def test_organisation_from_query_is_preselected(self):
        second = Organisation.objects.create(name="Tweede ggz")
        OrganisationMembership.objects.create(organisation=second, user=self.member)
        self.login(self.member)
        response = self.client.get(f"{URL}?organisatie={second.pk}")
        self.assertContains(response, f'<option value="{second.pk}" selected>Tweede ggz</option>', html=True)

    def test_someone_elses_organisation_in_query_is_ignored(self):
        self.login(self.member)
        response = self.client.get(f"{URL}?organisatie={self.other_team.organisation_id}")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Andere ggz")

    def test_garbage_in_query_is_ignored(self):
        self.login(self.member)
        for garbage in ["abc", "²", "9" * 30]:
            with self.subTest(garbage=garbage):
                response = self.client.get(f"{URL}?organisatie={garbage}")
                self.assertContains(response, "GGZ Oost")

    def test_team_in_someone_elses_organisation_is_refused(self):
        self.login(self.member)
        response = self.client.post(URL, {"name": "Kaping", "organisation": self.other_team.organisation_id})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "errorlist")
        self.assertFalse(Team.objects.filter(name="Kaping").exists())

    def test_empty_name_gets_a_clear_message(self):
        self.login(self.member)
        response = self.client.post(URL, {"name": "", "organisation": self.organisation.pk})
        self.assertContains(response, "Vul een naam in.")
        self.assertContains(
            response, f'<option value="{self.organisation.pk}" selected>GGZ Oost</option>', html=True
        )
        self.assertEqual(Team.objects.count(), 2)

    def test_500_character_name_gets_a_clear_message_and_is_kept(self):
        self.login(self.member)
        name = "n" * 500
        response = self.client.post(URL, {"name": name, "organisation": self.organisation.pk})
        self.assertContains(response, "Deze naam is te lang: gebruik hoogstens 120 tekens (nu 500).")
        self.assertContains(response, f'value="{name}"')
        self.assertEqual(Team.objects.count(), 2)

    def test_html_in_name_is_escaped_on_the_team_page(self):
        self.login(self.member)
        name = '<script>alert("x")</script><b>Team</b>'
        self.client.post(URL, {"name": name, "organisation": self.organisation.pk})
        team = Team.objects.get(name=name)
        response = self.client.get(f"/account/teams/{team.pk}/")
        self.assertNotContains(response, name)
        self.assertContains(
            response, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Team&lt;/b&gt;"
        )
