import tempfile
from pathlib import Path

from django.core import mail
from django.test import override_settings
from django.urls import reverse

from houvast.lib.testing import mail_server_down

from ..models import AccessLog, Plan, PlanSection, PlanVersion
from .helpers import PlanTestCase


class DeleteTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:delete", args=[self.plan.pk])
        self.login(self.owner)
        self.fill()
        PlanVersion.objects.create(plan=self.plan, number=1, data={}, professional_name="O", patient_name="P")

    def test_deleting_needs_a_tick(self):
        response = self.client.post(self.url, {})
        self.assertContains(response, "Vink dit aan")
        self.assertTrue(Plan.objects.filter(pk=self.plan.pk).exists())

    def test_the_plan_goes_with_its_versions_but_the_log_stays(self):
        """Issue 11 item 7: the owner cannot delete the evidence together with the plan."""
        plan_id = self.plan.pk
        self.client.get(reverse("plans:builder", args=[plan_id]))
        response = self.client.post(self.url, {"confirm": "on"})
        self.assertRedirects(response, reverse("plans:list"))
        self.assertFalse(Plan.objects.filter(pk=plan_id).exists())
        self.assertFalse(PlanSection.objects.exists())
        self.assertFalse(PlanVersion.objects.exists())
        entries = AccessLog.objects.filter(plan_uuid=plan_id)
        self.assertEqual([e.action for e in entries], ["delete", "view"])
        self.assertTrue(all(e.plan_id is None and e.plan_label == "Piet Patiënt" for e in entries))
        deletion = entries.first()
        self.assertEqual(deletion.actor, self.owner)
        self.assertEqual((deletion.actor_role, deletion.source), ("clinician", "web"))

    def test_the_patient_gets_an_email(self):
        self.client.post(self.url, {"confirm": "on"})
        (message,) = mail.outbox
        self.assertEqual(message.to, ["patient@example.org"])
        self.assertEqual(message.subject, "Je terugvalpreventieplan in Houvast is verwijderd")
        self.assertIn("Olga Eigenaar van FACT-team Noord heeft je terugvalpreventieplan", message.body)
        self.assertIn("bewaren we nog 5 jaar", message.body)

    def test_a_mail_server_that_is_down_still_deletes_and_says_so(self):
        with mail_server_down():
            response = self.client.post(self.url, {"confirm": "on"}, follow=True)
        self.assertContains(response, "De e-mail aan de patiënt kon niet worden verstuurd")
        self.assertFalse(Plan.objects.filter(pk=self.plan.pk).exists())

    def test_a_team_deleted_by_an_operator_logs_each_plan_deletion(self):
        plan_id = self.plan.pk
        self.team.delete()
        deletion = AccessLog.objects.get(plan_uuid=plan_id, action=AccessLog.Action.DELETE)
        self.assertEqual((deletion.actor, deletion.actor_role, deletion.source), (None, "admin", "system"))

    def test_the_plan_pdfs_go_with_the_plan(self):
        with tempfile.TemporaryDirectory() as folder, override_settings(PDF_CACHE_DIR=folder):
            self.assertEqual(self.client.get(reverse("plans:pdf", args=[self.plan.pk])).status_code, 200)
            self.assertEqual(len(list(Path(folder).rglob("*.pdf"))), 1)
            self.client.post(self.url, {"confirm": "on"})
            self.assertEqual(list(Path(folder).rglob("*.pdf")), [])

    def test_a_colleague_with_access_cannot_delete(self):
        self.plan.colleagues.add(self.member)
        self.login(self.member)
        self.assertEqual(self.client.post(self.url, {"confirm": "on"}).status_code, 404)
        self.assertTrue(Plan.objects.filter(pk=self.plan.pk).exists())
