"""Wrong join codes are limited per browser and per address, and a room behind one address always joins."""

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.workshops import join_limits
from houvast.workshops.models import Participant

from .factories import make_session

JOIN_FORM = reverse("workshops:join_form")
HOSPITAL = "198.51.100.7"
ELSEWHERE = "203.0.113.40"
BROWSER_BLOCKED = "Wacht tien minuten"
ADDRESS_GUARDED = "Vanaf dit netwerk zijn in korte tijd heel veel verkeerde codes ingevuld"


def browser(address=HOSPITAL):
    return Client(REMOTE_ADDR=address)


class JoinLimitTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.session = make_session(self.team, self.owner)
        self.elsewhere = make_session(self.other_team, self.outsider)

    def join(self, client, code):
        """Type the code on the join form, then join without a name; the last response."""
        response = client.post(JOIN_FORM, {"code": code})
        if response.status_code != 302:
            return response
        return client.post(response["Location"], {"name": ""})

    def facilitator_on(self, address):
        facilitator = browser(address)
        facilitator.force_login(self.owner)
        self.assertEqual(
            facilitator.get(reverse("workshops:session", args=[self.session.code])).status_code, 200
        )

    def guess(self, client, times, start=0):
        return [client.post(JOIN_FORM, {"code": f"ZZZ{start + i:03d}"}).status_code for i in range(times)]

    def test_sixty_people_behind_one_address_join_after_twenty_of_them_mistyped(self):
        room = [browser() for _ in range(60)]
        for number, client in enumerate(room[:20]):
            self.assertEqual(self.guess(client, 2, start=2 * number), [400, 400])
        for client in room:
            response = self.join(client, self.session.code)
            self.assertRedirects(response, reverse("workshops:session", args=[self.session.code]))
        self.assertEqual(Participant.objects.filter(session=self.session).count(), 60)

    def test_one_guessing_browser_is_blocked_and_its_neighbours_are_not(self):
        guesser = browser()
        self.assertEqual(self.guess(guesser, 10), [400] * 10)
        self.assertContains(guesser.post(JOIN_FORM, {"code": "ZZZ999"}), BROWSER_BLOCKED, status_code=429)
        self.assertContains(guesser.post(JOIN_FORM, {"code": "ZZZ998"}), BROWSER_BLOCKED, status_code=429)
        neighbour = browser()
        self.assertContains(
            neighbour.post(JOIN_FORM, {"code": "ZZZ997"}), "We kennen de code", status_code=400
        )
        self.assertEqual(self.join(neighbour, self.session.code).status_code, 302)

    def test_a_blocked_browser_learns_nothing_about_codes_of_other_rooms(self):
        guesser = browser(ELSEWHERE)
        self.guess(guesser, 11)
        code = self.elsewhere.code
        self.assertContains(guesser.post(JOIN_FORM, {"code": code}), BROWSER_BLOCKED, status_code=429)
        for name in ("join", "session"):
            response = guesser.get(reverse(f"workshops:{name}", args=[code]))
            self.assertContains(response, BROWSER_BLOCKED, status_code=429)
        self.assertFalse(Participant.objects.exists())

    def test_a_blocked_browser_in_the_room_still_joins_its_session(self):
        self.facilitator_on(HOSPITAL)
        mistyper = browser()
        self.guess(mistyper, 11)
        self.assertEqual(self.join(mistyper, self.session.code).status_code, 302)
        self.assertEqual(Participant.objects.filter(session=self.session).count(), 1)

    def test_dropping_the_cookie_does_not_give_unlimited_guesses(self):
        statuses = [browser().post(JOIN_FORM, {"code": f"ZZZ{i:03d}"}).status_code for i in range(100)]
        self.assertEqual(statuses, [400] * 100)
        response = browser().post(JOIN_FORM, {"code": "ZZZ999"})
        self.assertContains(response, ADDRESS_GUARDED, status_code=429)
        # A right code of another room gets the very same answer, so the guard is no oracle.
        response = browser().post(JOIN_FORM, {"code": self.elsewhere.code})
        self.assertContains(response, ADDRESS_GUARDED, status_code=429)
        response = browser().get(reverse("workshops:join", args=[self.elsewhere.code]))
        self.assertContains(response, ADDRESS_GUARDED, status_code=429)
        # Another address is not affected.
        other = browser(ELSEWHERE)
        self.assertEqual(other.post(JOIN_FORM, {"code": "ZZZ999"}).status_code, 400)

    def test_the_address_guard_never_keeps_out_the_room(self):
        self.facilitator_on(HOSPITAL)
        for i in range(101):
            browser().post(JOIN_FORM, {"code": f"ZZZ{i:03d}"})
        self.assertContains(browser().post(JOIN_FORM, {"code": "ZZZ999"}), ADDRESS_GUARDED, status_code=429)
        for _ in range(5):
            self.assertEqual(self.join(browser(), self.session.code).status_code, 302)
        self.assertEqual(Participant.objects.filter(session=self.session).count(), 5)

    def test_a_participant_who_joined_is_never_refused(self):
        client = browser()
        self.join(client, self.session.code)
        self.guess(client, 11)
        response = client.get(reverse("workshops:join", args=[self.session.code]))
        self.assertRedirects(response, reverse("workshops:session", args=[self.session.code]))

    def test_the_browser_cookie_is_signed_httponly_and_set_only_after_a_wrong_code(self):
        client = browser()
        client.post(JOIN_FORM, {"code": self.session.code})
        self.assertNotIn(join_limits.COOKIE, client.cookies)
        client.post(JOIN_FORM, {"code": "ZZZ000"})
        cookie = client.cookies[join_limits.COOKIE]
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["path"], "/werkvormen/")
        # A forged cookie counts for nothing: the browser gets a new, signed one.
        client.cookies[join_limits.COOKIE] = "x" * 32
        client.post(JOIN_FORM, {"code": "ZZZ001"})
        self.assertNotEqual(client.cookies[join_limits.COOKIE].value, "x" * 32)
