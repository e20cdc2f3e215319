from django.test import TestCase


class CardViewTests(TestCase):
    def test_it_shows_front_and_back_with_a_flip_button(self):
        response = self.client.get("/kaarten/vast-ritme/")
        self.assertContains(response, "Een vast ritme")
        self.assertContains(response, "Hoe ziet een gewone dag er voor jou uit?")
        self.assertContains(response, 'aria-pressed="false"')
        self.assertContains(response, "aria-live")

    def test_an_unknown_card_is_404(self):
        self.assertEqual(self.client.get("/kaarten/bestaat-niet/").status_code, 404)
