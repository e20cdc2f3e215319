"""The plan on a small phone: every patient and naaste page fits 320 and 375 px, passes axe at 320 px and
has tap targets of 24 px; task pages keep the site header short."""

import re

import pytest

from .conftest import assert_accessible, log_in
from .plan_world import EXPIRED_TOKEN, TOKEN, make_plan

WIDTHS = [320, 375]
# Issue 13 point 5: on task pages the site header takes at most this much before the page's title.
HEADER_MAX = 140


def patient_pages(plan):
    """(path, what, is a task page) for every page a patient opens."""
    base = f"/plannen/{plan.pk}"
    return [
        ("/dashboard/", "dashboard", False),
        ("/plannen/mijn-plannen/", "my plans", False),
        (f"{base}/lezen/", "read view", True),
        (f"{base}/", "builder overview", False),
        (f"{base}/deel/phase_early/", "part: a phase", True),
        (f"{base}/deel/safety/", "part: safety, with its optional field", True),
        (f"{base}/deel/network/", "part: my people", True),
        (f"{base}/deel/coping/", "part: approaches and cards", True),
        (f"{base}/deel/review/", "part: review date", True),
        (f"{base}/versies/", "versions", False),
        (f"{base}/versies/2/", "one version", False),
        (f"{base}/versies/vergelijk/?van=1&naar=2", "compare versions", False),
        (f"{base}/delen/", "sharing page", True),
        (f"{base}/logboek/", "access log", True),
        ("/plannen/uitnodiging/deze-link-bestaat-niet/", "unknown invitation", False),
    ]


def assert_tap_targets_big_enough(page, what):
    """axe's target-size rule (WCAG 2.2): every tap target is at least 24 by 24 px, or far enough apart."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["target-size"]}})
    assert results.violations_count == 0, f"{what}\n{results.generate_report()}"


def assert_no_sideways_scroll(page, what):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll("body *")]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => `${e.tagName.toLowerCase()}.${e.className}#${e.id}`).slice(0, 5)"""
    )
    assert overflow <= 0, f"{what} scrolls sideways by {overflow} px: {wide}"


def assert_compact_header(page, what):
    """The page's own content (its title, or the crisis button or way back above it) starts at most
    HEADER_MAX px from the top of the screen."""
    page.evaluate("window.scrollTo(0, 0)")
    top = page.evaluate(
        """() => [...document.querySelector("main").children]
            .map(e => e.getBoundingClientRect()).find(r => r.height > 0).top"""
    )
    title = page.locator("main h1").bounding_box()["y"]
    assert top <= HEADER_MAX, f"{what}: the header takes {top} px before the page starts"
    assert title <= HEADER_MAX + 120, f"{what}: the title starts {title} px down"


def check(page, what, width, task_page=False):
    assert_no_sideways_scroll(page, f"{what} at {width} px")
    if task_page:
        assert_compact_header(page, f"{what} at {width} px")
    if width == 320:
        assert_accessible(page, f"{what} at {width} px")
        assert_tap_targets_big_enough(page, f"{what} at {width} px")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_patient_page_fits_a_small_phone(new_context, width):
    plan = make_plan()
    phone = new_context(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True).new_page()
    log_in(phone, "piet@example.org")
    for path, what, task_page in patient_pages(plan):
        phone.goto(path)
        check(phone, what, width, task_page)

    # The optional parts of the builder stand open, because one of them holds text.
    phone.goto(f"/plannen/{plan.pk}/")
    assert phone.locator("details.plan-optional").get_attribute("open") is not None

    # The red "Intrekken" button is fully on screen.
    phone.goto(f"/plannen/{plan.pk}/delen/")
    revoke = phone.get_by_role("button", name=re.compile("^Intrekken")).first
    box = revoke.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_every_naaste_page_fits_a_small_phone(new_context, width):
    make_plan()
    naaste = new_context(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True).new_page()
    naaste.goto(f"/plannen/gedeeld/{EXPIRED_TOKEN}/")
    check(naaste, "expired link", width, task_page=True)
    naaste.goto("/plannen/gedeeld/deze-link-bestaat-helemaal-niet/")
    check(naaste, "unknown link", width, task_page=True)

    naaste.goto(f"/plannen/gedeeld/{TOKEN}/")
    naaste.get_by_label("Toegangscode").fill("ABCD-WRONG")
    naaste.get_by_role("button", name="Plan openen").click()
    naaste.get_by_text("Kijk de code nog even na.").wait_for()
    naaste.wait_for_load_state()
    check(naaste, "access code page with an error", width, task_page=True)
    naaste.get_by_label("Toegangscode").fill("ABCD-EFGH")
    naaste.get_by_role("button", name="Plan openen").click()
    naaste.get_by_role("heading", name="Hoe gaat het nu?").wait_for()
    naaste.wait_for_load_state()
    check(naaste, "naaste's read view", width, task_page=True)
