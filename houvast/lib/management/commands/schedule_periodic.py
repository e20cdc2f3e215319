from django.core.management.base import BaseCommand

from houvast.lib.periodic import schedule_all


class Command(BaseCommand):
    help = "Queue each recurring sweep (houvast/lib/periodic.py) that has no run waiting yet; safe to rerun."

    def handle(self, **options):
        count = schedule_all()
        self.stdout.write(f"{count} recurring tasks queued.")
