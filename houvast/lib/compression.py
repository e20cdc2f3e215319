"""Gzip for HTML only where a BREACH attack cannot read a secret out of the compressed size.

BREACH needs a response that holds both a secret and text the attacker chose, fetched again and again
with the victim's cookies. So a page is compressed only when all of these hold:
- its view is listed in settings.GZIP_VIEW_NAMES (pages checked to show no text from other users);
- the request is a GET or HEAD without a query string (nothing of the attacker's is reflected: the base
  layout echoes the full path in the language form);
- nobody is signed in (a signed-in page holds health data; it stays uncompressed).
The CSRF token on these pages is masked anew for every response, and Django's GZipMiddleware adds a random
number of bytes to every compressed response (Heal-The-BREACH) on top. Static files are compressed ahead of
time by WhiteNoise and never reach this middleware.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


def compression_is_safe(request):
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and match is not None
        and match.view_name in settings.GZIP_VIEW_NAMES
        and not (user is not None and user.is_authenticated)
    )


class SafeGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not compression_is_safe(request):
            return response
        return super().process_response(request, response)
