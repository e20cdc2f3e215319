from datetime import timedelta

from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from houvast.lib.testing import BaseTestCase, mail_server_down
from houvast.workshops.models import ActionPlan
from houvast.workshops.tasks import send_plan_reminder

from .factories import act, make_session, participant_client


class PlanEmailTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.session = make_session(self.team, self.owner, step_index=4)
        self.client, self.participant = participant_client(self.session)
        self.url = reverse("workshops:plan_email", args=[self.session.code])

    def save_plan(self):
        act(
            self.client,
            self.session,
            "plan.save",
            step="actieplan",
            interventie="Plan maken",
            afspraak="Huisarts",
        )

    def test_plan_must_exist_before_mailing(self):
        response = self.client.post(self.url, {"email": "ik@example.org"}, HTTP_ACCEPT="application/json")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Schrijf eerst", response.json()["message"])
        self.assertEqual(len(mail.outbox), 0)

    def test_wrong_address_gets_a_kind_message(self):
        self.save_plan()
        response = self.client.post(self.url, {"email": "geen-adres"}, HTTP_ACCEPT="application/json")
        self.assertEqual(response.status_code, 400)
        self.assertIn("@", response.json()["message"])

    def test_plan_is_mailed_with_an_ics_and_the_address_is_not_kept(self):
        self.save_plan()
        response = self.client.post(self.url, {"email": "ik@example.org"}, HTTP_ACCEPT="application/json")
        self.assertTrue(response.json()["ok"])
        message = mail.outbox[0]
        self.assertEqual(message.to, ["ik@example.org"])
        self.assertIn("Plan maken", message.body)
        self.assertEqual(message.attachments[0][0], "mini-actieplan.ics")
        self.assertEqual(ActionPlan.objects.get().reminder_email, "")

    def test_reminder_is_sent_once_after_two_weeks_and_the_address_forgotten(self):
        self.save_plan()
        self.client.post(
            self.url, {"email": "ik@example.org", "reminder": "on"}, HTTP_ACCEPT="application/json"
        )
        plan = ActionPlan.objects.get()
        self.assertEqual(plan.reminder_email, "ik@example.org")
        self.assertFalse(send_plan_reminder.call(plan.pk))  # not due yet
        ActionPlan.objects.filter(pk=plan.pk).update(reminder_due=timezone.now() - timedelta(minutes=1))
        mail.outbox.clear()
        self.assertTrue(send_plan_reminder.call(plan.pk))
        self.assertFalse(send_plan_reminder.call(plan.pk))
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("Plan maken", mail.outbox[0].body)
        plan.refresh_from_db()
        self.assertEqual(plan.reminder_email, "")
        self.assertIsNotNone(plan.reminder_sent_at)

    def test_facilitator_has_no_plan_to_mail(self):
        self.login(self.owner)
        from django.test import Client

        facilitator = Client()
        facilitator.force_login(self.owner)
        response = facilitator.post(self.url, {"email": "ik@example.org"}, HTTP_ACCEPT="application/json")
        self.assertEqual(response.status_code, 400)

    def test_mail_server_down_gets_a_kind_message_and_keeps_everything(self):
        self.save_plan()
        with mail_server_down():
            response = self.client.post(
                self.url, {"email": "ik@example.org", "reminder": "on"}, HTTP_ACCEPT="application/json"
            )
        self.assertEqual(response.status_code, 503)
        self.assertIn("Je plan is wel bewaard", response.json()["message"])
        plan = ActionPlan.objects.get()
        self.assertEqual(plan.items["interventie"], "Plan maken")
        self.assertEqual(plan.reminder_email, "")  # no reminder for a plan that never arrived

    def test_without_javascript_the_typed_address_stays_filled_in(self):
        self.save_plan()
        with mail_server_down():
            response = self.client.post(self.url, {"email": "ik@example.org", "reminder": "on"})
        self.assertContains(response, "Het mailen lukt nu even niet", status_code=503)
        self.assertContains(response, 'value="ik@example.org"', status_code=503)
        self.assertContains(response, 'id="plan-reminder" checked', status_code=503)
        self.assertContains(response, "Plan maken", status_code=503)
