from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.workshops.models import ActionPlan, Note, Session, SharedAnswer, Vote

from .factories import act, make_session, participant_client


class ActionTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.session = make_session(self.team, self.owner, step_index=1)
        self.alice, self.alice_p = participant_client(self.session, "Alice")
        self.bob, self.bob_p = participant_client(self.session, "Bob")
        self.login(self.owner)

    def set_step(self, index):
        Session.objects.filter(pk=self.session.pk).update(step_index=index)

    def add_note(self, client, text, **extra):
        return act(client, self.session, "note.add", step="interventies", text=text, **extra)

    def test_participant_adds_a_note_with_target_groups(self):
        response = self.add_note(
            self.alice, "  Psycho-educatie   geven ", tags=["angst", "onzin"], tag_other="ouderen"
        )
        self.assertEqual(response.json()["ok"], True)
        note = Note.objects.get()
        self.assertEqual(note.text, "Psycho-educatie geven")
        self.assertEqual(note.tags, ["angst", "ouderen"])
        self.assertEqual(note.author, self.alice_p)
        self.assertEqual(Session.objects.get().revision, 1)

    def test_empty_and_too_long_notes_are_refused_with_a_kind_message(self):
        response = self.add_note(self.alice, "   ")
        self.assertEqual(response.status_code, 400)
        self.assertIn("nog leeg", response.json()["message"])
        response = self.add_note(self.alice, "x" * 2000)
        self.assertEqual(response.status_code, 400)
        self.assertIn("2000 tekens", response.json()["message"])
        self.assertFalse(Note.objects.exists())
        self.assertEqual(Session.objects.get().revision, 0)

    def test_html_in_a_note_is_shown_as_text(self):
        self.add_note(self.alice, "<script>alert(1)</script>")
        response = self.bob.get(reverse("workshops:stage", args=[self.session.code]))
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertNotContains(response, "<script>alert(1)")

    def test_action_for_a_step_that_is_over_is_refused(self):
        self.set_step(2)
        response = self.add_note(self.alice, "Te laat")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Deze stap is al voorbij", response.json()["message"])
        self.assertFalse(Note.objects.exists())

    def test_participant_cannot_use_facilitator_actions(self):
        response = act(self.alice, self.session, "step.next", step="interventies")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(Session.objects.get().step_index, 1)

    def test_without_javascript_the_form_redirects_back_with_the_message(self):
        response = self.alice.post(
            reverse("workshops:action", args=[self.session.code, "note.add"]),
            {"step": "interventies", "text": ""},
        )
        self.assertRedirects(
            response, reverse("workshops:session", args=[self.session.code]), fetch_redirect_response=False
        )
        page = self.alice.get(response["Location"])
        self.assertContains(page, "Je post-it is nog leeg")

    def test_outsider_gets_404(self):
        self.login(self.outsider)
        response = act(self.client, self.session, "step.next", step="interventies")
        self.assertEqual(response.status_code, 404)

    def test_hidden_notes_are_seen_only_by_their_author_until_revealed(self):
        Session.objects.filter(pk=self.session.pk).update(hide_notes=True)
        self.add_note(self.alice, "Geheim plan")
        url = reverse("workshops:stage", args=[self.session.code])
        self.assertContains(self.alice.get(url), "Geheim plan")
        self.assertNotContains(self.bob.get(url), "Geheim plan")
        act(self.client, self.session, "notes.reveal", step="interventies")
        self.assertContains(self.bob.get(url), "Geheim plan")

    def test_likely_duplicates_are_suggested(self):
        self.add_note(self.alice, "psycho-educatie")
        self.add_note(self.bob, "Psycho-educatie geven")
        response = self.alice.get(reverse("workshops:stage", args=[self.session.code]))
        self.assertContains(response, "Lijken dit dezelfde interventies?")

    def test_two_people_moving_the_same_note_the_second_gets_a_conflict(self):
        self.add_note(self.alice, "Plan maken")
        self.set_step(2)
        note = Note.objects.get()
        first = act(
            self.alice, self.session, "note.move", step="cluster", note=note.pk, column="often", version=1
        )
        second = act(
            self.bob, self.session, "note.move", step="cluster", note=note.pk, column="rarely", version=1
        )
        self.assertEqual(first.status_code, 200)
        self.assertEqual(second.status_code, 409)
        self.assertEqual(Note.objects.get().column, "often")

    def test_merge_and_split(self):
        self.add_note(self.alice, "Naasten betrekken")
        self.add_note(self.bob, "Familie betrekken", tags=["psychose"])
        self.set_step(2)
        a, b = Note.objects.order_by("pk")
        act(self.alice, self.session, "note.move", step="cluster", note=a.pk, column="rarely")
        response = act(self.bob, self.session, "note.merge", step="cluster", note=b.pk, into=a.pk)
        self.assertTrue(response.json()["ok"])
        b.refresh_from_db()
        self.assertEqual(b.merged_into_id, a.pk)
        self.assertIn("psychose", Note.objects.get(pk=a.pk).tags)
        act(self.client, self.session, "note.split", step="cluster", note=a.pk)
        self.assertIsNone(Note.objects.get(pk=b.pk).merged_into_id)

    def test_reasons_are_stored(self):
        self.add_note(self.alice, "Terugvalplan")
        self.set_step(2)
        note = Note.objects.get()
        act(
            self.alice,
            self.session,
            "note.reasons",
            step="cluster",
            note=note.pk,
            reasons=["tijd", "zomaar"],
            reason_other="te weinig",
        )
        note.refresh_from_db()
        self.assertEqual(note.reasons, ["tijd", "anders"])
        self.assertEqual(note.reason_other, "te weinig")

    def test_dot_voting_has_a_limit_and_the_facilitator_chooses(self):
        for text in ("Een", "Twee", "Drie"):
            self.add_note(self.alice, text, column="rarely")
        self.set_step(3)
        notes = list(Note.objects.order_by("pk"))
        for note in notes[:2]:
            self.assertEqual(
                act(self.bob, self.session, "vote.toggle", step="verdieping", note=note.pk).status_code, 200
            )
        response = act(self.bob, self.session, "vote.toggle", step="verdieping", note=notes[2].pk)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(Vote.objects.count(), 2)
        for note in notes[:2]:
            act(self.client, self.session, "note.choose", step="verdieping", note=note.pk)
        response = act(self.client, self.session, "note.choose", step="verdieping", note=notes[2].pk)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(Session.objects.get().state["chosen"], [notes[0].pk, notes[1].pk])

    def test_shared_answer_conflict_keeps_the_first_text(self):
        self.add_note(self.alice, "Huisarts betrekken", column="rarely")
        note = Note.objects.get()
        Session.objects.filter(pk=self.session.pk).update(step_index=3, state={"chosen": [note.pk]})
        data = {"step": "verdieping", "note": note.pk, "key": "q0"}
        self.assertEqual(
            act(self.alice, self.session, "answer.save", **data, text="Geen tijd", version="").status_code,
            200,
        )
        response = act(self.bob, self.session, "answer.save", **data, text="Onbekend", version="0")
        self.assertEqual(response.status_code, 409)
        self.assertEqual(SharedAnswer.objects.get().text, "Geen tijd")

    def test_plan_is_private_except_the_shared_action(self):
        self.set_step(4)
        act(
            self.alice,
            self.session,
            "plan.save",
            step="actieplan",
            interventie="Vaker plannen",
            afspraak="Huisarts bellen",
            belemmering="Tijd",
            shared_key="interventie",
        )
        act(self.bob, self.session, "plan.save", step="actieplan", interventie="Geheim van Bob")
        self.assertEqual(ActionPlan.objects.count(), 2)
        page = self.bob.get(reverse("workshops:stage", args=[self.session.code]))
        self.assertContains(page, "Vaker plannen")
        self.assertNotContains(page, "Huisarts bellen")
        facilitator_page = self.client.get(reverse("workshops:stage", args=[self.session.code]))
        self.assertNotContains(facilitator_page, "Geheim van Bob")

    def test_ended_session_is_read_only(self):
        act(self.client, self.session, "session.end", step="interventies")
        response = self.add_note(self.alice, "Nog eentje")
        self.assertEqual(response.status_code, 400)
        self.assertIn("afgerond", response.json()["message"])
        page = self.client.get(reverse("workshops:stage", args=[self.session.code]))
        self.assertContains(page, "Deze sessie is afgerond")
        self.assertNotContains(page, "data-action")

    def test_answer_key_with_a_superscript_digit_is_refused_kindly(self):
        self.add_note(self.alice, "Huisarts betrekken", column="rarely")
        note = Note.objects.get()
        Session.objects.filter(pk=self.session.pk).update(step_index=3, state={"chosen": [note.pk]})
        for key in ("q²", "q٣", "q-1", "q99", "x0"):
            response = act(self.alice, self.session, "answer.save", step="verdieping", note=note.pk, key=key)
            self.assertEqual(response.status_code, 400, key)
            self.assertIn("Deze vraag bestaat niet", response.json()["message"])
        self.assertFalse(SharedAnswer.objects.exists())

    def test_a_note_for_an_unknown_step_is_refused(self):
        response = self.add_note(self.alice, "Plan maken", step_key="x" * 60)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Deze stap bestaat niet", response.json()["message"])
        self.assertFalse(Note.objects.exists())
        self.add_note(self.alice, "Plan maken", step_key="interventies")
        self.assertEqual(Note.objects.get().step_key, "interventies")

    def test_nul_characters_are_left_out_of_everything_stored(self):
        self.add_note(self.alice, "Plan\x00 maken", tag_other="oud\x00eren")
        note = Note.objects.get()
        self.assertEqual((note.text, note.tags), ("Plan maken", ["ouderen"]))
        self.set_step(2)
        act(self.alice, self.session, "note.reasons", step="cluster", note=note.pk, reason_other="ti\x00jd")
        self.assertEqual(Note.objects.get().reason_other, "tijd")
        Session.objects.filter(pk=self.session.pk).update(step_index=3, state={"chosen": [note.pk]})
        act(self.alice, self.session, "answer.save", step="verdieping", note=note.pk, key="q0", text="a\x00b")
        self.assertEqual(SharedAnswer.objects.get().text, "ab")
        self.set_step(4)
        act(self.alice, self.session, "plan.save", step="actieplan", interventie="\x00Vaker\x00")
        self.assertEqual(ActionPlan.objects.get().items["interventie"], "Vaker")

    def test_timer_pauses_extends_and_resets(self):
        from datetime import timedelta

        from django.utils import timezone

        started = timezone.now() - timedelta(seconds=100)
        Session.objects.filter(pk=self.session.pk).update(timer_duration=600, timer_started_at=started)
        act(self.client, self.session, "timer.pause", step="interventies")
        session = Session.objects.get()
        self.assertFalse(session.timer_running)
        paused = session.timer_remaining()
        self.assertAlmostEqual(paused, 500, delta=2)
        self.assertEqual(Session.objects.get().timer_remaining(), paused)  # stands still while paused
        act(self.client, self.session, "timer.extend", step="interventies", minutes="3")
        self.assertEqual(Session.objects.get().timer_remaining(), paused + 180)
        # Something that is not a number gives the usual two minutes.
        act(self.client, self.session, "timer.extend", step="interventies", minutes="veel")
        self.assertEqual(Session.objects.get().timer_remaining(), paused + 300)
        act(self.client, self.session, "timer.reset", step="interventies")
        session = Session.objects.get()
        step_minutes = session.timer_duration // 60
        self.assertGreater(step_minutes, 0)
        self.assertEqual(session.timer_remaining(), step_minutes * 60)
        self.assertEqual((session.timer_extra, session.timer_elapsed), (0, 0))
        self.assertFalse(session.timer_running)

    def test_participant_cannot_touch_the_timer(self):
        response = act(self.alice, self.session, "timer.extend", step="interventies", minutes="30")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(Session.objects.get().timer_extra, 0)

    def test_step_previous_goes_back_and_not_before_the_first_step(self):
        Session.objects.filter(pk=self.session.pk).update(timer_extra=120)
        response = act(self.client, self.session, "step.previous", step="interventies")
        self.assertTrue(response.json()["ok"])
        session = Session.objects.get()
        self.assertEqual(session.step_index, 0)
        self.assertEqual(session.timer_extra, 0)
        response = act(self.client, self.session, "step.previous", step="focus")
        self.assertEqual(response.status_code, 400)
        self.assertIn("geen stap meer", response.json()["message"])
        self.assertEqual(Session.objects.get().step_index, 0)

    def test_options_are_saved_and_unchecked_boxes_turn_an_option_off(self):
        act(
            self.client,
            self.session,
            "options.save",
            step="interventies",
            shared_screen="on",
            hide_notes="on",
        )
        session = Session.objects.get()
        self.assertEqual(
            (session.shared_screen, session.hide_notes, session.names_required), (True, True, False)
        )
        act(self.client, self.session, "options.save", step="interventies", names_required="on")
        session = Session.objects.get()
        self.assertEqual(
            (session.shared_screen, session.hide_notes, session.names_required), (False, False, True)
        )
        response = act(self.alice, self.session, "options.save", step="interventies", shared_screen="on")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Session.objects.get().shared_screen)

    def test_in_shared_screen_mode_the_facilitator_types_post_its_for_the_room(self):
        url = reverse("workshops:stage", args=[self.session.code])
        self.assertNotContains(self.client.get(url), "Nieuwe post-it voor de groep")
        Session.objects.filter(pk=self.session.pk).update(shared_screen=True)
        self.assertContains(self.client.get(url), "Nieuwe post-it voor de groep")
        response = self.add_note(self.client, "Signaleringsplan samen maken", tags=["psychose"])
        self.assertTrue(response.json()["ok"])
        note = Note.objects.get()
        self.assertTrue(note.by_facilitator)
        self.assertIsNone(note.author)
        self.assertContains(self.bob.get(url), "Signaleringsplan samen maken")

    def test_note_delete_by_author_or_facilitator_only(self):
        self.add_note(self.alice, "Van Alice")
        self.add_note(self.bob, "Van Bob")
        alice_note, bob_note = Note.objects.order_by("pk")
        response = act(self.alice, self.session, "note.delete", step="interventies", note=bob_note.pk)
        self.assertEqual(response.status_code, 400)
        self.assertIn("alleen je eigen post-its", response.json()["message"])
        act(self.alice, self.session, "note.delete", step="interventies", note=alice_note.pk)
        act(self.client, self.session, "note.delete", step="interventies", note=bob_note.pk)
        self.assertFalse(Note.objects.exists())
        response = act(self.client, self.session, "note.delete", step="interventies", note=bob_note.pk)
        self.assertEqual(response.status_code, 409)

    def test_deleting_a_merged_note_gives_back_the_notes_merged_into_it(self):
        self.add_note(self.alice, "Naasten betrekken")
        self.add_note(self.bob, "Familie betrekken")
        a, b = Note.objects.order_by("pk")
        act(self.bob, self.session, "note.merge", step="interventies", note=b.pk, into=a.pk)
        act(self.alice, self.session, "note.delete", step="interventies", note=a.pk)
        self.assertEqual(list(Note.objects.values_list("text", "merged_into")), [("Familie betrekken", None)])

    def test_a_participant_cannot_delete_a_hidden_note_of_someone_else(self):
        Session.objects.filter(pk=self.session.pk).update(hide_notes=True)
        self.add_note(self.bob, "Verborgen van Bob")
        response = act(
            self.alice, self.session, "note.delete", step="interventies", note=Note.objects.get().pk
        )
        self.assertEqual(response.status_code, 409)
        self.assertTrue(Note.objects.exists())

    def test_with_auto_timer_each_new_step_starts_its_own_countdown(self):
        act(self.client, self.session, "options.save", step="interventies", auto_timer="on")
        act(self.client, self.session, "step.next", step="interventies")
        session = Session.objects.get(pk=self.session.pk)
        self.assertTrue(session.auto_timer)
        self.assertIsNotNone(session.timer_started_at)
        self.assertEqual(session.timer_duration, 20 * 60)

    def test_without_auto_timer_a_new_step_waits_for_the_facilitator(self):
        act(self.client, self.session, "step.next", step="interventies")
        self.assertIsNone(Session.objects.get(pk=self.session.pk).timer_started_at)
