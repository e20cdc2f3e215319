from django.core.management.base import BaseCommand

from houvast.surveys.tasks import schedule_sweep, send_due_summaries


class Command(BaseCommand):
    help = "Send the group summary of every round whose deadline passed (safe to run from cron every minute)."

    def handle(self, *args, **options):
        sent = send_due_summaries()
        schedule_sweep()
        self.stdout.write(f"{sent} summaries sent")
