#!/usr/bin/env python
"""Bytes over the wire on a phone with an empty cache, as a production process sends them (DEBUG=False,
static files collected, `Accept-Encoding: gzip, br`): the HTML and every stylesheet, script and image it
links, for
- the participant page of a stellingen round (/stellingen/r/<token>/);
- a participant's first load of a live session on the sorting board with 150 post-its
  (/werkvormen/sessie/<code>/), and the complete page a browser without JavaScript gets
  (`?zonder-script=1`, never compressed) for comparison.

    .venv/bin/python bench/page_weight.py
"""

import gzip
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
AIM_KIB = 40


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SESSION_SETUP = """
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from houvast.lib.testing import make_user
from houvast.accounts.models import Membership, Organisation, Team
from houvast.workshops.engine import PARTICIPANT_SESSION_KEY
from houvast.workshops.models import Note, Participant, Session, new_code
facilitator = make_user("weight@example.org", "Bea Begeleider")
team = Team.objects.create(organisation=Organisation.objects.create(name="GGZ Oost"), name="FACT-team")
Membership.objects.create(team=team, user=facilitator, role=Membership.Role.ADMIN)
session = Session.objects.create(code=new_code(), werkvorm="interventies-in-de-praktijk", team=team,
    facilitator=facilitator, step_index=2, timer_duration=600)
people = [Participant.objects.create(session=session, token=Participant.new_token(), name=f"P{n}")
    for n in range(30)]
words = "signaleringsplan psycho-educatie naasten crisiskaart slaap terugval huisarts medicatie".split()
Note.objects.bulk_create(Note(session=session, step_key="interventies", author=people[n % 30],
    text=f"{words[n % 8]} {words[(n * 3) % 8]} bij patiënt {n}",
    column=["", "often", "sometimes", "rarely"][n % 4],
    tags=["eigen doelgroep"], position=n + 1) for n in range(150))
store = SessionStore()
store[PARTICIPANT_SESSION_KEY] = {session.code: people[0].token}
store.create()
print(session.code, f"{settings.SESSION_COOKIE_NAME}={store.session_key}")
"""


def fetch(url, cookie=None):
    headers = {"Accept-Encoding": "gzip, br", "User-Agent": "bench"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        headers = "".join(f"{k}: {v}\r\n" for k, v in response.getheaders())
        return body, len(headers), response.headers


def main():
    var_dir = Path(tempfile.mkdtemp(prefix="houvast-weight-"))
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "False",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{var_dir / 'weight.sqlite3'}",
        "VAR_DIR": str(var_dir),
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
    }
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)

    def shell(code):
        command = [*manage, "shell", "-c", code]
        return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout

    token = shell(
        "from houvast.surveys.tests.factories import make_round; print(make_round()[0].public_token)"
    )
    token = token.split()[-1]
    code, cookie = shell(SESSION_SETUP).split()[-2:]
    server = subprocess.Popen(
        [PYTHON, "-m", "uvicorn", "houvast.asgi:application", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                fetch(f"{base}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit("uvicorn did not start")
                time.sleep(0.2)
        pages = [
            ("participant page of a stellingen round", f"{base}/stellingen/r/{token}/", None),
            ("first load of a live session, 150 post-its", f"{base}/werkvormen/sessie/{code}/", cookie),
            (
                "the same without JavaScript (complete page)",
                f"{base}/werkvormen/sessie/{code}/?zonder-script=1",
                cookie,
            ),
        ]
        weights = [(title, weigh(base, url, cookie)) for title, url, cookie in pages]
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(time.strftime("%Y-%m-%d %H:%M %Z"), f"load {os.getloadavg()[0]:.1f}")
    for title, rows in weights:
        total = 0
        print(f"\n{title}")
        for name, body, header_bytes, encoding, cache, plain in rows:
            total += body + header_bytes
            size = f"{body:>8} B body ({plain:>7} B unpacked)"
            print(f"  {name:58} {size} {header_bytes:>5} B headers  {encoding:5} {cache}")
        aim = f" (aim <= {AIM_KIB} KiB)" if title == pages[0][0] else ""
        print(f"  over the wire: {total / 1024:.1f} KiB{aim}")


def weigh(base, url, cookie=None):
    """The page and every static file it links: (name, body bytes, header bytes, encoding, cache, plain)."""
    html, header_bytes, headers = fetch(url, cookie)
    text = html
    if headers.get("Content-Encoding") == "gzip":
        text = gzip.decompress(html)
    rows = [("page", len(html), header_bytes, headers.get("Content-Encoding", "-"), "", len(text))]
    links = sorted(set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', text)))
    for link in links:
        body, header_bytes, headers = fetch(base + link.decode())
        cache = headers.get("Cache-Control", "-")
        plain = len(brotli_or_gzip_decompress(body, headers.get("Content-Encoding")))
        rows.append(
            (link.decode(), len(body), header_bytes, headers.get("Content-Encoding", "-"), cache, plain)
        )
    return rows


def brotli_or_gzip_decompress(body, encoding):
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    return body


if __name__ == "__main__":
    main()
