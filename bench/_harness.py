"""What every benchmark in bench/ shares: production-like app processes, a small asyncio HTTP client, the bare
view baseline and the ratio table.

The machines are shared and noisy, so no figure stands alone: each bench measures the bare view
(`/_bench/bare/`: 1 KB of HTML through the same middleware, served by the same process) in the same run and
prints its own figures as ratios to the bare view's p50.

    from _harness import Databases, bench_env, start_servers, stop_servers, http, timed, bare_view, Table

Databases: SQLite (a fresh file per run) and PostgreSQL (BENCH_POSTGRES_URL, else
postgres://postgres@127.0.0.1:5432/houvast_bench, created when missing; left out with a note when PostgreSQL
does not answer). BENCH_DATABASES=sqlite (or postgres) runs one of them.
"""

import asyncio
import gzip
import os
import platform
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
CSRF = secrets.token_hex(16)  # 32 characters: a valid CSRF secret, sent as cookie and header
SECRET_KEY = os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50)  # one for data and servers
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL") or "postgres://postgres@127.0.0.1:5432/houvast_bench"
REDIS_URL = os.environ.get("BENCH_REDIS_URL") or "redis://127.0.0.1:6379/2"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# --- Where the data lives --------------------------------------------------------------------------


def postgres_answers(url=POSTGRES_URL):
    """Create the bench database when missing; False when PostgreSQL does not answer."""
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    if not shutil.which("psql"):
        return False
    probe = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname='{name}'",
        ],  # fmt: skip
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return False
    if probe.stdout.strip() != "1":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    return True


def databases():
    """(label, DATABASE_URL) for each database this run measures."""
    wanted = os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",")
    found = []
    if "sqlite" in wanted:
        var_dir = Path(tempfile.mkdtemp(prefix="houvast-bench-"))
        found.append(("SQLite", f"sqlite:///{var_dir / 'bench.sqlite3'}"))
    if "postgres" in wanted:
        if postgres_answers():
            found.append(("PostgreSQL", POSTGRES_URL))
        else:
            print(f"(PostgreSQL at {POSTGRES_URL} does not answer: measured on SQLite only)")
    return found


def collected_static():
    """Production's collected static files (hashed names), as `make static` writes them; made when missing."""
    static = ROOT / "var" / "static"
    if not (static / "staticfiles.json").exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=ROOT,
            env={**os.environ, "DEBUG": "False", "SECRET_KEY": "static-only", "VAR_DIR": str(ROOT / "var")},
            check=True,
        )
    return static


def bench_env(database_url, redis_url=None, var_dir=None, **extra):
    """The environment of a production process (DEBUG=False) with the bench views switched on."""
    var_dir = var_dir or Path(tempfile.mkdtemp(prefix="houvast-bench-var-"))
    if not (var_dir / "static").exists():
        (var_dir / "static").symlink_to(collected_static())
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "houvast.settings",
        "DEBUG": "False",
        "SECRET_KEY": SECRET_KEY,
        "SECURE_SSL_REDIRECT": "False",
        "VAR_DIR": str(var_dir),
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
        "ACCESS_LOG": "False",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BENCH_VIEWS": "True",
        "PYTHONPATH": str(ROOT),
        **{key: str(value) for key, value in extra.items()},
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def use_env(env):
    """Point this process's Django at the bench database (to make data) and set it up."""
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# --- App processes ---------------------------------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_servers(count, env):
    """`count` uvicorn processes on free ports; returns [(process, base_url)] once each answers /healthz."""
    servers = []
    for _ in range(count):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "houvast.asgi:application", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning", "--no-access-log", "--ws-per-message-deflate",
             "false"],
            cwd=ROOT,
            env={**env, "SITE_URL": f"http://127.0.0.1:{port}"},
        )  # fmt: skip
        servers.append((process, f"http://127.0.0.1:{port}"))
    for process, url in servers:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"uvicorn exited with {process.returncode}")
            try:
                status, _body = asyncio.run(http(url, "GET", "/healthz"))
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"uvicorn did not start at {url}")
            time.sleep(0.3)
    return servers


def stop_servers(servers):
    for process, _url in servers:
        process.terminate()
    for process, _url in servers:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def cpu_seconds(servers):
    total = 0
    for process, _url in servers:
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


# --- A small HTTP/1.1 client on asyncio, so hundreds of clients run in one loop ----------------------


async def http(url, method, path, cookie="", body=None, accept="text/html", gzip_ok=False):
    """One request on a fresh connection; returns (status, body bytes). `body` is a dict (form-encoded);
    `gzip_ok` asks for a gzip body, as a browser does, and decompresses it (part of the wait)."""
    parsed = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.open_connection(parsed.hostname, parsed.port)
    data = urllib.parse.urlencode(body, doseq=True).encode() if body is not None else b""
    head = [
        f"{method} {path} HTTP/1.1",
        f"Host: {parsed.hostname}:{parsed.port}",
        f"Accept: {accept}",
        "Connection: close",
    ]
    if gzip_ok:
        head.append("Accept-Encoding: gzip")
    if cookie:
        head += [f"Cookie: {cookie}; csrftoken={CSRF}", f"X-CSRFToken: {CSRF}", f"Referer: {url}/"]
    if body is not None:
        head += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(data)}"]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
    await writer.drain()
    raw = await reader.read()
    writer.close()
    status_line, _sep, rest = raw.partition(b"\r\n")
    headers, _sep, payload = rest.partition(b"\r\n\r\n")
    if b"content-encoding: gzip" in headers.lower():
        payload = gzip.decompress(payload)
    return int(status_line.split()[1]), payload


async def timed(url, method, path, cookie="", count=50, body=None, expect=(200,)):
    """Milliseconds for `count` requests one after another (each on a fresh connection)."""
    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        status, _payload = await http(url, method, path, cookie, body)
        times.append((time.perf_counter() - t0) * 1000)
        assert status in expect, (method, path, status)
    return times


def timed_gets(url, path, cookie="", count=50):
    return asyncio.run(timed(url, "GET", path, cookie, count))


def timed_beside_bare(url, path, cookie="", count=50):
    """`path` and the bare view in turns (bare, page, bare, page, ...): both meet the same load. On a shared
    machine the load drifts within a run, and a bare view measured minutes before a row skews its ratio.
    Returns (the page's times, the bare view's times) in milliseconds."""

    async def turns():
        page, bare = [], []
        for _ in range(count):
            for this_path, this_cookie, times in (("/_bench/bare/", "", bare), (path, cookie, page)):
                t0 = time.perf_counter()
                status, _payload = await http(url, "GET", this_path, this_cookie)
                times.append((time.perf_counter() - t0) * 1000)
                assert status == 200, (this_path, status)
        return page, bare

    return asyncio.run(turns())


def bare_view(url, count=200):
    """The baseline: p50 of the bare view after a short warm-up, in milliseconds, and all the times."""
    timed_gets(url, "/_bench/bare/", "", 30)
    times = timed_gets(url, "/_bench/bare/", "", count)
    return statistics.median(times), times


def session_cookie(user):
    """A logged-in session for `user` (without a second factor) in the bench database (after use_env)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


# --- Figures ---------------------------------------------------------------------------------------


def pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def machine_line(extra=""):
    return (
        f"{date.today().isoformat()}; machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}; Python {platform.python_version()}{'; ' + extra if extra else ''}"
    )


class Table:
    """Rows of (what, size, database, p50, p95, aim) printed with their ratios to the bare view's p50."""

    def __init__(self, title):
        self.title = title
        self.rows = []

    def add(self, what, size, database, times, bare_p50, aim=None):
        p50, p95 = statistics.median(times), pct(times, 95)
        ratio = p50 / bare_p50
        verdict = "" if aim is None else ("met" if ratio <= aim else "MISSED")
        row = (what, size, database, p50, p95, ratio, p95 / bare_p50, aim, verdict)
        self.rows.append(row)
        print(self.format(row), flush=True)
        return ratio

    @staticmethod
    def header():
        return (
            f"{'what':<44} {'size':>8} {'database':<10} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'p50/bare':>8} {'p95/bare':>8} {'aim':>6}"
        )

    @staticmethod
    def format(row):
        what, size, database, p50, p95, ratio, ratio95, aim, verdict = row
        aim_text = f"≤{aim:g}x" if aim is not None else ""
        return (
            f"{what:<44} {size:>8,} {database:<10} {p50:>8.1f} {p95:>8.1f} {ratio:>7.1f}x {ratio95:>7.1f}x "
            f"{aim_text:>6} {verdict}"
        )

    def print(self):
        print(f"\n{self.title}\n{self.header()}")
        for row in self.rows:
            print(self.format(row))
