"""The patient's plan stays readable on their phone without internet, and logging out removes it."""

import re

from playwright.sync_api import expect

from houvast.accounts.models import Membership, Organisation, Team
from houvast.lib.testing import make_user
from houvast.plans.models import Plan, PlanSection

from .conftest import PHONE, assert_accessible, log_in

KEPT_IN_CACHE = """path => caches.open("houvast-plan-v1").then(cache => cache.match(path)).then(Boolean)"""


def test_the_plan_opens_offline_and_logging_out_removes_it(new_context):
    clinician = make_user("behandelaar@example.org", "Bo Behandelaar")
    team = Team.objects.create(organisation=Organisation.objects.create(name="GGZ Oost"), name="FACT Noord")
    Membership.objects.create(team=team, user=clinician, role=Membership.Role.ADMIN)
    patient = make_user("piet@example.org", "Piet", kind="patient")
    plan = Plan.objects.create(team=team, owner=clinician, patient_name="Piet", patient=patient)
    crisis = PlanSection.objects.create(
        plan=plan, key="phase_crisis", data={"my_actions": "Ik bel mijn zus Sanne"}
    )
    read_url = f"/plannen/{plan.pk}/lezen/"

    context = new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    phone = context.new_page()
    log_in(phone, "piet@example.org")
    phone.goto(read_url)
    expect(phone.get_by_text("Dit plan blijft op dit apparaat leesbaar")).to_be_visible()
    assert phone.evaluate(KEPT_IN_CACHE, read_url)
    assert_accessible(phone, "read view kept for offline use")

    # The clinician changes the plan; the phone has no connection and shows the kept copy.
    crisis.data = {"my_actions": "Ik bel de crisisdienst"}
    crisis.save()
    context.set_offline(True)
    phone.goto(read_url)
    expect(phone.get_by_text("Je hebt nu geen internet.")).to_be_visible()
    phone.get_by_role("link", name="Crisis? Direct naar wat je nu doet").click()
    expect(phone).to_have_url(re.compile("#crisis$"))
    expect(phone.locator("#crisis").get_by_text("Ik bel mijn zus Sanne")).to_be_visible()
    assert_accessible(phone, "read view offline")

    # Back online the newest version shows.
    context.set_offline(False)
    phone.goto(read_url)
    expect(phone.locator("#crisis").get_by_text("Ik bel de crisisdienst")).to_be_visible()
    expect(phone.get_by_text("Je hebt nu geen internet.")).to_be_hidden()

    # Logging out removes the copy from the phone.
    phone.get_by_role("button", name="Uitloggen").click()
    phone.wait_for_url(re.compile(r"/$"))
    phone.wait_for_function("() => caches.keys().then(keys => keys.length === 0)")
    context.set_offline(True)
    response = None
    try:
        response = phone.goto(read_url)
    except Exception:  # noqa: BLE001 - the browser's own "no internet" page counts as nothing shown
        pass
    assert response is None or response.status != 200 or "Ik bel" not in phone.content()
