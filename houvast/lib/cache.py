"""The Redis cache, with a clear() that removes only Houvast's own keys."""

from django.core.cache.backends.redis import RedisCache


class PrefixedRedisCache(RedisCache):
    """Django's clear() empties the whole Redis database; this one deletes only keys under KEY_PREFIX, so
    parallel test workers (one prefix each) and other users of a shared database keep theirs."""

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
