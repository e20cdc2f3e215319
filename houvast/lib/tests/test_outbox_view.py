import tempfile

from django.core.mail import get_connection, send_mail
from django.test import TestCase, override_settings


class OutboxViewTests(TestCase):
    def test_debug_mode_lists_the_outbox(self):
        with tempfile.TemporaryDirectory() as folder, override_settings(EMAIL_OUTBOX_DIR=folder, DEBUG=True):
            send_mail(
                "Welkom bij Houvast",
                "Hallo",
                None,
                ["x@example.org"],
                connection=get_connection("houvast.lib.outbox.OutboxBackend"),
            )
            response = self.client.get("/dev/outbox/")
        self.assertContains(response, "Welkom bij Houvast")

    def test_without_debug_the_outbox_is_not_there(self):
        with override_settings(DEBUG=False):
            response = self.client.get("/dev/outbox/")
        self.assertEqual(response.status_code, 404)
