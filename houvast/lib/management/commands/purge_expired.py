from django.core.management.base import BaseCommand

from houvast.lib.retention import purge_all


class Command(BaseCommand):
    help = "Delete what is kept longer than its retention setting (answers, sessions, links, logs …)."

    def handle(self, **options):
        for kind, count in purge_all().items():
            self.stdout.write(f"{kind}: {count} removed")
