import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import SimpleTestCase, override_settings


class CheckContentCommandTest(SimpleTestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.tmp)
        for path in Path(settings.CONTENT_DIR).iterdir():
            if path.is_file():
                shutil.copy(path, self.tmp / path.name)

    def break_file(self, name, old, new):
        path = self.tmp / name
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def test_valid_files_pass(self):
        with override_settings(CONTENT_DIR=self.tmp):
            call_command("check_content", stdout=open("/dev/null", "w"))

    def test_a_broken_werkvormen_file_names_the_file_and_field(self):
        self.break_file("werkvormen.yaml", "planned_minutes: 60", "planned_minutes: zestig")
        with override_settings(CONTENT_DIR=self.tmp), self.assertRaises(CommandError) as caught:
            call_command("check_content")
        message = str(caught.exception)
        self.assertIn("werkvormen.yaml", message)
        self.assertIn("werkvormen[0].planned_minutes", message)
        self.assertIn("must be a whole number", message)

    def test_a_broken_knowledge_file_names_the_file_and_field(self):
        self.break_file("kennis.yaml", "key: vroege-signalen", "key: signalen")
        with override_settings(CONTENT_DIR=self.tmp), self.assertRaises(CommandError) as caught:
            call_command("check_content")
        message = str(caught.exception)
        self.assertIn("kennis.yaml", message)
        self.assertIn("sections[1].items", message)
        self.assertIn("vroege-signalen", message)

    def test_a_key_written_twice_is_an_error_with_its_line(self):
        self.break_file("kennis.yaml", "key: vroege-signalen", "key: vroege-signalen\n        key: signalen")
        with override_settings(CONTENT_DIR=self.tmp), self.assertRaises(CommandError) as caught:
            call_command("check_content")
        message = str(caught.exception)
        self.assertIn("kennis.yaml", message)
        self.assertIn("'key' appears twice", message)
        self.assertIn("line", message)

    def test_a_file_that_is_not_utf8_says_so(self):
        path = self.tmp / "kennis.yaml"
        path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
        with override_settings(CONTENT_DIR=self.tmp), self.assertRaises(CommandError) as caught:
            call_command("check_content")
        self.assertIn("kennis.yaml", str(caught.exception))
        self.assertIn("not UTF-8", str(caught.exception))
