"""Crawl the site as three visitors (anonymous, a professional, a patient), in Dutch and then in English.

Every HTML page must answer without a server error, pass axe (WCAG 2.1 AA) and cause no Content Security
Policy violation in the console; downloads (pdf, csv, ics, json) must answer 200. Each distinct URL pattern
(digits, uuids, codes and tokens replaced) is scanned once per visitor and language.
"""

import re
from collections import deque
from datetime import timedelta
from urllib.parse import urldefrag, urlsplit

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError

from houvast.accounts.models import Membership, Organisation, OrganisationMembership, Team
from houvast.accounts.tokens import hash_token
from houvast.cards import deck
from houvast.cards.models import CardPick, CardSelection
from houvast.lib.testing import make_user
from houvast.plans.models import Plan, PlanSection, PlanShare
from houvast.plans.tests.patient_setup import CONTENTS
from houvast.surveys.tests.factories import add_responses, make_closed_round, make_round
from houvast.workshops.models import Note, Participant
from houvast.workshops.tests.factories import make_session

from .conftest import assert_accessible, log_in

MAX_PAGES = 80
ENGLISH_SAMPLE = 6
# Many pages of one kind (cards, plan parts, werkvormen): a few of each are enough.
COLLECTIONS = {"/kaarten", "/plannen/{uuid}/deel", "/werkvormen", "/werkvormen/{code}"}
CHILDREN_PER_COLLECTION = 3
# The tablet view (/kies/) locks the rest of the site until the password is given: the cards browser
# test covers it, with axe.
SKIP = re.compile(r"(/uitloggen/|/dev/|verwijder|intrekken|/tweestaps/uitzetten/|/verlaten/|/kies/)")
DOWNLOAD = re.compile(r"(\.(pdf|csv|ics|json)$|/pdf/$)")
# Pages that look the same to every visitor: axe scans them once per language, for the first visitor.
SHARED = re.compile(
    r"^/(werkvormen/(?!sessie/)|kaarten/(?!selecties/)|terugvalpreventie/|stellingen/$|account/)"
)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def pattern_of(path):
    """/plannen/<uuid>/versies/2/ and /plannen/<uuid>/versies/3/ are one pattern."""
    parts = []
    for segment in UUID.sub("{uuid}", path).split("/"):
        if re.fullmatch(r"\d+", segment):
            segment = "{n}"
        elif re.fullmatch(r"[A-Z2-9]{6}", segment):
            segment = "{code}"
        elif len(segment) >= 20 and re.fullmatch(r"[\w-]+", segment) and not segment.islower():
            segment = "{token}"
        parts.append(segment)
    return "/".join(parts)


def switch_language(page, code):
    page.goto("/")
    page.locator("#language-select").select_option(code)
    page.get_by_role("button", name=re.compile("Kies taal|Choose language", re.I)).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == code


class Crawler:
    def __init__(self, page, origin, visitor, problems, shared_scanned):
        self.shared_scanned = shared_scanned
        self.page = page
        self.origin = origin
        self.visitor = visitor
        self.problems = problems
        self.csp = []
        self.current = ""
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.csp.append(f"{self.current}: {message.text}")

    def problem(self, url, text):
        self.problems.append(f"[{self.visitor}] {url}: {text}")

    def same_origin(self, href):
        href, _ = urldefrag(href)
        if not href.startswith(self.origin):
            return None
        path = href[len(self.origin) :] or "/"
        return None if SKIP.search(path) else path

    def crawl(self, starts, limit, label):
        """Breadth-first from `starts`; returns the HTML paths scanned, in order."""
        queue = deque(starts)
        seen_paths, seen_patterns, children, scanned = set(starts), set(), {}, []
        while queue and len(scanned) < limit:
            path = queue.popleft()
            pattern = pattern_of(urlsplit(path).path)
            if pattern in seen_patterns:
                continue
            parent = pattern.rstrip("/").rsplit("/", 1)[0]
            if parent in COLLECTIONS and children.get(parent, 0) >= CHILDREN_PER_COLLECTION:
                continue
            seen_patterns.add(pattern)
            if DOWNLOAD.search(urlsplit(path).path):
                response = self.page.request.get(path)
                if response.status != 200:
                    self.problem(path, f"download answered {response.status}")
                continue
            children[parent] = children.get(parent, 0) + 1
            scan = not (SHARED.search(pattern) and (label, pattern) in self.shared_scanned)
            if SHARED.search(pattern):
                self.shared_scanned.add((label, pattern))
            for href in self.visit(path, f"{label} {path}", scan):
                if href not in seen_paths:
                    seen_paths.add(href)
                    queue.append(href)
            scanned.append(path)
        return scanned

    def visit(self, path, context, scan=True):
        self.current = path
        self.csp.clear()
        try:
            response = self.page.goto(path)
        except PlaywrightError as error:
            if "Download is starting" not in str(error):
                raise
            download = self.page.request.get(path)
            if download.status != 200:
                self.problem(path, f"download answered {download.status}")
            return []
        status = response.status if response else 0
        if status >= 500 or status in (404, 410) or status == 0:
            self.problem(path, f"status {status}")
            return []
        self.page.wait_for_load_state("load")
        try:
            if scan:
                assert_accessible(self.page, f"[{self.visitor}] {context}")
        except AssertionError as error:
            self.problems.append(str(error))
        for text in self.csp:
            self.problem(path, f"CSP: {text}")
        links = self.page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        return [p for p in (self.same_origin(h) for h in links) if p]


def make_world():
    """A professional in a team with a stellingen round, a live session, a card selection and a plan."""
    organisation = Organisation.objects.create(name="GGZ Oost")
    professional = make_user("behandelaar@example.org", "Bo Behandelaar")
    OrganisationMembership.objects.create(organisation=organisation, user=professional, is_admin=True)
    team = Team.objects.create(organisation=organisation, name="FACT-team Noord")
    Membership.objects.create(team=team, user=professional, role=Membership.Role.ADMIN)

    round_obj, _token = make_round(team=team, created_by=professional, min_responses=2)
    add_responses(round_obj, [[4] * 10, [2] * 10, [5] * 10], comment="We doen dit al vaak")
    # A closed round too: results (summary, presenter, CSV, PDF) show only for a finished round.
    closed, _ = make_closed_round(team=team, created_by=professional, min_responses=2, network_name="West")
    add_responses(closed, [[4] * 10, [2] * 10, [5] * 10], comment="We doen dit al vaak")

    session = make_session(team, professional)
    participant = Participant.objects.create(session=session, token=Participant.new_token(), name="Alice")
    Note.objects.create(session=session, step_key="collect", author=participant, text="Signaleringsplan")

    slugs = [card.slug for card in list(deck.all_cards())[:3]]
    selection = CardSelection.objects.create(owner=professional, team=team, label="P.P.", slugs=slugs)
    CardPick.objects.create(selection=selection, slug=slugs[0])

    patient = make_user("patient@example.org", "Piet Patiënt", kind="patient")
    plan = Plan.objects.create(
        team=team,
        owner=professional,
        patient_name="Piet Patiënt",
        patient_email="patient@example.org",
        patient=patient,
    )
    for key, value in CONTENTS.items():
        PlanSection.objects.create(plan=plan, key=key, data=value)
    PlanShare.objects.create(
        plan=plan,
        label="Mijn zus",
        token_hash=hash_token("naaste-link-token-voor-crawl"),
        code_hash=make_password("ABCDEFGH"),
        expires=timezone.localdate() + timedelta(days=7),
    )
    return {
        "anonymous": ["/", f"/stellingen/r/{round_obj.public_token}/", "/werkvormen/doe-mee/"],
        "professional": [
            "/",
            "/dashboard/",
            f"/werkvormen/sessie/{session.code}/",
        ],
        "patient": ["/", "/dashboard/", f"/plannen/{plan.pk}/lezen/"],
    }


def test_every_page_answers_is_accessible_and_keeps_to_the_csp(new_context, live_app):
    starts = make_world()
    problems, counts, shared_scanned = [], {}, set()
    for visitor, email in (
        ("anonymous", None),
        ("professional", "behandelaar@example.org"),
        ("patient", "patient@example.org"),
    ):
        page = new_context().new_page()
        if email:
            log_in(page, email)
        crawler = Crawler(page, live_app.url, visitor, problems, shared_scanned)
        dutch = crawler.crawl(starts[visitor], MAX_PAGES, "nl")
        switch_language(page, "en")
        english = crawler.crawl(dutch[:ENGLISH_SAMPLE], ENGLISH_SAMPLE, "en")
        counts[visitor] = (len(dutch), len(english))
        print(visitor, *dutch, sep="\n  ")
        page.context.close()
    print("pages scanned (nl, en):", counts)
    assert counts["professional"][0] >= 20, counts
    assert not problems, "\n\n".join(problems)
