"""Two app processes on loopback share the Redis channel layer: a post-it added through process A reaches
a WebSocket client connected to process B.

Uses REDIS_URL when set (CI: redis://127.0.0.1:6379/1); otherwise Redis on 127.0.0.1:6379 when it answers.
"""

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from websockets.sync.client import connect

from houvast.accounts.models import Membership, Organisation, Team
from houvast.lib.testing import make_user
from houvast.workshops.models import Note, Session

from .conftest import LiveServer

CODE = "TWEEPR"
FALLBACK_REDIS_URL = "redis://127.0.0.1:6379/1"


def redis_url_or_skip():
    url = os.environ.get("REDIS_URL")
    if url:
        return url
    import redis

    try:
        redis.Redis.from_url(FALLBACK_REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        pytest.skip("REDIS_URL is not set and no Redis answers on 127.0.0.1:6379")
    return FALLBACK_REDIS_URL


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browserless:
    """A participant's cookies and CSRF token, speaking plain HTTP to one app process."""

    def __init__(self):
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def request(self, url, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def cookie(self, name):
        return next(c.value for c in self.cookies if c.name == name)

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.cookies)


def join(app_url, person, name):
    status, html = person.request(f"{app_url}/werkvormen/doe-mee/{CODE}/")
    assert status == 200, html[:500]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    status, _ = person.request(
        f"{app_url}/werkvormen/doe-mee/{CODE}/", {"csrfmiddlewaretoken": token, "name": name}
    )
    assert status == 302


def test_post_it_added_through_one_process_reaches_a_client_of_the_other(live_app, transactional_db):
    redis_url = redis_url_or_skip()
    organisation = Organisation.objects.create(name="GGZ Oost")
    team = Team.objects.create(organisation=organisation, name="FACT-team Noord")
    facilitator = make_user("begeleider-twee@example.org", "Bea Begeleider")
    Membership.objects.create(team=team, user=facilitator, role=Membership.Role.ADMIN)
    Session.objects.create(
        code=CODE, werkvorm="interventies-in-de-praktijk", team=team, facilitator=facilitator, step_index=1
    )

    servers = LiveServer(live_app.outbox)
    try:
        url_a, url_b = servers.start(2, {"REDIS_URL": redis_url})
        assert url_a != url_b
        writer, listener = Browserless(), Browserless()
        join(url_a, writer, "Anna")
        join(url_b, listener, "Bram")

        ws_url = url_b.replace("http://", "ws://") + f"/ws/sessies/{CODE}/"
        headers = {"Origin": url_b, "Cookie": listener.cookie_header()}
        with connect(ws_url, additional_headers=headers, open_timeout=10) as socket:
            hello = json.loads(socket.recv(timeout=5))
            assert hello["type"] == "hello"

            status, body = writer.request(
                f"{url_a}/werkvormen/sessie/{CODE}/actie/note.add/",
                {"text": "Signaleringsplan samen bijwerken", "step": "interventies"},
                headers={"Accept": "application/json", "X-CSRFToken": writer.cookie("csrftoken")},
            )
            assert status == 200, body[:500]
            answer = json.loads(body)
            assert answer["ok"] is True

            # Skip the participant counts of the two joins, if they are still under way.
            while True:
                message = json.loads(socket.recv(timeout=5))
                if message.get("type") != "count":
                    break
            # Process A rendered the new post-it once for the participants and pushed it through Redis.
            assert (message["type"], message["revision"]) == ("patch", answer["revision"])
            assert "Signaleringsplan samen bijwerken" in message["ops"][0]["html"]
        assert Note.objects.filter(session__code=CODE, text="Signaleringsplan samen bijwerken").exists()

        # Someone without a place in the session is closed with 4403 by process B too.
        with connect(ws_url, additional_headers={"Origin": url_b}, open_timeout=10) as stranger:
            with pytest.raises(Exception) as closed:
                stranger.recv(timeout=5)
            assert "4403" in str(closed.value)
    finally:
        servers.stop()
