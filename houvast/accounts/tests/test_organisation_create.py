from houvast.accounts.models import Organisation, OrganisationMembership
from houvast.lib.testing import BaseTestCase, make_user

URL = "/account/organisaties/nieuw/"


class OrganisationCreateTests(BaseTestCase):
    def test_anonymous_is_sent_to_login(self):
        response = self.client.get(URL)
        self.assertRedirects(response, f"/account/inloggen/?next={URL}", fetch_redirect_response=False)

    def test_a_patient_account_cannot_create_organisations(self):
        self.login(make_user("patient@example.org", kind="patient"))
        self.assertEqual(self.client.get(URL).status_code, 404)
        response = self.client.post(URL, {"name": "Eigen organisatie"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Organisation.objects.filter(name="Eigen organisatie").exists())

    def test_it_shows_the_form(self):
        self.login(self.member)
        response = self.client.get(URL)
        self.assertContains(response, "Naam van de organisatie")

    def test_it_creates_an_organisation_with_the_user_as_admin(self):
        self.login(self.member)
        response = self.client.post(URL, {"name": "Praktijk De Linde"})
        organisation = Organisation.objects.get(name="Praktijk De Linde")
        self.assertRedirects(
            response, f"/account/teams/nieuw/?organisatie={organisation.pk}", fetch_redirect_response=False
        )
        membership = OrganisationMembership.objects.get(organisation=organisation)
        self.assertEqual(membership.user, self.member)
        self.assertTrue(membership.is_admin)

    def test_empty_name_gets_a_clear_message(self):
        self.login(self.member)
        response = self.client.post(URL, {"name": "   "})
        self.assertContains(response, "Vul een naam in.")
        self.assertEqual(Organisation.objects.count(), 2)

    def test_long_name_is_refused_and_kept(self):
        self.login(self.member)
        name = "o" * 500
        response = self.client.post(URL, {"name": name})
        self.assertContains(response, "Deze naam is te lang: gebruik hoogstens 120 tekens (nu 500).")
        self.assertContains(response, f'value="{name}"')
        self.assertEqual(Organisation.objects.count(), 2)
