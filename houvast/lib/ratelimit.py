"""A small fixed-window rate limit on the shared cache (Redis at scale)."""

from django.core.cache import cache


def hit(scope, key, limit, window_seconds):
    """Count one attempt; return True while the caller is still within the limit."""
    cache_key = f"ratelimit:{scope}:{key}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=window_seconds)
        count = 1
    return count <= limit


def client_key(request):
    """An opaque key for the client, used only in the cache and never stored in the database."""
    import hashlib

    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(address.encode()).hexdigest()[:32]
