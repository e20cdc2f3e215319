"""A clinician with many plans pages through the list and finds a patient by name, by keyboard too."""

from playwright.sync_api import expect

from houvast.plans.models import Plan

from .conftest import assert_accessible, log_in
from .test_plans_builder import clinician_with_plan


def test_clinician_pages_and_searches_the_plan_list(page):
    first = clinician_with_plan("veel@example.org", "Vera Veel", "Ayşe Öztürk")
    for n in range(30):
        Plan.objects.create(team=first.team, owner=first.owner, patient_name=f"Patiënt {n:02}")
    log_in(page, "veel@example.org")
    page.goto("/plannen/")
    expect(page.get_by_text("Pagina 1 van 2")).to_be_visible()
    assert_accessible(page, "plan list with pages")
    page.get_by_role("link", name="Volgende pagina").click()
    expect(page.get_by_text("Pagina 2 van 2")).to_be_visible()
    expect(page.get_by_role("link", name="Vorige pagina")).to_be_visible()

    search = page.get_by_label("Zoek op naam van de patiënt")
    search.fill("ozturk")
    search.press("Enter")
    expect(page.get_by_text("1 plan gevonden voor „ozturk”.")).to_be_visible()
    expect(page.get_by_role("link", name="Ayşe Öztürk")).to_be_visible()
    assert_accessible(page, "plan list search result")


def test_plan_list_fits_at_320_pixels(new_context):
    plan = clinician_with_plan("smal-lijst@example.org", "Sam Smal", "Anna")
    for n in range(30):
        Plan.objects.create(team=plan.team, owner=plan.owner, patient_name=f"Patiënt {n:02}")
    page = new_context(viewport={"width": 320, "height": 700}).new_page()
    log_in(page, "smal-lijst@example.org")
    page.goto("/plannen/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 330
