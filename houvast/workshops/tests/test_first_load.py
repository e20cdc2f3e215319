"""A participant's first load of the session page: small for a phone, and nothing of the person compressed
beside the post-its that other participants chose (BREACH)."""

import gzip
from unittest import mock

from django.core.cache import cache
from django.urls import reverse

from houvast.lib.compression import gzip_of_parts
from houvast.lib.testing import BaseTestCase
from houvast.workshops.models import Note, Session
from houvast.workshops.stage import render_shared, shared_deflate

from .factories import act, make_session, participant_client

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
SORTING_STEP = 2


def fixed_csrf():
    """The same CSRF secret and mask in every response, so two pages differ only in what the test chose."""
    return mock.patch("django.middleware.csrf._get_new_csrf_string", return_value="k" * 32)


class FirstLoadTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.session = make_session(self.team, self.owner, step_index=SORTING_STEP)
        self.url = reverse("workshops:session", args=[self.session.code])

    def board_of(self, count, author=None):
        Note.objects.bulk_create(
            Note(
                session=self.session,
                step_key="interventies",
                author=author,
                text=f"Interventie {n}",
                position=n,
            )
            for n in range(count)
        )

    def parts_of(self, body):
        """The page around the shared stage, and the shared stage, from a compressed first load."""
        page = gzip.decompress(body).decode()
        shared = render_shared(Session.objects.get(pk=self.session.pk), "participant", "nl")
        before, after = page.split(shared)
        return before, shared, after

    def test_a_phone_gets_a_board_of_150_post_its_in_a_small_first_load(self):
        _writer_client, writer = participant_client(self.session)
        self.board_of(150, author=writer)
        client, _participant = participant_client(self.session)
        response = client.get(self.url, **GZIP)
        self.assertEqual(response["Content-Encoding"], "gzip")
        self.assertIn("Accept-Encoding", response["Vary"])
        page = gzip.decompress(response.content).decode()
        self.assertIn("Interventie 149", page)
        self.assertGreater(len(page.encode()), 300_000)
        self.assertLess(len(response.content), 40_000)

    def test_only_the_shared_stage_is_compressed_and_it_is_the_same_for_everyone(self):
        self.session.step_index = 1  # the post-its step: the author's own post-its have a delete button
        self.session.save()
        anna_client, anna = participant_client(self.session, name="Anna Geheimnaam")
        self.board_of(20, author=anna)
        bert_client, _bert = participant_client(self.session, name="Bert Anderenaam")
        for client, name in ((anna_client, "Anna Geheimnaam"), (bert_client, "Bert Anderenaam")):
            body = client.get(self.url, **GZIP).content
            before, shared, after = self.parts_of(body)
            session = Session.objects.get(pk=self.session.pk)
            # Byte for byte: the page before the stage stored, the stage compressed as cached for all, the
            # rest stored. The person's name and CSRF token are in the stored part.
            deflated = shared_deflate(session, "participant", "nl")
            self.assertEqual(
                body,
                gzip_of_parts([(before.encode(), None), (shared.encode(), deflated), (after.encode(), None)]),
            )
            self.assertIn(name, before)
            self.assertNotIn(name, shared)
            self.assertIn("csrf-token-of-this-screen", shared)
            # Which post-its are Anna's is not told in the compressed part: her page script shows her buttons.
            self.assertEqual(shared.count(f'data-owner="{anna.pk}" hidden'), 20)

    def test_a_post_it_that_guesses_the_name_on_the_page_changes_nothing_in_its_size(self):
        """BREACH: another participant writes a post-it with a guess at what this person's page says."""
        attacker_client, _attacker = participant_client(self.session)
        anna_client, _anna = participant_client(self.session, name="Anna Geheimnaam")
        bert_client, _bert = participant_client(self.session, name="Bert Anderenaam")
        self.session.step_index = 1
        self.session.save()
        act(
            attacker_client,
            self.session,
            "note.add",
            step="interventies",
            text="je doet mee als Anna Geheimnaam",
        )
        with fixed_csrf():
            anna_body = anna_client.get(self.url, **GZIP).content
            bert_body = bert_client.get(self.url, **GZIP).content
        anna_page, bert_page = gzip.decompress(anna_body), gzip.decompress(bert_body)
        self.assertEqual(len(anna_page), len(bert_page))
        self.assertIn(b"je doet mee als Anna Geheimnaam", anna_page)
        # The right guess does not make Anna's page any smaller than Bert's.
        self.assertEqual(len(anna_body), len(bert_body))
        # Compressed in one piece, the same two pages would give Anna's name away.
        self.assertLess(len(gzip.compress(anna_page)), len(gzip.compress(bert_page)) - 5)

    def test_own_parts_come_apart_and_a_browser_without_script_gets_the_complete_page(self):
        self.session.hide_notes = True
        self.session.step_index = 1
        self.session.save()
        client, _participant = participant_client(self.session)
        act(client, self.session, "note.add", step="interventies", text="Mijn eigen verborgen post-it")
        page = gzip.decompress(client.get(self.url, **GZIP).content).decode()
        self.assertNotIn("Mijn eigen verborgen post-it", page)
        self.assertIn('<div data-slot="my-notes"></div>', page)
        self.assertIn("data-shared-stage", page)
        self.assertIn(
            '<noscript><meta http-equiv="refresh" content="0; url=?zonder-script=1"></noscript>', page
        )
        own = client.get(reverse("workshops:stage", args=[self.session.code]) + "?deel=eigen")
        self.assertContains(own, "Mijn eigen verborgen post-it")
        complete = client.get(self.url + "?zonder-script=1", **GZIP)
        self.assertFalse(complete.has_header("Content-Encoding"))
        self.assertContains(complete, "Mijn eigen verborgen post-it")
        self.assertNotContains(complete, "noscript")
        self.assertNotContains(complete, "data-shared-stage")

    def test_everyone_else_gets_the_complete_page_uncompressed(self):
        client, _participant = participant_client(self.session)
        self.assertFalse(client.get(self.url).has_header("Content-Encoding"))  # no gzip accepted
        self.login(self.owner)
        facilitator_page = self.client.get(self.url, **GZIP)
        self.assertFalse(facilitator_page.has_header("Content-Encoding"))
        self.assertContains(facilitator_page, "Volgende stap")
        Session.objects.filter(pk=self.session.pk).update(status=Session.Status.ENDED)
        self.assertFalse(client.get(self.url, **GZIP).has_header("Content-Encoding"))
