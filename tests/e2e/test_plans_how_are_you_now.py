"""The read view on a 375 px phone opens with "Hoe gaat het nu?": one tap or one Enter shows, in one screen,
what the patient does in that phase and whom to call; the crisis numbers are one tap away."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in
from .plan_world import make_plan

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(new_context):
    plan = make_plan()
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, "piet@example.org")
    page.goto(f"/plannen/{plan.pk}/lezen/")
    return page


def assert_less_well_in_one_screen(phone):
    expect(phone).to_have_url(re.compile("#fase-early$"))
    band = phone.locator("#fase-early")
    expect(band.get_by_role("heading", name=re.compile("Het gaat minder goed"))).to_be_in_viewport()
    expect(band.get_by_text("Ik plan rust")).to_be_in_viewport()
    expect(band.get_by_role("link", name="06 12345678")).to_be_in_viewport()


def test_the_first_screen_asks_how_it_goes_now(phone):
    expect(phone.get_by_role("heading", name="Hoe gaat het nu?")).to_be_in_viewport()
    for name, words in [
        ("Het gaat goed", "Fase 1, groen"),
        ("Het gaat minder goed", "Fase 2, geel"),
        ("Het gaat slecht", "Fase 3, oranje"),
        ("Crisis: ik heb nu hulp nodig", "Fase 4, rood"),
    ]:
        choice = phone.get_by_role("link", name=re.compile(re.escape(name)))
        expect(choice).to_be_in_viewport()
        expect(choice).to_contain_text(words)
    expect(phone.get_by_role("link", name="Crisis? Direct naar wat je nu doet")).to_be_in_viewport()


def test_by_keyboard(phone):
    for _ in range(40):
        phone.keyboard.press("Tab")
        if "Het gaat minder goed" in phone.evaluate("document.activeElement.textContent"):
            break
    else:
        pytest.fail("The phase picker cannot be reached by keyboard")
    phone.keyboard.press("Enter")
    assert_less_well_in_one_screen(phone)


def test_by_touch(phone):
    phone.get_by_role("link", name=re.compile("Het gaat minder goed")).tap()
    assert_less_well_in_one_screen(phone)

    # The crisis band, with the patient's own huisartsenpost, one tap from the top.
    phone.evaluate("window.scrollTo(0, 0)")
    phone.get_by_role("link", name="Crisis? Direct naar wat je nu doet").tap()
    expect(phone).to_have_url(re.compile("#crisis$"))
    crisis = phone.locator("#crisis")
    expect(crisis.get_by_text("Ik bel de crisisdienst")).to_be_in_viewport()
    expect(crisis.get_by_role("link", name="0900 1234567")).to_be_visible()
    expect(crisis.get_by_role("link", name="0800-0113")).to_be_visible()
