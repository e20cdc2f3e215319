"""The stage of a live session over HTTP: a screen's stage after a reconnect, the shared stage of an
audience, a participant's own parts, and the session's state (docs/workshops.md, "Real time")."""

import re

from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from . import engine
from .permissions import get_session_for_actor
from .stage import (
    CSRF_PLACEHOLDER,
    render_personal,
    render_shared,
    render_stage_for,
    shared_audience,
    shared_gzip,
)

ACCEPTS_GZIP = re.compile(r"\bgzip\b")


@never_cache
def stage(request, code):
    """This screen's stage (after a reconnect, or for kinds where everyone sees their own); with
    `?deel=gedeeld` the audience's shared stage as pushed (the page script fills in the rest), or with
    `?deel=eigen` only the participant's own parts, to fill the places in a shared stage."""
    session, actor = get_session_for_actor(request, code)
    if request.GET.get("deel") == "eigen":
        html = render_personal(actor).replace(CSRF_PLACEHOLDER, get_token(request))
        step = engine.current_step(session)
        return HttpResponse(
            f'<div data-personal-step="{step.key if step else ""}">{html}</div>',
            content_type="text/html; charset=utf-8",
        )
    projector = request.GET.get("weergave") == "bord"
    audience = shared_audience(actor, projector) if request.GET.get("deel") == "gedeeld" else None
    if audience is not None:
        return _shared_stage_response(request, session, audience)
    return HttpResponse(render_stage_for(request, actor, projector=projector))


def _shared_stage_response(request, session, audience):
    """The audience's shared stage, compressed once per revision for everyone who accepts gzip."""
    language = get_language()
    if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        body = shared_gzip(session, audience, language)
        response = HttpResponse(body, content_type="text/html; charset=utf-8")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(render_shared(session, audience, language))
    patch_vary_headers(response, ["Accept-Encoding"])
    response["X-Stage"] = "shared"
    return response


@never_cache
def state(request, code):
    session, actor = get_session_for_actor(request, code)
    step = engine.current_step(session)
    return JsonResponse(
        {
            "code": session.code,
            "status": session.status,
            "revision": session.revision,
            "step": step.key if step else None,
            "step_number": step.number if step else None,
            "timer": {"remaining": session.timer_remaining(), "running": session.timer_running},
        }
    )
