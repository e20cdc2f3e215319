from django.core.management.base import BaseCommand

from houvast.plans.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Email clinician and patient a week before a plan's review date (once per review date)."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"Review reminders sent for {sent} plan(s).")
