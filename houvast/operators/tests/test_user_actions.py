"""The operator's three actions on an account, each written to the admin's log."""

from axes.models import AccessAttempt
from django.contrib.admin.models import LogEntry
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice

from houvast.accounts.two_factor import make_backup_codes
from houvast.lib.testing import PASSWORD
from houvast.plans.models import AccessLog, Plan

from .operator_setup import OperatorTestCase, add_app

LOGIN = "/account/inloggen/"


class UnlockTests(OperatorTestCase):
    def test_a_locked_out_account_can_log_in_again_after_unlocking(self):
        attacker = Client(REMOTE_ADDR="203.0.113.66")
        for _ in range(6):
            response = attacker.post(LOGIN, {"username": self.member.email, "password": "geraden"})
        self.assertEqual(response.status_code, 429)
        self.login_verified()
        self.look_up(self.member)
        page = self.client.get(f"/beheer/accounts/user/{self.member.pk}/change/")
        self.assertContains(page, "Ontgrendelen")
        self.assertEqual(
            self.client.get(f"/beheer/accounts/user/{self.member.pk}/ontgrendelen/").status_code, 200
        )
        response = self.client.post(f"/beheer/accounts/user/{self.member.pk}/ontgrendelen/")
        self.assertRedirects(response, f"/beheer/accounts/user/{self.member.pk}/change/")
        self.assertFalse(AccessAttempt.objects.filter(username=self.member.email).exists())
        response = attacker.post(LOGIN, {"username": self.member.email, "password": PASSWORD})
        self.assertEqual(response.status_code, 302)
        entry = LogEntry.objects.get()
        self.assertEqual((entry.user, entry.object_id), (self.operator, str(self.member.pk)))

    def test_a_get_changes_nothing(self):
        AccessAttempt.objects.create(
            username=self.member.email, ip_address="203.0.113.66", failures_since_start=5
        )
        self.login_verified()
        self.look_up(self.member)
        self.client.get(f"/beheer/accounts/user/{self.member.pk}/ontgrendelen/")
        self.assertTrue(AccessAttempt.objects.exists())


class ResetTwoFactorTests(OperatorTestCase):
    def test_the_app_and_backup_codes_go_and_the_log_says_who(self):
        add_app(self.member)
        make_backup_codes(StaticDevice.objects.create(user=self.member, name="codes", confirmed=True), 3)
        self.login_verified()
        self.look_up(self.member)
        response = self.client.post(f"/beheer/accounts/user/{self.member.pk}/tweestaps-herstellen/")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(self.member.totpdevice_set.exists())
        self.assertFalse(self.member.staticdevice_set.exists())
        entry = LogEntry.objects.get()
        self.assertEqual(entry.user, self.operator)
        self.assertIn("Tweestapsverificatie hersteld", entry.change_message)
        history = self.client.get(f"/beheer/accounts/user/{self.member.pk}/history/")
        self.assertContains(history, "Tweestapsverificatie hersteld")


class TransferPlansTests(OperatorTestCase):
    def setUp(self):
        super().setUp()
        self.plans = [
            Plan.objects.create(team=self.team, owner=self.member, patient_name="P") for _ in range(2)
        ]
        self.url = f"/beheer/accounts/user/{self.member.pk}/plannen-overdragen/"
        self.login_verified()
        self.look_up(self.member)

    def owner_choice(self):
        return self.team.memberships.get(user=self.owner).pk

    def test_the_plans_go_to_a_colleague_in_the_team_and_each_plan_log_says_so(self):
        page = self.client.get(self.url)
        self.assertContains(page, "2 plannen in FACT-team Noord")
        response = self.client.post(self.url, {"team": self.team.pk, "new_owner": self.owner_choice()})
        self.assertRedirects(response, f"/beheer/accounts/user/{self.member.pk}/change/")
        self.assertEqual(Plan.objects.filter(owner=self.owner).count(), 2)
        transfers = AccessLog.objects.filter(action=AccessLog.Action.TRANSFER)
        self.assertEqual(transfers.count(), 2)
        self.assertEqual(
            {(t.actor, t.actor_role) for t in transfers}, {(self.operator, AccessLog.Role.ADMIN)}
        )
        self.assertIn("2 plannen", LogEntry.objects.get().change_message)

    def test_someone_outside_the_team_cannot_be_chosen(self):
        outsider_membership = self.other_team.memberships.get(user=self.outsider)
        response = self.client.post(self.url, {"team": self.team.pk, "new_owner": outsider_membership.pk})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "zit niet (meer) in het team", status_code=400)
        self.assertEqual(Plan.objects.filter(owner=self.member).count(), 2)

    def test_nothing_chosen_is_a_kind_error(self):
        response = self.client.post(self.url, {"team": self.team.pk})
        self.assertContains(response, "Kies wie de plannen overneemt.", status_code=400)
