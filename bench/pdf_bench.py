#!/usr/bin/env python
"""PDFs off the request path: a plan PDF's first and repeat download, and what five renders do to others.

    .venv/bin/python bench/pdf_bench.py
    BENCH_PDF_WORKERS=1 .venv/bin/python bench/pdf_bench.py

One uvicorn process per set-up, on SQLite (a PDF does not wait on the database). Set-ups: PDF_WORKERS=0 lays
the PDF out in the request's own thread (as before the pool: WeasyPrint holds that process's GIL) and
PDF_WORKERS=1 (the default) in a pool process. Each set-up starts with an empty PDF cache.

Measured, all in the same run as the bare view (`/_bench/bare/`): the first download of a 5-page plan PDF
(the first one also starts the pool), a repeat download of the same plan (served from the cache) and of
the public stellingen handout (the same cache, without the plan's permission check and context), each
repeat in turns with the bare view (`timed_beside_bare`), so a repeat and its bare view meet the same load;
and "others": the bare view's times while five first-time plan PDFs (five plans) are downloaded at once, as
a ratio of its p95 to its p95 alone (the same requests, one after another, just before and just after).
"""

import asyncio
import os
import statistics
import sys
import time

from _harness import (
    Table,
    bare_view,
    bench_env,
    databases,
    http,
    machine_line,
    pct,
    session_cookie,
    start_servers,
    stop_servers,
    timed_beside_bare,
    use_env,
)

os.environ.setdefault("BENCH_DATABASES", "sqlite")
SETUPS = [int(n) for n in os.environ.get("BENCH_PDF_WORKERS", "0,1").split(",")]
AT_ONCE = 5
FIRSTS = 5
REPEATS = 50
ALONE = 300
HANDOUT = "/werkvormen/stellingen/handleiding.pdf"
LINES = "\n".join(
    f"{n}. Ik merk het aan mijn slaap, mijn eetlust en hoe vaak ik afspraken afzeg; dan bel ik mijn zus."
    for n in range(1, 6)
)


def _longer(value):
    return value if isinstance(value, list) else f"{value}\n{LINES}"


def make_plans(count):
    """A patient with `count` plans, each filled enough for five A4 pages; returns (patient, [plan])."""
    from houvast.accounts.models import Membership, Organisation, Team
    from houvast.lib.testing import make_user
    from houvast.plans.models import Plan, PlanSection
    from houvast.plans.tests.helpers import FILLED

    suffix = time.time_ns()
    organisation = Organisation.objects.create(name=f"Bench {suffix}")
    team = Team.objects.create(organisation=organisation, name="Bench-team")
    owner = make_user(f"eigenaar-{suffix}@example.org", "Olga Eigenaar")
    Membership.objects.create(team=team, user=owner, role=Membership.Role.ADMIN)
    patient = make_user(f"patient-{suffix}@example.org", "Piet Patiënt", kind="patient")
    data = {key: {field: _longer(value) for field, value in part.items()} for key, part in FILLED.items()}
    data["network"]["people"] = data["network"]["people"] * 6
    plans = []
    for number in range(count):
        plan = Plan.objects.create(team=team, owner=owner, patient_name=f"Piet {number}", patient=patient)
        for key, value in data.items():
            PlanSection.objects.create(plan=plan, key=key, data=value, version=1)
        plans.append(plan)
    return patient, plans


async def download(url, path, cookie):
    t0 = time.perf_counter()
    status, body = await http(url, "GET", path, cookie, accept="application/pdf")
    assert status == 200 and body.startswith(b"%PDF-"), (path, status, body[:200])
    return (time.perf_counter() - t0) * 1000, body


async def others_while_rendering(url, paths, cookie):
    """Bare-view times, one request after another, while `paths` are downloaded at once."""
    downloads = asyncio.ensure_future(asyncio.gather(*(download(url, p, cookie) for p in paths)))
    others = []
    while not downloads.done():
        t0 = time.perf_counter()
        status, _body = await http(url, "GET", "/_bench/bare/")
        assert status == 200
        others.append((time.perf_counter() - t0) * 1000)
    return others, [ms for ms, _body in await downloads]


def pages(pdf):
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def measure(table, label, database_url, workers):
    env = bench_env(database_url, PDF_WORKERS=workers)
    use_env(env)
    from django.urls import reverse

    patient, plans = make_plans(1 + FIRSTS + AT_ONCE)
    cookie = session_cookie(patient)
    paths = [reverse("plans:pdf_draft", args=[plan.pk]) for plan in plans]
    servers = start_servers(1, env)
    url = servers[0][1]
    try:
        where = "in request" if workers == 0 else f"pool of {workers}"
        bare_p50, bare_times = bare_view(url)
        table.add("bare view", len(bare_times), label, bare_times, bare_p50)
        cold, pdf = asyncio.run(download(url, paths[0], cookie))
        table.add(f"plan PDF ({pages(pdf)} p.), first, {where} (cold)", 1, label, [cold], bare_p50)
        firsts = [asyncio.run(download(url, path, cookie))[0] for path in paths[1 : 1 + FIRSTS]]
        table.add(f"plan PDF, first download, {where}", FIRSTS, label, firsts, bare_p50)
        repeats, bare = timed_beside_bare(url, paths[1], cookie, REPEATS)
        table.add("  bare view, in turns with the row below", REPEATS, label, bare, statistics.median(bare))
        table.add(
            "plan PDF, repeat download (cache)", REPEATS, label, repeats, statistics.median(bare), aim=3
        )
        asyncio.run(download(url, HANDOUT, ""))
        handouts, bare = timed_beside_bare(url, HANDOUT, "", REPEATS)
        table.add("  bare view, in turns with the row below", REPEATS, label, bare, statistics.median(bare))
        table.add(
            "handout PDF, repeat download (cache)", REPEATS, label, handouts, statistics.median(bare), aim=3
        )
        _p50, before = bare_view(url, ALONE // 2)
        others, rendering = asyncio.run(others_while_rendering(url, paths[1 + FIRSTS :], cookie))
        _p50, after = bare_view(url, ALONE // 2)
        alone = before + after
        table.add(
            "  bare view alone, just before and after", len(alone), label, alone, statistics.median(alone)
        )
        table.add(
            f"bare view while {AT_ONCE} PDFs render", len(others), label, others, statistics.median(alone)
        )
        table.add(f"the {AT_ONCE} PDFs rendering at once", AT_ONCE, label, rendering, bare_p50)
        ratio = pct(others, 95) / pct(alone, 95)
        verdict = "met" if ratio <= 2 else "MISSED"
        table.notes.append(
            f"{label}, {where}: others' p95 while {AT_ONCE} PDFs render {pct(others, 95):.1f} ms vs "
            f"{pct(alone, 95):.1f} ms alone = {ratio:.1f}x (aim ≤2x: {verdict}); "
            f"p50 {statistics.median(others):.1f} vs {statistics.median(alone):.1f} ms"
        )
        print(table.notes[-1], flush=True)
    finally:
        stop_servers(servers)


def main():
    table = Table(f"PDFs off the request path ({machine_line()})")
    table.notes = []
    print(Table.header(), flush=True)
    for label, database_url in databases():
        for workers in SETUPS:
            measure(table, label, database_url, workers)
    table.print()
    print("\n".join(table.notes))


if __name__ == "__main__":
    sys.exit(main())
