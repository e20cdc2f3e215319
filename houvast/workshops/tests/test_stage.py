"""The shared stage (`stage.render_shared`): on a post-it step the step's own part is rendered once per
state of the post-its, and every change to a post-it, however it is made, shows on the next revision."""

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from houvast.lib.testing import BaseTestCase
from houvast.workshops import stage
from houvast.workshops.models import Note, Participant, Session

from .factories import make_session
from .test_live import RenderCounter

BOARD = "workshops/kinds/_cluster.html"


class StepBodyCacheTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.session = make_session(self.team, self.owner, step_index=2)  # the sorting board
        self.author = Participant.objects.create(session=self.session, token=Participant.new_token())
        self.notes = Note.objects.bulk_create(
            Note(session=self.session, step_key="interventies", author=self.author, text=text, position=n)
            for n, text in enumerate(["Signaleringsplan maken", "Naasten betrekken", "Crisiskaart"], start=1)
        )

    def stage(self, audience="participant"):
        """The stage of the next revision, as a screen fetching it would get it."""
        Session.objects.filter(pk=self.session.pk).update(revision=F("revision") + 1)
        return stage.render_shared(Session.objects.get(pk=self.session.pk), audience, "nl")

    def test_a_timer_change_renders_the_frame_and_reuses_the_board(self):
        self.stage()
        Session.objects.filter(pk=self.session.pk).update(timer_started_at=timezone.now())
        with RenderCounter() as frames, RenderCounter(BOARD) as boards:
            html = self.stage()
        self.assertEqual((frames.count, boards.count), (1, 0))
        self.assertIn("Signaleringsplan maken", html)
        self.assertIn('data-running="1"', html)

    def test_each_audience_and_language_has_its_own_board(self):
        self.stage("participant")
        with RenderCounter(BOARD) as boards:
            self.stage("projector")
            self.stage("facilitator")
        self.assertEqual(boards.count, 2)

    def test_a_move_shows_on_the_next_revision(self):
        self.stage()
        Note.objects.filter(pk=self.notes[0].pk).update(column="rarely", version=F("version") + 1)
        html = self.stage()
        rarely = html.split('id="notes-rarely"', 1)[1].split("</ul>", 1)[0]
        self.assertIn("Signaleringsplan maken", rarely)

    def test_a_merge_and_a_split_show_on_the_next_revision(self):
        self.stage()
        Note.objects.filter(pk=self.notes[1].pk).update(merged_into=self.notes[0])  # no version bump
        self.assertEqual(self.stage().count('class="note"'), 2)
        Note.objects.filter(pk=self.notes[1].pk).update(merged_into=None)
        self.assertEqual(self.stage().count('class="note"'), 3)

    def test_revealing_hidden_post_its_shows_them_even_without_a_new_version(self):
        Session.objects.filter(pk=self.session.pk).update(hide_notes=True)
        Note.objects.filter(pk=self.notes[2].pk).update(hidden=True)
        self.assertNotIn("Crisiskaart", self.stage())
        Note.objects.filter(pk=self.notes[2].pk).update(hidden=False)  # as ending the session does
        self.assertIn("Crisiskaart", self.stage())

    def test_ending_the_session_shows_a_board_without_move_buttons(self):
        self.assertIn("Naar ", self.stage())
        Session.objects.filter(pk=self.session.pk).update(status=Session.Status.ENDED)
        self.assertNotIn("Naar ", self.stage())
