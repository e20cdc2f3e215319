from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from houvast.lib.testing import BaseTestCase
from houvast.surveys.models import Round

from .factories import add_responses, full_post, make_round


class ManageTests(BaseTestCase):
    def test_a_pending_round_asks_for_confirmation(self):
        round_obj, token = make_round(status=Round.Status.PENDING, activated_at=None)
        response = self.client.get(reverse("surveys:manage", args=[token]))
        self.assertContains(response, "Ja, start de ronde")
        round_obj.refresh_from_db()
        self.assertTrue(round_obj.is_pending)

    def test_confirming_opens_the_round(self):
        round_obj, token = make_round(status=Round.Status.PENDING, activated_at=None)
        response = self.client.post(reverse("surveys:confirm", args=[token]))
        self.assertRedirects(response, reverse("surveys:manage", args=[token]))
        round_obj.refresh_from_db()
        self.assertEqual(round_obj.status, Round.Status.OPEN)

    def test_it_shows_link_qr_invitation_and_count(self):
        round_obj, token = make_round()
        add_responses(round_obj, [[4] * 10] * 2)
        response = self.client.get(reverse("surveys:manage", args=[token]))
        self.assertContains(response, round_obj.public_token)
        self.assertContains(response, "<svg")
        self.assertContains(response, "Beste collega")
        self.assertContains(response, "2 reacties")
        self.assertContains(response, "Nog 3 online reacties nodig")

    def test_a_network_name_cannot_break_out_of_the_invitation(self):
        attack = '</textarea><a href="https://phish.example/">Log opnieuw in</a><form action="https://phish.example/">'
        round_obj, token = make_round(network_name=attack, coordinator_name="<b>Carla</b>")
        response = self.client.get(reverse("surveys:manage", args=[token]))
        page = response.content.decode()
        self.assertNotIn('<a href="https://phish.example/">', page)
        self.assertNotIn('<form action="https://phish.example/">', page)
        self.assertNotIn("<b>Carla</b>", page)
        self.assertEqual(page.count("</textarea>"), 1)
        self.assertIn("&lt;/textarea&gt;&lt;a href=&quot;https://phish.example/&quot;&gt;", page)

    def test_the_count_partial_polls(self):
        round_obj, token = make_round()
        response = self.client.get(reverse("surveys:count", args=[token]))
        self.assertContains(response, 'hx-trigger="every 5s"')

    def test_an_unknown_token_gets_404(self):
        make_round()
        self.assertEqual(self.client.get(reverse("surveys:manage", args=["x" * 32])).status_code, 404)

    def test_team_members_reach_a_team_round_by_id(self):
        round_obj, _ = make_round(team=self.team)
        self.login(self.member)
        self.assertEqual(self.client.get(reverse("surveys:manage", args=[round_obj.pk])).status_code, 200)

    def test_outsider_gets_404(self):
        round_obj, _ = make_round(team=self.team)
        self.login(self.outsider)
        self.assertEqual(self.client.get(reverse("surveys:manage", args=[round_obj.pk])).status_code, 404)

    def test_anonymous_visitor_gets_404_for_an_id(self):
        round_obj, _ = make_round(team=self.team)
        self.assertEqual(self.client.get(reverse("surveys:manage", args=[round_obj.pk])).status_code, 404)

    def test_a_team_member_cannot_confirm_in_place_of_the_email_owner(self):
        round_obj, _ = make_round(team=self.team, status=Round.Status.PENDING, activated_at=None)
        self.login(self.member)
        response = self.client.get(reverse("surveys:manage", args=[round_obj.pk]))
        self.assertContains(response, "bevestigingsmail")
        self.assertEqual(self.client.post(reverse("surveys:confirm", args=[round_obj.pk])).status_code, 404)
        round_obj.refresh_from_db()
        self.assertTrue(round_obj.is_pending)

    def test_a_pending_round_cannot_be_opened_or_used_other_than_by_the_email_link(self):
        round_obj, _ = make_round(team=self.team, status=Round.Status.PENDING, activated_at=None)
        self.login(self.member)
        key = str(round_obj.pk)
        day = (timezone.localdate() + timedelta(days=30)).isoformat()
        for name, data in [
            ("surveys:extend", {"deadline": day}),
            ("surveys:reopen", {}),
            ("surveys:close", {}),
            ("surveys:send_now", {}),
            ("surveys:repeat", {}),
            ("surveys:paper_entry", full_post("4")),
        ]:
            with self.subTest(name):
                self.assertEqual(self.client.post(reverse(name, args=[key]), data).status_code, 404)
        round_obj.refresh_from_db()
        self.assertTrue(round_obj.is_pending)
        self.assertEqual(Round.objects.count(), 1)
        self.assertEqual(round_obj.responses.count(), 0)
        self.assertEqual(mail.outbox, [])
