"""A screen that catches up (after a reconnect, a gap or waking up) takes the shared stage everyone gets and
fetches its own parts apart: a participant's hidden post-its stay on their screen and off everyone else's."""

import re

from playwright.sync_api import expect

from houvast.accounts.models import Membership, Organisation, Team
from houvast.lib.testing import make_user
from houvast.workshops.models import Session

from .test_workshops_interventies import join


def test_catching_up_keeps_my_hidden_post_it_mine(new_context, live_app):
    user = make_user("begeleider3@example.org", "Bo Begeleider")
    team = Team.objects.create(organisation=Organisation.objects.create(name="GGZ Zuid"), name="Team Zuid")
    Membership.objects.create(team=team, user=user, role=Membership.Role.ADMIN)
    Session.objects.create(
        code="ZUID42", werkvorm="interventies-in-de-praktijk", team=team, facilitator=user, step_index=1,
        hide_notes=True,
    )  # fmt: skip
    sam, kim = new_context().new_page(), new_context().new_page()
    join(sam, "ZUID42", "Sam")
    join(kim, "ZUID42", "Kim")
    sam.get_by_label("Nieuwe post-it: één interventie").fill("Alleen Sam ziet dit nog")
    sam.get_by_role("button", name="Plak de post-it op het bord").click()
    mine = sam.locator(".note__text", has_text="Alleen Sam ziet dit nog")
    expect(mine).to_be_visible()

    # Waking up makes both screens fetch their stage; the shared one holds no hidden post-it, so Sam's
    # own part comes apart and Sam still sees it; Kim does not.
    with sam.expect_response(re.compile(r"deel=eigen")):
        for page in (sam, kim):
            page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(mine).to_be_visible()
    expect(kim.get_by_text("1 post-it is nog verborgen")).to_be_visible()
    expect(kim.get_by_text("Alleen Sam ziet dit nog")).to_have_count(0)
