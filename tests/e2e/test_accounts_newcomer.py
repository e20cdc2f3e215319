"""A newcomer signs up, confirms their address, makes an organisation and a team, and invites a colleague
who signs up from the invitation: the journey of issue 2, in a real browser with the real outbox."""

import re

from playwright.sync_api import expect

from houvast.accounts.models import Membership

from .conftest import assert_accessible

PASSWORD = "een zin van een paar woorden"


def link_in(live_app, address, path):
    text = live_app.text_of(live_app.last_email_to(address))
    return re.search(rf"https?://\S+{path}\S+/", text).group(0)


def sign_up(page, name, email):
    page.get_by_label("Je naam").fill(name)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label(re.compile(r"^Wachtwoord:?$")).fill(PASSWORD)
    page.get_by_label("Wachtwoord nog een keer").fill(PASSWORD)
    page.get_by_role("button", name="Account maken").click()


def test_a_newcomer_signs_up_builds_a_team_and_invites_a_colleague(new_context, live_app):
    page = new_context().new_page()
    page.goto("/")
    page.get_by_role("link", name="Account maken").first.click()
    assert_accessible(page, "sign-up form")
    sign_up(page, "Anna de Vries", "anna@example.org")
    expect(page.get_by_role("heading", name="Kijk in je mail")).to_be_visible()
    assert_accessible(page, "sign-up sent")

    # The link in the mail opens the account and logs in.
    page.goto(link_in(live_app, "anna@example.org", "/account/bevestigen/"))
    page.wait_for_url("**/dashboard/")
    expect(page.get_by_text("Je adres is bevestigd en je account is klaar")).to_be_visible()
    page.get_by_role("link", name="Nieuwe organisatie of team").click()
    page.get_by_label("Naam van de organisatie").fill("GGZ Oost")
    page.get_by_role("button", name="Organisatie maken").click()
    page.get_by_label("Naam van het team of netwerk").fill("FACT-team Noord")
    assert_accessible(page, "team form")
    page.get_by_role("button", name="Team maken").click()
    expect(page.get_by_role("heading", name="FACT-team Noord", level=1)).to_be_visible()

    page.get_by_label("E-mailadres van je collega").fill("bram@example.org")
    page.get_by_role("button", name="Uitnodiging sturen").click()
    expect(page.get_by_text("We hebben een uitnodiging gestuurd naar bram@example.org")).to_be_visible()
    assert_accessible(page, "team page")

    colleague = new_context().new_page()
    colleague.goto(link_in(live_app, "bram@example.org", "/account/uitnodiging/"))
    expect(
        colleague.get_by_role("heading", name="Je bent uitgenodigd voor het team FACT-team Noord")
    ).to_be_visible()
    colleague.get_by_role("link", name="Account maken").first.click()
    expect(colleague.get_by_label("E-mailadres")).to_have_value("bram@example.org")
    sign_up(colleague, "Bram Bakker", "bram@example.org")
    expect(colleague.get_by_role("heading", name="Kijk in je mail")).to_be_visible()
    # The confirmation link brings Bram back to the invitation, logged in.
    mail = live_app.text_of(live_app.last_email_to("bram@example.org"))
    colleague.goto(re.search(r"https?://\S+/account/bevestigen/\S+", mail).group(0))
    colleague.get_by_role("button", name="Uitnodiging aannemen").click()
    expect(colleague.get_by_role("heading", name="FACT-team Noord", level=1)).to_be_visible()
    assert Membership.objects.filter(team__name="FACT-team Noord", user__email="bram@example.org").exists()

    page.reload()
    expect(page.get_by_text("Bram Bakker", exact=True)).to_be_visible()
