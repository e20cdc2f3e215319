"""The suggestions to merge look-alike post-its are folded on a participant's phone, so the sorting board is
in the first screen; the fold opens by keyboard, passes axe and keeps the state the person gave it while
the list is patched live."""

import re

from playwright.sync_api import expect

from houvast.workshops.models import Note

from .conftest import assert_accessible, log_in
from .test_workshops_phone import SMALL_PHONE, in_first_screen, join_on_phone
from .test_workshops_unsent import start_session

WORDS = [
    "Signaleringsplan",
    "Psycho-educatie",
    "Ademhalingsoefeningen",
    "Crisiskaart",
    "Mindfulness",
    "Gedragsexperimenten",
    "Dagstructuur",
    "Slaaphygiëne",
    "Medicatiebegeleiding",
    "Terugvalpreventieplan",
    "Lotgenotencontact",
    "Vroegsignalering",
]


def board_with_look_alikes():
    """A sorting step with twelve pairs of post-its that look alike: twelve suggestions to merge."""
    session = start_session(step_index=2)
    for n, word in enumerate(WORDS):
        Note.objects.create(session=session, step_key="interventies", text=word, position=2 * n)
        Note.objects.create(
            session=session, step_key="interventies", text=f"{word} met naasten", position=2 * n + 1
        )
    return session


def summary_count(page):
    return int(re.search(r"\((\d+)", page.locator("#duplicates summary").inner_text()).group(1))


def test_on_a_phone_the_suggestions_are_folded_and_keep_their_state_live(new_context, live_app):
    session = board_with_look_alikes()
    phone = join_on_phone(new_context, session)
    fold = phone.locator("#duplicates details")
    summary = phone.locator("#duplicates summary")
    expect(summary).to_have_text(re.compile(r"^Lijken dit dezelfde interventies\? \(12 voorstellen\)$"))
    # Folded: the board (the tray and its first post-it) is in the first screen, above no list of twelve.
    assert fold.evaluate("d => d.open") is False
    expect(phone.get_by_role("button", name="Voeg samen").first).to_be_hidden()
    tray_title = phone.locator("#column-title-unsorted")
    assert in_first_screen(phone, tray_title), tray_title.bounding_box()
    assert in_first_screen(phone, summary)
    assert_accessible(phone, "phone, step 3, suggestions folded")

    # Opened by keyboard: the summary takes focus and Enter opens it.
    summary.focus()
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("button", name="Voeg samen").first).to_be_visible()
    assert_accessible(phone, "phone, step 3, suggestions open")

    # Someone else merges a pair: the region is patched live; it stays open, focus stays on the summary.
    laptop = new_context().new_page()
    laptop.goto(f"/werkvormen/doe-mee/{session.code}/")
    laptop.get_by_role("button", name="Doe mee").click()
    laptop.wait_for_url(f"**/werkvormen/sessie/{session.code}/")
    # A wide screen shows the list open without anyone asking.
    expect(laptop.get_by_role("button", name="Voeg samen").first).to_be_visible()
    laptop.get_by_role("button", name="Voeg samen").first.click()
    expect(summary).to_have_text(re.compile(r"\(11 voorstellen\)"))
    assert fold.evaluate("d => d.open") is True
    expect(summary).to_be_focused()

    # Folded again by keyboard (Space this time), it stays folded through the next live change.
    phone.keyboard.press("Space")
    expect(phone.get_by_role("button", name="Voeg samen").first).to_be_hidden()
    facilitator = new_context().new_page()
    log_in(facilitator, "begeleider@example.org")
    facilitator.goto(f"/werkvormen/sessie/{session.code}/")
    # The facilitator's list is open, on any screen.
    expect(facilitator.get_by_role("button", name="Voeg samen").first).to_be_visible()
    facilitator.get_by_role("button", name="Voeg samen").first.click()
    expect(summary).to_have_text(re.compile(r"\(10 voorstellen\)"))
    assert fold.evaluate("d => d.open") is False
    expect(phone.get_by_role("button", name="Voeg samen").first).to_be_hidden()


def test_a_facilitator_on_a_phone_sees_the_suggestions_open(new_context, live_app):
    session = board_with_look_alikes()
    facilitator = new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(facilitator, "begeleider@example.org")
    facilitator.goto(f"/werkvormen/sessie/{session.code}/")
    assert facilitator.locator("#duplicates details").evaluate("d => d.open") is True
    assert summary_count(facilitator) == 12
