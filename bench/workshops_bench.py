#!/usr/bin/env python
"""Live sessions benchmark: how long a change takes to reach 50, 200 and 500 connected participants,
with one and with two uvicorn processes sharing the Redis channel layer.

    .venv/bin/python bench/workshops_bench.py
    BENCH_SIZES=50,200 BENCH_CHANGES=10 .venv/bin/python bench/workshops_bench.py

A change is a post-it added by a participant: an HTTP POST to process 1 (`engine.perform` stores it,
commits, then sends "changed" through Redis). The latency of one receipt is the time from sending that
POST to the moment a participant's WebSocket delivers the "changed" message; the clients are spread
round-robin over the app processes and all run in this script's event loop on the same machine.

Database: DATABASE_URL when set (PostgreSQL), else a fresh SQLite file. Redis: BENCH_REDIS_URL, else
REDIS_URL, else redis://127.0.0.1:6379/2.
"""

import asyncio
import json
import os
import platform
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "50,200,500").split(",")]
PROCESS_COUNTS = [int(n) for n in os.environ.get("BENCH_PROCESSES", "1,2").split(",")]
CHANGES = int(os.environ.get("BENCH_CHANGES", "20"))
GAP = float(os.environ.get("BENCH_GAP", "0.25"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/2"
# "core" = the project's RedisChannelLayer; "pubsub" = channels_redis' RedisPubSubChannelLayer, to compare.
LAYER = os.environ.get("BENCH_LAYER", "core")
CODE = "BENCH2"
CSRF = secrets.token_hex(16)  # 32 characters: a valid CSRF secret, sent as cookie and header


def bench_env(var_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "houvast.settings",
        "DEBUG": "False",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "False",
        "VAR_DIR": str(var_dir),
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": REDIS_URL,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONPATH": str(ROOT),
    }
    env["DATABASE_URL"] = os.environ.get("DATABASE_URL") or f"sqlite:///{var_dir / 'bench.sqlite3'}"
    env["BENCH_SECRET_KEY"] = env["SECRET_KEY"]
    if LAYER == "pubsub":
        # A settings module in the scratch folder that only swaps the channel layer backend.
        (var_dir / "bench_pubsub_settings.py").write_text(
            "from houvast.settings import *  # noqa: F403\n"
            "CHANNEL_LAYERS['default']['BACKEND'] = 'channels_redis.pubsub.RedisPubSubChannelLayer'\n"
        )
        env["DJANGO_SETTINGS_MODULE"] = "bench_pubsub_settings"
        env["PYTHONPATH"] = f"{ROOT}{os.pathsep}{var_dir}"
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- Data: a session with participants, each with a Django session cookie --------------------------


def prepare_data(count):
    """Migrate, create one live session at the post-it step and `count` participants; return cookies."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from houvast.accounts.models import Membership, Organisation, Team, User
    from houvast.workshops.engine import PARTICIPANT_SESSION_KEY
    from houvast.workshops.models import Participant, Session

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
    cookies = []
    for n in range(count):
        participant = Participant.objects.create(session=session, token=Participant.new_token(), name=f"P{n}")
        store = SessionStore()
        store[PARTICIPANT_SESSION_KEY] = {CODE: participant.token}
        store.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={store.session_key}; csrftoken={CSRF}")
    return cookies


# --- App processes ----------------------------------------------------------------------------------


def start_servers(count, env):
    servers = []
    for _ in range(count):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "houvast.asgi:application", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning"],
            cwd=ROOT,
            env={**env, "SITE_URL": f"http://127.0.0.1:{port}"},
        )  # fmt: skip
        servers.append((process, f"http://127.0.0.1:{port}"))
    for process, url in servers:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise SystemExit(f"uvicorn exited with {process.returncode}")
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"uvicorn did not start at {url}") from None
                time.sleep(0.2)
    return servers


def stop_servers(servers):
    for process, _url in servers:
        process.terminate()
    for process, _url in servers:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


# --- One measurement ----------------------------------------------------------------------------------


def add_note(url, cookie, n):
    body = urllib.parse.urlencode({"text": f"Interventie {n}", "step": "interventies"}).encode()
    request = urllib.request.Request(
        f"{url}/werkvormen/sessie/{CODE}/actie/note.add/",
        data=body,
        headers={"Cookie": cookie, "X-CSRFToken": CSRF, "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["revision"]


async def listen(ws, received):
    """Record when each "changed" revision arrives on this socket."""
    async for raw in ws:
        message = json.loads(raw)
        if message.get("type") == "changed":
            received[message["revision"]] = time.perf_counter()


async def measure(urls, cookies, size):
    from websockets.asyncio.client import connect

    sockets, inboxes, tasks = [], [], []
    limit = asyncio.Semaphore(50)

    async def open_one(n):
        url = urls[n % len(urls)]
        async with limit:
            ws = await connect(
                url.replace("http://", "ws://") + f"/ws/sessies/{CODE}/",
                additional_headers={"Origin": url, "Cookie": cookies[n]},
                open_timeout=30,
                ping_interval=None,
            )
            hello = json.loads(await ws.recv())
            assert hello["type"] == "hello", hello
            return ws

    started = time.perf_counter()
    sockets = await asyncio.gather(*(open_one(n) for n in range(size)))
    connect_seconds = time.perf_counter() - started
    for ws in sockets:
        inbox = {}
        inboxes.append(inbox)
        tasks.append(asyncio.create_task(listen(ws, inbox)))

    sent, store_ms = {}, []
    writer_cookie = cookies[0]
    await asyncio.to_thread(add_note, urls[0], writer_cookie, -1)  # warm up; not measured
    await asyncio.sleep(1)
    for n in range(CHANGES):
        t0 = time.perf_counter()
        revision = await asyncio.to_thread(add_note, urls[0], writer_cookie, n)
        sent[revision] = t0
        store_ms.append((time.perf_counter() - t0) * 1000)
        await asyncio.sleep(GAP)
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline and any(len(inbox) < len(sent) for inbox in inboxes):
        await asyncio.sleep(0.05)

    latencies, missing = [], 0
    for inbox in inboxes:
        for revision, t0 in sent.items():
            if revision in inbox:
                latencies.append((inbox[revision] - t0) * 1000)
            else:
                missing += 1
    for task in tasks:
        task.cancel()
    await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    return {
        "connect_s": connect_seconds,
        "store_p50": statistics.median(store_ms),
        "p50": statistics.median(latencies),
        "p95": statistics.quantiles(latencies, n=20)[18],
        "max": max(latencies),
        "receipts": len(latencies),
        "missing": missing,
    }


def redis_answers():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False
    return True


def main():
    if not redis_answers():
        sys.exit(f"workshops bench needs Redis at {REDIS_URL}")
    var_dir = Path(tempfile.mkdtemp(prefix="houvast-bench-ws-"))
    env = bench_env(var_dir)
    os.environ.update(env)
    sys.path.insert(0, str(var_dir))
    cookies = prepare_data(max(SIZES))
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
    print(f"machine: {machine}, Python {platform.python_version()}; database {database}")
    print(f"channel layer: Redis {LAYER} ({REDIS_URL})")
    print(f"{CHANGES} changes per run, {GAP * 1000:.0f} ms apart; latency = POST sent -> 'changed' received")
    print(f"{'processes':>9} {'clients':>7} {'connect s':>9} {'store p50':>9} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'max ms':>7} {'missing':>7}")  # fmt: skip
    for count in PROCESS_COUNTS:
        servers = start_servers(count, env)
        try:
            urls = [url for _process, url in servers]
            for size in SIZES:
                r = asyncio.run(measure(urls, cookies, size))
                print(f"{count:>9} {size:>7} {r['connect_s']:>9.1f} {r['store_p50']:>9.1f} {r['p50']:>7.1f} "
                      f"{r['p95']:>7.1f} {r['max']:>7.1f} {r['missing']:>7}", flush=True)  # fmt: skip
        finally:
            stop_servers(servers)


if __name__ == "__main__":
    main()
