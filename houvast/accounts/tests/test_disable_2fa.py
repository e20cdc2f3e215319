from django.core.cache import cache
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.accounts.two_factor import backup_code_digest
from houvast.lib.testing import PASSWORD, BaseTestCase

URL = "/account/tweestaps/uitzetten/"


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


class DisableTwoFactorTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.device = TOTPDevice.objects.create(user=self.member, name="app", confirmed=True)
        backup = StaticDevice.objects.create(user=self.member, name="Reservecodes", confirmed=True)
        backup.token_set.create(token=backup_code_digest("reserve123"))
        backup.token_set.create(token=backup_code_digest("reserve456"))
        self.login(self.member)
        self.client.post("/account/tweestaps/controle/", {"code": "reserve123"})
        # Checking the backup code against the app device counted as a failed try there, which
        # django-otp throttles for a second; a person takes longer than that to reach this page.
        TOTPDevice.objects.filter(pk=self.device.pk).update(throttling_failure_count=0)

    def test_unverified_user_is_asked_for_a_code_first(self):
        self.client.logout()
        self.login(self.member)
        response = self.client.get(URL)
        self.assertRedirects(
            response,
            "/account/tweestaps/controle/?next=%2Faccount%2Ftweestaps%2Fuitzetten%2F",
            fetch_redirect_response=False,
        )

    def test_password_and_code_switch_it_off(self):
        response = self.client.post(URL, {"password": PASSWORD, "code": current_code(self.device)})
        self.assertRedirects(response, "/account/instellingen/", fetch_redirect_response=False)
        self.assertFalse(TOTPDevice.objects.filter(user=self.member).exists())
        self.assertFalse(StaticDevice.objects.filter(user=self.member).exists())

    def test_a_backup_code_also_switches_it_off(self):
        response = self.client.post(URL, {"password": PASSWORD, "code": "reserve456"})
        self.assertRedirects(response, "/account/instellingen/", fetch_redirect_response=False)
        self.assertFalse(TOTPDevice.objects.filter(user=self.member).exists())

    def test_wrong_password_gets_a_message(self):
        response = self.client.post(URL, {"password": "fout", "code": current_code(self.device)})
        self.assertContains(response, "Dit wachtwoord klopt niet.")
        self.assertTrue(TOTPDevice.objects.filter(user=self.member).exists())

    def test_wrong_code_gets_a_message(self):
        wrong = "000000" if current_code(self.device) != "000000" else "111111"
        response = self.client.post(URL, {"password": PASSWORD, "code": wrong})
        self.assertContains(response, "Deze code klopt niet.")
        self.assertTrue(TOTPDevice.objects.filter(user=self.member).exists())

    def test_it_cannot_be_switched_off_when_the_organisation_requires_it(self):
        self.organisation.require_two_factor = True
        self.organisation.save()
        response = self.client.post(URL, {"password": PASSWORD, "code": current_code(self.device)})
        self.assertContains(response, "Daarom kun je het niet uitzetten.")
        self.assertTrue(TOTPDevice.objects.filter(user=self.member).exists())

    def test_user_without_device_is_sent_to_settings(self):
        self.client.logout()
        self.login(self.owner)
        response = self.client.get(URL)
        self.assertRedirects(response, "/account/instellingen/", fetch_redirect_response=False)
