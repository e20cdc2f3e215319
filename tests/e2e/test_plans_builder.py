"""A clinician builds a plan: autosave, nudges, a phone error, a conflict, and a refused version."""

import re

from playwright.sync_api import expect

from houvast.accounts.models import Membership, Organisation, Team
from houvast.lib.testing import make_user
from houvast.plans.models import Plan, PlanSection, PlanVersion

from .conftest import assert_accessible, log_in


def clinician_with_plan(email, name, patient_name):
    """A clinician who administers a team of their own, with a plan for `patient_name` in it."""
    clinician = make_user(email, name)
    team = Team.objects.create(organisation=Organisation.objects.create(name="GGZ"), name=f"Team van {name}")
    Membership.objects.create(team=team, user=clinician, role=Membership.Role.ADMIN)
    return Plan.objects.create(team=team, owner=clinician, patient_name=patient_name)


def test_clinician_builds_a_plan_with_autosave(page):
    clinician = make_user("behandelaar@example.org", "Bo Behandelaar")
    organisation = Organisation.objects.create(name="GGZ Oost")
    team = Team.objects.create(organisation=organisation, name="FACT-team Noord")
    Membership.objects.create(team=team, user=clinician, role=Membership.Role.ADMIN)

    log_in(page, "behandelaar@example.org")
    page.goto("/plannen/")
    assert_accessible(page, "plan list")
    page.get_by_role("link", name="Nieuw plan maken").click()
    page.get_by_label("Naam van de patiënt").fill("Piet Patiënt")
    assert_accessible(page, "create form")
    page.get_by_role("button", name="Plan maken").click()
    page.get_by_role("heading", name="Terugvalpreventieplan van Piet Patiënt").wait_for()
    expect(page.get_by_text(re.compile("Nog leeg: Gedeeld begrip van terugval"))).to_be_visible()
    assert_accessible(page, "builder overview")
    plan = Plan.objects.get(patient_name="Piet Patiënt")

    # The builder starts with the essentials; the optional parts open from "Meer invullen" by keyboard.
    expect(page.get_by_role("link", name="Fase 1: Stabiel bewerken")).to_be_visible()
    expect(page.get_by_role("link", name="Over mij bewerken")).to_be_hidden()
    page.locator("summary", has_text="Meer invullen (niet verplicht)").focus()
    page.keyboard.press("Enter")

    # Typing saves by itself; a reload brings the text back.
    page.get_by_role("link", name="Over mij bewerken").click()
    page.wait_for_load_state("load")
    keep = page.get_by_label("Wat ik wil behouden")
    keep.fill("Mijn werk in de tuin")
    page.locator("[data-save-status]").get_by_text("Bewaard", exact=True).wait_for()
    page.reload()
    expect(page.get_by_label("Wat ik wil behouden")).to_have_value("Mijn werk in de tuin")
    assert_accessible(page, "part: about")

    # Many signals get a gentle nudge while typing.
    page.goto(f"/plannen/{plan.pk}/deel/phase_early/")
    group = page.get_by_role("group", name="Wat merk ik zelf")
    group.get_by_label(re.compile("^Gedrag")).fill("Ik slaap minder\nIk zeg afspraken af\nIk eet slecht")
    group.get_by_label(re.compile("^Gedachten")).fill("Ik kan het niet\nNiemand helpt\nHet wordt nooit beter")
    page.get_by_text(re.compile("Welke drie tot vijf herken je het snelst")).wait_for()
    assert_accessible(page, "phase with a nudge")

    # A phone number that is not one is explained next to the field; the text stays.
    page.goto(f"/plannen/{plan.pk}/deel/network/")
    person = page.get_by_role("group", name="Persoon 1")
    person.get_by_label("Naam").fill("Sanne")
    person.get_by_label("Telefoonnummer").fill("bel maar")
    page.get_by_text(re.compile("Dit lijkt geen telefoonnummer")).wait_for()
    expect(person.get_by_label("Telefoonnummer")).to_have_value("bel maar")
    assert_accessible(page, "network with an error")
    person.get_by_label("Telefoonnummer").fill("06 12345678")
    page.locator("[data-save-status]").get_by_text("Bewaard", exact=True).wait_for()
    assert PlanSection.objects.get(plan=plan, key="network").data["people"][0]["phone"] == "06 12345678"

    # Someone else saves in between: nothing is overwritten, both texts are shown, the user chooses.
    page.goto(f"/plannen/{plan.pk}/deel/about/")
    row = PlanSection.objects.get(plan=plan, key="about")
    row.data = {"keep": "De tekst van de patiënt"}
    row.version += 1
    row.save()
    page.get_by_label("Mijn doelen en waarden").fill("Weer drie dagen werken")
    page.get_by_role("heading", name="Iemand anders heeft dit deel net aangepast").wait_for()
    expect(page.get_by_text("De tekst van de patiënt")).to_be_visible()
    assert PlanSection.objects.get(plan=plan, key="about").data == {"keep": "De tekst van de patiënt"}
    assert_accessible(page, "conflict")
    # The ordinary "Bewaren" does not overwrite their text: it shows the choice again.
    page.get_by_role("button", name="Bewaren", exact=True).click()
    page.wait_for_load_state("load")
    page.get_by_role("heading", name="Iemand anders heeft dit deel net aangepast").wait_for()
    assert PlanSection.objects.get(plan=plan, key="about").data == {"keep": "De tekst van de patiënt"}
    expect(page.get_by_label("Mijn doelen en waarden")).to_have_value("Weer drie dagen werken")
    page.get_by_role("button", name=re.compile("Mijn tekst bewaren")).click()
    page.wait_for_url(re.compile(r"/plannen/[0-9a-f-]+/\?bewaard=about#part-about$"))
    assert PlanSection.objects.get(plan=plan, key="about").data["goals"] == "Weer drie dagen werken"

    # Agreeing a version with empty parts is refused kindly.
    page.get_by_role("link", name="Vaststellen").click()
    page.get_by_label("Patiënt en behandelaar zijn het eens met deze versie").check()
    page.get_by_role("button", name="Versie vaststellen").click()
    page.get_by_text("Het plan kan nog niet worden vastgesteld.").wait_for()
    assert_accessible(page, "agree refused")
    assert not PlanVersion.objects.filter(plan=plan).exists()


def test_autosave_after_the_session_ended_says_so_and_stops(page):
    plan = clinician_with_plan("uitgelogd@example.org", "Uri Uitgelogd", "Lot")
    log_in(page, "uitgelogd@example.org")
    page.goto(f"/plannen/{plan.pk}/deel/about/")
    page.context.clear_cookies()
    page.get_by_label("Wat ik wil behouden").fill("Mijn fiets")
    status = page.locator("[data-save-status]")
    expect(status).to_have_text(re.compile("je bent uitgelogd.*Kopieer hem eerst"))
    expect(page.get_by_label("Wat ik wil behouden")).to_have_value("Mijn fiets")
    page.get_by_label("Mijn doelen en waarden").fill("Meer")
    page.wait_for_timeout(1500)
    expect(status).to_have_text(re.compile("je bent uitgelogd"))
    assert not PlanSection.objects.filter(plan=plan).exists()


def test_builder_works_at_320_pixels(new_context):
    plan = clinician_with_plan("smal@example.org", "Sam Smal", "Anna")
    page = new_context(viewport={"width": 320, "height": 700}).new_page()
    log_in(page, "smal@example.org")
    page.goto(f"/plannen/{plan.pk}/deel/phase_crisis/")
    expect(page.get_by_text("0800-0113").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 330
    assert_accessible(page, "crisis phase at 320 px")
    for path in ("", "deel/network/", "deel/coping/", "versies/"):
        page.goto(f"/plannen/{plan.pk}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 330, path


def test_agree_a_version_and_compare_it(page):
    from houvast.plans.tests.helpers import FILLED

    clinician = make_user("versie@example.org", "Vera Versie")
    colleague = make_user("collega@example.org", "Cas Collega")
    organisation = Organisation.objects.create(name="GGZ Zuid")
    team = Team.objects.create(organisation=organisation, name="Team Zuid")
    Membership.objects.create(team=team, user=clinician, role=Membership.Role.ADMIN)
    Membership.objects.create(team=team, user=colleague, role=Membership.Role.MEMBER)
    plan = Plan.objects.create(team=team, owner=clinician, patient_name="Karin")
    for key, value in FILLED.items():
        PlanSection.objects.create(plan=plan, key=key, data=value, version=1)

    log_in(page, "versie@example.org")
    page.goto(f"/plannen/{plan.pk}/")
    page.get_by_text("Alle zeven onderdelen zijn ingevuld.").wait_for()
    page.get_by_role("link", name="Vaststellen").click()
    page.get_by_label("Patiënt en behandelaar zijn het eens met deze versie").check()
    page.get_by_role("button", name="Versie vaststellen").click()
    page.get_by_text("Versie 1 is vastgesteld.").wait_for()
    assert_accessible(page, "versions")

    page.goto(f"/plannen/{plan.pk}/deel/about/")
    page.get_by_label("Wat ik wil behouden").fill("Mijn tuin en mijn kat")
    page.locator("[data-save-status]").get_by_text("Bewaard", exact=True).wait_for()
    page.goto(f"/plannen/{plan.pk}/versies/")
    page.get_by_role("button", name="Vergelijken").click()
    page.get_by_role("heading", name="Versies vergelijken").wait_for()
    expect(page.get_by_role("cell", name="Mijn tuin en mijn kat")).to_be_visible()
    expect(page.get_by_text("0 toegevoegd, 1 veranderd, 0 weggehaald.")).to_be_visible()
    assert_accessible(page, "compare")

    # A number that is no version: said at the field and in a summary, what was typed stays (keyboard only).
    page.goto(f"/plannen/{plan.pk}/versies/")
    old = page.get_by_label("Oude versie")
    expect(old).to_have_value("1")
    old.fill("4")
    old.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Er is geen versie 4. Er is alleen versie 1.")
    expect(page.get_by_label("Oude versie")).to_have_value("4")
    expect(page.get_by_label("Oude versie")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "compare with a wrong number")
    page.get_by_label("Oude versie").fill("1")
    page.get_by_label("Oude versie").press("Enter")
    expect(page.get_by_text("0 toegevoegd, 1 veranderd, 0 weggehaald.")).to_be_visible()

    page.goto(f"/plannen/{plan.pk}/collegas/")
    page.get_by_label("Cas Collega").check()
    assert_accessible(page, "colleagues")
    page.get_by_role("button", name="Toegang bewaren").click()
    page.get_by_text("De toegang voor collega's is bewaard.").wait_for()
    assert plan.colleagues.filter(pk=colleague.pk).exists()


def test_bewaren_waits_for_an_autosave_on_its_way(page):
    plan = clinician_with_plan("wachten@example.org", "Wim Wachter", "Kees")
    log_in(page, "wachten@example.org")
    page.goto(f"/plannen/{plan.pk}/deel/about/")

    # Hold the autosave on the network, type more, and press "Bewaren" while it is on its way.
    held = []

    def hold_autosave(route):
        is_autosave = route.request.headers.get("x-requested-with") == "fetch"
        if not held and route.request.method == "POST" and is_autosave:
            held.append(route)
        else:
            route.continue_()

    page.route("**/deel/about/", hold_autosave)
    page.get_by_label("Wat ik wil behouden").fill("Mijn fiets")
    expect(page.locator("[data-save-status]")).to_have_text(re.compile("Bezig"))
    page.get_by_label("Mijn doelen en waarden").fill("Elke dag buiten zijn")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    page.wait_for_timeout(500)
    assert re.search(r"/deel/about/$", page.url), "the form waits for the autosave"
    held[0].continue_()

    # The autosave moved the version on; the form then carries it, so no conflict with yourself.
    page.wait_for_url(re.compile(r"/plannen/[0-9a-f-]+/\?bewaard=about#part-about$"))
    data = PlanSection.objects.get(plan=plan, key="about").data
    assert (data["keep"], data["goals"]) == ("Mijn fiets", "Elke dag buiten zijn")
