"""Typing the next post-it before the server has answered the last one: the answer empties only what was
sent, never what was typed since (on a slow network the change can reach the screen before the answer)."""

from playwright.sync_api import expect

from houvast.accounts.models import Membership, Organisation, Team
from houvast.lib.testing import make_user
from houvast.workshops.models import Note, Session

from .test_workshops_interventies import join


def test_the_next_post_it_typed_before_the_answer_is_kept(new_context, live_app):
    user = make_user("begeleider4@example.org", "Bo Begeleider")
    team = Team.objects.create(organisation=Organisation.objects.create(name="GGZ Noord"), name="Team Noord")
    Membership.objects.create(team=team, user=user, role=Membership.Role.ADMIN)
    Session.objects.create(
        code="NOORD4", werkvorm="interventies-in-de-praktijk", team=team, facilitator=user, step_index=1
    )
    sam = new_context().new_page()
    join(sam, "NOORD4", "Sam")
    held = []
    sam.route("**/actie/note.add/", lambda route: held.append(route))

    field = sam.get_by_label("Nieuwe post-it: één interventie")
    field.fill("Signaleringsplan maken")
    sam.get_by_role("button", name="Plak de post-it op het bord").click()
    while not held:
        sam.wait_for_timeout(50)
    field.fill("Naasten betrekken")  # the next one, while the first is on its way
    with sam.expect_response("**/actie/note.add/"):
        held[0].continue_()
    sam.get_by_text("1 post-it op het bord").wait_for()
    expect(field).to_have_value("Naasten betrekken")
    assert list(Note.objects.values_list("text", flat=True)) == ["Signaleringsplan maken"]
