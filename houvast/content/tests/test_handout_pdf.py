import io
import tempfile
from pathlib import Path
from unittest import mock

from django.test import TestCase, override_settings
from django.urls import reverse
from pypdf import PdfReader

from houvast.content.werkvormen import all_werkvormen
from houvast.lib.testing import FakePdfLayout


class HandoutPdfTest(TestCase):
    def text_of(self, slug, language="nl"):
        response = self.client.get(
            reverse("content:handout", args=[slug]), headers={"accept-language": language}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        reader = PdfReader(io.BytesIO(response.content))
        # Lines break anywhere in a PDF: compare with all whitespace folded.
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), response

    def test_it_holds_title_steps_and_figures(self):
        text, response = self.text_of("interventies-in-de-praktijk")
        self.assertIn("handleiding-interventies-in-de-praktijk.pdf", response["Content-Disposition"])
        self.assertIn("Interventies in de praktijk", text)
        for step in ("Gezamenlijke focus", "Interventies in kaart", "Cluster & vergelijk", "Mini-actieplan"):
            self.assertIn(step, text)
        for figure in ("57 %", "38 %", "75 %", "62 %", "(5 min)", "(20 min)"):
            self.assertIn(figure, text)
        self.assertIn("Bron:", text)

    def test_step_5_has_the_optional_shared_action_after_the_three_items_as_in_the_seed(self):
        for language, items, optional in (
            ("nl", ["1 interventie die", "1 afspraak die", "1 belemmering die"], "Optioneel: deel één actie"),
            ("en", ["1 intervention I", "1 agreement I", "1 obstacle I"], "Optional: share one action"),
        ):
            text, _response = self.text_of("interventies-in-de-praktijk", language)
            step = text[text.index("Mini-actieplan" if language == "nl" else "Mini action plan") :]
            positions = [step.index(item) for item in items]
            self.assertEqual(positions, sorted(positions), language)
            self.assertGreater(step.index(optional), positions[-1], language)

    def test_every_werkvorm_has_a_handout_with_all_steps_in_english(self):
        for werkvorm in all_werkvormen():
            text, response = self.text_of(werkvorm.slug, "en")
            self.assertIn(werkvorm.title.en, text)
            self.assertIn("-en.pdf", response["Content-Disposition"])
            for step in werkvorm.steps:
                self.assertIn(" ".join(step.title.en.split()), text)

    def test_the_stellingen_handout_holds_the_ten_statements(self):
        from houvast.surveys.content import statement_set

        text, _response = self.text_of("stellingen")
        for statement in statement_set().statements:
            self.assertIn(" ".join(statement.text.nl.split()), text)

    def test_a_handout_is_rendered_once_per_language_and_reused(self):
        with tempfile.TemporaryDirectory() as folder, override_settings(PDF_CACHE_DIR=folder):
            first = self.text_of("stellingen")[1].content
            [cached] = Path(folder).rglob("*.pdf")
            self.assertEqual(cached.read_bytes(), first)
            self.assertEqual(self.text_of("stellingen")[1].content, first)
            self.assertNotEqual(self.text_of("stellingen", "en")[1].content, first)
            self.assertEqual(len(list(Path(folder).rglob("*.pdf"))), 2)

    def test_it_is_tagged_for_accessibility(self):
        response = self.client.get(reverse("content:handout", args=["stellingen"]))
        reader = PdfReader(io.BytesIO(response.content))
        self.assertIn("/StructTreeRoot", reader.trailer["/Root"])

    def test_an_unknown_werkvorm_is_404(self):
        self.assertEqual(self.client.get("/werkvormen/bestaat-niet/handleiding.pdf").status_code, 404)


class HandoutPdfCacheTest(FakePdfLayout, TestCase):
    def test_each_werkvorm_and_language_is_its_own_pdf_and_a_repeat_renders_nothing(self):
        url = reverse("content:handout", args=["stellingen"])
        first = self.download(url)
        with mock.patch("houvast.content.views.render_html") as render:
            self.assertEqual(self.download(url), first)
        render.assert_not_called()
        self.assertIn("Ik betrek naasten bij terugvalpreventie.", first)
        self.assertNotEqual(self.download(url, headers={"accept-language": "en"}), first)
        other = [w.slug for w in all_werkvormen() if w.slug != "stellingen"][0]
        self.assertNotEqual(self.download(reverse("content:handout", args=[other])), first)
