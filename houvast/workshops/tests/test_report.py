import io

from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from houvast.lib.testing import BaseTestCase
from houvast.workshops.models import ActionPlan, Note, Session, SharedAnswer

from .factories import act, make_session, participant_client


class ReportTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.session = make_session(self.team, self.owner)
        _client, participant = participant_client(self.session)
        note = Note.objects.create(
            session=self.session,
            step_key="interventies",
            author=participant,
            text="Huisarts betrekken",
            column="rarely",
            tags=["angst"],
            reasons=["tijd"],
        )
        Note.objects.create(session=self.session, step_key="interventies", text="=SUM(A1)", column="often")
        SharedAnswer.objects.create(session=self.session, note=note, key="q0", text="Er is weinig tijd")
        ActionPlan.objects.create(
            session=self.session,
            participant=participant,
            shared_key="interventie",
            items={"interventie": "Vaker naasten uitnodigen", "belemmering": "Geheime zorg over collega"},
        )
        self.session.state = {"focus": "afronding", "chosen": [note.pk]}
        self.session.save()

    def test_team_member_reads_the_report_without_private_plans(self):
        self.login(self.member)
        response = self.client.get(reverse("workshops:report", args=[self.session.code]))
        self.assertContains(response, "Huisarts betrekken")
        self.assertContains(response, "Er is weinig tijd")
        self.assertContains(response, "Vaker naasten uitnodigen")
        self.assertContains(response, "beschikbare tijd")
        self.assertContains(response, "Richting afronding")
        self.assertNotContains(response, "Geheime zorg over collega")

    def test_outsider_gets_404(self):
        self.login(self.outsider)
        for name in ("report", "report_pdf", "report_csv"):
            self.assertEqual(
                self.client.get(reverse(f"workshops:{name}", args=[self.session.code])).status_code, 404
            )

    def test_pdf_holds_the_board_and_not_the_private_plan(self):
        self.login(self.owner)
        response = self.client.get(reverse("workshops:report_pdf", args=[self.session.code]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        self.assertIn("Huisarts betrekken", text)
        self.assertNotIn("Geheime zorg", text)

    def test_csv_guards_against_formulas_and_leaves_out_private_plans(self):
        self.login(self.owner)
        response = self.client.get(reverse("workshops:report_csv", args=[self.session.code]))
        body = response.content.decode()
        self.assertIn("'=SUM(A1)", body)
        self.assertIn("Vaker naasten uitnodigen", body)
        self.assertNotIn("Geheime zorg", body)

    def test_ending_the_session_mails_the_report_once(self):
        self.login(self.owner)
        with self.captureOnCommitCallbacks(execute=True):
            act(self.client, self.session, "session.end", step="focus")
        self.assertEqual(Session.objects.get().status, Session.Status.ENDED)
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, [self.owner.email])
        self.assertEqual(message.attachments[0][0], f"verslag-{self.session.code}.pdf")
        self.assertIn("Vaker naasten uitnodigen", message.body)
        self.assertNotIn("Geheime zorg", message.body)
        from houvast.workshops.tasks import send_report

        send_report.call(self.session.pk)
        self.assertEqual(len(mail.outbox), 1)

    def test_a_report_that_could_not_be_sent_is_sent_by_the_next_run(self):
        from io import StringIO

        from django.core.management import call_command

        from houvast.lib.testing import mail_server_down

        self.login(self.owner)
        with mail_server_down(), self.captureOnCommitCallbacks(execute=True):
            response = act(self.client, self.session, "session.end", step="focus")
        self.assertEqual(response.status_code, 200)
        state = Session.objects.get().state
        self.assertNotIn("report_sent", state)
        self.assertNotIn("report_claimed", state)
        self.assertEqual(len(mail.outbox), 0)
        out = StringIO()
        call_command("send_workshop_reminders", stdout=out)
        call_command("send_workshop_reminders", stdout=StringIO())
        self.assertIn("1 reports sent", out.getvalue())
        self.assertEqual([m.to for m in mail.outbox], [[self.owner.email]])
        self.assertIn("report_sent", Session.objects.get().state)

    def test_ended_session_sends_the_facilitator_to_the_report(self):
        Session.objects.filter(pk=self.session.pk).update(status=Session.Status.ENDED)
        self.login(self.member)
        response = self.client.get(reverse("workshops:session", args=[self.session.code]))
        self.assertRedirects(response, reverse("workshops:report", args=[self.session.code]))
