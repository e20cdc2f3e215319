"""The Redis cache: one connection pool per process, a clear() that removes only Houvast's own keys, and a
counter for the rate limits in one round trip."""

import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property

_shared_clients = {}  # (servers, options) → SharedRedisCacheClient, one per process
_shared_lock = threading.Lock()


class SharedRedisCacheClient(RedisCacheClient):
    """Django's client makes a redis.Redis object for every command; this one keeps one per pool (it is
    thread-safe: each command borrows a connection from the pool)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class PrefixedRedisCache(RedisCache):
    """Under ASGI Django makes a cache object for every request (they are context-local); with Django's own
    client each of them opened a new Redis connection, so every request that counted a rate limit paid for
    a connect and the handshake. All cache objects of a process share one client and its pool here.

    Django's clear() empties the whole Redis database; this one deletes only keys under KEY_PREFIX, so
    parallel test workers (one prefix each) and other users of a shared database keep theirs."""

    @cached_property
    def _cache(self):
        key = (tuple(self._servers), repr(sorted(self._options.items())))
        with _shared_lock:
            client = _shared_clients.get(key)
            if client is None:
                client = _shared_clients[key] = SharedRedisCacheClient(self._servers, **self._options)
        return client

    def count_in_window(self, key, window_seconds):
        """Add one to the counter `key`, which starts at 0 and expires `window_seconds` after its first
        count; the new value. One round trip (Django's add() and incr() take three)."""
        key = self.make_and_validate_key(key)
        pipeline = self._cache.get_client(key, write=True).pipeline(transaction=False)
        pipeline.set(key, 0, ex=window_seconds, nx=True)
        pipeline.incr(key)
        return pipeline.execute()[1]

    def clear(self):
        client = self._cache.get_client(write=True)
        batch = []
        for key in client.scan_iter(match=f"{self.key_prefix}:*", count=1000):
            batch.append(key)
            if len(batch) == 1000:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
        return True
