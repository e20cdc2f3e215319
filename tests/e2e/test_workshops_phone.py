"""A participant on a small phone and with a screen reader: the thing to do is in the first screen, a new
step and the end of the time are said in a live region, a sent post-it is confirmed; the sorting board
fits a laptop screen."""

import re

from playwright.sync_api import expect

from houvast.workshops.models import Note, Session

from .conftest import assert_accessible, log_in
from .test_workshops_unsent import start_session

SMALL_PHONE = {"width": 375, "height": 667}


def join_on_phone(new_context, session):
    phone = new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True).new_page()
    phone.goto(f"/werkvormen/doe-mee/{session.code}/")
    phone.get_by_role("button", name="Doe mee").click()
    phone.wait_for_url(f"**/werkvormen/sessie/{session.code}/")
    return phone


def in_first_screen(page, locator):
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


def test_on_a_375_px_phone_the_post_it_field_and_the_timer_are_in_the_first_screen(new_context, live_app):
    session = start_session(step_index=1)
    phone = join_on_phone(new_context, session)
    field = phone.get_by_label("Nieuwe post-it: één interventie")
    expect(field).to_be_visible()
    assert in_first_screen(phone, field), field.bounding_box()
    assert in_first_screen(phone, phone.locator("[data-timer]"))
    # The step list is folded away; the heading still says where the session is.
    expect(phone.locator(".step-progress")).to_be_hidden()
    expect(phone.get_by_role("heading", name=re.compile("Stap 2 van 5"))).to_be_visible()
    # The explanation follows the task and can be read below it.
    expect(phone.get_by_role("heading", name="Uitleg bij deze stap")).to_be_attached()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone, "participant on a 375 px phone, step 2")

    # The timer stays in view while the participant scrolls down.
    phone.mouse.wheel(0, 1500)
    phone.wait_for_timeout(200)
    assert in_first_screen(phone, phone.locator("[data-timer]"))


def test_a_screen_reader_hears_the_new_step_the_end_of_the_time_and_a_sent_post_it(new_context, live_app):
    session = start_session(step_index=0)
    facilitator = new_context().new_page()
    log_in(facilitator, "begeleider@example.org")
    facilitator.goto(f"/werkvormen/sessie/{session.code}/")
    phone = join_on_phone(new_context, session)
    announcer = phone.locator("#live-announcer")

    facilitator.get_by_role("button", name="Volgende stap").click()
    expect(announcer).to_have_text(re.compile("Nieuwe stap: Stap 2 van 5"))
    expect(phone.get_by_role("heading", name=re.compile("Stap 2 van 5"))).to_be_focused()

    phone.get_by_label("Nieuwe post-it: één interventie").fill("Samen een signaleringsplan maken")
    phone.get_by_role("button", name="Plak de post-it op het bord").click()
    expect(phone.locator("#live-notice")).to_have_text("Je post-it is verstuurd.")
    expect(phone.locator("#notes-list")).to_contain_text("Samen een signaleringsplan maken")

    # Two seconds left: the countdown itself is not a live region; its end is said once.
    Session.objects.filter(pk=session.pk).update(timer_duration=2)
    facilitator.get_by_role("button", name="Start de timer").click()
    expect(announcer).to_have_text("De tijd is om.", timeout=10000)
    assert phone.locator("[data-timer]").get_attribute("aria-live") is None
    phone.wait_for_timeout(1500)
    expect(announcer).to_have_text("De tijd is om.")


def test_the_sorting_board_fits_a_laptop_screen_beside_the_national_figures(new_context, live_app):
    session = start_session(step_index=2)
    for n in range(12):
        Note.objects.create(session=session, step_key="interventies", text=f"Interventie {n}", position=n)
    laptop = new_context(viewport={"width": 1440, "height": 900}).new_page()
    log_in(laptop, "begeleider@example.org")
    laptop.goto(f"/werkvormen/sessie/{session.code}/bord/")
    tray = laptop.locator(".column--tray")
    rarely = laptop.locator("[data-drop-column=rarely]")
    figures = laptop.locator(".compare")
    laptop.locator(".sortboard").evaluate("board => board.scrollIntoView()")
    # Once the board is in view, the tray, the three columns and the figures are all in that one screen:
    # a post-it goes from the tray to any column without a long drag.
    for part in (tray, rarely, figures):
        assert in_first_screen(laptop, part), part.bounding_box()
    assert tray.bounding_box()["x"] < rarely.bounding_box()["x"] < figures.bounding_box()["x"]
