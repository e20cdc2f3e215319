"""Lockout as a weapon: each test performs an attack on the login and checks who can still log in."""

from django.test import Client, override_settings

from houvast.accounts.lockout import DEVICE_COOKIE
from houvast.lib.testing import PASSWORD, BaseTestCase

URL = "/account/inloggen/"
ATTACKER = "203.0.113.66"
HOSPITAL = "198.51.100.10"


def attempt(client, username, password, address):
    return client.post(URL, {"username": username, "password": password}, REMOTE_ADDR=address)


class LockoutTests(BaseTestCase):
    def hammer(self, username, times, address=ATTACKER):
        attacker = Client()
        for _ in range(times):
            response = attempt(attacker, username, "geraden-wachtwoord", address)
        return response

    def owners_device(self, address=HOSPITAL):
        """The owner's own browser, in which they logged in (and out) before."""
        device = Client()
        self.assertEqual(attempt(device, "lid@example.org", PASSWORD, address).status_code, 302)
        device.post("/account/uitloggen/")
        self.assertIn(DEVICE_COOKIE, device.cookies)
        return device

    def test_an_attacker_elsewhere_does_not_lock_the_owner_out(self):
        self.assertEqual(self.hammer("lid@example.org", 10).status_code, 429)
        response = attempt(Client(), "lid@example.org", PASSWORD, HOSPITAL)
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)

    def test_the_attacker_is_locked_out_of_that_account_even_with_the_right_password(self):
        self.hammer("lid@example.org", 5)
        self.assertEqual(attempt(Client(), "lid@example.org", PASSWORD, ATTACKER).status_code, 429)

    def test_the_owners_device_logs_in_while_the_same_address_hammers_the_account(self):
        device = self.owners_device(HOSPITAL)
        self.assertEqual(self.hammer("lid@example.org", 10, address=HOSPITAL).status_code, 429)
        response = attempt(device, "lid@example.org", PASSWORD, HOSPITAL)
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)

    def test_one_address_trying_thirty_accounts_with_one_password_is_stopped(self):
        attacker = Client()
        statuses = [
            attempt(attacker, f"persoon{i}@example.org", "Welkom2026!", ATTACKER).status_code
            for i in range(30)
        ]
        self.assertIn(429, statuses)
        self.assertLessEqual(statuses.index(429), 20)
        response = attempt(attacker, "lid@example.org", PASSWORD, ATTACKER)
        self.assertContains(response, "Vanaf dit netwerk", status_code=429)

    def test_others_at_the_address_can_still_use_a_device_they_logged_in_with(self):
        device = self.owners_device(ATTACKER)
        attacker = Client()
        for i in range(25):
            attempt(attacker, f"persoon{i}@example.org", "Welkom2026!", ATTACKER)
        response = attempt(device, "lid@example.org", PASSWORD, ATTACKER)
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)

    def test_logging_in_to_your_own_account_does_not_reset_the_address_count(self):
        attacker = Client()
        for i in range(19):
            attempt(attacker, f"persoon{i}@example.org", "Welkom2026!", ATTACKER)
        own = Client()
        self.assertEqual(attempt(own, "buiten@example.org", PASSWORD, ATTACKER).status_code, 302)
        attempt(attacker, "persoon19@example.org", "Welkom2026!", ATTACKER)
        self.assertEqual(attempt(attacker, "persoon20@example.org", "Welkom2026!", ATTACKER).status_code, 429)

    @override_settings(AXES_ACCOUNT_FAILURE_LIMIT=12)
    def test_a_spread_out_attack_on_one_account_is_stopped_but_not_for_the_owners_device(self):
        device = self.owners_device()
        for i in range(12):
            attempt(Client(), "lid@example.org", "geraden-wachtwoord", f"192.0.2.{i}")
        response = attempt(Client(), "lid@example.org", PASSWORD, "192.0.2.200")
        self.assertContains(response, "vanaf verschillende plekken", status_code=429)
        response = attempt(device, "lid@example.org", PASSWORD, HOSPITAL)
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)

    def test_the_owners_device_has_its_own_limit(self):
        device = self.owners_device()
        for _ in range(5):
            attempt(device, "lid@example.org", "fout-wachtwoord", HOSPITAL)
        self.assertEqual(attempt(device, "lid@example.org", PASSWORD, HOSPITAL).status_code, 429)

    def test_a_device_cookie_for_another_account_or_forged_does_not_help(self):
        device = Client()
        attempt(device, "buiten@example.org", PASSWORD, HOSPITAL)
        device.post("/account/uitloggen/")
        self.hammer("lid@example.org", 5, address=HOSPITAL)
        self.assertEqual(attempt(device, "lid@example.org", PASSWORD, HOSPITAL).status_code, 429)
        device.cookies[DEVICE_COOKIE] = "W1sxLCJ4IiwieSJdXQ:forged:signature"
        self.assertEqual(attempt(device, "lid@example.org", PASSWORD, HOSPITAL).status_code, 429)

    def test_a_new_password_voids_the_old_device_cookies(self):
        device = self.owners_device()
        self.member.set_password("een-heel-ander-wachtwoord-7")
        self.member.save()
        self.hammer("lid@example.org", 5, address=HOSPITAL)
        response = attempt(device, "lid@example.org", "een-heel-ander-wachtwoord-7", HOSPITAL)
        self.assertEqual(response.status_code, 429)
