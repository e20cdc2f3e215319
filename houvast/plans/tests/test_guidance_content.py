"""content/plan_guidance.yaml: every part has a plain name for the patient, in Dutch and English."""

from django.test import SimpleTestCase

from houvast.content.schema import ContentError, load_yaml

from ..guidance import FILE, parse, sections


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
