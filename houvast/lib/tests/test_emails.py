from pathlib import Path

from django.core import mail
from django.test import SimpleTestCase, override_settings

from houvast.lib import emails
from houvast.lib.testing import mail_server_down

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent / "templates"],
        "OPTIONS": {"context_processors": []},
    }
]


@override_settings(TEMPLATES=TEMPLATES, SITE_URL="https://houvast.example.org")
class SendTests(SimpleTestCase):
    def test_it_sends_text_and_html_with_a_one_line_subject(self):
        emails.send("greeting", "a@example.org", {"name": "Ans"})
        message = mail.outbox[0]
        self.assertEqual(message.subject, "Overzicht Ans")
        self.assertIn("https://houvast.example.org", message.body)
        html, mime = message.alternatives[0]
        self.assertEqual(mime, "text/html")
        self.assertIn("<a href=", html)
        self.assertEqual(message.extra_headers["Auto-Submitted"], "auto-generated")

    def test_it_escapes_names_in_html(self):
        emails.send("greeting", "a@example.org", {"name": "<script>x</script>"})
        html = mail.outbox[0].alternatives[0][0]
        self.assertNotIn("<script>", html)
        self.assertIn("&lt;script&gt;", html)

    def test_the_subject_is_plain_text_on_one_line(self):
        emails.send("greeting", "a@example.org", {"name": "Noord & Zuid <team>\r\nBcc: x@example.org"})
        message = mail.outbox[0]
        self.assertEqual(message.subject, "Overzicht Noord & Zuid <team> Bcc: x@example.org")
        self.assertIn("Noord &amp; Zuid", message.alternatives[0][0])

    def test_it_renders_in_the_requested_language(self):
        emails.send("greeting", "a@example.org", {"name": "Ans"}, language="en")
        self.assertEqual(mail.outbox[0].subject, "Overview Ans")

    def test_it_attaches_files(self):
        emails.send(
            "greeting", "a@example.org", {"name": "Ans"}, attachments=[("x.pdf", b"%PDF", "application/pdf")]
        )
        self.assertEqual(mail.outbox[0].attachments[0][0], "x.pdf")

    def test_a_mail_server_that_is_down_gives_mail_not_sent(self):
        with mail_server_down(), self.assertRaises(emails.MailNotSent), self.assertLogs("houvast.lib.emails"):
            emails.send("greeting", "a@example.org", {"name": "Ans"})
