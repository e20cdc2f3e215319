"""A facilitator and two participants run all five steps of "Interventies in de praktijk" live."""

import re

from playwright.sync_api import expect

from houvast.accounts.models import Membership, Organisation, Team
from houvast.lib.testing import make_user
from houvast.workshops.models import ActionPlan, Note

from .conftest import PHONE, assert_accessible, log_in


def join(page, code, name):
    page.goto("/werkvormen/doe-mee/")
    page.get_by_label("Code (zes tekens)").fill(code.lower())
    page.get_by_role("button", name="Verder").click()
    page.get_by_label("Je naam (mag ook een voornaam of bijnaam zijn)").fill(name)
    page.get_by_role("button", name="Doe mee").click()
    page.wait_for_url(f"**/werkvormen/sessie/{code}/")


def next_step(page, number):
    page.get_by_role("button", name="Volgende stap").click()
    page.get_by_role("heading", name=re.compile(f"Stap {number} van 5")).wait_for()


def test_facilitator_and_two_participants_run_all_five_steps(new_context, live_app):
    facilitator_user = make_user("begeleider@example.org", "Bea Begeleider")
    organisation = Organisation.objects.create(name="GGZ Oost")
    team = Team.objects.create(organisation=organisation, name="FACT-team Noord")
    Membership.objects.create(team=team, user=facilitator_user, role=Membership.Role.ADMIN)

    facilitator = new_context().new_page()
    alice = new_context().new_page()
    bob = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()

    # The facilitator starts from the catalogue page of the werkvorm.
    log_in(facilitator, "begeleider@example.org")
    facilitator.goto("/werkvormen/interventies-in-de-praktijk/")
    facilitator.get_by_role("link", name="Start een sessie").click()
    facilitator.get_by_role("button", name="Start de sessie").click()
    facilitator.get_by_role("heading", name=re.compile("Stap 1 van 5")).wait_for()
    code = facilitator.locator(".join-code").inner_text().strip()
    assert len(code) == 6
    assert_accessible(facilitator, "facilitator, step 1")

    join(alice, code, "Alice")
    join(bob, code, "")
    facilitator.get_by_text("2 deelnemers doen mee.").wait_for()
    assert_accessible(bob, "participant on a phone, step 1")

    # 1. Focus: chosen by the facilitator, seen by everyone without reloading.
    facilitator.get_by_label("Richting afronding (terugvalpreventie borgen na behandeling)").check()
    facilitator.get_by_role("button", name="Kies deze focus").click()
    bob.get_by_text("Onze focus:").wait_for()
    assert "Richting afronding" in bob.locator(".focus-choice").inner_text()

    # 2. Post-its with target groups; a likely duplicate is suggested and merged.
    next_step(facilitator, 2)
    alice.get_by_role("heading", name=re.compile("Stap 2 van 5")).wait_for()
    alice.get_by_label("Nieuwe post-it: één interventie").fill("Psycho-educatie")
    alice.get_by_label("angst").check()
    alice.get_by_role("button", name="Plak de post-it op het bord").click()
    alice.get_by_text("1 post-it op het bord").wait_for()
    alice.get_by_label("Nieuwe post-it: één interventie").fill("Huisarts betrekken bij <afronding>")
    alice.get_by_role("button", name="Plak de post-it op het bord").click()
    bob.get_by_label("Nieuwe post-it: één interventie").fill("Psycho-educatie geven")
    bob.get_by_label("Andere doelgroep").fill("ouderen")
    bob.get_by_role("button", name="Plak de post-it op het bord").click()
    facilitator.get_by_text("3 post-its op het bord").wait_for()
    expect(facilitator.locator(".note__text", has_text="Huisarts betrekken bij <afronding>")).to_be_visible()
    facilitator.locator("#duplicates summary", has_text="Lijken dit dezelfde interventies?").wait_for()
    facilitator.get_by_role("button", name="Voeg samen").first.click()
    alice.get_by_text("2 post-its op het bord").wait_for()
    assert_accessible(alice, "participant, step 2")

    # 3. Three columns: a keyboard-only move, a drag and drop, reasons.
    next_step(facilitator, 3)
    alice.get_by_role("heading", name=re.compile("Stap 3 van 5")).wait_for()
    huisarts = Note.objects.get(text__startswith="Huisarts")
    move = alice.get_by_role("button", name=re.compile("^Naar Zelden ingezet.*Huisarts"))
    move.focus()
    alice.keyboard.press("Enter")
    alice.locator("[data-drop-column=rarely] .note__text", has_text="Huisarts betrekken").wait_for()
    # Focus stays on the moved post-it, so a keyboard user keeps their place.
    assert alice.evaluate("document.activeElement.id") == f"note-{huisarts.pk}"
    bob.locator("[data-drop-column=rarely] .note__text", has_text="Huisarts betrekken").wait_for()

    # Drag and drop with a mouse (the browser's drag events, as a mouse would fire them).
    psycho = facilitator.locator(".note", has_text="Psycho-educatie").first
    column = facilitator.locator("[data-drop-column=often]")
    data_transfer = facilitator.evaluate_handle("() => new DataTransfer()")
    psycho.dispatch_event("dragstart", {"dataTransfer": data_transfer})
    column.dispatch_event("dragover", {"dataTransfer": data_transfer})
    column.dispatch_event("drop", {"dataTransfer": data_transfer})
    alice.locator("[data-drop-column=often] .note__text", has_text="Psycho-educatie").wait_for()

    note = alice.locator(f"#note-{huisarts.pk}")
    note.get_by_text("Samenvoegen, splitsen, redenen").click()
    note.get_by_label("beschikbare tijd").check()
    note.get_by_role("button", name="Bewaar de redenen").click()
    facilitator.get_by_text("Redenen: beschikbare tijd").wait_for()
    expect(facilitator.get_by_text("Ter vergelijking")).to_be_visible()
    assert_accessible(alice, "participant, step 3")
    assert_accessible(facilitator, "facilitator, step 3")

    # 4. Dot voting on "zelden", the facilitator chooses, shared answers.
    next_step(facilitator, 4)
    bob.get_by_role("button", name=re.compile("^Zet een stip")).click()
    facilitator.get_by_text("1 stip").wait_for()
    facilitator.get_by_role("button", name=re.compile("^Kies voor de verdieping")).click()
    alice.get_by_role("heading", name=re.compile("^Verdieping: Huisarts")).wait_for()
    alice.get_by_label("Waarom doen we dit weinig?").fill("Geen tijd in het laatste gesprek")
    alice.get_by_role("button", name="Bewaar het antwoord").first.click()
    expect(bob.get_by_label("Waarom doen we dit weinig?")).to_have_value("Geen tijd in het laatste gesprek")
    assert_accessible(bob, "participant, step 4")

    # 5. A private mini action plan; one action shared; mailed with a reminder.
    next_step(facilitator, 5)
    alice.get_by_role("heading", name=re.compile("Stap 5 van 5")).wait_for()
    alice.get_by_label("1 interventie die ik de komende twee weken vaker ga toepassen").fill(
        "Naasten uitnodigen"
    )
    alice.get_by_label("1 belemmering die ik met mijn team wil bespreken").fill("Privé zorg over de planning")
    alice.get_by_label("Deel punt 1").check()
    alice.get_by_role("button", name="Bewaar mijn plan").click()
    bob.locator(".shared-actions").get_by_text("Naasten uitnodigen").wait_for()
    assert bob.get_by_text("Privé zorg").count() == 0
    alice.get_by_label("Je e-mailadres").fill("alice@example.org")
    alice.get_by_label("Stuur me over twee weken een herinnering").check()
    alice.get_by_role("button", name="Mail mijn plan").click()
    alice.get_by_text("We hebben je mini-actieplan gemaild naar alice@example.org.").wait_for()
    assert "Naasten uitnodigen" in live_app.text_of(live_app.last_email_to("alice@example.org"))
    assert ActionPlan.objects.get(shared_key="interventie").reminder_email == "alice@example.org"
    assert_accessible(alice, "participant, step 5")

    # The facilitator ends the session; the report has the board but no private plan.
    facilitator.once("dialog", lambda dialog: dialog.accept())
    facilitator.get_by_text("Instellingen en afronden").click()
    # The facilitator's page reloads once the session has ended (after the answer to the click, which can
    # come after the ended stage arrived over the socket): wait for it before going on.
    with facilitator.expect_navigation():
        facilitator.get_by_role("button", name="Rond de sessie af").click()
    facilitator.get_by_text("Deze sessie is afgerond.").first.wait_for()
    bob.get_by_text("Deze sessie is afgerond.").first.wait_for()
    facilitator.get_by_role("link", name="Bekijk het verslag").click()
    facilitator.get_by_role("heading", name="Verslag: Interventies in de praktijk").wait_for()
    report = facilitator.locator(".report").inner_text()
    assert "Huisarts betrekken bij <afronding>" in report
    assert "Geen tijd in het laatste gesprek" in report
    assert "Naasten uitnodigen" in report
    assert "Privé zorg" not in report
    assert_accessible(facilitator, "report")
    assert "Verslag van de sessie" in str(live_app.last_email_to("begeleider@example.org")["subject"])


def test_countdown_board_and_a_post_it_written_offline(new_context, live_app):
    from houvast.workshops.models import Session

    user = make_user("begeleider2@example.org", "Bo Begeleider")
    organisation = Organisation.objects.create(name="GGZ West")
    team = Team.objects.create(organisation=organisation, name="Team West")
    Membership.objects.create(team=team, user=user, role=Membership.Role.ADMIN)
    Session.objects.create(
        code="WEST42", werkvorm="interventies-in-de-praktijk", team=team, facilitator=user, timer_duration=300
    )
    facilitator = new_context().new_page()
    participant_context = new_context()
    participant = participant_context.new_page()
    log_in(facilitator, "begeleider2@example.org")
    facilitator.goto("/werkvormen/sessie/WEST42/")
    join(participant, "WEST42", "Sam")

    # Everyone sees the same countdown once the facilitator starts it.
    facilitator.get_by_role("button", name="Start de timer").click()
    participant.get_by_text("loopt").wait_for()
    expect(participant.locator("[data-timer-clock]")).not_to_have_text("5:00", timeout=5000)
    assert participant.locator("[data-timer-clock]").inner_text().startswith("4:")

    # The board for the projector shows the code and follows the steps.
    board = facilitator.context.new_page()
    board.goto("/werkvormen/sessie/WEST42/bord/")
    assert board.locator(".join-code").inner_text() == "WEST42"
    assert board.locator("form[data-action]").count() == 0
    assert_accessible(board, "board")
    next_step(facilitator, 2)
    board.get_by_role("heading", name=re.compile("Stap 2 van 5")).wait_for()

    # A post-it written while offline is queued, the person is told, and it is sent when back online.
    participant.get_by_role("heading", name=re.compile("Stap 2 van 5")).wait_for()
    participant_context.set_offline(True)
    participant.get_by_label("Nieuwe post-it: één interventie").fill("Geschreven in de trein")
    participant.get_by_role("button", name="Plak de post-it op het bord").click()
    participant.get_by_text("Niet opgeslagen: je bent offline.").wait_for()
    assert not Note.objects.filter(text="Geschreven in de trein").exists()
    participant_context.set_offline(False)
    participant.get_by_text("Alles wat je offline deed, is nu opgeslagen.").wait_for()
    board.locator(".note__text", has_text="Geschreven in de trein").wait_for()
    assert Note.objects.filter(text="Geschreven in de trein").count() == 1
