from django.urls import reverse
from pypdf import PdfReader

from houvast.lib.testing import BaseTestCase

from .factories import add_responses, make_closed_round


class SummaryPageTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.round, self.token = make_closed_round(min_responses=3)

    def test_below_the_minimum_it_says_how_many_are_missing(self):
        add_responses(self.round, [[4] * 10])
        response = self.client.get(reverse("surveys:summary", args=[self.token]))
        self.assertContains(response, "Er zijn nog 2 online reacties nodig")
        self.assertNotContains(response, "<svg")

    def test_it_shows_charts_tables_comments_and_the_discussion_questions(self):
        add_responses(self.round, [[1] * 10, [5] * 10, [4] * 10], comment="<b>vet</b>")
        response = self.client.get(reverse("surveys:summary", args=[self.token]))
        self.assertContains(response, 'role="img"', count=10)
        self.assertContains(response, "<table", count=10)
        self.assertContains(response, "&lt;b&gt;vet&lt;/b&gt;")
        self.assertContains(response, "Welke patronen vallen op?")
        self.assertContains(response, "Wat valt op")

    def test_the_pdf_has_the_summary(self):
        add_responses(self.round, [[4] * 10] * 3)
        response = self.client.get(reverse("surveys:summary_pdf", args=[self.token]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        text = "".join(
            page.extract_text() for page in PdfReader(__import__("io").BytesIO(response.content)).pages
        )
        self.assertIn("Groepssamenvatting", text)
        self.assertIn("Netwerk Oost", text)

    def test_the_answer_tables_can_be_reached_and_scrolled_by_keyboard(self):
        add_responses(self.round, [[4] * 10] * 3)
        response = self.client.get(reverse("surveys:summary", args=[self.token]))
        self.assertContains(
            response, 'tabindex="0" role="region" aria-label="Antwoorden bij stelling 3"', count=1
        )

    def test_the_pdf_legend_swatches_are_artifacts_not_figures(self):
        add_responses(self.round, [[4] * 10] * 3)
        response = self.client.get(reverse("surveys:summary_pdf", args=[self.token]))
        reader = PdfReader(__import__("io").BytesIO(response.content))
        figures = []

        def walk(element):
            element = element.get_object()
            if element.get("/S") == "/Figure":
                figures.append(element)
            kids = element.get("/K", [])
            for kid in kids if isinstance(kids, list) else [kids]:
                if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                    walk(kid)

        walk(reader.trailer["/Root"]["/StructTreeRoot"])
        # One figure per statement chart (with its text alternative); none for the five swatches.
        self.assertEqual(len(figures), 10)

    def test_the_pdf_is_404_below_the_minimum(self):
        self.assertEqual(self.client.get(reverse("surveys:summary_pdf", args=[self.token])).status_code, 404)

    def test_outsider_gets_404(self):
        self.assertEqual(self.client.get(reverse("surveys:summary", args=["nope" * 8])).status_code, 404)
