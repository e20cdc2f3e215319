"""A participant's first load of the session page, small enough for a phone: the shared stage compressed,
everything else stored as it is (docs/workshops.md, "The first load").

BREACH reads a secret out of a compressed response that also holds text the attacker chose. On this page
the attacker is another participant: their post-its are in the stage. The secrets are this person's: their
name ("je doet mee als …"), the CSRF token, messages, their own parts (dots, plan, hidden post-its) and
which post-its are theirs. So one gzip stream is sent in parts: the shared stage exactly as every participant
gets it pushed (a placeholder for the CSRF token, empty places for their own parts) is compressed, with a
dictionary of its own and cached once per revision; the page around it is stored uncompressed. The page
script fills in the token and the person's own parts, as it does for a pushed stage. A browser without
JavaScript is sent on to the complete page (`?zonder-script=1`), which is never compressed.
"""

import re

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from houvast.lib.compression import gzip_of_parts

from .stage import render_shared, shared_audience, shared_deflate

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Where the shared stage goes in the rendered page; split there, so the stage itself is never in the
# stored parts and nothing of the page is in the compressed one.
STAGE_PLACE = "<!-- shared stage -->"


def can_compress(request, session, actor, extra=None):
    """A participant's plain GET of an open session, on a step whose stage is shared by all participants,
    from a browser that accepts gzip. Anyone else gets the complete page, uncompressed, as before."""
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and not request.user.is_authenticated
        and extra is None
        and session.is_open
        and actor.participant is not None
        and shared_audience(actor) == "participant"
        and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) is not None
    )


def compressed_page(request, session, template, context):
    """The page rendered with STAGE_PLACE where the stage goes, as one gzip stream: page (stored), shared
    stage (compressed once per revision for everyone), page (stored)."""
    html = render_to_string(template, {**context, "stage_html": STAGE_PLACE}, request=request)
    before, after = html.split(STAGE_PLACE)
    language = get_language() or "nl"
    shared = render_shared(session, "participant", language)
    body = gzip_of_parts(
        [
            (before.encode(), None),
            (shared.encode(), shared_deflate(session, "participant", language)),
            (after.encode(), None),
        ]
    )
    response = HttpResponse(body, content_type="text/html; charset=utf-8")
    response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
