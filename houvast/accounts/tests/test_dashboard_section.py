from houvast.lib.testing import BaseTestCase, make_user


class TeamsDashboardSectionTests(BaseTestCase):
    def test_a_professional_sees_their_teams(self):
        self.login(self.member)
        response = self.client.get("/dashboard/")
        self.assertContains(response, "Mijn teams")
        self.assertContains(response, "FACT-team Noord")

    def test_a_patient_gets_no_team_section(self):
        self.login(make_user("patient@example.org", kind="patient"))
        response = self.client.get("/dashboard/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Mijn teams")
        self.assertNotContains(response, "/account/teams/nieuw/")
