"""A facilitator and two participants run the four steps of "Vaardigheden versterken met je patiënt"."""

import re

from playwright.sync_api import expect

from houvast.accounts.models import Membership, Organisation, Team
from houvast.cards.models import SessionCardPick
from houvast.lib.testing import PASSWORD, make_user
from houvast.plans.models import Plan, PlanSection
from houvast.workshops.models import ActionPlan, Session

from .conftest import PHONE, assert_accessible, log_in

CODE = "VAARD2"


def join(page, name):
    page.goto(f"/werkvormen/doe-mee/{CODE}/")
    page.get_by_label("Je naam (mag ook een voornaam of bijnaam zijn)").fill(name)
    page.get_by_role("button", name="Doe mee").click()
    page.wait_for_url(f"**/werkvormen/sessie/{CODE}/")


def next_step(page, number):
    page.get_by_role("button", name="Volgende stap").click()
    page.get_by_role("heading", name=re.compile(f"Stap {number} van 4")).wait_for()


def test_two_participants_run_the_four_steps(new_context, live_app):
    user = make_user("begeleider@example.org", "Bea Begeleider")
    team = Team.objects.create(organisation=Organisation.objects.create(name="GGZ Oost"), name="FACT Noord")
    Membership.objects.create(team=team, user=user, role=Membership.Role.ADMIN)
    Session.objects.create(
        code=CODE, werkvorm="vaardigheden-versterken", team=team, facilitator=user, timer_duration=1200
    )
    facilitator = new_context().new_page()
    alice = new_context().new_page()
    bob = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(facilitator, "begeleider@example.org")
    facilitator.goto(f"/werkvormen/sessie/{CODE}/")
    facilitator.get_by_role("heading", name=re.compile("Stap 1 van 4")).wait_for()
    join(alice, "Alice")
    join(bob, "")

    # 1. Skills: private first, then shared; a duplicate is merged, dots and a core skill.
    alice.get_by_label("Een vaardigheid die helpt").fill("Signalen herkennen")
    alice.get_by_role("button", name="Opschrijven").click()
    alice.get_by_text("alleen voor jou").wait_for()
    assert bob.get_by_text("Signalen herkennen", exact=True).count() == 0
    alice.get_by_role("button", name="Deel al mijn vaardigheden met het bord").click()
    bob.get_by_label("Een vaardigheid die helpt").fill("signalen herkennen!")
    bob.get_by_role("button", name="Opschrijven").click()
    bob.get_by_role("button", name="Deel al mijn vaardigheden met het bord").click()
    facilitator.get_by_text("Deze lijken op elkaar").wait_for()
    facilitator.get_by_role("button", name="Voeg samen", exact=True).click()
    facilitator.get_by_text("Ook genoemd als:").wait_for()
    bob.get_by_text("Ook genoemd als:").wait_for()
    bob.get_by_role("button", name=re.compile("^Stip zetten")).click()
    bob.get_by_role("button", name=re.compile("^Stip weghalen")).wait_for()
    facilitator.get_by_role("button", name=re.compile("^Kies als kernvaardigheid")).click()
    alice.get_by_text("kernvaardigheid", exact=True).wait_for()
    assert_accessible(bob, "participant on a phone, step 1")
    assert_accessible(facilitator, "facilitator, step 1")

    # 2. The facilitator notes the group's answer; everyone reads it.
    next_step(facilitator, 2)
    facilitator.get_by_label("Wanneer in de behandeling komt terugvalpreventie meestal aan bod?").fill(
        "Vaak pas bij de afronding"
    )
    facilitator.get_by_role("button", name=re.compile("^Bewaar antwoord")).first.click()
    bob.get_by_text("Vaak pas bij de afronding").wait_for()
    assert_accessible(bob, "participant, step 2")

    # 3. Two cards each; a third is refused kindly; the board counts.
    next_step(facilitator, 3)
    alice.get_by_role("heading", name=re.compile("Stap 3 van 4")).wait_for()
    picks = alice.get_by_role("button", name="Kies dit kaartje")
    picks.first.click()
    alice.get_by_text("Je kunt nog 1 kaartje kiezen.").wait_for()
    picks.first.click()
    alice.get_by_role("button", name="Haal weg").nth(1).wait_for()
    picks.first.click()
    alice.get_by_text("Je hebt al twee kaartjes gekozen").wait_for()
    assert SessionCardPick.objects.filter(participant__name="Alice").count() == 2
    bob.get_by_role("button", name="Kies dit kaartje").first.click()
    facilitator.get_by_text("2 deelnemers hebben gekozen.").wait_for()
    facilitator.get_by_text("2 keer gekozen").wait_for()
    assert_accessible(alice, "participant, step 3")

    # 4. The private toolkit, an email to oneself and one shared insight.
    next_step(facilitator, 4)
    alice.get_by_role("heading", name=re.compile("Stap 4 van 4")).wait_for()
    alice.get_by_label("Vaardigheid 1").fill("Signalen herkennen")
    alice.get_by_label("Vaardigheid 2").fill("Privé vaardigheid")
    alice.get_by_label("1 kaartje dat je als eerste gaat inzetten in een volgend gesprek").select_option(
        index=1
    )
    alice.get_by_label("Eén inzicht uit deze sessie (mag je delen)").fill("Terugval <gewoon> bespreken")
    alice.get_by_label("Deel dit inzicht met de groep (zonder je naam)").check()
    alice.get_by_role("button", name="Bewaar mijn mini-toolkit").click()
    facilitator.get_by_text("Terugval <gewoon> bespreken").wait_for()
    alice.get_by_label("Mail mijn mini-toolkit naar").fill("alice@example.org")
    alice.get_by_role("button", name="Mail naar mezelf").click()
    alice.get_by_text("We hebben je mini-toolkit gemaild.").wait_for()
    assert "Privé vaardigheid" in live_app.text_of(live_app.last_email_to("alice@example.org"))
    assert ActionPlan.objects.get(shared_key="insight").items["skill_2"] == "Privé vaardigheid"
    assert_accessible(alice, "participant, step 4")

    # The report: core skills, the answer, cards chosen, the shared insight; never a private toolkit.
    facilitator.once("dialog", lambda dialog: dialog.accept())
    facilitator.get_by_text("Instellingen en afronden").click()
    # The facilitator's page reloads once the session has ended (after the answer to the click, which can
    # come after the ended stage arrived over the socket): wait for it before going on.
    with facilitator.expect_navigation():
        facilitator.get_by_role("button", name="Rond de sessie af").click()
    facilitator.get_by_text("Deze sessie is afgerond.").first.wait_for()
    facilitator.goto(f"/werkvormen/sessie/{CODE}/verslag/")
    report = facilitator.locator("main").inner_text()
    for text in (
        "Kernvaardigheden",
        "Signalen herkennen",
        "Vaak pas bij de afronding",
        "2 keer gekozen",
        "Terugval <gewoon> bespreken",
    ):
        assert text in report
    assert "Privé vaardigheid" not in report
    assert_accessible(facilitator, "report")


def test_a_professional_gives_a_card_to_a_patient(new_context, live_app):
    user = make_user("behandelaar@example.org", "Bo Behandelaar")
    team = Team.objects.create(organisation=Organisation.objects.create(name="GGZ West"), name="Team West")
    Membership.objects.create(team=team, user=user, role=Membership.Role.ADMIN)
    plan = Plan.objects.create(team=team, owner=user, patient_name="Jan Jansen")
    professional = new_context().new_page()
    log_in(professional, "behandelaar@example.org")

    professional.goto("/kaarten/selecties/")
    professional.get_by_label("Label voor deze selectie").fill("J.")
    professional.get_by_label("Een vast ritme").check()
    professional.get_by_label("Even ademruimte").check()
    professional.get_by_role("button", name="Selectie bewaren").click()
    professional.get_by_role("heading", name="Kaartjes voor J.").wait_for()

    # The patient picks on the large tablet view, without the site menu or account links.
    professional.get_by_role("link", name="Laat de patiënt een kaartje kiezen").click()
    professional.get_by_role("heading", name="Kies een kaartje").wait_for()
    expect(professional.get_by_role("link", name="Plannen")).to_have_count(0)
    expect(professional.get_by_role("link", name="Mijn account")).to_be_hidden()
    expect(professional.get_by_role("button", name="Uitloggen")).to_be_hidden()
    assert_accessible(professional, "choose view")
    professional.get_by_role("button", name=re.compile("Even ademruimte")).click()
    professional.get_by_text("Je koos: Even ademruimte").wait_for()
    expect(professional.get_by_role("link", name="Houvast", exact=True)).to_be_hidden()
    assert_accessible(professional, "chosen view")
    # The rest of Houvast stays locked for the patient, also behind the back button (nothing from the
    # browser's cache); the professional's password opens it again.
    professional.go_back()
    professional.get_by_role("heading", name="Kies een kaartje").wait_for()
    professional.go_back()
    professional.get_by_role("heading", name="Geef het scherm terug aan je behandelaar").wait_for()
    expect(professional.get_by_text("Kaartjes voor J.")).to_have_count(0)
    professional.goto("/plannen/")
    professional.get_by_role("heading", name="Geef het scherm terug aan je behandelaar").wait_for()
    professional.get_by_role("link", name="Toch nog een kaartje kiezen").click()
    professional.get_by_role("heading", name="Kies een kaartje").wait_for()
    professional.get_by_role("link", name="Klaar (voor de behandelaar)").click()
    professional.get_by_label("Wachtwoord van de behandelaar").fill("geraden")
    professional.get_by_role("button", name="Open Houvast weer").click()
    expect(professional.get_by_text("Dit wachtwoord klopt niet.")).to_be_visible()
    assert_accessible(professional, "hand back with a wrong password")
    professional.get_by_label("Wachtwoord van de behandelaar").fill(PASSWORD)
    professional.get_by_role("button", name="Open Houvast weer").click()
    professional.get_by_role("heading", name="Kaartjes voor J.").wait_for()
    expect(professional.get_by_text("Het scherm is weer van jou.")).to_be_visible()
    expect(professional.get_by_role("link", name="Plannen")).to_be_visible()

    # The chosen card goes into the patient's plan, once.
    professional.get_by_label("Plan van").select_option(label="Jan Jansen")
    expect(professional.get_by_role("checkbox", name="Even ademruimte")).to_be_checked()
    expect(professional.get_by_role("checkbox", name="Een vast ritme")).not_to_be_checked()
    professional.get_by_role("button", name="Aan het plan toevoegen").click()
    expect(professional.get_by_text("1 kaartje staat nu ook in het plan van Jan Jansen.")).to_be_visible()
    assert_accessible(professional, "selection with the plan form")
    assert PlanSection.objects.get(plan=plan, key="coping").data["cards"] == ["ademruimte"]

    # A link that shows just that card, then revoked.
    professional.get_by_label(re.compile("^Kaartje:?$")).select_option(label="Even ademruimte")
    professional.get_by_role("button", name="Maak een link").click()
    url = professional.get_by_label("Link voor de patiënt").input_value()
    patient = new_context().new_page()
    patient.goto(url)
    patient.get_by_role("heading", name="Even ademruimte").first.wait_for()
    assert patient.get_by_text("Een vast ritme").count() == 0
    assert_accessible(patient, "shared card")
    professional.get_by_role("button", name=re.compile("^Intrekken")).click()
    professional.get_by_text("De link is ingetrokken.").wait_for()
    patient.goto(url)
    patient.get_by_text("Je behandelaar heeft deze link ingetrokken.").wait_for()
