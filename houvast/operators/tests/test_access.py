"""Who can open /beheer/: each test tries to get in without being an operator with a verified code."""

from django.test import Client

from houvast.lib.testing import PASSWORD

from .operator_setup import OperatorTestCase, add_app, make_superuser

LOGIN = "/account/inloggen/"


class OperatorAccessTests(OperatorTestCase):
    def test_an_operator_with_a_verified_second_factor_gets_in(self):
        self.login_verified()
        response = self.client.get("/beheer/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Houvast beheer")

    def test_an_anonymous_visitor_is_sent_to_the_projects_login(self):
        response = self.client.get("/beheer/accounts/user/")
        self.assertRedirects(response, f"{LOGIN}?next=/beheer/accounts/user/", fetch_redirect_response=False)

    def test_a_normal_user_gets_404(self):
        self.login(self.member)
        self.assertEqual(self.client.get("/beheer/").status_code, 404)
        self.assertEqual(self.client.get("/beheer/accounts/user/").status_code, 404)

    def test_a_staff_user_that_is_no_superuser_gets_404(self):
        self.member.is_staff = True
        self.member.save()
        device = add_app(self.member)
        self.login_verified(self.member, device)
        self.assertEqual(self.client.get("/beheer/").status_code, 404)
        self.assertEqual(
            self.client.get(f"/beheer/accounts/user/{self.owner.pk}/ontgrendelen/").status_code, 404
        )

    def test_a_superuser_without_second_factor_is_sent_to_set_it_up(self):
        bare = make_superuser("nieuw@example.org")
        self.client.force_login(bare)
        response = self.client.get("/beheer/")
        self.assertRedirects(response, "/account/tweestaps/instellen/", fetch_redirect_response=False)
        self.assertEqual(self.client.get(f"/beheer/accounts/user/{self.member.pk}/change/").status_code, 302)

    def test_a_superuser_who_did_not_type_the_code_is_sent_to_the_code_step(self):
        self.client.force_login(self.operator)
        response = self.client.get("/beheer/accounts/user/")
        self.assertRedirects(
            response,
            "/account/tweestaps/controle/?next=%2Fbeheer%2Faccounts%2Fuser%2F",
            fetch_redirect_response=False,
        )

    def test_a_post_by_an_unverified_superuser_changes_nothing(self):
        self.client.force_login(self.operator)
        add_app(self.member)
        self.client.post(f"/beheer/accounts/user/{self.member.pk}/tweestaps-herstellen/")
        self.assertTrue(self.member.totpdevice_set.exists())

    def test_the_admin_login_form_does_not_log_anyone_in(self):
        response = self.client.post(
            "/beheer/login/", {"username": self.operator.email, "password": PASSWORD, "next": "/beheer/"}
        )
        self.assertRedirects(response, f"{LOGIN}?next=/beheer/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(self.client.get("/beheer/").status_code, 302)

    def test_the_admin_login_does_not_help_a_locked_out_attacker(self):
        attacker = Client(REMOTE_ADDR="203.0.113.66")
        for _ in range(5):
            attacker.post(LOGIN, {"username": self.operator.email, "password": "geraden"})
        self.assertEqual(
            attacker.post(LOGIN, {"username": self.operator.email, "password": PASSWORD}).status_code, 429
        )
        attacker.post("/beheer/login/", {"username": self.operator.email, "password": PASSWORD})
        self.assertNotIn("_auth_user_id", attacker.session)
        self.assertEqual(attacker.get("/beheer/").status_code, 302)

    def test_the_admin_login_only_sends_back_into_the_admin(self):
        response = self.client.get("/beheer/login/?next=https://evil.example/")
        self.assertRedirects(response, f"{LOGIN}?next=/beheer/", fetch_redirect_response=False)
