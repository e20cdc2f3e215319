from houvast.lib.testing import BaseTestCase

URL = "/account/instellingen/"


class AccountSettingsTests(BaseTestCase):
    def test_anonymous_is_sent_to_login(self):
        response = self.client.get(URL)
        self.assertRedirects(response, f"/account/inloggen/?next={URL}", fetch_redirect_response=False)

    def test_it_shows_email_and_two_factor_status(self):
        self.login(self.member)
        response = self.client.get(URL)
        self.assertContains(response, "lid@example.org")
        self.assertContains(response, "Tweestapsverificatie instellen")
        self.assertContains(response, "/account/wachtwoord/wijzigen/")

    def test_it_saves_name_and_language(self):
        self.login(self.member)
        response = self.client.post(URL, {"name": "Mo Anders", "language": "en"})
        self.assertRedirects(response, URL, fetch_redirect_response=False)
        self.member.refresh_from_db()
        self.assertEqual((self.member.name, self.member.language), ("Mo Anders", "en"))
        response = self.client.get(URL)
        self.assertContains(response, "My account")

    def test_unknown_language_is_refused(self):
        self.login(self.member)
        response = self.client.post(URL, {"name": "Mo", "language": "xx"})
        self.assertContains(response, "errorlist")
        self.member.refresh_from_db()
        self.assertEqual(self.member.language, "nl")

    def test_organisation_admin_sees_a_link_to_organisation_settings(self):
        self.login(self.owner)
        response = self.client.get(URL)
        self.assertContains(response, f"/account/organisaties/{self.organisation.pk}/")
