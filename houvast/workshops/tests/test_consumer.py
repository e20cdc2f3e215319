"""The session WebSocket (`consumers.SessionConsumer`) through the whole ASGI application: origin check,
session cookie, who may listen, the hello with the revision, what a stored change pushes to each screen, and
frames that are ignored (not JSON, nested too deep, too large).

TransactionTestCase, not TestCase: the consumer reads the database from another thread
(`database_sync_to_async`), which would close the connection of a TestCase's open transaction.
"""

from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.http import QueryDict
from django.test import Client, TransactionTestCase
from django.urls import reverse

from houvast.accounts.models import Membership, Organisation, OrganisationMembership, Team
from houvast.asgi import application
from houvast.lib.testing import make_user
from houvast.workshops import engine, live
from houvast.workshops.consumers import CLOSE_NOT_ALLOWED, MAX_FRAME
from houvast.workshops.models import Participant, Session

ORIGIN = (b"origin", b"http://127.0.0.1")
TIMEOUT = 3


def cookie_header(client):
    return (
        b"cookie",
        f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode(),
    )


async def receive_message(communicator):
    """The next message pushed to a screen: a text frame, or a long one as gzip-compressed bytes."""
    output = await communicator.receive_output(timeout=TIMEOUT)
    return live.read_frame(output)


def json_ping_padded(size):
    """A ping that is valid JSON but larger than a client ever sends."""
    return '{"type": "ping", "pad": "' + "x" * size + '"}'


class SessionConsumerTests(TransactionTestCase):
    def setUp(self):
        organisation = Organisation.objects.create(name="GGZ Oost")
        self.team = Team.objects.create(organisation=organisation, name="FACT-team Noord")
        self.facilitator = make_user("begeleider@example.org", "Bea Begeleider")
        self.colleague = make_user("collega@example.org", "Cor Collega")
        for user in (self.facilitator, self.colleague):
            Membership.objects.create(team=self.team, user=user, role=Membership.Role.MEMBER)
        self.session = Session.objects.create(
            code="ABCDEF",
            werkvorm="interventies-in-de-praktijk",
            team=self.team,
            facilitator=self.facilitator,
            step_index=1,  # "interventies": participants add post-its
            revision=7,
        )
        self.facilitator_client = Client()
        self.facilitator_client.force_login(self.facilitator)
        self.participant_client = Client()
        response = self.participant_client.post(reverse("workshops:join", args=["ABCDEF"]), {"name": "Pim"})
        self.assertEqual(response.status_code, 302)
        self.participant = Participant.objects.get(session=self.session, name="Pim")

    def path(self, code="ABCDEF"):
        return f"/ws/sessies/{code}/"

    async def connect(self, client=None, origin=ORIGIN, code="ABCDEF"):
        headers = [origin] if origin else []
        if client is not None:
            headers.append(cookie_header(client))
        communicator = WebsocketCommunicator(application, self.path(code), headers=headers)
        connected, close_code = await communicator.connect(timeout=TIMEOUT)
        return communicator, connected, close_code

    async def assert_refused(self, communicator, connected, close_code):
        """Refused: the socket is accepted and closed at once with 4403, so the client stops retrying."""
        self.assertTrue(connected)
        message = await communicator.receive_output(timeout=TIMEOUT)
        self.assertEqual(message, {"type": "websocket.close", "code": CLOSE_NOT_ALLOWED})
        await communicator.wait(timeout=TIMEOUT)

    async def test_facilitator_connects_and_hears_hello_with_revision(self):
        communicator, connected, _ = await self.connect(self.facilitator_client)
        self.assertTrue(connected)
        self.assertEqual(
            await communicator.receive_json_from(timeout=TIMEOUT), {"type": "hello", "revision": 7}
        )
        await communicator.disconnect()

    async def test_participant_connects_by_the_token_in_their_session(self):
        communicator, connected, _ = await self.connect(self.participant_client)
        self.assertTrue(connected)
        hello = await communicator.receive_json_from(timeout=TIMEOUT)
        self.assertEqual(hello["type"], "hello")
        # Joining bumped nothing in the revision, but the hello carries the stored number.
        stored = await database_sync_to_async(lambda: Session.objects.get(pk=self.session.pk).revision)()
        self.assertEqual(hello["revision"], stored)
        await communicator.disconnect()

    async def test_code_in_lower_case_is_the_same_session(self):
        communicator, connected, _ = await self.connect(self.participant_client, code="abcdef")
        self.assertTrue(connected)
        self.assertEqual((await communicator.receive_json_from(timeout=TIMEOUT))["type"], "hello")
        await communicator.disconnect()

    async def test_stranger_without_cookie_is_closed_with_4403(self):
        await self.assert_refused(*await self.connect())

    async def test_logged_in_colleague_who_is_not_the_facilitator_is_refused(self):
        client = Client()
        await database_sync_to_async(client.force_login)(self.colleague)
        await self.assert_refused(*await self.connect(client))

    async def test_participant_of_another_session_is_refused(self):
        other = await database_sync_to_async(Session.objects.create)(
            code="GHJKMN", werkvorm="interventies-in-de-praktijk", team=self.team, facilitator=self.colleague
        )
        self.assertEqual(other.code, "GHJKMN")
        await self.assert_refused(*await self.connect(self.participant_client, code="GHJKMN"))

    async def test_unknown_code_is_refused(self):
        await self.assert_refused(*await self.connect(self.facilitator_client, code="ZZZZZZ"))

    async def test_foreign_origin_is_refused(self):
        communicator, connected, _ = await self.connect(
            self.facilitator_client, origin=(b"origin", b"https://evil.example")
        )
        self.assertFalse(connected)

    async def test_change_through_engine_reaches_every_connected_client(self):
        facilitator, ok1, _ = await self.connect(self.facilitator_client)
        participant, ok2, _ = await self.connect(self.participant_client)
        self.assertTrue(ok1 and ok2)
        await facilitator.receive_json_from(timeout=TIMEOUT)
        await participant.receive_json_from(timeout=TIMEOUT)

        def add_note():
            actor = engine.Actor(
                session=Session.objects.get(pk=self.session.pk), participant=self.participant
            )
            data = QueryDict(mutable=True)
            data.update({"text": "Signaleringsplan maken", "step": "interventies"})
            change, revision = engine.perform(actor, "note.add", data)
            live.publish(actor.session, change, revision)
            return change, revision

        change, revision = await database_sync_to_async(add_note)()
        self.assertEqual(change.what, "notes")
        for screen in (facilitator, participant):
            message = await receive_message(screen)
            self.assertEqual((message["type"], message["revision"]), ("patch", revision))
            self.assertIn("Signaleringsplan maken", message["ops"][0]["html"])
        await facilitator.disconnect()
        await participant.disconnect()

    async def test_a_long_message_arrives_compressed_once_for_everyone(self):
        participant, connected, _ = await self.connect(self.participant_client)
        self.assertTrue(connected)
        await participant.receive_json_from(timeout=TIMEOUT)

        def next_step_on_a_full_board():
            from houvast.workshops.models import Note

            Note.objects.bulk_create(
                Note(session=self.session, step_key="interventies", text=f"Signaleringsplan {n}", position=n)
                for n in range(40)
            )
            actor = engine.Actor(session=Session.objects.get(pk=self.session.pk), is_facilitator=True)
            change, revision = engine.perform(actor, "step.next", QueryDict())
            live.publish(actor.session, change, revision)
            return revision

        revision = await database_sync_to_async(next_step_on_a_full_board)()
        output = await participant.receive_output(timeout=TIMEOUT)
        self.assertNotIn("text", output)
        self.assertEqual(output["bytes"][:2], b"\x1f\x8b")  # gzip
        message = live.read_frame(output)
        self.assertEqual((message["type"], message["revision"]), ("stage", revision))
        self.assertIn("Signaleringsplan 39", message["html"])
        self.assertLess(len(output["bytes"]), len(message["html"]) / 5)
        await participant.disconnect()

    async def test_refused_action_sends_nothing(self):
        participant, connected, _ = await self.connect(self.participant_client)
        self.assertTrue(connected)
        await participant.receive_json_from(timeout=TIMEOUT)

        def next_step_as_participant():
            actor = engine.Actor(
                session=Session.objects.get(pk=self.session.pk), participant=self.participant
            )
            try:
                engine.perform(actor, "step.next", QueryDict())
            except engine.ActionRefused as refused:
                return refused.message
            return None

        self.assertIsNotNone(await database_sync_to_async(next_step_as_participant)())
        self.assertTrue(await participant.receive_nothing(timeout=0.3))
        await participant.disconnect()

    async def test_ping_gets_pong_and_garbage_is_ignored(self):
        communicator, connected, _ = await self.connect(self.participant_client)
        self.assertTrue(connected)
        await communicator.receive_json_from(timeout=TIMEOUT)
        await communicator.send_to(text_data="not json")
        await communicator.send_to(bytes_data=b"\x00\x01")
        # Nested deeper than the JSON parser's recursion limit: ignored, no traceback, socket stays open.
        await communicator.send_to(text_data="[" * 100_000 + "]" * 100_000)
        await communicator.send_to(text_data=json_ping_padded(MAX_FRAME + 1))
        self.assertTrue(await communicator.receive_nothing(timeout=0.3))
        await communicator.send_json_to({"type": "ping"})
        self.assertEqual(await communicator.receive_json_from(timeout=TIMEOUT), {"type": "pong"})
        await communicator.disconnect()

    async def test_relaying_a_message_does_not_hop_to_the_database_thread(self):
        """Channels closes old database connections (in the sync thread) before every handler; a relayed
        message touches no database, and for a hall that hop, once per socket, was most of a change's CPU."""
        import channels.consumer

        hops = []
        real = channels.consumer.aclose_old_connections

        async def counted():
            hops.append(1)
            return await real()

        channels.consumer.aclose_old_connections = counted
        try:
            communicator, connected, _ = await self.connect(self.participant_client)
            self.assertTrue(connected)
            await communicator.receive_json_from(timeout=TIMEOUT)
            before = len(hops)
            group = live.audience_group("ABCDEF", "participant", "nl")
            await database_sync_to_async(live._send)(group, {"n": 1})
            self.assertEqual(await receive_message(communicator), {"n": 1})
            await communicator.send_json_to({"type": "ping"})
            self.assertEqual(await communicator.receive_json_from(timeout=TIMEOUT), {"type": "pong"})
            self.assertEqual(len(hops), before)
            await communicator.disconnect()
        finally:
            channels.consumer.aclose_old_connections = real

    async def test_http_action_by_participant_is_broadcast(self):
        communicator, connected, _ = await self.connect(self.facilitator_client)
        self.assertTrue(connected)
        await communicator.receive_json_from(timeout=TIMEOUT)
        url = reverse("workshops:action", args=["ABCDEF", "note.add"])
        response = await database_sync_to_async(self.participant_client.post)(
            url, {"text": "Psycho-educatie", "step": "interventies"}, headers={"accept": "application/json"}
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        message = await receive_message(communicator)
        self.assertEqual((message["type"], message["revision"]), ("patch", body["revision"]))
        await communicator.disconnect()

    async def test_facilitator_whose_organisation_requires_two_factor_needs_it_on_the_socket_too(self):
        def require_and_log_in():
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            self.team.organisation.require_two_factor = True
            self.team.organisation.save()
            OrganisationMembership.objects.create(organisation=self.team.organisation, user=self.facilitator)
            half = Client()
            half.force_login(self.facilitator)  # password only, second factor not yet given
            device = TOTPDevice.objects.create(user=self.facilitator, name="telefoon", confirmed=True)
            full = Client()
            full.force_login(self.facilitator)
            session = full.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
            return half, full

        half, full = await database_sync_to_async(require_and_log_in)()
        await self.assert_refused(*await self.connect(half))
        communicator, connected, _ = await self.connect(full)
        self.assertTrue(connected)
        self.assertEqual((await communicator.receive_json_from(timeout=TIMEOUT))["type"], "hello")
        await communicator.disconnect()
