"""Publishing a change (`live.publish`): rendered once per audience, pushed to each audience's group,
nothing personal in what everyone receives, and a join that changes only a number."""

import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.workshops import duplicates, live
from houvast.workshops.models import Note, Session

from .factories import act, make_session, participant_client


class Listener:
    """A channel in a group of the in-memory layer, as a socket of that audience would be."""

    def __init__(self, group):
        self.layer = get_channel_layer()
        self.channel = async_to_sync(self.layer.new_channel)()
        async_to_sync(self.layer.group_add)(group, self.channel)

    def messages(self):
        found = []
        while True:
            try:
                event = async_to_sync(self.layer.receive)(self.channel) if self._waiting() else None
            except Exception:  # noqa: BLE001 - the in-memory layer raises when a channel is empty
                event = None
            if event is None:
                return found
            found.append(live.read_frame(event))

    def _waiting(self):
        queue = self.layer.channels.get(self.channel)
        return bool(queue and not queue.empty())


class RenderCounter:
    def __init__(self, name="workshops/_stage.html"):
        self.name = name
        self.count = 0

    def __enter__(self):
        template_rendered.connect(self._seen)
        return self

    def __exit__(self, *exc):
        template_rendered.disconnect(self._seen)

    def _seen(self, sender, template, **kwargs):
        if template.name == self.name:
            self.count += 1


# The listeners below are channels of the in-process layer; what is tested is what is rendered and to which
# group it goes, on every database (the Redis layer is covered by test_consumer and the two-process e2e).
@override_settings(CHANNEL_LAYERS={"default": {"BACKEND": "houvast.lib.channel_layer.LocalChannelLayer"}})
class PublishTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.session = make_session(self.team, self.owner, step_index=1)  # "interventies"
        self.people = [participant_client(self.session, name=f"P{n}") for n in range(60)]
        for audience in ("participant", "facilitator", "projector"):
            live.register_screen(self.session.code, audience, "nl")
        self.everyone = Listener(live.audience_group(self.session.code, "participant", "nl"))
        self.facilitator = Listener(live.audience_group(self.session.code, "facilitator", "nl"))
        self.projector = Listener(live.audience_group(self.session.code, "projector", "nl"))

    def add(self, client, text, **data):
        with self.captureOnCommitCallbacks(execute=True):
            response = act(client, self.session, "note.add", step="interventies", text=text, **data)
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()["revision"]

    def test_a_new_post_it_is_one_patch_per_audience_and_no_stage_render(self):
        client, _participant = self.people[0]
        with RenderCounter() as stages, RenderCounter("workshops/kinds/_interventies_note.html") as notes:
            revision = self.add(client, "Signaleringsplan maken")
        self.assertEqual(stages.count, 0)
        self.assertEqual(notes.count, 3)  # participants, facilitator, projector: once each
        for listener in (self.everyone, self.facilitator, self.projector):
            [message] = listener.messages()
            self.assertEqual(message["type"], "patch")
            self.assertEqual(message["revision"], revision)
            put = message["ops"][0]
            self.assertEqual((put["op"], put["parent"]), ("put", "notes-list"))
            self.assertIn("Signaleringsplan maken", put["html"])

    def test_sixty_screens_fetching_one_revision_render_the_shared_stage_once(self):
        client, _participant = self.people[0]
        self.add(client, "Signaleringsplan maken")
        with RenderCounter() as stages:
            for other, _p in self.people:
                response = other.get(reverse("workshops:stage", args=[self.session.code]))
                self.assertContains(response, "Signaleringsplan maken")
        self.assertEqual(stages.count, 1)

    def test_a_new_step_sends_the_stage_rendered_once_per_audience(self):
        self.client.force_login(self.owner)
        with RenderCounter() as stages, self.captureOnCommitCallbacks(execute=True):
            act(self.client, self.session, "step.next", step="interventies")
        self.assertEqual(stages.count, 3)
        [message] = self.everyone.messages()
        self.assertEqual((message["type"], message["step"]), ("stage", "cluster"))
        self.assertIn('id="step-title"', message["html"])

    def test_what_everyone_receives_holds_no_csrf_token_and_no_delete_right(self):
        client, participant = self.people[0]
        self.add(client, "Samen een crisiskaart maken")
        [message] = self.everyone.messages()
        html = message["ops"][0]["html"]
        self.assertIn(f'data-owner="{participant.pk}" hidden', html)
        self.assertNotIn(client.cookies["csrftoken"].value if "csrftoken" in client.cookies else "@@", html)

    def test_a_hidden_post_it_never_reaches_the_others(self):
        Session.objects.filter(pk=self.session.pk).update(hide_notes=True)
        client, _participant = self.people[0]
        self.add(client, "Geheime interventie")
        [to_everyone] = self.everyone.messages()
        [to_projector] = self.projector.messages()
        [to_facilitator] = self.facilitator.messages()
        self.assertNotIn("Geheime interventie", json.dumps(to_everyone))
        self.assertNotIn("Geheime interventie", json.dumps(to_projector))
        self.assertIn("Geheime interventie", json.dumps(to_facilitator))
        # The others learn only that one post-it is waiting.
        self.assertIn("1 post-it is nog verborgen", json.dumps(to_everyone))
        # Its author sees it in their own part of the stage.
        own = client.get(reverse("workshops:stage", args=[self.session.code]) + "?deel=eigen")
        self.assertContains(own, "Geheime interventie")
        other, _p = self.people[1]
        self.assertNotContains(other.get(reverse("workshops:stage", args=[self.session.code])), "Geheime")

    def test_the_post_its_are_read_once_for_all_audiences(self):
        client, _participant = self.people[0]
        self.add(client, "Signaleringsplan maken")
        self.everyone.messages()
        with CaptureQueriesContext(connection) as queries:
            self.add(client, "Naasten betrekken")
        board = ('FROM "workshops_note"', '"merged_into_id" IS NULL')
        board_reads = [q["sql"] for q in queries if all(part in q["sql"] for part in board)]
        self.assertEqual(len(board_reads), 1, board_reads)
        self.assertEqual(self.everyone.messages()[0]["type"], "patch")

    def test_a_join_sends_a_count_and_renders_no_stage(self):
        count = Listener(f"workshop-{self.session.code}")
        with RenderCounter() as stages:
            response = self.client_class().post(
                reverse("workshops:join", args=[self.session.code]), {"name": "Nieuw"}
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(stages.count, 0)
        self.assertEqual(count.messages(), [{"type": "count", "participants": 61}])
        self.assertEqual(self.everyone.messages(), [])

    def test_a_private_plan_is_sent_to_nobody(self):
        Session.objects.filter(pk=self.session.pk).update(step_index=4)  # "actieplan"
        client, _participant = self.people[0]
        before = Session.objects.get(pk=self.session.pk).revision
        with self.captureOnCommitCallbacks(execute=True):
            act(client, self.session, "plan.save", step="actieplan", interventie="Vaker vragen naar signalen")
        self.assertEqual(Session.objects.get(pk=self.session.pk).revision, before)
        self.assertEqual(self.everyone.messages(), [])
        own = client.get(reverse("workshops:stage", args=[self.session.code]) + "?deel=eigen")
        self.assertContains(own, "Vaker vragen naar signalen")

    def test_duplicates_are_computed_once_per_change_of_the_post_its(self):
        client, _participant = self.people[0]
        self.add(client, "Psycho-educatie")
        self.add(client, "Psycho-educatie geven")
        calls = []
        original = duplicates.find_duplicates

        def counting(notes, **kwargs):
            calls.append(len(notes))
            return original(notes, **kwargs)

        duplicates.find_duplicates = counting
        try:
            self.add(client, "Terugvalpreventieplan")
            # One computation for the new set of post-its, shared by every audience that sees the same
            # post-its, not one per audience or per screen.
            self.assertEqual(len(calls), 1)
            for other, _p in self.people[:20]:
                page = other.get(reverse("workshops:stage", args=[self.session.code]))
                self.assertContains(page, "Lijken dit dezelfde interventies?")
            self.assertEqual(len(calls), 1)
            # A change that leaves the post-its alone (the timer) computes nothing.
            self.client.force_login(self.owner)
            act(self.client, self.session, "timer.start", step="interventies")
            self.people[1][0].get(reverse("workshops:stage", args=[self.session.code]))
            self.assertEqual(len(calls), 1)
        finally:
            duplicates.find_duplicates = original

    def test_a_move_on_the_sorting_board_patches_the_note_into_its_column(self):
        client, _participant = self.people[0]
        self.add(client, "Signaleringsplan")
        Session.objects.filter(pk=self.session.pk).update(step_index=2)  # "cluster"
        note = Note.objects.get(text="Signaleringsplan")
        self.everyone.messages()
        with self.captureOnCommitCallbacks(execute=True):
            act(
                client,
                self.session,
                "note.move",
                step="cluster",
                note=note.pk,
                version=note.version,
                column="rarely",
            )
        [message] = self.everyone.messages()
        put = message["ops"][0]
        self.assertEqual(put["parent"], "notes-rarely")
        regions = message["ops"][-1]["html"]
        self.assertIn('id="column-title-rarely"', regions)
        self.assertIn("(1)", regions)

    def test_a_full_cache_does_not_make_a_change_miss_the_screens_of_this_process(self):
        client, _participant = self.people[0]
        cache.clear()  # as when the cache culled the note of which audiences have a screen open
        self.add(client, "Na een volle cache")
        [message] = self.everyone.messages()
        self.assertIn("Na een volle cache", message["ops"][0]["html"])
