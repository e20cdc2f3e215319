"""Every plan URL of the builder, versions and settings against everyone who might try it."""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils import timezone

from houvast.accounts.tokens import hash_token
from houvast.lib.testing import make_user

from ..models import Plan, PlanShare, PlanVersion
from .helpers import PlanTestCase


class AccessTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.colleague = self.member
        PlanVersion.objects.create(plan=self.plan, number=1, data={}, professional_name="O", patient_name="P")
        pk = self.plan.pk
        self.read_urls = [
            reverse("plans:builder", args=[pk]),
            reverse("plans:versions", args=[pk]),
            reverse("plans:version", args=[pk, 1]),
            reverse("plans:compare", args=[pk]) + "?van=1&naar=nu",
        ]
        self.write_urls = [reverse("plans:part", args=[pk, "about"])]
        self.manage_urls = [reverse("plans:agree", args=[pk])]
        self.owner_urls = [reverse("plans:colleagues", args=[pk]), reverse("plans:delete", args=[pk])]
        self.all_urls = self.read_urls + self.write_urls + self.manage_urls + self.owner_urls

    def assert_status(self, urls, status):
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, status)

    def test_owner_opens_every_url(self):
        self.login(self.owner)
        self.assert_status(self.all_urls, 200)

    def test_colleague_without_access_gets_404(self):
        self.login(self.colleague)
        self.assert_status(self.all_urls, 404)

    def test_colleague_with_access_opens_all_but_owner_pages(self):
        self.plan.colleagues.add(self.colleague)
        self.login(self.colleague)
        self.assert_status(self.read_urls + self.write_urls + self.manage_urls, 200)
        self.assert_status(self.owner_urls, 404)

    def test_colleague_who_left_the_team_gets_404(self):
        self.plan.colleagues.add(self.colleague)
        self.colleague.memberships.all().delete()
        self.login(self.colleague)
        self.assert_status(self.all_urls, 404)

    def test_other_team_gets_404(self):
        self.login(self.outsider)
        self.assert_status(self.all_urls, 404)

    def test_patient_reads_and_writes_but_does_not_manage(self):
        self.login(self.patient)
        self.assert_status(self.read_urls + self.write_urls, 200)
        self.assert_status(self.manage_urls + self.owner_urls, 404)

    def test_patient_without_edit_right_cannot_open_the_editor(self):
        self.plan.patient_can_edit = False
        self.plan.save()
        self.login(self.patient)
        self.assert_status(self.read_urls, 200)
        self.assert_status(self.write_urls, 404)

    def test_anonymous_is_sent_to_login(self):
        for url in self.all_urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertIn(reverse("accounts:login"), response["Location"])

    def test_a_naaste_with_the_link_and_the_code_gets_none_of_these_pages(self):
        PlanShare.objects.create(
            plan=self.plan,
            label="Mijn zus",
            token_hash=hash_token("naaste-token"),
            code_hash=make_password("ABCDEFGH"),
            expires=timezone.localdate() + timedelta(days=7),
        )
        shared_url = reverse("plans:shared", args=["naaste-token"])
        response = self.client.post(shared_url, {"code": "ABCD-EFGH"}, follow=True)
        self.assertTemplateUsed(response, "plans/shared_read.html")  # the naaste is in
        for url in self.all_urls:
            for method in ("get", "post"):
                with self.subTest(url=url, method=method):
                    response = getattr(self.client, method)(url)
                    self.assertIn(response.status_code, (302, 404))
                    if response.status_code == 302:
                        self.assertIn(reverse("accounts:login"), response["Location"])
        self.assertFalse(self.plan.sections.exists())
        self.assertEqual(self.plan.versions.count(), 1)
        self.assertTrue(type(self.plan).objects.filter(pk=self.plan.pk).exists())

    def test_unknown_plan_gets_404(self):
        self.login(self.owner)
        url = reverse("plans:builder", args=["00000000-0000-0000-0000-000000000000"])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_unknown_part_gets_404(self):
        self.login(self.owner)
        self.assertEqual(self.client.get(reverse("plans:part", args=[self.plan.pk, "nope"])).status_code, 404)

    def test_outsider_cannot_post_a_part(self):
        self.login(self.outsider)
        response = self.client.post(self.write_urls[0], {"version": "0", "keep": "x"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.plan.sections.exists())


class RoleOfTestCase(PlanTestCase):
    """permissions.role_of asks the database one statement for everyone, whatever their role."""

    def test_every_kind_of_person_gets_their_role_from_one_query(self):
        from houvast.accounts.models import Membership

        from ..permissions import COLLEAGUE, OWNER, PATIENT, role_of

        shared_then_left = make_user("weg@example.org", "Wim Weg")
        self.plan.colleagues.add(self.member, self.outsider, shared_then_left)  # outsider: not in the team
        other = Plan.objects.create(team=self.team, owner=self.owner, patient_name="Ander")
        Membership.objects.create(team=self.other_team, user=shared_then_left)
        expected = [
            (self.owner, self.plan, OWNER),
            (self.member, self.plan, COLLEAGUE),
            (self.member, other, None),  # in the team, not shared
            (self.outsider, self.plan, None),  # shared, but not in the plan's team
            (shared_then_left, self.plan, None),
            (self.patient, self.plan, PATIENT),
            (self.patient, other, None),
        ]
        for user, plan, role in expected:
            with self.subTest(user=user.email, plan=plan.patient_name), self.assertNumQueries(1):
                self.assertEqual(role_of(user, plan), role)
