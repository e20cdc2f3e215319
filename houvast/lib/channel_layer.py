"""The in-process channel layer of `make run` (one app process, no Redis).

Channels' `InMemoryChannelLayer` walks every channel and every group membership on each `receive()` and
`group_send()` to drop expired messages: with 500 sockets one change to a session costs 500 such walks,
quadratic in participants. Here that cleaning runs at most once per `CLEAN_INTERVAL` seconds; messages
and memberships still expire, at most that much later.
"""

import time

from channels.layers import InMemoryChannelLayer

CLEAN_INTERVAL = 1.0


class LocalChannelLayer(InMemoryChannelLayer):
    _cleaned_at = 0.0

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._cleaned_at < CLEAN_INTERVAL:
            return
        self._cleaned_at = now
        super()._clean_expired()
