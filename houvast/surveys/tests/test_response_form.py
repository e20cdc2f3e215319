"""The answer form's fields are built once and shared by every form; what a form holds stays its own."""

from django.test import SimpleTestCase
from django.utils import translation

from houvast.surveys.content import statement_set
from houvast.surveys.forms import ResponseForm

from .factories import full_post


class ResponseFormTests(SimpleTestCase):
    def test_forms_share_their_fields(self):
        first, second = ResponseForm(), ResponseForm(full_post("4"))
        self.assertIs(first.fields["s1"], second.fields["s1"])
        self.assertIsNot(first.fields, second.fields)

    def test_errors_and_typed_text_stay_with_their_own_form(self):
        broken = ResponseForm({**full_post("4"), "s1": "", "c2": "Alleen van mij"})
        fine = ResponseForm(full_post("5"))
        self.assertFalse(broken.is_valid())
        self.assertTrue(fine.is_valid())
        self.assertIn("s1", broken.errors)
        self.assertEqual(fine.errors, {})
        self.assertNotIn("Alleen van mij", str(fine["c2"]))
        self.assertIn("Alleen van mij", str(broken["c2"]))
        self.assertEqual(fine.cleaned_data["s1"], 5)

    def test_labels_and_messages_follow_the_language_of_the_request(self):
        with translation.override("nl"):
            ResponseForm()  # the shared fields may first be built in Dutch
        with translation.override("en"):
            form = ResponseForm({"s1": "9"})
            form.is_valid()
            self.assertEqual(str(form["s1"].label), statement_set().get(1).text.en)
            self.assertIn("Choose one of the six answers.", form.errors["s1"])
            self.assertEqual(str(form.statement_rows[0].choices[0].label), "Strongly disagree")
        with translation.override("nl"):
            form = ResponseForm({"s1": "9"})
            form.is_valid()
            self.assertIn("Kies een van de zes antwoorden.", form.errors["s1"])
