from django.test import RequestFactory

from houvast.lib.testing import BaseTestCase
from houvast.surveys.dashboard import section

from .factories import make_round


class DashboardTests(BaseTestCase):
    def _section(self, user):
        request = RequestFactory().get("/dashboard/")
        request.user = user
        return section(request)

    def test_team_rounds_show_for_team_members(self):
        make_round(team=self.team, network_name="Ronde van het team")
        self.assertEqual(
            [r.network_name for r in self._section(self.member)["rounds"]], ["Ronde van het team"]
        )

    def test_outsider_sees_no_rounds_of_other_teams(self):
        make_round(team=self.team)
        self.assertEqual(self._section(self.outsider)["rounds"], [])

    def test_the_section_links_the_round(self):
        from django.template.loader import render_to_string

        round_obj, _ = make_round(team=self.team)
        html = render_to_string("surveys/_dashboard.html", {"section": self._section(self.member)})
        self.assertIn(f"/stellingen/beheer/{round_obj.pk}/", html)
