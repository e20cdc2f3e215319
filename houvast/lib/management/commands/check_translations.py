"""Fail when a translatable string has no English translation (or is marked fuzzy).

Runs makemessages over the whole tree (each app with a `locale/` folder keeps its own
catalogue), checks every English catalogue, and then puts the catalogues back as they were.
"""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

IGNORE = [".venv", "var", "tests", "bench", "docs", "build", "*.egg-info", "node_modules"]


class Command(BaseCommand):
    help = "Check that makemessages leaves nothing untranslated in English."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="keep the refreshed catalogues")

    def handle(self, update=False, **options):
        base = Path(settings.BASE_DIR)
        before = {
            p: p.read_bytes()
            for p in base.glob("**/locale/en/LC_MESSAGES/django.po")
            if ".venv" not in p.parts
        }
        try:
            call_command("makemessages", locale=["en"], ignore_patterns=IGNORE, no_obsolete=True, verbosity=0)
            problems = []
            for po in sorted(base.glob("**/locale/en/LC_MESSAGES/django.po")):
                if ".venv" not in po.parts:
                    problems += [f"{po.relative_to(base)}: {m}" for m in self.untranslated(po)]
        finally:
            if not update:
                for po in base.glob("**/locale/en/LC_MESSAGES/django.po"):
                    if ".venv" in po.parts:
                        continue
                    if po in before:
                        po.write_bytes(before[po])
                    else:
                        po.unlink()
        if problems:
            raise CommandError(f"{len(problems)} untranslated strings:\n" + "\n".join(problems[:80]))
        self.stdout.write(self.style.SUCCESS("Every string has an English translation."))

    @staticmethod
    def untranslated(po):
        import polib  # a development dependency, like the command itself

        return [
            entry.msgid
            for entry in polib.pofile(str(po))
            if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
        ]
