import tempfile

from django.core.mail import EmailMultiAlternatives, get_connection
from django.test import SimpleTestCase, override_settings

from houvast.lib.outbox import list_messages


class OutboxTests(SimpleTestCase):
    def test_each_message_becomes_an_eml_file_that_can_be_listed(self):
        with tempfile.TemporaryDirectory() as folder, override_settings(EMAIL_OUTBOX_DIR=folder):
            connection = get_connection("houvast.lib.outbox.OutboxBackend")
            for n in range(2):
                message = EmailMultiAlternatives(
                    f"Onderwerp {n}", "Tekst é", to=["x@example.org"], connection=connection
                )
                message.attach_alternative("<p>HTML</p>", "text/html")
                message.send()
            listed = list_messages()
            self.assertEqual(len(listed), 2)
            subjects = sorted(m["subject"] for _, m in listed)
            self.assertEqual(subjects, ["Onderwerp 0", "Onderwerp 1"])
            self.assertTrue(all(name.endswith(".eml") for name, _ in listed))
            self.assertIn("Tekst é", listed[0][1].get_body(preferencelist=("plain",)).get_content())
