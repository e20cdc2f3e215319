"""The plan on a small phone: nothing scrolls sideways; "Hoe gaat het nu?" works by keyboard and touch."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from playwright.sync_api import expect

from houvast.accounts.models import Membership, Organisation, Team
from houvast.accounts.tokens import hash_token
from houvast.lib.testing import make_user
from houvast.plans.models import Plan, PlanSection, PlanShare
from houvast.plans.tests.patient_setup import CONTENTS

from .conftest import assert_accessible, log_in

TOKEN = "naaste-link-voor-de-telefoon"
WIDTHS = [320, 375]


def make_plan():
    clinician = make_user("behandelaar@example.org", "Bo Behandelaar")
    team = Team.objects.create(organisation=Organisation.objects.create(name="GGZ Oost"), name="FACT Noord")
    Membership.objects.create(team=team, user=clinician, role=Membership.Role.ADMIN)
    patient = make_user("piet@example.org", "Piet Patiënt", kind="patient")
    plan = Plan.objects.create(team=team, owner=clinician, patient_name="Piet Patiënt", patient=patient)
    for key, value in CONTENTS.items():
        PlanSection.objects.create(plan=plan, key=key, data=value)
    PlanSection.objects.filter(plan=plan, key="safety").update(
        data={**CONTENTS["safety"], "gp_post": "0900 1234567"}
    )
    PlanShare.objects.create(
        plan=plan,
        label="Mijn zus Sanne",
        token_hash=hash_token(TOKEN),
        code_hash=make_password("ABCDEFGH"),
        expires=timezone.localdate() + timedelta(days=7),
    )
    return plan


def assert_tap_targets_big_enough(page, what):
    """axe's target-size rule (WCAG 2.2): every tap target is at least 24 by 24 px, or far enough apart."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["target-size"]}})
    assert results.violations_count == 0, f"{what}\n{results.generate_report()}"


def assert_no_sideways_scroll(page, what):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{what} scrolls sideways by {overflow} px"


@pytest.mark.parametrize("width", WIDTHS)
def test_patient_and_naaste_pages_fit_a_small_phone(new_context, width):
    plan = make_plan()
    phone = new_context(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True).new_page()
    log_in(phone, "piet@example.org")
    for path, what in [
        (f"/plannen/{plan.pk}/lezen/", "read view"),
        (f"/plannen/{plan.pk}/delen/", "sharing page"),
        (f"/plannen/{plan.pk}/logboek/", "access log"),
        ("/plannen/mijn-plannen/", "my plans"),
    ]:
        phone.goto(path)
        assert_no_sideways_scroll(phone, what)
        assert_accessible(phone, f"{what} at {width} px")
        assert_tap_targets_big_enough(phone, f"{what} at {width} px")
        if "mijn-plannen" not in path:
            # Task pages have a compact header: the page's own title starts high on the screen.
            header = phone.locator(".site-header").bounding_box()
            assert header["height"] <= 140, f"{what}: the header takes {header['height']} px"

    # The red "Intrekken" button is fully on screen.
    phone.goto(f"/plannen/{plan.pk}/delen/")
    revoke = phone.get_by_role("button", name=re.compile("^Intrekken"))
    box = revoke.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width

    naaste = new_context(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True).new_page()
    naaste.goto(f"/plannen/gedeeld/{TOKEN}/")
    assert_no_sideways_scroll(naaste, "access code page")
    naaste.get_by_label("Toegangscode").fill("ABCD-EFGH")
    naaste.get_by_role("button", name="Plan openen").click()
    naaste.get_by_role("heading", name="Hoe gaat het nu?").wait_for()
    assert_no_sideways_scroll(naaste, "naaste's read view")
    assert_accessible(naaste, f"naaste's read view at {width} px")


def test_how_are_you_now_by_keyboard_and_by_touch(new_context):
    plan = make_plan()
    phone = new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True).new_page()
    log_in(phone, "piet@example.org")
    phone.goto(f"/plannen/{plan.pk}/lezen/")

    # The first screen asks how it goes now and offers the four phases in words.
    question = phone.get_by_role("heading", name="Hoe gaat het nu?")
    expect(question).to_be_in_viewport()
    less_well = phone.get_by_role("link", name=re.compile("Het gaat minder goed"))
    expect(less_well).to_be_in_viewport()
    expect(less_well).to_contain_text("Fase 2, geel")

    # By keyboard: Tab until "Het gaat minder goed" has focus, then Enter.
    for _ in range(40):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.textContent").find("Het gaat minder goed") >= 0:
            break
    else:
        pytest.fail("The phase picker cannot be reached by keyboard")
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(re.compile("#fase-early$"))
    band = phone.locator("#fase-early")
    expect(band.get_by_text("Ik plan rust")).to_be_in_viewport()
    expect(band.get_by_role("link", name="06 12345678")).to_be_visible()

    # By touch: the crisis band, with the patient's own huisartsenpost.
    phone.goto(f"/plannen/{plan.pk}/lezen/")
    phone.get_by_role("link", name=re.compile("Crisis: ik heb nu hulp nodig")).tap()
    expect(phone).to_have_url(re.compile("#crisis$"))
    crisis = phone.locator("#crisis")
    expect(crisis.get_by_text("Ik bel de crisisdienst")).to_be_in_viewport()
    expect(crisis.get_by_role("link", name="0900 1234567")).to_be_visible()
    expect(crisis.get_by_role("link", name="0800-0113")).to_be_visible()
