"""The answer page writes its radios and textareas itself (forms.ResponseForm.statement_rows); they must
stay exactly what Django's widgets would render, and its query count must not grow with what is filled in."""

from django.core.cache import cache
from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.surveys.forms import ResponseForm
from houvast.surveys.models import Response

from .factories import full_post, make_round


class RespondMarkupTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.round, _ = make_round()
        self.url = reverse("surveys:respond", args=[self.round.public_token])

    def assert_widgets_as_django_renders_them(self, html, form):
        for row in form.statement_rows:
            for radio in row.answer:
                self.assertIn(str(radio.tag()), html)
            self.assertIn(str(row.comment), html)

    def test_an_empty_form_has_djangos_radios_and_textareas(self):
        html = self.client.get(self.url).content.decode()
        self.assert_widgets_as_django_renders_them(html, ResponseForm())
        self.assertEqual(html.count('type="radio"'), 60)
        self.assertEqual(html.count(" checked"), 0)

    def test_after_an_error_values_errors_and_aria_stay_as_django_renders_them(self):
        data = {"s1": "4", "s2": "0", "s3": "9", "c1": "Mijn <b>toelichting</b>\nregel 2", "c2": "x" * 2100}
        response = self.client.post(self.url, data)
        self.assertEqual(response.status_code, 400)
        html = response.content.decode()
        self.assert_widgets_as_django_renders_them(html, ResponseForm(data))
        self.assertIn('value="4" id="id_s1_3" required checked>', html)
        self.assertIn('value="1" id="id_s3_0" required aria-invalid="true">', html)
        self.assertIn('aria-invalid="true" aria-describedby="id_c2_error" id="id_c2"', html)
        self.assertIn("Mijn &lt;b&gt;toelichting&lt;/b&gt;\nregel 2</textarea>", html)
        self.assertIn('<ul class="errorlist" id="fout-3"><li>Kies een van de zes antwoorden.</li></ul>', html)

    def test_a_submitted_response_shows_its_answers_checked(self):
        self.client.post(self.url, full_post("2", c4="Eigen woorden"))
        html = self.client.get(self.url).content.decode()
        self.assertEqual(html.count(" checked"), 10)
        self.assertIn("Eigen woorden</textarea>", html)

    def test_the_query_count_does_not_depend_on_what_is_filled_in(self):
        with self.assertNumQueries(1):  # a first visit: a new device has no response to look up
            self.client.get(self.url)
        with self.assertNumQueries(1):  # the round with this device's response (a join)
            self.client.get(self.url)
        self.client.post(self.url, {"s1": "4", "c1": "Half af"})  # a draft
        with self.assertNumQueries(1):
            self.client.get(self.url)
        self.client.post(self.url, full_post("3", c1="Klaar", c2="Ook"))
        self.assertTrue(Response.objects.get().submitted_at)
        with self.assertNumQueries(2):  # the round with the response, and its answers in one query
            self.client.get(self.url)

    def test_a_first_visit_reuses_the_empty_fieldsets_per_language(self):
        self.client.get(self.url)
        again = self.client.get(self.url)
        self.assertNotIn("surveys/_response_fields.html", [t.name for t in again.templates])
        self.assert_widgets_as_django_renders_them(again.content.decode(), ResponseForm())
        english = self.client.get(self.url, headers={"accept-language": "en"})
        self.assertContains(english, 'lang="en"')
        self.assertNotContains(english, "Helemaal oneens")
