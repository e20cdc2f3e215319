"""An operator's page of one team (/beheer/accounts/team/<id>/change/): its members by address."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from houvast.accounts.models import Membership
from houvast.lib.testing import make_user

from .operator_setup import OperatorTestCase


class TeamPageTests(OperatorTestCase):
    def queries_for_team_page(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(f"/beheer/accounts/team/{self.team.pk}/change/")
        self.assertEqual(response.status_code, 200)
        return response, len(queries)

    def test_members_are_listed_by_address_in_queries_that_do_not_grow_with_the_team(self):
        self.login_verified()
        self.queries_for_team_page()
        _response, few = self.queries_for_team_page()
        for number in range(8):
            person = make_user(f"collega{number}@example.org")
            Membership.objects.create(team=self.team, user=person, role=Membership.Role.MEMBER)
        response, many = self.queries_for_team_page()
        self.assertContains(response, "collega7@example.org")
        self.assertEqual(many, few)
