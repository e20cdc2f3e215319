from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ..models import Plan
from ..reminders import send_plan_reminders
from .patient_setup import PatientPlanTestCase


class SendPlanRemindersTests(PatientPlanTestCase):
    def test_it_emails_clinician_and_patient_once_per_review_date(self):
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate())
        out = StringIO()
        call_command("send_plan_reminders", stdout=out)
        self.assertIn("1 plan", out.getvalue())
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), ["eigenaar@example.org", "patient@example.org"]
        )
        call_command("send_plan_reminders", stdout=StringIO())
        self.assertEqual(len(mail.outbox), 2)

    def test_a_new_review_date_gets_a_new_reminder(self):
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate() - timedelta(days=30))
        call_command("send_plan_reminders", stdout=StringIO())
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate())
        call_command("send_plan_reminders", stdout=StringIO())
        self.assertEqual(len(mail.outbox), 4)

    def test_future_review_dates_wait(self):
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate() + timedelta(days=1))
        call_command("send_plan_reminders", stdout=StringIO())
        self.assertEqual(mail.outbox, [])

    def test_the_task_sends_too(self):
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate())
        send_plan_reminders.enqueue()
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("Piet Patiënt", mail.outbox[0].subject + mail.outbox[1].subject)
