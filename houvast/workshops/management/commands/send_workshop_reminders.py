from django.core.management.base import BaseCommand

from houvast.workshops.tasks import retry_unsent


class Command(BaseCommand):
    help = (
        "Send every mini action plan reminder that is due and every session report whose sending failed "
        "(the worker does this every 10 minutes; safe to rerun)."
    )

    def handle(self, *args, **options):
        sent = retry_unsent()
        self.stdout.write(f"{sent['reminders']} reminders sent, {sent['reports']} reports sent")
