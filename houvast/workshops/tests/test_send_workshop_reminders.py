from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from houvast.lib.testing import BaseTestCase
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
