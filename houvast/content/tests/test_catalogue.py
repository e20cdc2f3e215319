from django.test import TestCase
from django.urls import reverse


class CatalogueTest(TestCase):
    url = reverse("content:catalogue")

    def test_it_lists_the_three_werkvormen_for_anyone(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        for title in ("Interventies in de praktijk", "Stellingen", "Vaardigheden versterken met je patiënt"):
            self.assertContains(response, title)
        self.assertContains(response, "± 1 uur")
        self.assertContains(response, "Samen inzicht krijgen in jullie huidige werkwijze")

    def test_it_links_to_details_and_handouts(self):
        response = self.client.get(self.url)
        self.assertContains(response, 'href="/werkvormen/interventies-in-de-praktijk/"')
        self.assertContains(response, 'href="/werkvormen/stellingen/handleiding.pdf"')
        self.assertContains(response, 'href="/werkvormen/vaardigheden-versterken/"')

    def test_it_speaks_english(self):
        response = self.client.get(self.url, headers={"accept-language": "en"})
        self.assertContains(response, "Interventions in practice")
        self.assertContains(response, "Strengthening skills with your patient")
        self.assertContains(response, "See the steps")

    def test_post_is_refused(self):
        self.assertEqual(self.client.post(self.url).status_code, 405)
