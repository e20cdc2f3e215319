from pathlib import Path
from tempfile import TemporaryDirectory

from django.test import SimpleTestCase

from houvast.lib.management.commands.check_translations import Command

CATALOGUE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Klaar"
msgstr "Done"

msgid ""
"Een lange zin die over meer dan een regel loopt, zodat makemessages hem "
"afbreekt en alleen een lege eerste regel laat zien."
msgstr ""

#, fuzzy
msgid "Opslaan"
msgstr "Save it maybe"
"""


class UntranslatedTests(SimpleTestCase):
    def test_it_finds_wrapped_untranslated_and_fuzzy_strings_but_not_translated_ones(self):
        with TemporaryDirectory() as folder:
            po = Path(folder) / "django.po"
            po.write_text(CATALOGUE, encoding="utf-8")
            found = Command.untranslated(po)
        self.assertEqual(len(found), 2)
        self.assertTrue(found[0].startswith("Een lange zin"))
        self.assertEqual(found[1], "Opslaan")
