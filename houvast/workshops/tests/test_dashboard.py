from django.test import RequestFactory
from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.workshops.dashboard import section

from .factories import make_session


class DashboardTests(BaseTestCase):
    def section_for(self, user):
        request = RequestFactory().get("/")
        request.user = user
        return section(request)

    def test_team_members_see_the_teams_sessions(self):
        session = make_session(self.team, self.owner)
        result = self.section_for(self.member)
        self.assertEqual([s.pk for s in result["sessions"]], [session.pk])
        self.assertEqual(str(result["sessions"][0].title), "Interventies in de praktijk")

    def test_outsider_does_not_see_them(self):
        make_session(self.team, self.owner)
        self.assertEqual(self.section_for(self.outsider)["sessions"], [])

    def test_dashboard_page_lists_the_session(self):
        session = make_session(self.team, self.owner)
        self.login(self.owner)
        response = self.client.get(reverse("dashboard"))
        self.assertContains(response, "Live sessies")
        self.assertContains(response, session.code)
