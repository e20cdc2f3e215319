"""Clinician and patient build a plan together in two browsers; the patient shares it and opens the card."""

import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from houvast.accounts.models import Membership, Organisation, Team
from houvast.lib.testing import make_user
from houvast.plans.models import Plan

from .conftest import PHONE, assert_accessible, log_in

PATIENT_PASSWORD = "mijn-eigen-lange-zin-7"


def save_part(page, plan, key, field_label, text):
    page.goto(f"/plannen/{plan.pk}/deel/{key}/")
    page.get_by_label(field_label, exact=True).fill(text)
    page.get_by_role("button", name="Bewaren", exact=True).click()
    page.wait_for_url(re.compile(rf"/plannen/{plan.pk}/\?bewaard={key}#part-{key}$"))


def test_clinician_and_patient_build_a_plan_together(new_context, live_app):
    clinician = make_user("behandelaar@example.org", "Bo Behandelaar")
    organisation = Organisation.objects.create(name="GGZ Oost")
    team = Team.objects.create(organisation=organisation, name="FACT-team Noord")
    Membership.objects.create(team=team, user=clinician, role=Membership.Role.ADMIN)
    plan = Plan.objects.create(team=team, owner=clinician, patient_name="Piet Patiënt")

    # The clinician invites the patient from the builder.
    page = new_context().new_page()
    log_in(page, "behandelaar@example.org")
    page.goto(f"/plannen/{plan.pk}/")
    page.get_by_text("Delen en afdrukken").click()
    page.get_by_role("link", name="Patiënt uitnodigen").click()
    page.get_by_label("E-mailadres van de patiënt").fill("piet@example.org")
    assert_accessible(page, "invite form")
    page.get_by_role("button", name="Stuur de uitnodiging").click()
    page.get_by_text("De uitnodiging is verstuurd naar piet@example.org").wait_for()

    # On the same page the clinician decides whether the patient may also edit (here: read only, then back).
    page.get_by_label("De patiënt mag het plan ook aanpassen").uncheck()
    page.get_by_role("button", name="Bewaar deze keuze").click()
    page.get_by_text("Bewaard: de patiënt kan het plan lezen, maar niet aanpassen.").wait_for()
    expect(page.get_by_label("De patiënt mag het plan ook aanpassen")).not_to_be_checked()
    assert_accessible(page, "invite page with the edit choice")
    page.get_by_label("De patiënt mag het plan ook aanpassen").check()
    page.get_by_role("button", name="Bewaar deze keuze").click()
    page.get_by_text("Bewaard: de patiënt mag het plan aanpassen.").wait_for()

    # The patient accepts on their phone and chooses a password.
    mail = live_app.text_of(live_app.last_email_to("piet@example.org"))
    link = re.search(r"https?://\S+/plannen/uitnodiging/\S+/", mail).group(0)
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    phone.goto(link)
    assert_accessible(phone, "invitation")
    phone.get_by_label("Kies een wachtwoord").fill(PATIENT_PASSWORD)
    phone.get_by_label("Wachtwoord nog een keer").fill(PATIENT_PASSWORD)
    phone.get_by_role("button", name="Account maken en plan openen").click()
    phone.get_by_role("heading", name="Mijn plan", exact=True).wait_for()

    # Both write; each sees the other's words.
    save_part(page, plan, "phase_crisis", "Wat ik dan doe", "Ik bel de crisisdienst\nIk ga naar mijn zus")
    save_part(phone, plan, "about", "Wat ik wil behouden", "Mijn tuin en mijn hond")
    page.goto(f"/plannen/{plan.pk}/")
    expect(page.get_by_text("Mijn tuin en mijn hond")).to_be_visible()
    phone.goto(f"/plannen/{plan.pk}/lezen/")
    assert_accessible(phone, "phone read view")

    # The crisis part is one tap away.
    phone.get_by_role("link", name="Crisis? Direct naar wat je nu doet").click()
    expect(phone).to_have_url(re.compile("#crisis$"))
    crisis = phone.locator("#crisis")
    expect(crisis.get_by_text("Ik bel de crisisdienst")).to_be_visible()
    expect(crisis.get_by_role("link", name="0800-0113")).to_be_visible()

    # The patient opens the pocket card.
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Zakkaart (pdf)").click()
    reader = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Ik bel de crisisdienst" in text
    # One A4 sheet: three cards to cut out, each folds into a bank-card-sized card (85.6 x 54 mm).
    assert len(reader.pages) == 1
    assert abs(float(reader.pages[0].mediabox.width) - 210 * 72 / 25.4) < 0.5
    assert "Knip de drie kaarten uit" in text

    # The patient shares with their sister, who needs the separate code.
    phone.get_by_role("link", name="Delen met naasten of huisarts").click()
    phone.get_by_label("Voor wie is de link?").fill("Mijn zus")
    phone.get_by_role("button", name="Maak de link").click()
    code = phone.get_by_test_id("access-code").inner_text()
    share_url = phone.get_by_label("Link", exact=True).input_value()
    assert_accessible(phone, "shares page")
    sister = new_context().new_page()
    sister.goto(share_url)
    sister.get_by_label("Toegangscode").fill("FOUT")
    sister.get_by_role("button", name="Plan openen").click()
    sister.get_by_text("Je kunt het nog 4 keer proberen").wait_for()
    sister.get_by_label("Toegangscode").fill(code)
    sister.get_by_role("button", name="Plan openen").click()
    expect(sister.get_by_text("Mijn tuin en mijn hond")).to_be_visible()
    assert_accessible(sister, "shared read view")

    # The patient sees who looked, and the clinician's view stays in step.
    phone.goto(f"/plannen/{plan.pk}/logboek/")
    expect(phone.get_by_text("bekeken via deellink").first).to_be_visible()
    assert_accessible(phone, "access log")
