from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from houvast.lib.testing import BaseTestCase, mail_server_down
from houvast.workshops.models import ActionPlan

from .factories import make_session, participant_client


class SendWorkshopRemindersTests(BaseTestCase):
    def make_plan(self, due, email="ik@example.org"):
        session = make_session(self.team, self.owner)
        _client, participant = participant_client(session)
        return ActionPlan.objects.create(
            session=session,
            participant=participant,
            items={"interventie": "Plan maken"},
            reminder_email=email,
            reminder_due=due,
        )

    def test_it_sends_due_reminders_once(self):
        due = self.make_plan(timezone.now() - timedelta(hours=1))
        self.make_plan(timezone.now() + timedelta(days=3))
        out = StringIO()
        call_command("send_workshop_reminders", stdout=out)
        call_command("send_workshop_reminders", stdout=StringIO())
        self.assertIn("1 reminders sent", out.getvalue())
        self.assertEqual([m.to for m in mail.outbox], [["ik@example.org"]])
        due.refresh_from_db()
        self.assertEqual(due.reminder_email, "")

    def test_a_reminder_that_could_not_be_sent_keeps_its_address_and_is_sent_later(self):
        plan = self.make_plan(timezone.now() - timedelta(hours=1))
        with mail_server_down():
            out = StringIO()
            call_command("send_workshop_reminders", stdout=out)
        self.assertIn("0 reminders sent", out.getvalue())
        plan.refresh_from_db()
        self.assertEqual(plan.reminder_email, "ik@example.org")
        self.assertIsNone(plan.reminder_sent_at)
        self.assertIsNone(plan.reminder_claimed_at)
        call_command("send_workshop_reminders", stdout=StringIO())
        self.assertEqual([m.to for m in mail.outbox], [["ik@example.org"]])
        plan.refresh_from_db()
        self.assertEqual(plan.reminder_email, "")
        self.assertIsNotNone(plan.reminder_sent_at)

    def test_a_reminder_claimed_by_another_worker_is_not_sent_twice(self):
        plan = self.make_plan(timezone.now() - timedelta(hours=1))
        ActionPlan.objects.filter(pk=plan.pk).update(reminder_claimed_at=timezone.now())
        call_command("send_workshop_reminders", stdout=StringIO())
        self.assertEqual(len(mail.outbox), 0)
        # A worker killed mid-send: after the lease the reminder is sent after all.
        ActionPlan.objects.filter(pk=plan.pk).update(reminder_claimed_at=timezone.now() - timedelta(hours=1))
        call_command("send_workshop_reminders", stdout=StringIO())
        self.assertEqual(len(mail.outbox), 1)

    def test_only_reports_of_sessions_that_ended_this_week_are_retried(self):
        from houvast.workshops.models import Session

        ended = Session.Status.ENDED
        make_session(self.team, self.owner, status=ended, ended_at=timezone.now() - timedelta(days=8))
        make_session(self.team, self.owner, status=ended, ended_at=timezone.now() - timedelta(days=1))
        out = StringIO()
        call_command("send_workshop_reminders", stdout=out)
        self.assertIn("1 reports sent", out.getvalue())
        self.assertEqual(len(mail.outbox), 1)
