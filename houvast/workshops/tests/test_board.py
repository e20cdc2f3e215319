from django.urls import reverse

from houvast.lib.testing import BaseTestCase

from .factories import act, make_session, participant_client

AUTHOR_LABEL = "alleen jij ziet deze post-it"


class BoardTests(BaseTestCase):
    """The projector board: the whole room sees it, so hidden post-its stay off it."""

    def setUp(self):
        super().setUp()
        self.session = make_session(self.team, self.owner, step_index=1, hide_notes=True)
        self.alice, _alice = participant_client(self.session, "Alice")
        self.login(self.owner)
        act(self.alice, self.session, "note.add", step="interventies", text="Geheim plan")
        self.board = reverse("workshops:board", args=[self.session.code])
        self.stage = reverse("workshops:stage", args=[self.session.code])

    def test_hidden_notes_are_not_on_the_board(self):
        response = self.client.get(self.board)
        self.assertNotContains(response, "Geheim plan")
        self.assertContains(response, "1 post-it is nog verborgen")
        self.assertNotContains(response, AUTHOR_LABEL)

    def test_the_board_reloads_its_stage_without_hidden_notes(self):
        response = self.client.get(self.stage + "?weergave=bord")
        self.assertNotContains(response, "Geheim plan")

    def test_facilitator_sees_hidden_notes_on_their_own_screen_without_the_authors_label(self):
        response = self.client.get(self.stage)
        self.assertContains(response, "Geheim plan")
        self.assertNotContains(response, AUTHOR_LABEL)
        self.assertContains(response, "alleen de schrijver en jij zien deze post-it")

    def test_only_the_author_is_told_the_note_is_theirs_alone(self):
        self.assertContains(self.alice.get(self.stage), AUTHOR_LABEL)

    def test_revealed_notes_are_on_the_board(self):
        act(self.client, self.session, "notes.reveal", step="interventies")
        response = self.client.get(self.board)
        self.assertContains(response, "Geheim plan")
        self.assertNotContains(response, "verborgen")
