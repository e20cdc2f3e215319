#!/usr/bin/env python
"""Plannen: the plan list, the versions page and the builder as ratios to the bare view (SQLite, PostgreSQL).

    .venv/bin/python bench/plans_bench.py
    BENCH_DATABASES=sqlite BENCH_TOTAL=20000 .venv/bin/python bench/plans_bench.py

One clinician per size holds 10, 1,000 and 10,000 plans; other clinicians' plans fill the database up to
BENCH_TOTAL (100,000) plans, so the list is measured in a full database. Measured on one uvicorn process
(production settings), 50 requests one after another per row, each row in turns with the bare view
(bare, page, bare, page, ...), so that a row and its reference meet the same load:
the list (first page, page 200 or the last, a search by name), the versions page of a plan with 10 and
1,000 versions, the builder overview and two part pages of a filled plan. A reference row shows the
floor of any signed-in page (the account settings page).

Each database runs in a child process (Django's settings are read once per process). PostgreSQL:
BENCH_POSTGRES_URL (use a database of your own: the bench adds plans to it and never deletes any).
"""

import json
import os
import statistics
import subprocess
import sys
import uuid
from datetime import timedelta

from _harness import (
    ROOT,
    Table,
    bare_view,
    bench_env,
    databases,
    machine_line,
    session_cookie,
    start_servers,
    stop_servers,
    timed_beside_bare,
    timed_gets,
    use_env,
)

SIZES = (10, 1_000, 10_000)
VERSION_SIZES = (10, 1_000)
TOTAL = int(os.environ.get("BENCH_TOTAL", "100000"))
COUNT = int(os.environ.get("BENCH_COUNT", "50"))
AIM = 3
NAMES = "de Vries,Jansen,Bakker,Visser,Smit,Meijer,de Boer,Mulder,de Groot,Bos,Öztürk,El Amrani".split(",")


def make_people(team_name):
    from houvast.accounts.models import Membership, Organisation, Team, User

    organisation = Organisation.objects.create(name=f"Bench {team_name}")
    team = Team.objects.create(organisation=organisation, name=team_name)
    user = User.objects.create_user(
        email=f"bench-{uuid.uuid4().hex[:10]}@example.org", password=uuid.uuid4().hex, name="Bench"
    )
    Membership.objects.create(team=team, user=user, role=Membership.Role.ADMIN)
    return team, user


def make_plans(team, owner, count):
    """`count` plans in one go (bulk_create skips save(), so the search column is filled here)."""
    from django.utils import timezone

    from houvast.plans.models import Plan
    from houvast.plans.search import search_key

    now = timezone.now()
    batch = []
    for n in range(count):
        name = f"{NAMES[n % len(NAMES)]} {n}"
        batch.append(
            Plan(
                team=team,
                owner=owner,
                patient_name=name,
                search_name=search_key(name),
                updated=now - timedelta(minutes=n),
                created=now - timedelta(minutes=n),
            )
        )
        if len(batch) == 5_000:
            Plan.objects.bulk_create(batch)
            batch = []
    Plan.objects.bulk_create(batch)


def full_plan_data():
    from houvast.plans.guidance import sections

    person = {"name": "Sanne", "role": "zus", "phone": "06 12345678", "when": "altijd"}
    data = {}
    for section in sections():
        part = {}
        for field in section.fields:
            if field.kind in ("text", "lines"):
                part[field.key] = "Ik slaap slecht\nIk trek me terug\nIk bel mijn zus"
            elif field.kind == "people":
                part[field.key] = [person] * 3
        data[section.key] = part
    return data


def make_filled_plan(team, owner, versions):
    from houvast.plans.models import Plan, PlanSection, PlanVersion

    plan = Plan.objects.create(team=team, owner=owner, patient_name=f"Versies {versions}")
    data = full_plan_data()
    PlanSection.objects.bulk_create(PlanSection(plan=plan, key=k, data=v, version=1) for k, v in data.items())
    PlanVersion.objects.bulk_create(
        (
            PlanVersion(plan=plan, number=n, data=data, professional_name="Bench", patient_name="Piet")
            for n in range(1, versions + 1)
        ),
        batch_size=500,
    )
    return plan


def measure(label, url):
    """Runs in a child process per database; prints one JSON line per measured row."""
    env = bench_env(url)
    use_env(env)
    from houvast.plans.models import Plan

    clinicians = {}
    for size in SIZES:
        team, user = make_people(f"Lijst {size}")
        make_plans(team, user, size)
        clinicians[size] = user
    filler = TOTAL - Plan.objects.count()
    if filler > 0:
        team, user = make_people("Andere behandelaars")
        make_plans(team, user, filler)
    team, user = make_people("Versies")
    filled = {n: make_filled_plan(team, user, n) for n in VERSION_SIZES}
    total = Plan.objects.count()
    cookies = {size: session_cookie(u) for size, u in clinicians.items()}
    cookie = session_cookie(user)

    servers = start_servers(1, env)
    try:
        base = servers[0][1]
        bare_p50, bare_times = bare_view(base)

        def row(what, size, path, who):
            timed_gets(base, path, who, 5)
            times, bare_times = timed_beside_bare(base, path, who, COUNT)
            print("ROW " + json.dumps([what, size, label, times, statistics.median(bare_times)]), flush=True)

        print("ROW " + json.dumps(["bare view", 0, label, bare_times, bare_p50]), flush=True)
        # The floor for any signed-in page: session, user and two-factor check (the bare view with a
        # session cookie), then with the site's base template (the account settings page).
        row("reference: bare view, signed in", 0, "/_bench/bare/", cookie)
        row("reference: account settings (signed in)", 0, "/account/instellingen/", cookie)
        for size in SIZES:
            last = max(1, -(-size // 25))
            row(f"plan list, page 1 ({total:,} plans in db)", size, "/plannen/", cookies[size])
            row(
                f"plan list, page {min(200, last)}", size, f"/plannen/?pagina={min(200, last)}", cookies[size]
            )
            row("plan list, search 'jansen'", size, "/plannen/?zoek=jansen", cookies[size])
        for n, plan in filled.items():
            row("versions page", n, f"/plannen/{plan.pk}/versies/", cookie)
        plan = filled[VERSION_SIZES[0]]
        row("builder overview (all parts filled)", 11, f"/plannen/{plan.pk}/", cookie)
        row("builder part: phase 2 (11 fields)", 11, f"/plannen/{plan.pk}/deel/phase_early/", cookie)
        row("builder part: network (3 people)", 12, f"/plannen/{plan.pk}/deel/network/", cookie)
    finally:
        stop_servers(servers)


def main():
    table = Table(f"Plannen, p50/p95 as ratios to the bare view's p50 ({machine_line()})")
    print(Table.header())
    for label, url in databases():
        child = subprocess.Popen(
            [sys.executable, __file__, "--child", label, url], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        for line in child.stdout:
            if not line.startswith("ROW "):
                print(line, end="")
                continue
            what, size, database, times, bare_p50 = json.loads(line[4:])
            reference = what == "bare view" or what.startswith("reference")
            table.add(what, size, database, times, bare_p50, aim=None if reference else AIM)
        if child.wait() != 0:
            sys.exit(f"the {label} run failed")
    table.print()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        measure(sys.argv[2], sys.argv[3])
    else:
        main()
