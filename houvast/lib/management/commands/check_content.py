"""Load and validate every content file; a broken file stops with a message naming it."""

from django.core.management.base import BaseCommand, CommandError

from houvast.content.registry import load_all


class Command(BaseCommand):
    help = "Validate the content files under content/."

    def handle(self, **options):
        from houvast.content.schema import ContentError

        try:
            loaded = load_all(force=True)
        except ContentError as e:
            raise CommandError(str(e)) from e
        for name, count in loaded:
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(self.style.SUCCESS("Content files are valid."))
