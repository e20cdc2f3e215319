"""The four steps of "Vaardigheden versterken met je patiënt", through the session engine."""

from django.core import mail
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from houvast.cards.models import SessionCardPick
from houvast.cards.session_kinds import core_skills, report_data
from houvast.lib.testing import BaseTestCase, mail_server_down
from houvast.workshops import engine
from houvast.workshops.kinds import get_kind
from houvast.workshops.models import ActionPlan, Participant, Session, SharedAnswer
from houvast.workshops.stage import stage_context

STEPS = {"wat-helpt": 0, "terugval-bespreken": 1, "kaartjes": 2, "toolkit": 3}


def form(**values):
    data = QueryDict(mutable=True)
    for key, value in values.items():
        data[key] = str(value)
    return data


class SessionKindsTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.session = Session.objects.create(
            code="KAART2", werkvorm="vaardigheden-versterken", team=self.team, facilitator=self.owner
        )
        self.ann = Participant.objects.create(session=self.session, token="token-ann", name="Ann")
        self.ben = Participant.objects.create(session=self.session, token="token-ben", name="Ben")
        self.facilitator = engine.Actor(session=self.session, is_facilitator=True, user=self.owner)

    def actor(self, participant):
        return engine.Actor(session=Session.objects.get(pk=self.session.pk), participant=participant)

    def go_to(self, key):
        Session.objects.filter(pk=self.session.pk).update(step_index=STEPS[key])
        self.session.refresh_from_db()

    def perform(self, actor, name, **values):
        step_key = next(
            k for k, i in STEPS.items() if i == Session.objects.get(pk=self.session.pk).step_index
        )
        return engine.perform(actor, name, form(step=step_key, **values))

    def refused(self, actor, name, **values):
        with self.assertRaises(engine.ActionRefused) as caught:
            self.perform(actor, name, **values)
        return caught.exception.message

    def render_step(self, actor):
        request = RequestFactory().get("/")
        ctx = stage_context(actor)
        return render_to_string(ctx["kind"].template, ctx, request=request)


class SkillsStepTests(SessionKindsTestCase):
    def add(self, participant, text):
        self.perform(self.actor(participant), "skill.add", text=text)
        return self.session.notes.latest("id")

    def test_nul_characters_are_taken_out_of_a_skill(self):
        self.assertEqual(self.add(self.ann, "Ritme\x00 houden").text, "Ritme houden")

    def test_a_new_skill_is_private_until_shared(self):
        note = self.add(self.ann, "Eigen signalen herkennen")
        self.assertTrue(note.hidden)
        self.assertNotIn("Eigen signalen herkennen", self.render_step(self.actor(self.ben)))
        self.assertIn("Eigen signalen herkennen", self.render_step(self.actor(self.ann)))
        self.perform(self.actor(self.ann), "skill.share", note=note.pk)
        note.refresh_from_db()
        self.assertFalse(note.hidden)
        self.assertIn("Eigen signalen herkennen", self.render_step(self.actor(self.ben)))

    def test_a_private_skill_stays_out_of_the_report_after_the_session_ends(self):
        self.add(self.ann, "Nooit gedeeld")
        shared = self.add(self.ann, "Wel gedeeld")
        self.perform(self.actor(self.ann), "skill.share", note=shared.pk)
        self.perform(self.facilitator, "session.end")
        data = report_data(Session.objects.get(pk=self.session.pk))
        self.assertEqual([n.text for n in data["other_skills"]], ["Wel gedeeld"])

    def test_share_all_puts_every_private_skill_on_the_board(self):
        self.add(self.ann, "Om hulp vragen")
        self.add(self.ann, "Ritme houden")
        self.perform(self.actor(self.ann), "skill.share")
        self.assertEqual(self.session.notes.filter(hidden=False).count(), 2)

    def test_an_empty_skill_is_refused_kindly(self):
        message = self.refused(self.actor(self.ann), "skill.add", text="   ")
        self.assertIn("Je vaardigheid is nog leeg", message)
        self.assertFalse(self.session.notes.exists())

    def test_html_in_a_skill_is_shown_as_text(self):
        note = self.add(self.ann, "<b>vet</b> plannen")
        self.perform(self.actor(self.ann), "skill.share", note=note.pk)
        html = self.render_step(self.facilitator)
        self.assertIn("&lt;b&gt;vet&lt;/b&gt; plannen", html)
        self.assertNotIn("<b>vet</b>", html)

    def test_one_cannot_share_someone_elses_skill(self):
        note = self.add(self.ann, "Om hulp vragen")
        with self.assertRaises(engine.Conflict):
            self.perform(self.actor(self.ben), "skill.share", note=note.pk)
        note.refresh_from_db()
        self.assertTrue(note.hidden)

    def test_the_facilitator_writes_straight_on_the_board(self):
        self.perform(self.facilitator, "skill.add", text="Slaap bewaken")
        self.assertFalse(self.session.notes.get().hidden)

    def test_duplicates_merge_and_a_private_skill_cannot_be_merged(self):
        a = self.add(self.ann, "Signalen herkennen")
        b = self.add(self.ben, "signalen herkennen!")
        self.perform(self.actor(self.ann), "skill.share", note=a.pk)
        with self.assertRaises(engine.Conflict):
            self.perform(self.facilitator, "note.merge", note=b.pk, into=a.pk)
        self.perform(self.actor(self.ben), "skill.share", note=b.pk)
        self.assertIn("Deze lijken op elkaar", self.render_step(self.facilitator))
        self.perform(self.facilitator, "note.merge", note=b.pk, into=a.pk)
        b.refresh_from_db()
        self.assertEqual(b.merged_into, a)
        self.assertIn("Ook genoemd als: signalen herkennen!", self.render_step(self.actor(self.ann)))

    def test_dots_are_limited_and_can_be_taken_back(self):
        notes = []
        for text in ("Ritme", "Steun vragen", "Slaap", "Ontspanning"):
            notes.append(self.add(self.ann, text))
        self.perform(self.actor(self.ann), "skill.share")
        ben = self.actor(self.ben)
        for note in notes[:3]:
            self.perform(ben, "skill.vote", note=note.pk)
        self.assertIn("al je 3 stippen", self.refused(ben, "skill.vote", note=notes[3].pk))
        self.perform(ben, "skill.vote", note=notes[0].pk)
        self.perform(ben, "skill.vote", note=notes[3].pk)
        self.assertEqual(
            [n.text for n in core_skills(self.session)], ["Steun vragen", "Slaap", "Ontspanning"]
        )

    def test_the_facilitator_chooses_at_most_seven_core_skills(self):
        notes = [self.add(self.ann, f"Vaardigheid {i}") for i in range(8)]
        self.perform(self.actor(self.ann), "skill.share")
        for note in notes[:7]:
            self.perform(self.facilitator, "skill.core", note=note.pk)
        self.assertIn("al 7 kernvaardigheden", self.refused(self.facilitator, "skill.core", note=notes[7].pk))
        self.perform(self.facilitator, "skill.core", note=notes[0].pk)
        self.session.refresh_from_db()
        self.assertEqual(self.session.state["cards_core"], [n.pk for n in notes[1:7]])
        self.assertEqual(len(core_skills(self.session)), 6)

    def test_a_participant_cannot_choose_core_skills(self):
        note = self.add(self.ann, "Ritme")
        self.perform(self.actor(self.ann), "skill.share")
        self.assertIn("Alleen de begeleider", self.refused(self.actor(self.ann), "skill.core", note=note.pk))


class DiscussionStepTests(SessionKindsTestCase):
    def setUp(self):
        super().setUp()
        self.go_to("terugval-bespreken")

    def test_the_facilitator_notes_the_groups_answer_for_everyone(self):
        self.perform(self.facilitator, "discussion.save", question=1, text="Schaamte en tijdsdruk")
        answer = SharedAnswer.objects.get(session=self.session)
        self.assertEqual(answer.key, "terugval-bespreken-1")
        html = self.render_step(self.actor(self.ann))
        self.assertIn("Wat maakt dit gesprek soms lastig", html)
        self.assertIn("Schaamte en tijdsdruk", html)
        self.assertIn("Welke hulpmiddelen zetten jullie in", html)

    def test_nul_characters_are_taken_out_of_an_answer(self):
        self.perform(self.facilitator, "discussion.save", question=0, text="Bij de\x00 intake")
        self.assertEqual(SharedAnswer.objects.get().text, "Bij de intake")

    def test_a_stale_version_is_a_conflict(self):
        self.perform(self.facilitator, "discussion.save", question=0, text="Aan het eind", version=0)
        with self.assertRaises(engine.Conflict):
            self.perform(self.facilitator, "discussion.save", question=0, text="Ouder", version=0)
        self.assertEqual(SharedAnswer.objects.get().text, "Aan het eind")

    def test_participants_and_unknown_questions_are_refused(self):
        self.refused(self.actor(self.ann), "discussion.save", question=0, text="x")
        self.assertIn("bestaat niet", self.refused(self.facilitator, "discussion.save", question=9, text="x"))

    def test_an_action_of_another_step_is_refused(self):
        message = self.refused(self.actor(self.ann), "skill.add", text="te laat")
        self.assertIn("Dat kan nu niet", message)


class CardsStepTests(SessionKindsTestCase):
    def setUp(self):
        super().setUp()
        self.go_to("kaartjes")

    def test_each_participant_picks_two_cards_and_a_third_is_refused(self):
        ann = self.actor(self.ann)
        self.perform(ann, "card.pick", card="vast-ritme")
        self.perform(ann, "card.pick", card="ademruimte")
        message = self.refused(ann, "card.pick", card="mild-zijn")
        self.assertIn("Je hebt al twee kaartjes gekozen", message)
        self.assertEqual(SessionCardPick.objects.filter(participant=self.ann).count(), 2)

    def test_picking_a_chosen_card_again_puts_it_back(self):
        self.perform(self.actor(self.ann), "card.pick", card="vast-ritme")
        self.perform(self.actor(self.ann), "card.pick", card="vast-ritme")
        self.assertFalse(SessionCardPick.objects.exists())

    def test_an_unknown_card_is_refused(self):
        self.assertIn("kennen we niet", self.refused(self.actor(self.ann), "card.pick", card="<script>"))

    def test_the_board_shows_chosen_cards_with_counts(self):
        self.perform(self.actor(self.ann), "card.pick", card="vast-ritme")
        self.perform(self.actor(self.ben), "card.pick", card="vast-ritme")
        self.perform(self.actor(self.ben), "card.pick", card="ademruimte")
        html = self.render_step(self.facilitator)
        self.assertIn("2 deelnemers hebben gekozen", html)
        self.assertIn("2 keer gekozen", html)
        self.assertIn("Een vast ritme", html)
        self.assertIn("Welke vaardigheid of welk thema mis je nog?", html)
        self.assertEqual(
            [(c.slug, n) for c, n in report_data(self.session)["chosen_cards"]][0], ("vast-ritme", 2)
        )

    def test_the_facilitator_does_not_pick(self):
        self.assertIn("eigen apparaat", self.refused(self.facilitator, "card.pick", card="vast-ritme"))


class ToolkitStepTests(SessionKindsTestCase):
    def setUp(self):
        super().setUp()
        self.go_to("toolkit")

    def save(self, participant, **values):
        return self.perform(self.actor(participant), "toolkit.save", **values)

    def test_nul_characters_are_taken_out_of_the_toolkit(self):
        self.save(self.ann, skill_1="Sig\x00nalen", skill_2="\x00", insight="In\x00zicht", card="vast-ritme")
        items = ActionPlan.objects.get(participant=self.ann).items
        self.assertEqual((items["skill_1"], items["skill_2"], items["insight"]), ("Signalen", "", "Inzicht"))

    def test_the_toolkit_is_private_and_one_insight_can_be_shared(self):
        self.save(
            self.ann,
            skill_1="Signalen herkennen",
            skill_2="Steun vragen",
            card="vast-ritme",
            insight="Terugval is normaal om te bespreken",
            share_insight="on",
        )
        plan = ActionPlan.objects.get(participant=self.ann)
        self.assertEqual(plan.items["card"], "vast-ritme")
        self.assertEqual(plan.shared_key, "insight")
        ben_sees = self.render_step(self.actor(self.ben))
        self.assertIn("Terugval is normaal om te bespreken", ben_sees)
        self.assertNotIn("Signalen herkennen", ben_sees)
        self.assertEqual(
            report_data(self.session)["shared_insights"], ["Terugval is normaal om te bespreken"]
        )

    def test_an_unshared_insight_stays_private(self):
        self.save(self.ann, skill_1="Ritme", insight="Alleen voor mij")
        self.assertEqual(report_data(self.session)["shared_insights"], [])
        self.assertNotIn("Alleen voor mij", self.render_step(self.actor(self.ben)))

    def test_empty_skills_are_refused(self):
        message = self.refused(
            self.actor(self.ann), "toolkit.save", skill_1=" ", skill_2="", card="vast-ritme"
        )
        self.assertIn("ten minste één vaardigheid", message)
        self.assertFalse(ActionPlan.objects.exists())

    def test_an_unknown_card_is_refused(self):
        self.assertIn(
            "kennen we niet", self.refused(self.actor(self.ann), "toolkit.save", skill_1="x", card="nee")
        )

    def test_the_toolkit_can_be_mailed_to_oneself(self):
        self.save(self.ann, skill_1="Signalen herkennen", card="vast-ritme")
        with self.captureOnCommitCallbacks(execute=True):
            self.perform(self.actor(self.ann), "toolkit.email", email="ann@example.org")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["ann@example.org"])
        self.assertIn("Signalen herkennen", mail.outbox[0].body)
        self.assertIn("Een vast ritme", mail.outbox[0].body)
        self.assertNotIn("ann@example.org", str(ActionPlan.objects.get().items))

    def test_a_mail_server_that_is_down_is_told_kindly_and_the_toolkit_is_kept(self):
        self.save(self.ann, skill_1="Signalen herkennen", card="vast-ritme")
        with mail_server_down(), self.captureOnCommitCallbacks(execute=True):
            self.perform(self.actor(self.ann), "toolkit.email", email="ann@example.org")
        items = ActionPlan.objects.get().items
        self.assertEqual(items["skill_1"], "Signalen herkennen")
        self.assertIn("email_failed", items)
        self.assertNotIn("emailed_at", items)
        html = self.render_step(self.actor(self.ann))
        self.assertIn("Het mailen lukte nu niet", html)
        self.assertNotIn("We hebben je mini-toolkit gemaild.", html)
        with self.captureOnCommitCallbacks(execute=True):
            self.perform(self.actor(self.ann), "toolkit.email", email="ann@example.org")
        self.assertEqual(len(mail.outbox), 1)
        html = self.render_step(self.actor(self.ann))
        self.assertIn("We hebben je mini-toolkit gemaild.", html)
        self.assertNotIn("Het mailen lukte nu niet", html)

    def test_a_wrong_address_or_no_toolkit_is_refused(self):
        self.assertIn("Bewaar eerst", self.refused(self.actor(self.ann), "toolkit.email", email="a@b.nl"))
        self.save(self.ann, skill_1="Ritme")
        self.assertIn("klopt niet", self.refused(self.actor(self.ann), "toolkit.email", email="geen-adres"))
        self.assertEqual(len(mail.outbox), 0)

    def test_core_skills_are_offered_as_suggestions(self):
        self.session.notes.create(step_key="wat-helpt", text="Ritme houden", hidden=False)
        note = self.session.notes.get()
        Session.objects.filter(pk=self.session.pk).update(state={"cards_core": [note.pk]})
        self.assertIn('<option value="Ritme houden">', self.render_step(self.actor(self.ann)))


class ReportSectionTests(SessionKindsTestCase):
    def test_every_step_adds_a_report_section(self):
        self.session.notes.create(step_key="wat-helpt", text="Ritme houden", hidden=False)
        self.session.notes.create(step_key="wat-helpt", text="Geheim", hidden=True)
        SharedAnswer.objects.create(session=self.session, key="terugval-bespreken-0", text="Bij de intake")
        SessionCardPick.objects.create(session=self.session, participant=self.ann, slug="vast-ritme")
        ActionPlan.objects.create(
            session=self.session,
            participant=self.ann,
            items={"skill_1": "Privé", "insight": "Gedeeld"},
            shared_key="insight",
        )
        Session.objects.filter(pk=self.session.pk).update(
            state={"cards_core": [self.session.notes.first().pk]}
        )
        self.session.refresh_from_db()
        html = ""
        for key in STEPS:
            html += render_to_string(get_kind(key).report_template, {"session": self.session})
        for text in ("Ritme houden", "Bij de intake", "Een vast ritme", "Gedeeld", "Kernvaardigheden"):
            self.assertIn(text, html)
        self.assertNotIn("Geheim", html)
        self.assertNotIn("Privé", html)

    def test_the_sections_speak_english(self):
        with translation.override("en"):
            html = render_to_string(get_kind("kaartjes").report_template, {"session": self.session})
        self.assertIn("Conversation cards chosen", html)


class ActionViewTests(SessionKindsTestCase):
    def join(self, client, name):
        response = client.post(f"/werkvormen/doe-mee/{self.session.code}/", {"name": name})
        self.assertEqual(response.status_code, 302)

    def post(self, client, name, **values):
        return client.post(
            f"/werkvormen/sessie/{self.session.code}/actie/{name}/",
            {"step": "kaartjes", **values},
            headers={"accept": "application/json"},
        )

    def test_a_participant_picks_cards_over_http_and_a_third_gets_a_kind_400(self):
        self.go_to("kaartjes")
        self.join(self.client, "Cas")
        self.assertEqual(self.post(self.client, "card.pick", card="vast-ritme").json()["ok"], True)
        self.post(self.client, "card.pick", card="ademruimte")
        response = self.post(self.client, "card.pick", card="mild-zijn")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Je hebt al twee kaartjes gekozen", response.json()["message"])

    def test_someone_outside_the_session_gets_404(self):
        self.go_to("kaartjes")
        self.client.force_login(self.outsider)
        self.assertEqual(self.post(self.client, "card.pick", card="vast-ritme").status_code, 404)
        self.assertFalse(SessionCardPick.objects.exists())


class ReportPageTests(SessionKindsTestCase):
    def test_the_report_and_its_pdf_show_core_skills_cards_and_insights(self):
        import io

        from pypdf import PdfReader

        note = self.session.notes.create(step_key="wat-helpt", text="Ritme houden", hidden=False)
        Session.objects.filter(pk=self.session.pk).update(state={"cards_core": [note.pk]})
        SessionCardPick.objects.create(session=self.session, participant=self.ann, slug="vast-ritme")
        ActionPlan.objects.create(
            session=self.session,
            participant=self.ann,
            items={"skill_1": "Privé", "insight": "Gedeeld inzicht"},
            shared_key="insight",
        )
        self.login(self.member)
        page = self.client.get(f"/werkvormen/sessie/{self.session.code}/verslag/")
        for text in ("Ritme houden", "Een vast ritme", "Gedeeld inzicht"):
            self.assertContains(page, text)
        self.assertNotContains(page, "Privé")
        pdf = self.client.get(f"/werkvormen/sessie/{self.session.code}/verslag.pdf")
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.content)).pages)
        for expected in ("Kernvaardigheden", "Ritme houden", "Een vast ritme", "Gedeeld inzicht"):
            self.assertIn(expected, text)
        self.assertNotIn("Privé", text)

    def test_an_outsider_gets_404_for_the_report(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(f"/werkvormen/sessie/{self.session.code}/verslag/").status_code, 404)
