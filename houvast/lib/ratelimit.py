"""A small fixed-window rate limit on the shared cache (Redis at scale)."""

import hashlib

from django.core.cache import cache


def hit(scope, key, limit, window_seconds):
    """Count one attempt; return True while the caller is still within the limit."""
    cache_key = f"ratelimit:{scope}:{key}"
    count_in_window = getattr(cache, "count_in_window", None)  # Redis: one round trip (lib/cache.py)
    if count_in_window is not None:
        return count_in_window(cache_key, window_seconds) <= limit
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=window_seconds)
        count = 1
    return count <= limit


def client_address(request):
    """The client's address, as the ASGI server determined it: behind a load balancer listed in
    TRUSTED_PROXIES, uvicorn has already taken it from X-Forwarded-For (right-most untrusted entry,
    `manage.py serve` passes the setting on); otherwise it is the address that connected.
    Every limit (these counters and django-axes) asks this one function."""
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    """An opaque key for the client, used only in the cache and never stored in the database."""
    return hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
