import re
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from houvast.cards.models import CardSelection, ShareLink, hash_token
from houvast.lib.testing import BaseTestCase


class ShareLinkTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.selection = CardSelection.objects.create(
            owner=self.owner, team=self.team, label="J.", slugs=["vast-ritme", "ademruimte"]
        )
        self.url = f"/kaarten/selecties/{self.selection.pk}/"

    def make_link(self, **extra):
        link, token = ShareLink.create(self.selection, "ademruimte", self.owner, 30)
        ShareLink.objects.filter(pk=link.pk).update(**extra)
        return token

    def test_creating_a_link_shows_it_once_and_stores_only_a_hash(self):
        self.login(self.owner)
        response = self.client.post(self.url + "links/", {"slug": "ademruimte", "days": "7"}, follow=True)
        self.assertContains(response, "De link is klaar")
        token = re.search(r"/kaarten/k/([\w-]+)/", response.content.decode()).group(1)
        link = ShareLink.objects.get()
        self.assertEqual(link.token_hash, hash_token(token))
        self.assertNotIn(token, str(ShareLink.objects.values().get()))
        self.assertAlmostEqual(link.expires - link.created, timedelta(days=7), delta=timedelta(seconds=5))
        self.assertNotContains(self.client.get(self.url), token)

    def test_only_cards_of_the_selection_can_be_shared(self):
        self.login(self.owner)
        response = self.client.post(self.url + "links/", {"slug": "mild-zijn", "days": "7"}, follow=True)
        self.assertContains(response, "Kies een kaartje uit deze selectie.")
        self.assertFalse(ShareLink.objects.exists())

    def test_the_link_shows_just_that_card_without_an_account(self):
        token = self.make_link()
        response = self.client.get(f"/kaarten/k/{token}/")
        self.assertContains(response, "Even ademruimte")
        self.assertContains(response, "Op welk moment van de dag zou het passen?")
        self.assertNotContains(response, "Een vast ritme")
        self.assertNotContains(response, "J.")
        self.assertEqual(response["Referrer-Policy"], "no-referrer")

    def test_the_shared_card_prints(self):
        token = self.make_link()
        response = self.client.get(f"/kaarten/k/{token}/pdf/")
        self.assertEqual(response["Content-Type"], "application/pdf")

    def test_an_expired_link_says_so_kindly(self):
        token = self.make_link(expires=timezone.now() - timedelta(minutes=1))
        response = self.client.get(f"/kaarten/k/{token}/")
        self.assertEqual(response.status_code, 410)
        self.assertContains(response, "Deze link is verlopen op", status_code=410)
        self.assertContains(response, "Vraag je behandelaar om een nieuwe link.", status_code=410)
        self.assertNotContains(response, "Even ademruimte", status_code=410)

    def test_the_pdf_of_an_expired_or_revoked_link_says_so_kindly(self):
        expired = self.make_link(expires=timezone.now() - timedelta(minutes=1))
        response = self.client.get(f"/kaarten/k/{expired}/pdf/")
        self.assertContains(response, "Deze link is verlopen op", status_code=410)
        self.assertNotEqual(response["Content-Type"], "application/pdf")
        revoked = self.make_link(revoked=timezone.now())
        response = self.client.get(f"/kaarten/k/{revoked}/pdf/")
        self.assertContains(response, "heeft deze link ingetrokken", status_code=410)
        response = self.client.get("/kaarten/k/verzonnen-token/pdf/")
        self.assertContains(response, "Deze link kennen we niet.", status_code=404)

    def test_a_revoked_link_says_so_kindly(self):
        token = self.make_link(revoked=timezone.now())
        response = self.client.get(f"/kaarten/k/{token}/")
        self.assertContains(response, "heeft deze link ingetrokken", status_code=410)

    def test_an_unknown_link_says_so_kindly(self):
        response = self.client.get("/kaarten/k/verzonnen-token/")
        self.assertContains(response, "Deze link kennen we niet.", status_code=404)

    def test_revoking_works_at_once(self):
        token = self.make_link()
        link = ShareLink.objects.get()
        self.login(self.owner)
        response = self.client.post(f"{self.url}links/{link.pk}/intrekken/", follow=True)
        self.assertContains(response, "De link is ingetrokken.")
        self.client.logout()
        self.assertEqual(self.client.get(f"/kaarten/k/{token}/").status_code, 410)

    def test_outsider_cannot_create_or_revoke(self):
        self.make_link()
        link = ShareLink.objects.get()
        self.login(self.outsider)
        self.assertEqual(
            self.client.post(self.url + "links/", {"slug": "ademruimte", "days": "7"}).status_code, 404
        )
        self.assertEqual(self.client.post(f"{self.url}links/{link.pk}/intrekken/").status_code, 404)
        link.refresh_from_db()
        self.assertIsNone(link.revoked)

    def test_a_link_of_another_selection_cannot_be_revoked_through_mine(self):
        other = CardSelection.objects.create(
            owner=self.outsider, team=self.other_team, label="X", slugs=["ademruimte"]
        )
        other_link, _ = ShareLink.create(other, "ademruimte", self.outsider, 7)
        self.login(self.owner)
        self.assertEqual(self.client.post(f"{self.url}links/{other_link.pk}/intrekken/").status_code, 404)

    def test_too_many_attempts_are_slowed_down(self):
        for _ in range(60):
            self.client.get("/kaarten/k/verzonnen/")
        response = self.client.get("/kaarten/k/verzonnen/")
        self.assertContains(response, "Wacht een minuut", status_code=429)

    def test_the_validity_choices_follow_the_language(self):
        self.owner.language = "en"
        self.owner.save(update_fields=["language"])
        self.login(self.owner)
        response = self.client.get(self.url)
        self.assertContains(response, '<option value="30" selected>30 days</option>', html=True)
        self.assertContains(response, '<option value="7">7 days</option>', html=True)
        self.assertNotContains(response, "dagen")
        self.owner.language = "nl"
        self.owner.save(update_fields=["language"])
        self.assertContains(self.client.get(self.url), '<option value="7">7 dagen</option>', html=True)
