import asyncio

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .dashboard import sections_for
from .lib.heartbeat import worker_status


def home(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    return render(request, "home.html")


@login_required
def dashboard(request):
    return render(request, "dashboard.html", {"sections": sections_for(request)})


@require_POST
def set_language(request):
    """The header's language switch; a logged-in user's choice is also saved on their account."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response


async def _channel_layer_round_trip(timeout=3):
    """Send a message to a fresh channel and read it back, in one event loop."""
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.send(channel, {"type": "healthz.ping"})
    async with asyncio.timeout(timeout):
        return await layer.receive(channel)


@never_cache
def healthz(request):
    """200 when the database and the channel layer answer and the task worker's heartbeat is recent
    (houvast/lib/heartbeat.py), 503 when one of them fails."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as e:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = f"error: {type(e).__name__}"
    try:
        message = async_to_sync(_channel_layer_round_trip)()
        checks["channel_layer"] = "ok" if message.get("type") == "healthz.ping" else "error"
    except Exception as e:  # noqa: BLE001
        checks["channel_layer"] = f"error: {type(e).__name__}"
    healthy = all(v == "ok" for v in checks.values())
    if checks["database"] == "ok":
        checks["worker"], checks["worker_heartbeat_age_seconds"] = worker_status()
        healthy = healthy and checks["worker"] != "stale"
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


def outbox(request):
    from .lib.outbox import list_messages

    if not settings.DEBUG:
        raise Http404
    messages = []
    for name, message in list_messages():
        body = message.get_body(preferencelist=("plain",))
        messages.append(
            {
                "name": name,
                "subject": message["subject"],
                "to": message["to"],
                "date": message["date"],
                "body": body.get_content() if body else "",
            }
        )
    return render(request, "outbox.html", {"messages_list": messages})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


BARE_HTML = "<!doctype html><title>bare</title>" + "<p>" + "x" * 990 + "</p>"


def bench_bare(request):
    """The benchmarks' baseline: 1 KB of HTML through the same middleware, no template, no query."""
    return HttpResponse(BARE_HTML)
