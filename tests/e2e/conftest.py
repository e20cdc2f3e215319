"""Browser tests: a real uvicorn process serves the test database; Debian's Chromium drives it."""

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import warnings
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from houvast.lib.testing import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url_for_test_db():
    db = settings.DATABASES["default"]
    if connections["default"].vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{db['NAME']}"


class LiveServer:
    """One or more uvicorn processes on loopback, sharing the test database (and Redis when set)."""

    def __init__(self, outbox):
        self.outbox = outbox
        self.processes = []
        self.urls = []

    def start(self, count=1, extra_env=None):
        env = {
            **os.environ,
            "DEBUG": "True",
            "DATABASE_URL": database_url_for_test_db(),
            "TASKS_BACKEND": "immediate",
            "EMAIL_OUTBOX_DIR": str(self.outbox),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            **(extra_env or {}),
        }
        env.pop("SECRET_KEY", None)
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        for _ in range(count):
            port = _free_port()
            env["SITE_URL"] = f"http://127.0.0.1:{port}"
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "houvast.asgi:application",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
            )
            url = f"http://127.0.0.1:{port}"
            self._wait_until_up(url, process)
            self.processes.append(process)
            self.urls.append(url)
        return self.urls[-count:]

    @staticmethod
    def _wait_until_up(url, process):
        # Generous: parallel test workers on a busy 2-core machine start Django slowly.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {process.returncode}")
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"uvicorn did not start at {url}")

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    @property
    def url(self):
        return self.urls[0]

    def emails(self):
        """Every message the server sent so far, oldest first."""
        parser = BytesParser(policy=policy.default)
        return [parser.parsebytes(p.read_bytes()) for p in sorted(self.outbox.glob("*.eml"))]

    def last_email_to(self, address):
        for message in reversed(self.emails()):
            if address in str(message["to"]):
                return message
        raise AssertionError(f"no email to {address}")

    @staticmethod
    def text_of(message):
        return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture(scope="session")
def live_app(django_db_setup, django_db_blocker):
    outbox = Path(tempfile.mkdtemp(prefix="houvast-outbox-"))
    server = LiveServer(outbox)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(outbox, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is not installed at {CHROMIUM}; `make test` installs Debian's chromium.")
    from playwright.sync_api import expect, sync_playwright

    # The same patience for assertions as for actions: a busy two-core CI machine can take a few seconds.
    expect.set_options(timeout=10_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, live_app, transactional_db):
    """Make browser contexts (one per person); all are closed after the test."""
    contexts = []

    def make(viewport=None, locale="nl-NL", **kwargs):
        context = browser.new_context(
            base_url=live_app.url,
            locale=locale,
            viewport=viewport or {"width": 1280, "height": 900},
            **kwargs,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        close_within(context, CONTEXT_CLOSE_SECONDS)


CONTEXT_CLOSE_SECONDS = 60


def close_within(context, seconds):
    """Close a browser context, but give up after `seconds` with a warning instead of hanging.

    Twice in many runs, on a loaded two-core machine, Chromium never answered the close of a context
    after a test had passed; the run then sat there until pytest-timeout failed it. Playwright's close
    has no timeout of its own, so its coroutine is bounded here (on the sync API's own event loop).
    """
    if not hasattr(context, "_sync") or not hasattr(context, "_impl_obj"):
        context.close()
        return
    try:
        context._sync(asyncio.wait_for(context._impl_obj.close(reason=None), seconds))
    except TimeoutError:
        warnings.warn(f"a browser context did not close within {seconds} s", stacklevel=2)


@pytest.fixture
def page(new_context):
    return new_context().new_page()


PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone_page(new_context):
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()


def assert_accessible(page, context=""):
    """Run axe-core in the page; fail with its report on any WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, f"{context or page.url}\n{results.generate_report()}"


def log_in(page, email, password=PASSWORD):
    """Log in through the form, as a person would, and wait until the login page is left."""
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").last.click()
    page.wait_for_url(lambda url: "/account/inloggen/" not in url)
