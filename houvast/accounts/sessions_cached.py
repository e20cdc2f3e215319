"""Sessions in the database and in the shared (Redis) cache, for set-ups with REDIS_URL: a signed-in
request reads its session from Redis instead of the database (one Redis round trip instead of a query).

Every write and every delete goes to both (Django's cached_db store), so a session ended in one app
process (logging out, the absolute end in sessions.py) is ended in all of them. Only used with a cache
that all processes share: with the in-process cache, a session ended by one process would live on in the
cache of another."""

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDatabaseSessionStore

from .sessions import SessionLifetime


class SessionStore(SessionLifetime, CachedDatabaseSessionStore):
    pass
