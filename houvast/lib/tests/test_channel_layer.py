"""The in-process channel layer: messages still arrive and expire, but the expiry walk over every channel
runs at most once per interval instead of on every receive."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

from django.test import SimpleTestCase

from houvast.lib import channel_layer
from houvast.lib.channel_layer import LocalChannelLayer


def run_in_own_loop(coroutine):
    """Run in a thread of its own: the test process may already run an event loop (browser tests)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class LocalChannelLayerTests(SimpleTestCase):
    def test_a_group_message_reaches_every_member_with_one_expiry_walk(self):
        async def run():
            layer = LocalChannelLayer()
            channels = [await layer.new_channel() for _ in range(200)]
            for name in channels:
                await layer.group_add("room", name)
            walks = []
            original = channel_layer.InMemoryChannelLayer._clean_expired

            def counting(self):
                walks.append(1)
                original(self)

            with mock.patch.object(channel_layer.InMemoryChannelLayer, "_clean_expired", counting):
                await layer.group_send("room", {"type": "x", "text": "hallo"})
                received = [await layer.receive(name) for name in channels]
            return received, walks

        received, walks = run_in_own_loop(run())
        self.assertEqual(len(received), 200)
        self.assertEqual(received[0]["text"], "hallo")
        self.assertLessEqual(len(walks), 1)

    def test_expired_messages_are_still_dropped(self):
        async def run():
            layer = LocalChannelLayer(expiry=0)
            name = await layer.new_channel()
            await layer.send(name, {"type": "old"})
            layer._cleaned_at = time.monotonic() - channel_layer.CLEAN_INTERVAL - 1
            layer._clean_expired()
            return name in layer.channels

        self.assertFalse(run_in_own_loop(run()))
