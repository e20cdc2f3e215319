#!/usr/bin/env python
"""Stellingen: the participant's answer page and submit, the group summary and the coordinator's poll, each
as a ratio to the bare view measured by the same processes in the same run (bench/_harness.py).

    .venv/bin/python bench/surveys_bench.py
    BENCH_DATABASES=sqlite BENCH_SIZES=10,1000 .venv/bin/python bench/surveys_bench.py

Per database (SQLite, and PostgreSQL with Redis as cache when they answer): two production app processes.
- answer page GET /stellingen/r/<token>/ (a first visit) and submit POST, one request at a time; then the
  submit with BENCH_CONCURRENCY participants at once over both processes, against the bare view under the
  same load. Every submit is a new participant (own device cookie). The limit of 60 new responses per hour
  per address and round (views.NEW_RESPONSES_PER_HOUR) stays on: the submitters spread over rounds of at
  most SUBMITS_PER_ROUND responses each, as participants of different networks would.
- for closed rounds of BENCH_SIZES responses (10, 1,000, 100,000; made in SQL in a few seconds): the first
  summary build (the release's aggregates computed in SQL and stored, snapshot.py), a later build (stored),
  the summary page and the coordinator's poll (`…/aantal/`, every 5 s).
"""

import asyncio
import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (  # noqa: E402
    REDIS_URL,
    Table,
    bare_view,
    bench_env,
    databases,
    http,
    machine_line,
    start_servers,
    stop_servers,
    timed_gets,
    use_env,
)

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "10,1000,100000").split(",")]
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
CONCURRENT_SUBMITS = int(os.environ.get("BENCH_CONCURRENT_SUBMITS", "200"))
SUBMITS_PER_ROUND = 50  # below the 60 new responses per hour per address and round (views.py)
PREFIX = "bench-stellingen-"


# --- Data, made in SQL: 100,000 responses and their million answers in seconds ------------------------


def add_responses_in_sql(round_obj, count):
    """`count` submitted online responses with ten answers each, spread over four disciplines, with a comment
    on one answer in 200 and a closing answer on one response in 50; the same numbers on every database."""
    from django.db import connection
    from django.utils import timezone

    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO surveys_response
                (round_id, device_hash, source, discipline, closing_answer, draft,
                 created, updated, submitted_at)
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < %s)
            SELECT %s, 'bench-' || n, 'online',
                CASE n %% 4 WHEN 0 THEN 'psycholoog' WHEN 1 THEN 'verpleegkundige'
                    WHEN 2 THEN 'poh-ggz' ELSE '' END,
                CASE WHEN n %% 50 = 0 THEN 'Meer samen oefenen met de crisiskaart' ELSE '' END,
                '{}', %s, %s, %s
            FROM seq
            """,
            [count, round_obj.pk, now, now, now],
        )
        cursor.execute(
            """
            INSERT INTO surveys_answer (response_id, round_id, statement, value, comment, discipline)
            WITH RECURSIVE st(s) AS (SELECT 1 UNION ALL SELECT s + 1 FROM st WHERE s < 10)
            SELECT r.id, r.round_id, st.s,
                CASE (r.id * 7 + st.s * 13 + r.id / 7) %% 8
                    WHEN 0 THEN 0 WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 3 THEN 3 WHEN 7 THEN 3
                    WHEN 6 THEN 5 ELSE 4 END,
                CASE WHEN (r.id + st.s) %% 200 = 0
                    THEN 'Dit bespreken we nog te weinig met naasten.' ELSE '' END,
                r.discipline
            FROM surveys_response r CROSS JOIN st
            WHERE r.round_id = %s
            """,
            [round_obj.pk],
        )


def remove_bench_rounds():
    """Earlier runs' rounds (PostgreSQL keeps its database), deleted in SQL: a million answers at once."""
    from django.db import connection

    from houvast.surveys.models import Round

    ids = list(Round.objects.filter(network_name__startswith=PREFIX).values_list("id", flat=True))
    if not ids:
        return
    marks = ",".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM surveys_answer WHERE round_id IN ({marks})", ids)
        cursor.execute(f"DELETE FROM surveys_response WHERE round_id IN ({marks})", ids)
    Round.objects.filter(id__in=ids).delete()


def settle_statistics():
    """What a database that lives looks like after a bulk load: planner statistics, and on PostgreSQL a
    vacuumed table whose visibility map allows index-only counts (autovacuum does both in production)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE surveys_response")
            cursor.execute("VACUUM ANALYZE surveys_answer")
        else:
            cursor.execute("ANALYZE")


def prepare():
    """Rounds for every size (closed, their coordinator tokens), open rounds for the submitters."""
    from houvast.surveys.tests.factories import make_closed_round, make_round

    remove_bench_rounds()
    closed = {}
    for size in SIZES:
        round_obj, token = make_closed_round(network_name=f"{PREFIX}{size}", min_responses=5)
        t0 = time.perf_counter()
        add_responses_in_sql(round_obj, size)
        print(f"  {size:,} responses made in {time.perf_counter() - t0:.1f} s", flush=True)
        closed[size] = (round_obj, token)
    settle_statistics()
    submits = REQUESTS + 20 + CONCURRENT_SUBMITS
    open_tokens = [
        make_round(network_name=f"{PREFIX}open-{n}")[0].public_token
        for n in range(-(-submits // SUBMITS_PER_ROUND) + 1)
    ]
    return closed, open_tokens


def time_builds(round_obj):
    """Milliseconds of making the release (every response and answer marked, once per release), of the
    first summary build (aggregates computed in SQL and stored) and of five later ones."""
    from houvast.surveys import releases
    from houvast.surveys.summary import build_summary

    t0 = time.perf_counter()
    assert releases.current(round_obj) is not None, "the bench round has no release"
    release = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    summary = build_summary(round_obj)
    first = (time.perf_counter() - t0) * 1000
    assert summary.enough, "the bench round shows no results"
    later = []
    for _ in range(5):
        t0 = time.perf_counter()
        build_summary(round_obj)
        later.append((time.perf_counter() - t0) * 1000)
    return [release], [first], later


# --- Participants -------------------------------------------------------------------------------------


class Submitters:
    """Hands out a new participant per submit: a new device cookie, on a round with room under the limit."""

    def __init__(self, tokens):
        self.tokens, self.used = list(tokens), 0

    def next(self):
        token = self.tokens[self.used // SUBMITS_PER_ROUND]
        self.used += 1
        return f"/stellingen/r/{token}/", f"houvast_apparaat={secrets.token_urlsafe(24)}"


def answers(n):
    data = {f"s{s}": str((n + s) % 6) for s in range(1, 11)}
    data.update(
        c3="Graag meer tijd voor het signaleringsplan." if n % 5 == 0 else "", closing="", discipline=""
    )
    return data


async def one_submit(url, submitters, n):
    path, cookie = submitters.next()
    t0 = time.perf_counter()
    status, _body = await http(url, "POST", path, cookie, body=answers(n))
    assert status == 302, ("submit", status)
    return (time.perf_counter() - t0) * 1000


async def submits_one_at_a_time(url, submitters, count):
    return [await one_submit(url, submitters, n) for n in range(count)]


async def at_once(jobs, concurrency):
    """Run the coroutine factories in `jobs` with at most `concurrency` in flight; their results."""
    queue, results = list(jobs), []

    async def worker():
        while queue:
            results.append(await queue.pop()())

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results


async def bare_once(url):
    t0 = time.perf_counter()
    status, _body = await http(url, "GET", "/_bench/bare/")
    assert status == 200
    return (time.perf_counter() - t0) * 1000


# --- One database -------------------------------------------------------------------------------------


def measure(label, database_url):
    """Runs in its own process (Django is set up once per process); prints one JSON line per row."""
    env = bench_env(database_url, redis_url=REDIS_URL if label == "PostgreSQL" else None)
    use_env(env)
    closed, open_tokens = prepare()
    rows = []

    def row(what, size, times, bare_p50, aim=None):
        rows.append({"what": what, "size": size, "times": times, "bare": bare_p50, "aim": aim})

    builds = {size: time_builds(round_obj) for size, (round_obj, _token) in closed.items()}
    servers = start_servers(2, env)
    try:
        url = servers[0][1]
        bare_p50, bare_times = bare_view(url)
        row("bare view (baseline)", 0, bare_times, bare_p50)
        page = f"/stellingen/r/{open_tokens[-1]}/"
        timed_gets(url, page, "", 10)
        row("answer page GET (first visit)", 0, timed_gets(url, page, "", REQUESTS), bare_p50, 3)
        submitters = Submitters(open_tokens[:-1])
        asyncio.run(submits_one_at_a_time(url, submitters, 20))  # warm-up
        row(
            "answer submit POST",
            0,
            asyncio.run(submits_one_at_a_time(url, submitters, REQUESTS)),
            bare_p50,
            4,
        )
        urls = [u for _p, u in servers]
        bare_loaded = asyncio.run(
            at_once([lambda n=n: bare_once(urls[n % 2]) for n in range(CONCURRENT_SUBMITS)], CONCURRENCY)
        )
        loaded = asyncio.run(
            at_once(
                [lambda n=n: one_submit(urls[n % 2], submitters, n) for n in range(CONCURRENT_SUBMITS)],
                CONCURRENCY,
            )
        )
        loaded_bare_p50 = statistics.median(bare_loaded)
        row(f"bare view, {CONCURRENCY} at once on 2 processes", 0, bare_loaded, loaded_bare_p50)
        row(f"answer submit POST, {CONCURRENCY} at once (÷ bare at once)", 0, loaded, loaded_bare_p50, 4)
        for size, (_round_obj, token) in closed.items():
            release, first, later = builds[size]
            row("release made (all rows marked, once)", size, release, bare_p50)
            row("summary build, first (SQL, stored)", size, first, bare_p50)
            row("summary build, from the stored snapshot", size, later, bare_p50)
            summary = f"/stellingen/beheer/{token}/samenvatting/"
            timed_gets(url, summary, "", 3)
            row("summary page GET", size, timed_gets(url, summary, "", max(10, REQUESTS // 3)), bare_p50)
            poll = f"/stellingen/beheer/{token}/aantal/"
            timed_gets(url, poll, "", 5)
            polls = timed_gets(url, poll, "", REQUESTS)
            row("coordinator poll GET …/aantal/ (a count)", size, polls, bare_p50)
    finally:
        stop_servers(servers)
        remove_bench_rounds()
    for item in rows:
        print("ROW " + json.dumps({"database": label, **item}), flush=True)


def main():
    table = Table("Stellingen (ratios to the bare view's p50 in the same run; summary page aim: ≤ 300 ms)")
    failed = False
    for label, database_url in databases():
        print(f"\n{label}: making data and measuring", flush=True)
        child = subprocess.run(
            [sys.executable, __file__, "--measure", label, database_url], stdout=subprocess.PIPE, text=True
        )
        for line in child.stdout.splitlines():
            if line.startswith("ROW "):
                item = json.loads(line[4:])
                table.add(item["what"], item["size"], label, item["times"], item["bare"], item["aim"])
            else:
                print(line, flush=True)
        failed = failed or child.returncode != 0
    table.print()
    print(machine_line(f"{CONCURRENCY} submitters at once; {REQUESTS} requests per figure"))
    page_rows = [row for row in table.rows if row[0] == "summary page GET"]
    for _what, size, database, p50, p95, *_rest in page_rows:
        verdict = "met" if p95 <= 300 else "MISSED"
        print(
            f"summary page at {size:,} on {database}: p50 {p50:.0f} ms, p95 {p95:.0f} ms (≤300 ms: {verdict})"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2], sys.argv[3])
    else:
        main()
