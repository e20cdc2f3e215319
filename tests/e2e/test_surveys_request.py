"""A coordinator without an account requests a round, confirms it from the email and runs it."""

import re

from playwright.sync_api import expect

from houvast.surveys.models import Round
from houvast.surveys.tests.factories import add_responses

from .conftest import assert_accessible


def test_a_coordinator_without_account_requests_confirms_and_closes_a_round(page, live_app):
    page.goto("/stellingen/")
    page.get_by_label("Jouw naam").fill("Sanne de Vries")
    page.get_by_label("Jouw e-mailadres").fill("sanne@example.org")
    page.get_by_label("Naam van het netwerk of team").fill("Wijkteam Noord")
    page.get_by_label("Setting", exact=True).select_option("basis-ggz")
    page.get_by_label("Minimum aantal reacties voordat je resultaten ziet").fill("3")
    page.get_by_role("button", name="Ronde aanvragen").click()
    page.get_by_role("heading", name="Kijk in je e-mail").wait_for()
    assert Round.objects.get(network_name="Wijkteam Noord").is_pending

    # The confirmation email holds the private coordinator link; opening it alone starts nothing.
    confirmation = live_app.text_of(live_app.last_email_to("sanne@example.org"))
    manage_url = re.search(r"http://\S+/stellingen/beheer/\S+/", confirmation).group(0)
    page.goto(manage_url)
    assert Round.objects.get(network_name="Wijkteam Noord").is_pending
    page.get_by_role("button", name="Ja, start de ronde").click()
    page.get_by_text("Gelukt: de ronde staat open.").wait_for()
    round_obj = Round.objects.get(network_name="Wijkteam Noord")
    assert round_obj.status == Round.Status.OPEN

    # Link, QR code and a ready invitation that contains the link.
    participant_url = page.get_by_label("Link voor deelnemers").input_value()
    assert participant_url.endswith(f"/stellingen/r/{round_obj.public_token}/")
    assert participant_url in page.get_by_label("Kopieer deze tekst naar je e-mail of chat").input_value()
    assert page.locator(".qr svg").count() == 1
    assert_accessible(page, "coordinator page of a new round")

    # The count follows new responses without a reload (htmx polls every 5 seconds).
    add_responses(round_obj, [[4] * 10, [2] * 10, [5] * 10])
    page.get_by_text("3 reacties").first.wait_for(timeout=15_000)

    # Closing early sends the summary with the PDF at once; reopening opens the link again.
    page.get_by_role("button", name="Nu sluiten").click()
    page.get_by_text("De ronde is gesloten.").wait_for()
    summary = live_app.last_email_to("sanne@example.org")
    assert "Groepssamenvatting stellingen: Wijkteam Noord" in summary["subject"]
    assert [a.get_content_type() for a in summary.iter_attachments()] == ["application/pdf"]
    page.get_by_role("button", name="Weer openen").click()
    page.get_by_text("De ronde is weer open").wait_for()
    assert Round.objects.get(pk=round_obj.pk).is_open

    # The printable QR page.
    page.get_by_role("link", name="QR-code printen").click()
    assert page.locator(".poster__qr svg").count() == 1
    expect(page.get_by_text(participant_url)).to_be_visible()
    assert_accessible(page, "QR poster")


def test_participant_form_summary_and_presenter_fit_a_320_pixel_screen(new_context):
    from houvast.surveys.tests.factories import close_round, make_round

    round_obj, token = make_round(min_responses=3, network_name="Smal scherm")
    add_responses(round_obj, [[1] * 10, [3] * 10, [5] * 10], comment="Een hele lange toelichting " * 5)
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    for path in (
        f"/stellingen/r/{round_obj.public_token}/",
        "close",
        f"/stellingen/beheer/{token}/",
        f"/stellingen/beheer/{token}/samenvatting/",
        f"/stellingen/beheer/{token}/presentatie/1/",
    ):
        if path == "close":  # results show only for a closed round
            close_round(round_obj)
            continue
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320 px"
