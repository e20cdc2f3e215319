from django.core.cache import cache
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.accounts.two_factor import backup_code_digest
from houvast.lib.testing import PASSWORD, BaseTestCase

URL = "/account/tweestaps/controle/"


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


class VerifyTwoFactorTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.device = TOTPDevice.objects.create(user=self.member, name="app", confirmed=True)
        backup = StaticDevice.objects.create(user=self.member, name="Reservecodes", confirmed=True)
        backup.token_set.create(token=backup_code_digest("reserve123"))

    def wrong_code(self):
        return "000000" if current_code(self.device) != "000000" else "111111"

    def test_login_of_a_user_with_a_device_redirects_to_verify(self):
        response = self.client.post(
            "/account/inloggen/?next=/account/instellingen/",
            {"username": "lid@example.org", "password": PASSWORD},
        )
        self.assertRedirects(
            response, f"{URL}?next=%2Faccount%2Finstellingen%2F", fetch_redirect_response=False
        )

    def test_unverified_session_cannot_open_other_pages(self):
        self.login(self.member)
        response = self.client.get(f"/account/teams/{self.team.pk}/")
        self.assertRedirects(
            response, f"{URL}?next=%2Faccount%2Fteams%2F{self.team.pk}%2F", fetch_redirect_response=False
        )

    def test_a_valid_code_lets_the_user_in(self):
        self.login(self.member)
        response = self.client.post(
            URL, {"code": current_code(self.device), "next": "/account/instellingen/"}
        )
        self.assertRedirects(response, "/account/instellingen/", fetch_redirect_response=False)
        self.assertEqual(self.client.get(f"/account/teams/{self.team.pk}/").status_code, 200)

    def test_a_backup_code_works_once(self):
        self.login(self.member)
        response = self.client.post(URL, {"code": "reserve 123"})
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)
        self.client.logout()
        self.login(self.member)
        response = self.client.post(URL, {"code": "reserve123"})
        self.assertContains(response, "Deze code klopt niet.")

    def test_a_backup_code_is_no_failed_attempt_on_the_app(self):
        self.login(self.member)
        self.client.post(URL, {"code": "reserve123"})
        self.device.refresh_from_db()
        self.assertEqual(self.device.throttling_failure_count, 0)

    def test_a_wrong_code_gets_a_kind_message(self):
        self.login(self.member)
        response = self.client.post(URL, {"code": self.wrong_code()})
        self.assertContains(
            response, "Deze code klopt niet. Typ de nieuwste code uit je app, of een reservecode."
        )
        self.assertEqual(self.client.get("/dashboard/").status_code, 302)

    def test_a_foreign_next_is_ignored(self):
        self.login(self.member)
        response = self.client.post(URL, {"code": current_code(self.device), "next": "https://evil.example/"})
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)

    def test_too_many_attempts_are_stopped(self):
        self.login(self.member)
        for _ in range(10):
            self.client.post(URL, {"code": self.wrong_code()})
        response = self.client.post(URL, {"code": current_code(self.device)})
        self.assertContains(response, "Te veel pogingen.")
        self.assertEqual(self.client.get("/dashboard/").status_code, 302)

    def test_user_without_device_is_sent_on(self):
        self.login(self.owner)
        response = self.client.get(f"{URL}?next=/account/instellingen/")
        self.assertRedirects(response, "/account/instellingen/", fetch_redirect_response=False)
