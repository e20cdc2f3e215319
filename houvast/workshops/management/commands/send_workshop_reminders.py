from django.core.management.base import BaseCommand
from django.utils import timezone

from houvast.workshops.models import ActionPlan
from houvast.workshops.tasks import send_plan_reminder


class Command(BaseCommand):
    help = "Send every mini action plan reminder that is due (next to the deferred task; safe to rerun)."

    def handle(self, *args, **options):
        due = ActionPlan.objects.filter(reminder_sent_at=None, reminder_due__lte=timezone.now()).exclude(
            reminder_email=""
        )
        sent = sum(1 for pk in due.values_list("pk", flat=True) if send_plan_reminder.call(pk))
        self.stdout.write(f"{sent} reminders sent")
