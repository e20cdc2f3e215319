"""A participant fills in a stellingen round on a phone; the coordinator reads the summary and presents it."""

import re

from playwright.sync_api import expect

from houvast.surveys.content import statement_set
from houvast.surveys.models import Answer, Response
from houvast.surveys.tests.factories import add_responses, make_round

from .conftest import assert_accessible


def test_participant_fills_in_on_a_phone_and_coordinator_presents(phone_page, page):
    round_obj, token = make_round(min_responses=3, network_name="FACT Oost")
    add_responses(round_obj, [[1] * 10, [5] * 10], comment="Bij ons gaat dit goed")
    statements = statement_set().statements

    phone_page.goto(f"/stellingen/r/{round_obj.public_token}/")
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Stellingen voor FACT Oost"
    assert_accessible(phone_page, "participant form")

    # Answer half, reload: the draft kept on the server brings it back.
    for statement in statements[:5]:
        group = phone_page.get_by_role("group", name=re.compile(re.escape(statement.text.nl[:40])))
        group.get_by_label("Eens", exact=True).check()
    phone_page.get_by_label("Toelichting (niet verplicht)").first.fill("We doen dit al best vaak")
    phone_page.get_by_text("Tussendoor bewaard.").wait_for()
    phone_page.reload()
    first = phone_page.get_by_role("group", name=re.compile(re.escape(statements[0].text.nl[:40])))
    expect(first.get_by_label("Eens", exact=True)).to_be_checked()
    assert (
        phone_page.get_by_label("Toelichting (niet verplicht)").first.input_value()
        == "We doen dit al best vaak"
    )

    # Sending with answers missing says where, and keeps everything.
    phone_page.get_by_role("button", name="Versturen").click()
    phone_page.get_by_text("Bijna klaar. Kijk nog even bij:").wait_for()
    assert_accessible(phone_page, "participant form with errors")
    for statement in statements[5:]:
        group = phone_page.get_by_role("group", name=re.compile(re.escape(statement.text.nl[:40])))
        group.get_by_label("Helemaal eens", exact=True).check()
    phone_page.get_by_role("button", name="Versturen").click()
    phone_page.get_by_role("heading", name="Bedankt voor het invullen").wait_for()
    assert_accessible(phone_page, "thanks page")
    assert Response.objects.filter(round=round_obj, submitted_at__isnull=False).count() == 3
    assert Answer.objects.filter(round=round_obj, value=5).count() == 10 + 5

    # The coordinator follows the count, closes the round (results only come from a closed round), reads the
    # summary and presents it.
    page.goto(f"/stellingen/beheer/{token}/")
    expect(page.get_by_text("3 reacties").first).to_be_visible()
    assert_accessible(page, "coordinator page")
    page.get_by_role("button", name="Nu sluiten").click()
    page.get_by_text("De ronde is gesloten.").wait_for()
    page.get_by_role("link", name="Bekijk de samenvatting").click()
    page.get_by_role("heading", name="Wat valt op").wait_for()
    assert page.get_by_text("We doen dit al best vaak").count() == 1
    assert_accessible(page, "summary")
    page.get_by_role("link", name="Start de presentatie").click()
    page.get_by_text("Stelling 1 van 10").wait_for()
    expect(page.get_by_text("Welke patronen vallen op?")).to_be_visible()
    assert_accessible(page, "presenter view")
    # The arrow keys work once the page's script runs (its "load"); a key pressed earlier would be lost.
    page.wait_for_load_state("load")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"/presentatie/2/$"))
    expect(page.get_by_text("Stelling 2 van 10")).to_be_visible()
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(r"/presentatie/1/$"))
    expect(page.get_by_text("Stelling 1 van 10")).to_be_visible()
    expect(page.get_by_role("button", name="Volledig scherm")).to_be_visible()


def test_closed_round_page_is_kind_and_accessible(page):
    from datetime import timedelta

    from django.utils import timezone

    round_obj, _ = make_round(deadline=timezone.now() - timedelta(days=1))
    page.goto(f"/stellingen/r/{round_obj.public_token}/")
    expect(page.get_by_role("heading", name="Deze ronde is gesloten")).to_be_visible()
    expect(page.get_by_text("Carla Coördinator")).to_be_visible()
    assert_accessible(page)


def test_request_form_is_accessible(page):
    page.goto("/stellingen/")
    assert_accessible(page, "request form")
    page.get_by_role("button", name="Ronde aanvragen").click()
    page.get_by_text("Er ontbreekt nog iets.").wait_for()
    assert_accessible(page, "request form with errors")


def statement_group(page, index):
    text = statement_set().statements[index].text.nl
    return page.get_by_role("group", name=re.compile(re.escape(text[:40])))


def answer_the_first_statement(page):
    """Open a new round's form, answer "Eens" to statement 1 and wait until the server has the draft."""
    round_obj, _ = make_round()
    page.goto(f"/stellingen/r/{round_obj.public_token}/")
    first = statement_group(page, 0)
    first.get_by_label("Eens", exact=True).check()
    page.get_by_text("Tussendoor bewaard.").wait_for()
    return round_obj, first


def test_autosave_after_the_deadline_says_so_honestly(phone_page):
    round_obj, first = answer_the_first_statement(phone_page)
    round_obj.status = round_obj.Status.CLOSED
    round_obj.save()
    first.get_by_label("Oneens", exact=True).check()
    expect(phone_page.get_by_text("De invuldatum is voorbij")).to_be_visible()


def test_answers_changed_without_connection_come_back_after_a_reload(phone_page):
    round_obj, first = answer_the_first_statement(phone_page)

    # The connection to the server drops: the change stays on this device only.
    phone_page.route("**/concept/", lambda route: route.abort())
    first.get_by_label("Oneens", exact=True).check()
    phone_page.get_by_label("Toelichting (niet verplicht)").first.fill("Geschreven zonder verbinding")
    phone_page.get_by_text("Geen verbinding").wait_for()
    phone_page.unroute("**/concept/")

    # After a reload the server's older draft would show "Eens"; the newer answers of this device win.
    phone_page.reload()
    restored = phone_page.get_by_text("De antwoorden die op dit apparaat stonden, zijn teruggezet.")
    expect(restored).to_be_visible()
    first = statement_group(phone_page, 0)
    expect(first.get_by_label("Oneens", exact=True)).to_be_checked()
    comment = phone_page.get_by_label("Toelichting (niet verplicht)").first
    expect(comment).to_have_value("Geschreven zonder verbinding")
    # ...and are sent to the server at once.
    phone_page.get_by_text("Tussendoor bewaard.").wait_for()
    draft = Response.objects.get(round=round_obj).draft
    assert draft["s1"] == "2" and draft["c1"] == "Geschreven zonder verbinding"


def test_a_long_comment_shows_the_room_left(phone_page):
    round_obj, _ = make_round()
    phone_page.goto(f"/stellingen/r/{round_obj.public_token}/")
    comment = phone_page.get_by_label("Toelichting (niet verplicht)").first
    comment.fill("a" * 1500)
    expect(phone_page.locator(".field-count").first).to_be_hidden()
    comment.fill("a" * 1950)
    expect(phone_page.get_by_text("Nog 50 tekens over.", exact=True).first).to_be_visible()
    comment.fill("a" * 2100)  # typed or pasted beyond the maximum: the browser keeps 2,000 and we say so
    expect(phone_page.get_by_text("Dit is het maximum van 2000 tekens.").first).to_be_visible()
