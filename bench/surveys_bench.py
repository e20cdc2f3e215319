#!/usr/bin/env python
"""Stellingen benchmark: responses per second with 50 concurrent participants against a live uvicorn,
and the time to build a group summary for 20, 1,000 and 10,000 responses on SQLite and PostgreSQL.

    .venv/bin/python bench/surveys_bench.py            # everything
    BENCH_PARTICIPANTS=200 .venv/bin/python bench/surveys_bench.py

PostgreSQL: BENCH_POSTGRES_URL, or DATABASE_URL when it is a postgres:// address (default
postgres://postgres@127.0.0.1:5432/houvast_bench; created with createdb when missing; skipped with a note
when PostgreSQL does not answer).
"""

import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
_GIVEN_URL = os.environ.get("DATABASE_URL", "")
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL") or (
    _GIVEN_URL if _GIVEN_URL.startswith("postgres") else "postgres://postgres@127.0.0.1:5432/houvast_bench"
)
SIZES = (20, 1_000, 10_000)
CONCURRENCY = 50
PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "500"))


def base_env(database_url, var_dir):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "houvast.settings",
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def django_setup():
    import django

    django.setup()


# --- Summary timing (runs inside a child process per database) -----------------------------------


def summary_child():
    django_setup()
    import random

    from django.core.management import call_command

    from houvast.surveys.models import Round
    from houvast.surveys.summary import build_summary
    from houvast.surveys.tests.factories import add_responses, make_closed_round

    call_command("migrate", verbosity=0)
    Round.objects.filter(network_name__startswith="bench-").delete()
    rnd = random.Random(7)
    for size in SIZES:
        round_obj, _ = make_closed_round(network_name=f"bench-{size}", min_responses=3)
        for start in range(0, size, 1000):
            rows = [
                [rnd.choice((0, 1, 2, 3, 4, 4, 5)) for _ in range(10)] for _ in range(min(1000, size - start))
            ]
            add_responses(round_obj, rows, comment=rnd.choice(("", "", "Een opmerking")))
        build_summary(round_obj)  # makes the release; warms up caches and the connection
        timings = []
        for _ in range(5):
            t0 = time.perf_counter()
            summary = build_summary(round_obj)
            timings.append((time.perf_counter() - t0) * 1000)
        assert summary.enough and summary.response_count == size
        print(f"RESULT {size} {statistics.median(timings):.1f} {max(timings):.1f}", flush=True)
    Round.objects.filter(network_name__startswith="bench-").delete()


def time_summaries(label, database_url, var_dir):
    process = subprocess.run(
        [PYTHON, __file__, "--summary-child"],
        env=base_env(database_url, var_dir),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if process.returncode != 0:
        print(process.stderr[-2000:])
        raise SystemExit(f"summary benchmark on {label} failed")
    rows = []
    for line in process.stdout.splitlines():
        if line.startswith("RESULT"):
            _, size, median, worst = line.split()
            rows.append((label, int(size), float(median), float(worst)))
    return rows


def ensure_postgres_db():
    parsed = urllib.parse.urlparse(POSTGRES_URL)
    name = parsed.path.lstrip("/")
    args = [
        "-h",
        parsed.hostname or "127.0.0.1",
        "-p",
        str(parsed.port or 5432),
        "-U",
        parsed.username or "postgres",
    ]
    try:
        ready = subprocess.run(["pg_isready", *args], capture_output=True).returncode == 0
    except FileNotFoundError:
        return False
    if not ready:
        return False
    subprocess.run(["createdb", *args, name], capture_output=True)
    return True


# --- Responses per second against a live server -------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def setup_round_child():
    django_setup()
    from django.core.management import call_command

    from houvast.surveys.tests.factories import make_round

    call_command("migrate", verbosity=0)
    round_obj, _ = make_round(network_name="bench-live", min_responses=3)
    print(round_obj.public_token)


class Participant:
    def __init__(self, url):
        self.url = url
        self.cookies = {}

    def _request(self, method, data=None):
        body = urllib.parse.urlencode(data).encode() if data else None
        request = urllib.request.Request(self.url, data=body, method=method)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=60)
        except urllib.error.HTTPError as e:
            response = e
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.read().decode()

    def run(self):
        status, html = self._request("GET")
        assert status == 200, status
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = {"csrfmiddlewaretoken": token, "discipline": "", "closing": "Meer oefenen"}
        for n in range(1, 11):
            data[f"s{n}"] = str(secrets.choice("012345"))
            data[f"c{n}"] = ""
        t0 = time.perf_counter()
        status, _ = self._request("POST", data)
        elapsed = time.perf_counter() - t0
        assert status == 302, status
        return elapsed


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def responses_per_second(var_dir):
    database_url = f"sqlite:///{var_dir / 'live.sqlite3'}"
    env = base_env(database_url, var_dir)
    token = subprocess.run(
        [PYTHON, __file__, "--setup-round-child"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    port = free_port()
    env["SITE_URL"] = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [PYTHON, "-m", "uvicorn", "houvast.asgi:application", "--port", str(port), "--log-level", "warning"],
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        url = f"http://127.0.0.1:{port}/stellingen/r/{token}/"
        participants = [Participant(url) for _ in range(PARTICIPANTS)]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            latencies = list(pool.map(lambda p: p.run(), participants))
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=10)
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    return {
        "submitted": len(latencies),
        "per_second": len(latencies) / wall,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": p95 * 1000,
    }


def main():
    with tempfile.TemporaryDirectory(prefix="houvast-bench-") as tmp:
        var_dir = Path(tmp)
        live = responses_per_second(var_dir)
        print(
            f"Responses with {CONCURRENCY} concurrent participants (one uvicorn process, SQLite): "
            f"{live['submitted']} submitted, {live['per_second']:.1f} per second "
            f"(each participant also loads the form first), "
            f"submit latency median {live['median_ms']:.0f} ms, p95 {live['p95_ms']:.0f} ms"
        )
        rows = time_summaries("SQLite", f"sqlite:///{var_dir / 'summary.sqlite3'}", var_dir)
        if ensure_postgres_db():
            rows += time_summaries("PostgreSQL", POSTGRES_URL, var_dir)
        else:
            print(f"PostgreSQL at {POSTGRES_URL} does not answer; skipped")
    print("\n| database | responses | summary (median of 5) | slowest |")
    print("|---|---:|---:|---:|")
    for label, size, median, worst in rows:
        print(f"| {label} | {size:,} | {median:.1f} ms | {worst:.1f} ms |")


if __name__ == "__main__":
    if "--summary-child" in sys.argv:
        summary_child()
    elif "--setup-round-child" in sys.argv:
        setup_round_child()
    else:
        main()
