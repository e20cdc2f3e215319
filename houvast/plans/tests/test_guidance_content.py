"""content/plan_guidance.yaml: every part has a plain name for the patient, in Dutch and English."""

from django.test import SimpleTestCase
from django.utils import translation

from houvast.content.schema import ContentError, load_yaml

from ..guidance import FILE, builder_order, parse, sections


def load_raw():
    return load_yaml(FILE)


class PatientLabelTests(SimpleTestCase):
    def test_every_part_and_phase_has_a_patient_label_in_both_languages(self):
        self.assertEqual(len(sections()), 11)
        for section in sections():
            with self.subTest(section.key):
                self.assertTrue(section.patient_title.nl.strip())
                self.assertTrue(section.patient_title.en.strip())
                self.assertNotEqual(section.patient_title.nl, section.patient_title.en)

    def test_phases_keep_their_number_and_name_their_colour_in_words(self):
        # In Dutch whatever an earlier test in this worker left active (a request in English, say).
        with translation.override("nl"):
            headings = [str(s.patient_heading) for s in sections() if s.phase]
        self.assertEqual(
            headings,
            [
                "Fase 1 (groen): Het gaat goed",
                "Fase 2 (geel): Het gaat minder goed",
                "Fase 3 (oranje): Het gaat slecht",
                "Fase 4 (rood): Crisis: ik heb nu hulp nodig",
            ],
        )

    def test_a_part_without_a_patient_label_is_refused(self):
        root = load_raw()
        del root.data["sections"][0]["patient_title"]
        with self.assertRaisesMessage(ContentError, "sections[0].patient_title"):
            parse(root)

    def test_a_patient_label_without_english_is_refused(self):
        root = load_raw()
        root.data["phases"][1]["patient_title"] = {"nl": "Het gaat minder goed"}
        with self.assertRaisesMessage(ContentError, "phases[1].patient_title"):
            parse(root)


class EssentialPartsTests(SimpleTestCase):
    """Issue 13 point 3: the builder starts with the essentials; the content file says which they are."""

    def test_the_essentials_are_the_phases_the_safety_agreements_and_my_people(self):
        essential = {s.key: [f.key for f in s.essential_fields] for s in builder_order() if not s.optional}
        self.assertEqual(
            list(essential),
            ["phase_stable", "phase_early", "phase_worsening", "phase_crisis", "safety", "network"],
        )
        self.assertEqual(essential["safety"], ["when", "who", "reachability", "gp_post"])
        self.assertEqual(essential["network"], ["people"])
        self.assertEqual(len(essential["phase_early"]), 11)
        optional = [s.key for s in builder_order() if s.optional]
        self.assertEqual(optional, ["about", "understanding", "vulnerability", "coping", "review"])

    def test_an_essential_part_without_an_essential_field_is_refused(self):
        root = load_raw()
        safety = next(s for s in root.data["sections"] if s["key"] == "safety")
        for field in safety["fields"]:
            field["optional"] = True
        with self.assertRaisesMessage(ContentError, "an essential part needs one essential field"):
            parse(root)

    def test_optional_must_be_true_or_false(self):
        root = load_raw()
        root.data["sections"][0]["optional"] = "ja"
        with self.assertRaisesMessage(ContentError, "sections[0].optional"):
            parse(root)
