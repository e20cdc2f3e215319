import shutil
import tempfile
from pathlib import Path

import yaml
from django.conf import settings
from django.test import SimpleTestCase, override_settings
from django.utils import translation

from houvast.content.schema import ContentError
from houvast.content.werkvormen import all_werkvormen, get_werkvorm, load


class WerkvormenContentTest(SimpleTestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.tmp)
        with open(Path(settings.CONTENT_DIR) / "werkvormen.yaml", encoding="utf-8") as f:
            self.data = yaml.safe_load(f)

    def write(self, data=None, raw=None):
        text = raw if raw is not None else yaml.safe_dump(data or self.data, allow_unicode=True)
        (self.tmp / "werkvormen.yaml").write_text(text, encoding="utf-8")
        return override_settings(CONTENT_DIR=self.tmp)

    def assert_broken(self, field, problem, data=None, raw=None):
        with self.write(data, raw):
            with self.assertRaises(ContentError) as caught:
                all_werkvormen(force=True)
        message = str(caught.exception)
        self.assertIn("werkvormen.yaml", message)
        self.assertIn(field, message)
        self.assertIn(problem, message)

    def test_the_real_file_loads(self):
        self.assertEqual(load(force=True), ("werkvormen", 3))

    def test_it_has_the_fixed_slugs_and_step_keys(self):
        werkvorm = get_werkvorm("interventies-in-de-praktijk")
        self.assertTrue(werkvorm.live)
        self.assertEqual(
            [s.key for s in werkvorm.steps], ["focus", "interventies", "cluster", "verdieping", "actieplan"]
        )
        self.assertEqual([s.number for s in werkvorm.steps], [1, 2, 3, 4, 5])
        self.assertEqual([s.minutes for s in werkvorm.steps], [5, 10, 20, 15, 10])
        self.assertTrue(all(s.kind == s.key for s in werkvorm.steps))
        self.assertFalse(get_werkvorm("stellingen").live)
        self.assertEqual(
            [s.key for s in get_werkvorm("stellingen").steps], ["voorbereiding", "plenair", "vervolg"]
        )
        self.assertEqual(len(get_werkvorm("stellingen").get_step("plenair").questions), 3)
        self.assertIsNone(get_werkvorm("bestaat-niet"))

    def test_texts_follow_the_active_language(self):
        werkvorm = get_werkvorm("vaardigheden-versterken")
        with translation.override("nl"):
            self.assertEqual(str(werkvorm.title), "Vaardigheden versterken met je patiënt")
        with translation.override("en"):
            self.assertEqual(str(werkvorm.title), "Strengthening skills with your patient")
        self.assertEqual(str(werkvorm.steps[0].duration), "20 min")
        self.assertEqual(get_werkvorm("stellingen").steps[1].duration.nl, "45–60 min")

    def test_it_keeps_the_survey_figures(self):
        werkvorm = get_werkvorm("interventies-in-de-praktijk")
        self.assertEqual([f.value for f in werkvorm.figures], ["57 %", "38 %", "75 %", "62 %"])
        self.assertIn("57 % van de professionals", werkvorm.figures[0].nl)
        self.assertEqual(len(werkvorm.most_used), 4)
        self.assertEqual(len(werkvorm.also_used), 3)
        self.assertTrue(werkvorm.source_url.startswith("https://akwaggz.nl/"))

    def test_missing_field_names_file_and_field(self):
        del self.data["werkvormen"][0]["goal"]
        self.assert_broken("werkvormen[0].goal", "is missing")

    def test_missing_translation_names_the_language(self):
        del self.data["werkvormen"][1]["steps"][0]["title"]["en"]
        self.assert_broken("werkvormen[1].steps[0].title.en", "is missing or empty")

    def test_wrong_type_is_refused(self):
        self.data["werkvormen"][0]["steps"][2]["minutes"] = "twintig"
        self.assert_broken("werkvormen[0].steps[2].minutes", "must be a whole number")

    def test_live_must_be_true_or_false(self):
        self.data["werkvormen"][0]["live"] = "ja"
        self.assert_broken("werkvormen[0].live", "must be true or false")

    def test_a_renamed_step_key_is_refused(self):
        self.data["werkvormen"][0]["steps"][0]["key"] = "start"
        self.assert_broken("werkvormen[0].steps", "step keys must be focus")

    def test_a_missing_werkvorm_is_refused(self):
        del self.data["werkvormen"][1]
        self.assert_broken("werkvormen", "'stellingen' is missing")

    def test_bad_yaml_is_refused_with_its_line(self):
        self.assert_broken("the file", "is not valid YAML (line 2", raw="werkvormen:\n  - slug: x: y\n")

    def test_a_missing_file_is_refused(self):
        with override_settings(CONTENT_DIR=self.tmp):
            with self.assertRaises(ContentError) as caught:
                all_werkvormen(force=True)
        self.assertIn("does not exist", str(caught.exception))
