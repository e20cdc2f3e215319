from django.test import RequestFactory

from houvast.cards.dashboard import section
from houvast.cards.models import CardSelection, ShareLink
from houvast.lib.testing import BaseTestCase


class DashboardTests(BaseTestCase):
    def request_for(self, user):
        request = RequestFactory().get("/dashboard/")
        request.user = user
        return request

    def test_it_lists_my_selections_and_working_links(self):
        selection = CardSelection.objects.create(
            owner=self.owner, team=self.team, label="J.", slugs=["ademruimte"]
        )
        ShareLink.create(selection, "ademruimte", self.owner, 7)
        result = section(self.request_for(self.owner))
        self.assertEqual(list(result["selections"]), [selection])
        self.assertEqual(len(result["links"]), 1)
        self.login(self.owner)
        response = self.client.get("/dashboard/")
        self.assertContains(response, "Gesprekskaartjes")
        self.assertContains(response, "Even ademruimte")

    def test_others_see_nothing_of_mine(self):
        CardSelection.objects.create(owner=self.owner, team=self.team, label="J.", slugs=["ademruimte"])
        self.assertEqual(list(section(self.request_for(self.outsider))["selections"]), [])
