"""The shared base test case: an owner, a team member and an outsider."""

from django.test import TestCase

from houvast.accounts.models import Membership, Organisation, OrganisationMembership, Team, User

PASSWORD = "een-lang-wachtwoord-42"


def make_user(email, name="", **extra):
    return User.objects.create_user(email=email, password=PASSWORD, name=name, email_confirmed=True, **extra)


class BaseTestCase(TestCase):
    """`owner` administers `team`, `member` is in it, `outsider` has a team of their own."""

    def setUp(self):
        super().setUp()
        self.organisation = Organisation.objects.create(name="GGZ Oost")
        self.owner = make_user("eigenaar@example.org", "Olga Eigenaar")
        self.member = make_user("lid@example.org", "Mo Lid")
        self.outsider = make_user("buiten@example.org", "Bas Buiten")
        OrganisationMembership.objects.create(organisation=self.organisation, user=self.owner, is_admin=True)
        OrganisationMembership.objects.create(organisation=self.organisation, user=self.member)
        self.team = Team.objects.create(organisation=self.organisation, name="FACT-team Noord")
        Membership.objects.create(team=self.team, user=self.owner, role=Membership.Role.ADMIN)
        Membership.objects.create(team=self.team, user=self.member, role=Membership.Role.MEMBER)
        other_org = Organisation.objects.create(name="Andere ggz")
        self.other_team = Team.objects.create(organisation=other_org, name="Ander team")
        OrganisationMembership.objects.create(organisation=other_org, user=self.outsider, is_admin=True)
        Membership.objects.create(team=self.other_team, user=self.outsider, role=Membership.Role.ADMIN)

    def login(self, user):
        self.client.force_login(user)
