from django.test import TestCase

from houvast.lib.testing import BaseTestCase


class PermissionsPolicyTests(BaseTestCase):
    def assert_features_off(self, response):
        policy = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb", "serial", "display-capture"):
            self.assertIn(f"{feature}=()", policy)
        self.assertIn("fullscreen=(self)", policy)

    def test_a_page_switches_powerful_features_off(self):
        self.assert_features_off(self.client.get("/"))

    def test_a_signed_in_page_has_it_too(self):
        self.login(self.member)
        self.assert_features_off(self.client.get("/dashboard/"))

    def test_a_static_file_has_it_too(self):
        response = self.client.get("/static/js/houvast.js")
        self.assertEqual(response.status_code, 200)
        self.assert_features_off(response)

    def test_a_404_page_has_it_too(self):
        response = self.client.get("/bestaat-niet/")
        self.assertEqual(response.status_code, 404)
        self.assert_features_off(response)


class PermissionsPolicyOnErrorsTests(TestCase):
    def test_a_csrf_failure_has_it_too(self):
        from django.test import Client

        response = Client(enforce_csrf_checks=True).post("/account/inloggen/", {"username": "a"})
        self.assertEqual(response.status_code, 403)
        self.assertIn("camera=()", response["Permissions-Policy"])
