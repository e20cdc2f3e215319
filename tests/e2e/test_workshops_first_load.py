"""A phone's first load of a session with a full board arrives compressed (only the stage every participant
shares), and the page script still puts in what is this person's own: their hidden post-its, their delete
buttons, their CSRF token."""

from django.db.models import F
from playwright.sync_api import expect

from houvast.workshops.models import Note, Session

from .conftest import assert_accessible
from .test_workshops_phone import join_on_phone
from .test_workshops_unsent import start_session


def test_a_phone_loads_150_post_its_compressed_and_keeps_its_own_part(new_context, live_app):
    session = start_session(step_index=1)
    Session.objects.filter(pk=session.pk).update(hide_notes=True)
    Note.objects.bulk_create(
        Note(session=session, step_key="interventies", text=f"Interventie {n} van de groep", position=n)
        for n in range(150)
    )
    phone = join_on_phone(new_context, session)
    me = session.participants.get()
    mine = Note.objects.create(
        session=session, step_key="interventies", author=me, text="Mijn zichtbare post-it"
    )
    Note.objects.create(
        session=session, step_key="interventies", author=me, text="Mijn verborgen post-it", hidden=True
    )

    Session.objects.filter(pk=session.pk).update(revision=F("revision") + 1)  # as the engine does
    response = phone.reload()
    assert response.headers["content-encoding"] == "gzip"
    wire = response.request.sizes()["responseBodySize"]
    assert wire < 40_000, wire
    expect(phone.locator("#notes-list")).to_contain_text("Interventie 149 van de groep")
    # Filled in by the page script: the hidden post-it only this person sees, and their own delete button.
    expect(phone.locator("#my-notes-title")).to_be_visible()
    expect(phone.locator("[data-slot=my-notes]")).to_contain_text("Mijn verborgen post-it")
    expect(phone.locator(f"#note-delete-{mine.pk}")).to_be_visible()
    expect(phone.locator("#notes-list form[data-owner]:visible")).to_have_count(1)

    # The CSRF token is this screen's: deleting its own post-it works.
    phone.locator(f"#note-delete-{mine.pk}").click()
    expect(phone.locator(f"#note-{mine.pk}")).to_have_count(0)
    assert not Note.objects.filter(pk=mine.pk).exists()
    assert_accessible(phone, "phone, first load of a full board")


def test_a_browser_without_script_is_sent_to_the_complete_page(new_context, live_app):
    session = start_session(step_index=1)
    Session.objects.filter(pk=session.pk).update(hide_notes=True)
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/werkvormen/doe-mee/{session.code}/")
    page.get_by_role("button", name="Doe mee").click()
    page.wait_for_url(f"**/werkvormen/sessie/{session.code}/?zonder-script=1")
    page.get_by_label("Nieuwe post-it: één interventie").fill("Zonder script geschreven")
    page.get_by_role("button", name="Plak de post-it op het bord").click()
    page.wait_for_url(f"**/werkvormen/sessie/{session.code}/?zonder-script=1")
    expect(page.locator("[data-slot=my-notes]")).to_contain_text("Zonder script geschreven")
