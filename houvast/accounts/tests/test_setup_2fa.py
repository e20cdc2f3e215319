from django.core.cache import cache
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.lib.testing import BaseTestCase

URL = "/account/tweestaps/instellen/"


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


class SetupTwoFactorTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.login(self.member)

    def test_it_shows_a_qr_code_and_the_secret(self):
        response = self.client.get(URL)
        self.assertContains(response, "<svg")
        device = TOTPDevice.objects.get(user=self.member)
        self.assertFalse(device.confirmed)
        self.assertContains(response, device.config_url.split("secret=")[1].split("&")[0][:4])
        self.assertEqual(self.client.get(URL).context["secret"], response.context["secret"])
        self.assertEqual(TOTPDevice.objects.filter(user=self.member).count(), 1)

    def test_a_valid_code_switches_it_on_and_shows_backup_codes(self):
        self.client.get(URL)
        device = TOTPDevice.objects.get(user=self.member)
        response = self.client.post(URL, {"code": current_code(device)})
        self.assertContains(response, "Je reservecodes")
        self.assertEqual(len(response.context["codes"]), 10)
        self.assertIn("no-store", response["Cache-Control"])
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        stored = set(StaticToken.objects.filter(device__user=self.member).values_list("token", flat=True))
        self.assertEqual(len(stored), 10)
        self.assertFalse(stored & set(response.context["codes"]), "backup codes are stored as hashes only")
        self.assertEqual(self.client.get("/dashboard/").status_code, 200)

    def test_a_wrong_code_gets_a_kind_message(self):
        self.client.get(URL)
        device = TOTPDevice.objects.get(user=self.member)
        wrong = "000000" if current_code(device) != "000000" else "111111"
        response = self.client.post(URL, {"code": wrong})
        self.assertContains(response, "Deze code klopt niet. Kijk of de tijd op je telefoon goed staat")
        device.refresh_from_db()
        self.assertFalse(device.confirmed)

    def test_empty_code_gets_a_message(self):
        response = self.client.post(URL, {"code": ""})
        self.assertContains(response, "Vul de code in.")

    def test_when_it_is_on_the_page_says_so(self):
        TOTPDevice.objects.create(user=self.owner, name="app", confirmed=True)
        self.client.logout()
        self.login(self.owner)
        # The middleware wants a code first; the setup page itself stays reachable.
        response = self.client.get(URL)
        self.assertContains(response, "Tweestapsverificatie staat aan")
        self.assertEqual(TOTPDevice.objects.filter(user=self.owner).count(), 1)

    def test_organisation_that_requires_it_forces_setup(self):
        self.organisation.require_two_factor = True
        self.organisation.save()
        response = self.client.get("/dashboard/")
        self.assertRedirects(response, URL, fetch_redirect_response=False)
        response = self.client.get(URL)
        self.assertContains(response, "Je organisatie vraagt iedereen om tweestapsverificatie te gebruiken.")
        device = TOTPDevice.objects.get(user=self.member)
        self.client.post(URL, {"code": current_code(device)})
        self.assertEqual(self.client.get("/dashboard/").status_code, 200)

    def test_login_in_an_organisation_that_requires_it_goes_to_setup(self):
        from houvast.lib.testing import PASSWORD

        self.client.logout()
        self.organisation.require_two_factor = True
        self.organisation.save()
        response = self.client.post(
            "/account/inloggen/", {"username": "lid@example.org", "password": PASSWORD}
        )
        self.assertRedirects(response, URL, fetch_redirect_response=False)

    def test_anonymous_is_sent_to_login(self):
        self.client.logout()
        response = self.client.get(URL)
        self.assertRedirects(response, f"/account/inloggen/?next={URL}", fetch_redirect_response=False)
