from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.workshops.models import ActionPlan, Note, Session

from .factories import act, make_session, participant_client

STEPS = ["focus", "interventies", "cluster", "verdieping", "actieplan"]


class SessionPageTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.session = make_session(self.team, self.owner)
        self.url = reverse("workshops:session", args=[self.session.code])

    def test_facilitator_sees_controls_code_and_qr(self):
        self.login(self.owner)
        response = self.client.get(self.url)
        self.assertContains(response, "Volgende stap")
        self.assertContains(response, self.session.code)
        self.assertContains(response, "<svg")
        self.assertContains(response, "Stap 1 van 5")

    def test_participant_sees_stage_without_controls(self):
        client, _participant = participant_client(self.session)
        response = client.get(self.url)
        self.assertContains(response, "Stap 1 van 5")
        self.assertNotContains(response, "Volgende stap")

    def test_the_join_qr_code_is_drawn_only_for_who_shows_it(self):
        """Drawing it costs ~3 ms: not on every participant's load, only for the facilitator and the board."""
        client, _participant = participant_client(self.session)
        self.assertEqual(client.get(self.url, {"zonder-script": "1"}).context["qr"], "")
        self.login(self.owner)
        self.assertIn("<svg", self.client.get(self.url).context["qr"])
        board = self.client.get(reverse("workshops:board", args=[self.session.code]))
        self.assertIn("<svg", board.context["qr"])

    def test_outsider_gets_404_for_stage_and_board(self):
        self.login(self.outsider)
        for name in ("stage", "board", "state"):
            response = self.client.get(reverse(f"workshops:{name}", args=[self.session.code]))
            self.assertEqual(response.status_code, 404, name)

    def test_logged_in_outsider_without_participation_is_sent_to_join(self):
        self.login(self.outsider)
        response = self.client.get(self.url)
        self.assertRedirects(response, reverse("workshops:join", args=[self.session.code]))

    def test_outsider_gets_404_for_ended_session(self):
        Session.objects.filter(pk=self.session.pk).update(status=Session.Status.ENDED)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 404)

    def test_unknown_code_is_404(self):
        self.login(self.owner)
        self.assertEqual(self.client.get(reverse("workshops:session", args=["ZZZZZZ"])).status_code, 404)

    def test_every_step_renders_for_facilitator_participant_and_board(self):
        client, participant = participant_client(self.session)
        self.login(self.owner)
        Note.objects.create(
            session=self.session,
            step_key="interventies",
            author=participant,
            text="Psycho-educatie",
            column="rarely",
            tags=["angst", "eigen doelgroep"],
        )
        ActionPlan.objects.create(
            session=self.session, participant=participant, items={"interventie": "Plan maken"}
        )
        for index, key in enumerate(STEPS):
            Session.objects.filter(pk=self.session.pk).update(
                step_index=index, state={"chosen": [], "focus": "tijdens"}
            )
            for who, c in (("facilitator", self.client), ("participant", client)):
                response = c.get(self.url)
                self.assertEqual(response.status_code, 200, (key, who))
                self.assertContains(response, f'data-step="{key}"')
            board = self.client.get(reverse("workshops:board", args=[self.session.code]))
            self.assertContains(board, f'data-step="{key}"')
            self.assertNotContains(board, "data-action")

    def test_stage_partial_reflects_latest_revision(self):
        self.login(self.owner)
        act(self.client, self.session, "step.next", step="focus")
        response = self.client.get(reverse("workshops:stage", args=[self.session.code]))
        self.assertContains(response, 'data-step="interventies"')
        self.assertContains(response, 'data-revision="1"')
        self.assertNotContains(response, "<html")

    def test_page_is_complete_in_english(self):
        from django.conf import settings

        client, _participant = participant_client(self.session)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = client.get(self.url)
        self.assertContains(response, "Step 1 of 5: A shared focus")
        self.assertContains(response, "The group is still choosing a focus.")
        self.assertNotContains(response, "Stap 1 van 5")

    def test_guessing_codes_through_the_session_page_is_rate_limited(self):
        from django.core.cache import cache

        cache.clear()
        for i in range(10):
            response = self.client.get(reverse("workshops:session", args=[f"ZZZZZ{i}"]))
            self.assertEqual(response.status_code, 404)
        response = self.client.get(reverse("workshops:session", args=["ZZZZZZ"]))
        self.assertContains(response, "Wacht tien minuten", status_code=429)
        # While blocked a real code gives the same answer, so guessing here gains nothing either.
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 429)
        response = self.client.post(reverse("workshops:join_form"), {"code": self.session.code})
        self.assertEqual(response.status_code, 429)

    def test_a_participant_keeps_their_page_while_their_network_is_blocked(self):
        from django.core.cache import cache

        cache.clear()
        client, _participant = participant_client(self.session)
        for i in range(11):
            client.get(reverse("workshops:session", args=[f"ZZZZZ{i}"]))
        self.assertEqual(client.get(self.url).status_code, 200)

    def test_the_chosen_focus_is_shown_on_every_later_step_for_everyone(self):
        client, _participant = participant_client(self.session)
        self.login(self.owner)
        board = reverse("workshops:board", args=[self.session.code])
        for index, key in enumerate(STEPS[1:], start=1):
            Session.objects.filter(pk=self.session.pk).update(step_index=index, state={"focus": "afronding"})
            for who, response in (
                ("facilitator", self.client.get(self.url)),
                ("participant", client.get(self.url)),
                ("board", self.client.get(board)),
            ):
                self.assertContains(response, "Onze focus:", count=1, msg_prefix=f"{key} {who}")
                self.assertContains(response, "Richting afronding", msg_prefix=f"{key} {who}")
