"""What a real server writes in its log for requests to bearer-token URLs: no token, no client address."""

import json
import urllib.request

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from houvast.lib.testing import make_user

from .server import ServedApp, Visitor

pytestmark = pytest.mark.e2e

TOKEN = "Zx81kQ2mPqRsTuVwXyZaBcDeFgHiJk12"
TOKEN_URLS = [
    f"/plannen/gedeeld/{TOKEN}/",
    f"/plannen/uitnodiging/{TOKEN}/",
    f"/kaarten/k/{TOKEN}/",
    f"/stellingen/r/{TOKEN}/",
    f"/stellingen/beheer/{TOKEN}/",
    f"/account/bevestigen/{TOKEN}/",
    f"/account/uitnodiging/{TOKEN}/",
    "/werkvormen/doe-mee/QX7K2P/",
    f"/account/aanmelden/?email=nina%40example.org&next=/plannen/gedeeld/{TOKEN}/",
]


def visit_token_urls(app):
    visitor = Visitor(app.url, forwarded_for="203.0.113.77")
    for path in TOKEN_URLS:
        visitor.request(path)
    user = make_user("reset@example.org")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    reset_token = default_token_generator.make_token(user)
    visitor.request(f"/account/wachtwoord/nieuw/{uid}/{reset_token}/")
    return [reset_token, uid]


def open_websocket(app):
    from websockets.sync.client import connect

    try:
        with connect(f"ws://127.0.0.1:{app.port}/ws/sessies/QX7K2P/", origin=app.url, open_timeout=10):
            pass
    except Exception:  # the server refuses an unknown session; the log line is what counts
        pass


@pytest.fixture(scope="module")
def text_app(django_db_setup, django_db_blocker):
    app = ServedApp(TRUSTED_PROXIES="127.0.0.1")
    yield app
    app.stop()


def test_token_urls_leave_no_token_and_no_address_in_the_log(text_app, transactional_db):
    secrets = [TOKEN, "QX7K2P", "nina", *visit_token_urls(text_app)]
    open_websocket(text_app)
    # The banner of `serve` names its own listening address, not a visitor's; the rest are log lines.
    log = "\n".join(line for line in text_app.log().splitlines() if not line.startswith("Houvast draait op"))
    assert "houvast.access" in log and "/plannen/gedeeld/***/" in log, log
    assert "WebSocket /ws/sessies/***/" in log, log
    for secret in secrets:
        assert secret not in log, f"{secret} in:\n{log}"
    for address in ("203.0.113.77", "127.0.0.1"):
        assert address not in log, f"{address} in:\n{log}"


def test_json_logs_carry_a_request_id(django_db_setup, django_db_blocker, transactional_db):
    app = ServedApp(LOG_FORMAT="json")
    try:
        with urllib.request.urlopen(f"{app.url}/plannen/gedeeld/{TOKEN}/?x=1", timeout=10) as response:
            request_id = response.headers["X-Request-ID"]
    except urllib.error.HTTPError as error:
        request_id = error.headers["X-Request-ID"]
    finally:
        app.stop()
    entries = [json.loads(line) for line in app.log().splitlines() if line.startswith("{")]
    mine = [entry for entry in entries if entry["request_id"] == request_id]
    assert {entry["logger"] for entry in mine} >= {"houvast.access", "django.request"}, entries
    assert all(TOKEN not in entry["message"] for entry in entries)
