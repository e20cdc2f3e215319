#!/usr/bin/env python
"""Live sessions: how long until every participant holds a change, for a room and a conference hall.

    .venv/bin/python bench/workshops_bench.py
    BENCH_SIZES=60 BENCH_SETUPS=one BENCH_CHANGES=10 .venv/bin/python bench/workshops_bench.py

Set-ups: "one" = one uvicorn process with the in-memory channel layer (as `make run`); "two" = two
processes with the Redis pub/sub layer and Redis cache (as at scale). Sizes: participants, each with a
WebSocket, on a board that already holds BENCH_NOTES (150) post-its.

A change is a participant adding a post-it (an HTTP POST, to the processes in turn). Its latency for one
participant runs from sending the POST to the moment that participant holds the new state: the pushed
message is received and parsed, and when the message says "changed" (kinds where each participant sees
their own stage) after the participant's own HTTP fetch of the stage. All clients run in this script,
on the same machine as the servers, so their work is part of what is measured.

Also measured in the same run, as the baseline: a bare Django view (1 KB of HTML, same middleware), and
the participant's stage for 150 post-its on the sorting board as the page script fetches it (GET
…/stage/?deel=gedeeld with gzip, decompressed by the client), on a new revision (first
render) and on a revision already rendered. Server CPU seconds per change come from /proc.
Throughput: BENCH_POSTERS participants post as fast as they can for BENCH_SECONDS; changes per second
count the changes every participant has received by the end.

Database: DATABASE_URL when set, else a fresh SQLite file. Redis: BENCH_REDIS_URL, else REDIS_URL, else
redis://127.0.0.1:6379/2.
"""

import asyncio
import gzip
import json
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (  # noqa: E402  (the harness also puts the project on the path)
    bench_env,
    cpu_seconds,
    http,
    pct,
    start_servers,
    stop_servers,
    timed,
)

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "60,500").split(",")]
SETUPS = os.environ.get("BENCH_SETUPS", "one,two").split(",")
NOTES = int(os.environ.get("BENCH_NOTES", "150"))
CHANGES = int(os.environ.get("BENCH_CHANGES", "20"))
GAP = float(os.environ.get("BENCH_GAP", "0.3"))
POSTERS = int(os.environ.get("BENCH_POSTERS", "4"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/2"
CODE = "BENCH3"


def workshop_env(var_dir, with_redis):
    """Production settings on DATABASE_URL (else a fresh SQLite file), with Redis for two processes."""
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{var_dir / 'bench.sqlite3'}"
    return bench_env(database, REDIS_URL if with_redis else None, var_dir)


# --- Data: a live session at the post-it step, its post-its and participants with session cookies ----


def prepare_data(count):
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.test import Client

    from houvast.accounts.models import Membership, Organisation, Team, User
    from houvast.workshops.engine import PARTICIPANT_SESSION_KEY
    from houvast.workshops.models import Note, Participant, Session

    call_command("migrate", verbosity=0)
    Session.objects.filter(code=CODE).delete()
    organisation = Organisation.objects.create(name="Bench ggz")
    team = Team.objects.create(organisation=organisation, name="Bench team")
    facilitator = User.objects.create_user(
        email=f"bench-{secrets.token_hex(4)}@example.org", password=secrets.token_urlsafe(16)
    )
    Membership.objects.create(team=team, user=facilitator, role=Membership.Role.ADMIN)
    session = Session.objects.create(
        code=CODE, werkvorm="interventies-in-de-praktijk", team=team, facilitator=facilitator, step_index=1
    )
    words = "signaleringsplan psycho-educatie naasten crisiskaart slaap terugval huisarts medicatie".split()
    participants = Participant.objects.bulk_create(
        Participant(session=session, token=Participant.new_token(), name=f"P{n}") for n in range(count)
    )
    Note.objects.bulk_create(
        Note(
            session=session,
            step_key="interventies",
            author=participants[n % count],
            text=f"{words[n % len(words)]} {words[(n * 3) % len(words)]} bij patiënt {n}",
            column=["", "often", "sometimes", "rarely"][n % 4],
            position=n + 1,
        )
        for n in range(NOTES)
    )
    cookies = []
    for participant in participants:
        store = SessionStore()
        store[PARTICIPANT_SESSION_KEY] = {CODE: participant.token}
        store.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={store.session_key}")
    client = Client()
    client.force_login(facilitator)
    name = settings.SESSION_COOKIE_NAME
    facilitator_cookie = f"{name}={client.cookies[name].value}"
    return cookies, facilitator_cookie


# --- App processes ---------------------------------------------------------------------------------


# --- A small HTTP/1.1 client on asyncio, so hundreds of clients run in one loop ----------------------


# --- A participant's screen ------------------------------------------------------------------------


class Screen:
    """One participant: a socket, the revision they hold, and when they came to hold each revision."""

    def __init__(self, url, cookie):
        self.url, self.cookie = url, cookie
        self.held = {}
        self.revision = 0
        self.fetches = 0

    async def open(self, language="nl"):
        from websockets.asyncio.client import connect

        self.ws = await connect(
            self.url.replace("http://", "ws://") + f"/ws/sessies/{CODE}/?taal={language}",
            additional_headers={"Origin": self.url, "Cookie": self.cookie},
            open_timeout=60,
            ping_interval=None,
            max_size=None,
            compression=None,
        )
        hello = json.loads(await self.ws.recv())
        assert hello["type"] == "hello", hello
        self.revision = hello["revision"]

    async def listen(self):
        async for raw in self.ws:
            # Long messages come gzip-compressed, as in a browser: decompressing is part of the wait.
            message = json.loads(gzip.decompress(raw) if isinstance(raw, bytes) else raw)
            kind, revision = message.get("type"), message.get("revision", 0)
            if kind == "changed" and revision > self.revision:
                self.fetches += 1
                status, _html = await http(self.url, "GET", f"/werkvormen/sessie/{CODE}/stage/", self.cookie)
                if status != 200:
                    continue
            elif kind not in ("patch", "stage", "timer") or revision <= self.revision:
                continue
            now = time.perf_counter()
            for held in range(self.revision + 1, revision + 1):
                self.held.setdefault(held, now)
            self.revision = revision


async def add_note(url, cookie, n):
    status, payload = await http(
        url,
        "POST",
        f"/werkvormen/sessie/{CODE}/actie/note.add/",
        cookie,
        {"text": f"Nieuwe interventie {n}: samen een signaleringsplan maken", "step": "interventies"},
        accept="application/json",
    )
    assert status == 200, (status, payload[:300])
    return json.loads(payload)["revision"]


async def wait_until_held(screens, revision, seconds=15):
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and any(revision not in s.held for s in screens):
        await asyncio.sleep(0.01)


async def measure(urls, cookies, size, servers):
    limit = asyncio.Semaphore(40)
    screens = [Screen(urls[n % len(urls)], cookies[n]) for n in range(size)]

    async def open_one(screen):
        async with limit:
            await screen.open()

    started = time.perf_counter()
    await asyncio.gather(*(open_one(s) for s in screens))
    connect_seconds = time.perf_counter() - started
    listeners = [asyncio.create_task(s.listen()) for s in screens]
    writer = cookies[0]

    revision = await add_note(urls[0], writer, -1)  # warm up; not measured
    await wait_until_held(screens, revision)
    cpu_before = cpu_seconds(servers)
    sent = {}
    for n in range(CHANGES):
        t0 = time.perf_counter()
        revision = await add_note(urls[n % len(urls)], writer, n)
        sent[revision] = t0
        await wait_until_held(screens, revision)
        await asyncio.sleep(GAP)
    cpu_per_change = (cpu_seconds(servers) - cpu_before) / CHANGES
    latencies, missing = [], 0
    for screen in screens:
        for revision, t0 in sent.items():
            if revision in screen.held:
                latencies.append((screen.held[revision] - t0) * 1000)
            else:
                missing += 1

    # Throughput: POSTERS participants post back to back for SECONDS; a change counts once every
    # participant holds it.
    stop = time.perf_counter() + SECONDS
    last = [0]

    async def poster(k):
        n = 0
        while time.perf_counter() < stop:
            last[0] = max(last[0], await add_note(urls[(k + n) % len(urls)], cookies[k + 1], 1000 * k + n))
            n += 1

    first = max(s.revision for s in screens)
    t0 = time.perf_counter()
    await asyncio.gather(*(poster(k) for k in range(POSTERS)))
    await wait_until_held(screens, last[0], seconds=15)
    elapsed = time.perf_counter() - t0
    # Changes every participant holds (a screen that missed the last one would resync in the browser).
    delivered = min(max(s.held) if s.held else first for s in screens) - first
    for task in listeners:
        task.cancel()
    await asyncio.gather(*(s.ws.close() for s in screens), return_exceptions=True)
    return {
        "connect_s": connect_seconds,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": pct(latencies, 95) if latencies else float("nan"),
        "max": max(latencies) if latencies else float("nan"),
        "missing": missing,
        "cpu": cpu_per_change,
        "per_second": delivered / elapsed,
        "fetches": sum(s.fetches for s in screens),
    }


async def timed_stage(url, path, cookie, count):
    """The stage as the page script fetches it: the shared one, gzip-compressed, decompressed here."""
    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        status, html = await http(url, "GET", path, cookie, gzip_ok=True)
        assert status == 200 and b'id="step-title"' in html, status
        times.append((time.perf_counter() - t0) * 1000)
    return times


async def measure_views(url, cookie, facilitator_cookie):
    """The bare view and the participant's stage for NOTES post-its on the sorting board, fetched as the
    page script does (`?deel=gedeeld`, gzip)."""
    bare = await timed(url, "GET", "/_bench/bare/", "", 60)
    bare = await timed(url, "GET", "/_bench/bare/", "", 200)
    stage_path = f"/werkvormen/sessie/{CODE}/stage/?deel=gedeeld"
    cold = []
    for n in range(15):
        # A timer change makes a new revision: its stage is not rendered yet.
        action = "timer.start" if n % 2 == 0 else "timer.pause"
        path = f"/werkvormen/sessie/{CODE}/actie/{action}/"
        status, _ = await http(url, "POST", path, facilitator_cookie, {}, "application/json")
        assert status == 200, status
        cold += await timed_stage(url, stage_path, cookie, 1)
    warm = await timed_stage(url, stage_path, cookie, 100)
    return bare, cold, warm


def set_step(index):
    from houvast.workshops.models import Session

    Session.objects.filter(code=CODE).update(step_index=index)


def redis_answers():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False
    return True


def main():
    if "two" in SETUPS and not redis_answers():
        sys.exit(f"workshops bench needs Redis at {REDIS_URL} for two processes")
    var_dir = Path(tempfile.mkdtemp(prefix="houvast-bench-ws-"))
    os.environ.update(workshop_env(var_dir, with_redis=False))
    cookies, facilitator_cookie = prepare_data(max(SIZES) + POSTERS + 1)
    database = "PostgreSQL" if os.environ["DATABASE_URL"].startswith("postgres") else "SQLite"
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
          f"Python {platform.python_version()}; database {database}; {NOTES} post-its")  # fmt: skip
    print(f"latency = POST sent -> every participant holds the new state; {CHANGES} changes, {GAP:.1f} s gap")
    header = (f"{'set-up':<26} {'people':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'missing':>7} "
              f"{'p95/bare':>8} {'CPU s/change':>12} {'changes/s':>9}")  # fmt: skip
    rows = []
    for setup in SETUPS:
        count, with_redis = (1, False) if setup == "one" else (2, True)
        label = "1 process, in-memory layer" if setup == "one" else "2 processes, Redis pub/sub"
        env = workshop_env(var_dir, with_redis)
        for number, size in enumerate(SIZES):
            # Every size gets fresh app processes: one scenario's sockets and bursts do not carry over.
            servers = start_servers(count, env)
            try:
                urls = [url for _process, url in servers]
                if number == 0:
                    set_step(2)  # the sorting board, for the stage render
                    bare, cold, warm = asyncio.run(measure_views(urls[0], cookies[0], facilitator_cookie))
                    set_step(1)
                    bare_p50 = statistics.median(bare)
                    print(f"\n{label}: bare view p50 {bare_p50:.2f} ms, p95 {pct(bare, 95):.2f} ms")
                    cold_p50, warm_p50 = statistics.median(cold), statistics.median(warm)
                    print(f"  participant stage, {NOTES} post-its on the sorting board: new revision p50 "
                          f"{cold_p50:.1f} ms = {cold_p50 / bare_p50:.1f}x bare; "
                          f"rendered revision p50 {warm_p50:.1f} ms = "
                          f"{warm_p50 / bare_p50:.1f}x bare")  # fmt: skip
                    print(header)
                r = asyncio.run(measure(urls, cookies, size, servers))
            finally:
                stop_servers(servers)
            row = (f"{label:<26} {size:>6} {r['p50']:>7.1f} {r['p95']:>7.1f} {r['max']:>7.1f} "
                   f"{r['missing']:>7} {r['p95'] / bare_p50:>8.0f} {r['cpu']:>12.3f} "
                   f"{r['per_second']:>9.1f}")  # fmt: skip
            print(row, flush=True)
            rows.append(row)
    print("\nsummary\n" + header + "\n" + "\n".join(rows))


if __name__ == "__main__":
    main()
