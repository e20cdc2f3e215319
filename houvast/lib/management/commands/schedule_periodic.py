from django.core.management.base import BaseCommand

from houvast.lib.periodic import schedule_all


class Command(BaseCommand):
    help = "Queue the recurring sweeps (summaries due, plan review reminders) when they are not queued yet."

    def handle(self, **options):
        count = schedule_all()
        self.stdout.write(f"{count} recurring tasks are queued.")
