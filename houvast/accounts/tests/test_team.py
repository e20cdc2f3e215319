from houvast.accounts.models import Invitation, Membership
from houvast.lib.testing import BaseTestCase


class TeamPageTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/account/teams/{self.team.pk}/"
        self.owner_membership = Membership.objects.get(team=self.team, user=self.owner)
        self.member_membership = Membership.objects.get(team=self.team, user=self.member)
        self.invitation = Invitation.objects.create(
            team=self.team, email="nieuw@example.org", token_hash="a" * 64
        )

    def team_urls(self):
        """Every URL of the team, with the method it answers to."""
        base = f"/account/teams/{self.team.pk}"
        return [
            ("get", f"{base}/"),
            ("post", f"{base}/uitnodigen/"),
            ("post", f"{base}/uitnodigingen/{self.invitation.pk}/intrekken/"),
            ("post", f"{base}/leden/{self.member_membership.pk}/rol/"),
            ("post", f"{base}/leden/{self.member_membership.pk}/verwijderen/"),
            ("post", f"{base}/verlaten/"),
        ]

    def test_anonymous_is_sent_to_login(self):
        response = self.client.get(self.url)
        self.assertRedirects(response, f"/account/inloggen/?next={self.url}", fetch_redirect_response=False)

    def test_member_sees_the_team_and_its_members(self):
        self.login(self.member)
        response = self.client.get(self.url)
        self.assertContains(response, "<h1>FACT-team Noord</h1>", html=True)
        self.assertContains(response, "Jij bent lid van dit team.")
        self.assertContains(response, "Olga Eigenaar")
        self.assertContains(response, "Mo Lid")
        self.assertContains(response, "Ik verlaat dit team")

    def test_member_sees_no_admin_tools_or_invitations(self):
        self.login(self.member)
        response = self.client.get(self.url)
        self.assertNotContains(response, "Collega uitnodigen")
        self.assertNotContains(response, "Rol opslaan")
        self.assertNotContains(response, "nieuw@example.org")

    def test_admin_sees_tools_and_open_invitations(self):
        self.login(self.owner)
        response = self.client.get(self.url)
        self.assertContains(response, "Jij bent beheerder van dit team.")
        self.assertContains(response, "Collega uitnodigen")
        self.assertContains(response, "Mo Lid uit het team halen")
        self.assertContains(response, "Uitnodiging voor nieuw@example.org intrekken")
        self.assertContains(response, "De enige beheerder")
        self.assertNotContains(response, "Olga Eigenaar uit het team halen")

    def test_outsider_gets_404_for_every_team_url(self):
        self.login(self.outsider)
        for method, url in self.team_urls():
            with self.subTest(url=url):
                response = getattr(self.client, method)(url, {"email": "x@example.org", "role": "beheerder"})
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, "Deze pagina bestaat niet (meer)", status_code=404)
        self.assertEqual(Membership.objects.filter(team=self.team).count(), 2)
        self.assertTrue(Invitation.objects.filter(pk=self.invitation.pk).exists())
        self.assertFalse(Invitation.objects.filter(email="x@example.org").exists())
        self.member_membership.refresh_from_db()
        self.assertEqual(self.member_membership.role, Membership.Role.MEMBER)

    def test_member_gets_404_for_every_admin_url(self):
        self.login(self.member)
        for method, url in self.team_urls()[1:5]:
            with self.subTest(url=url):
                response = getattr(self.client, method)(
                    url, {"email": "x@example.org", f"m{self.member_membership.pk}-role": "beheerder"}
                )
                self.assertEqual(response.status_code, 404)
        self.member_membership.refresh_from_db()
        self.assertEqual(self.member_membership.role, Membership.Role.MEMBER)
        self.assertTrue(Invitation.objects.filter(pk=self.invitation.pk).exists())
        self.assertFalse(Invitation.objects.filter(email="x@example.org").exists())

    def test_unknown_team_gets_404(self):
        self.login(self.owner)
        self.assertEqual(self.client.get("/account/teams/999999/").status_code, 404)


class TeamIdTests(BaseTestCase):
    def test_an_id_too_large_for_the_database_is_404_not_500(self):
        self.login(self.member)
        for url in ["/account/teams/99999999999999999999/", "/account/organisaties/99999999999999999/"]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)
