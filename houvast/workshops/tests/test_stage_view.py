"""The stage view (`GET …/stage/`): with `?deel=gedeeld` a screen gets its audience's shared stage, the same
gzip-compressed bytes for everyone, holding nothing personal; the facilitator gets their complete stage."""

import gzip
import re

from django.core.cache import cache
from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.workshops.stage import CSRF_PLACEHOLDER

from .factories import act, make_session, participant_client
from .test_live import RenderCounter


class SharedStageViewTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.session = make_session(self.team, self.owner, step_index=1, hide_notes=True)
        self.alice, _alice = participant_client(self.session, "Alice")
        self.bob, _bob = participant_client(self.session, "Bob")
        act(self.alice, self.session, "note.add", step="interventies", text="Alleen van Alice")
        self.url = reverse("workshops:stage", args=[self.session.code]) + "?deel=gedeeld"

    def shared(self, client):
        response = client.get(self.url, headers={"accept-encoding": "gzip, deflate, br"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual((response["X-Stage"], response["Content-Encoding"]), ("shared", "gzip"))
        self.assertIn("Accept-Encoding", response["Vary"])
        return response.content

    def test_every_participant_gets_the_same_compressed_bytes_rendered_once(self):
        with RenderCounter() as stages:
            alices, bobs = self.shared(self.alice), self.shared(self.bob)
        self.assertEqual(alices, bobs)
        self.assertEqual(stages.count, 1)
        html = gzip.decompress(alices).decode()
        self.assertIn('id="step-title"', html)

    def test_the_shared_stage_holds_no_personal_part_and_no_csrf_token(self):
        html = gzip.decompress(self.shared(self.alice)).decode()
        # Alice's own hidden post-it is in her own part (`?deel=eigen`), not in what everyone gets.
        self.assertNotIn("Alleen van Alice", html)
        tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html))
        self.assertEqual(tokens, {CSRF_PLACEHOLDER})
        own = self.alice.get(reverse("workshops:stage", args=[self.session.code]) + "?deel=eigen")
        self.assertContains(own, "Alleen van Alice")

    def test_without_gzip_the_shared_stage_comes_plain(self):
        response = self.alice.get(self.url, headers={"accept-encoding": "identity"})
        self.assertEqual(response["X-Stage"], "shared")
        self.assertFalse(response.has_header("Content-Encoding"))
        self.assertContains(response, 'id="step-title"')

    def test_the_facilitator_gets_their_complete_stage(self):
        self.login(self.owner)
        response = self.client.get(self.url, headers={"accept-encoding": "gzip"})
        self.assertFalse(response.has_header("X-Stage"))
        self.assertFalse(response.has_header("Content-Encoding"))
        self.assertContains(response, "Alleen van Alice")  # the facilitator sees hidden post-its

    def test_the_projector_gets_the_projectors_shared_stage(self):
        self.login(self.owner)
        response = self.client.get(self.url + "&weergave=bord", headers={"accept-encoding": "gzip"})
        self.assertEqual(response["X-Stage"], "shared")
        self.assertNotIn("Alleen van Alice", gzip.decompress(response.content).decode())

    def test_someone_outside_the_session_gets_nothing(self):
        response = self.client.get(self.url, headers={"accept-encoding": "gzip"})
        self.assertNotEqual(response.status_code, 200)
