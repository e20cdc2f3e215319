from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from houvast.lib.periodic import run_sweep
from houvast.lib.testing import mail_server_down

from ..models import Plan
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

    def test_review_dates_more_than_a_week_away_wait(self):
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate() + timedelta(days=8))
        call_command("send_plan_reminders", stdout=StringIO())
        self.assertEqual(mail.outbox, [])

    def test_the_reminder_comes_a_week_before_and_speaks_of_the_future(self):
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate() + timedelta(days=7))
        call_command("send_plan_reminders", stdout=StringIO())
        self.assertEqual(len(mail.outbox), 2)
        bodies = " ".join(m.body for m in mail.outbox)
        self.assertIn("bekijken jullie je terugvalpreventieplan weer samen", bodies)
        self.assertIn("staat de bespreking", bodies)
        self.assertNotIn("stond", bodies)

    def test_a_passed_review_date_is_spoken_of_in_the_past(self):
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate() - timedelta(days=1))
        call_command("send_plan_reminders", stdout=StringIO())
        self.assertIn("stond de bespreking", " ".join(m.body for m in mail.outbox))

    def test_a_mail_server_that_is_down_leaves_the_reminder_for_the_next_run(self):
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate())
        with mail_server_down():
            out = StringIO()
            call_command("send_plan_reminders", stdout=out)
        self.assertIn("0 plan", out.getvalue())
        self.plan.refresh_from_db()
        self.assertIsNone(self.plan.reminder_sent_for)
        call_command("send_plan_reminders", stdout=StringIO())
        self.assertEqual(len(mail.outbox), 2)

    def test_the_recurring_sweep_sends_too(self):
        Plan.objects.filter(pk=self.plan.pk).update(review_date=timezone.localdate())
        run_sweep.enqueue("plan_reviews")
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("Piet Patiënt", mail.outbox[0].subject + mail.outbox[1].subject)
