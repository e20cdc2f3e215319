"""Text a participant typed but did not send is never lost silently: not when the facilitator moves on,
not when the facilitator ends the session."""

import re

from playwright.sync_api import expect

from houvast.accounts.models import Membership, Organisation, Team
from houvast.lib.testing import make_user
from houvast.workshops.models import Session, new_code

from .conftest import assert_accessible, log_in


def start_session(step_index):
    facilitator = make_user("begeleider@example.org", "Bea Begeleider")
    organisation = Organisation.objects.create(name="GGZ Oost")
    team = Team.objects.create(organisation=organisation, name="FACT-team Noord")
    Membership.objects.create(team=team, user=facilitator, role=Membership.Role.ADMIN)
    return Session.objects.create(
        code=new_code(),
        werkvorm="interventies-in-de-praktijk",
        team=team,
        facilitator=facilitator,
        step_index=step_index,
        timer_duration=300,
    )


def open_both(new_context, session, number):
    facilitator = new_context().new_page()
    log_in(facilitator, "begeleider@example.org")
    facilitator.goto(f"/werkvormen/sessie/{session.code}/")
    participant = new_context().new_page()
    participant.goto(f"/werkvormen/doe-mee/{session.code}/")
    participant.get_by_role("button", name="Doe mee").click()
    participant.get_by_role("heading", name=re.compile(f"Stap {number} van 5")).wait_for()
    return facilitator, participant


def test_a_half_written_post_it_is_kept_when_the_facilitator_moves_on(new_context, live_app):
    session = start_session(step_index=1)
    facilitator, alice = open_both(new_context, session, 2)
    alice.get_by_label("Nieuwe post-it: één interventie").fill("Samen een signaleringsplan")

    facilitator.get_by_role("button", name="Volgende stap").click()
    alice.get_by_role("heading", name=re.compile("Stap 3 van 5")).wait_for()

    notice = alice.get_by_role("region", name="Niet verstuurd")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("De begeleider ging naar een andere stap")
    expect(notice.get_by_label("Nieuwe post-it: één interventie")).to_have_value("Samen een signaleringsplan")
    expect(alice.get_by_role("heading", name="Niet verstuurd")).to_be_focused()
    assert_accessible(alice, "unsent post-it kept after a step change")
    # It stays through later reloads of the stage, until the person closes it.
    facilitator.get_by_role("button", name="Vorige stap").click()
    alice.get_by_role("heading", name=re.compile("Stap 2 van 5")).wait_for()
    expect(notice).to_be_visible()
    notice.get_by_role("button", name="Sluit deze melding").click()
    expect(notice).to_have_count(0)


def test_an_unsaved_action_plan_stays_visible_when_the_session_ends(new_context, live_app):
    session = start_session(step_index=4)
    facilitator, alice = open_both(new_context, session, 5)
    first_item = "1 interventie die ik de komende twee weken vaker ga toepassen"
    alice.get_by_label(first_item).fill("Vaker naasten uitnodigen")

    facilitator.once("dialog", lambda dialog: dialog.accept())
    facilitator.get_by_text("Instellingen en afronden").click()
    facilitator.get_by_role("button", name="Rond de sessie af").click()
    alice.get_by_text("Deze sessie is afgerond.").first.wait_for()

    notice = alice.get_by_role("region", name="Niet verstuurd")
    expect(notice).to_contain_text("De sessie is afgerond voordat je dit had bewaard")
    expect(notice.get_by_label(first_item)).to_have_value("Vaker naasten uitnodigen")
    expect(alice.locator("#plan-interventie")).to_have_value("Vaker naasten uitnodigen")
