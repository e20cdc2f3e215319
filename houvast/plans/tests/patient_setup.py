"""Set-up for the patient-side tests: a filled plan with a patient account, a colleague and a naaste link."""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from houvast.accounts.tokens import hash_token
from houvast.lib.testing import BaseTestCase, make_user

from ..models import Plan, PlanSection, PlanShare
from ..views_share import SESSION_KEY

CONTENTS = {
    "about": {"keep": "Mijn tuin en mijn hond", "goals": "Weer drie dagen werken\nElke week zwemmen"},
    "understanding": {"normal": "Een paar dagen moe na een drukke week"},
    "vulnerability": {"risks": "Ruzie thuis\nTe weinig slaap"},
    "phase_stable": {"self_behaviour": "Ik wandel elke dag", "my_actions": "Ik zwem op dinsdag"},
    "phase_early": {
        "self_behaviour": "Ik slaap minder\nIk zeg afspraken af",
        "others_behaviour": "Ik ben stil aan tafel",
        "my_actions": "Ik plan rust\nIk bel mijn broer",
        "naasten_actions": "Mijn zus vraagt hoe het gaat",
    },
    "phase_crisis": {
        "self_thoughts": "Ik denk dat niets meer zin heeft",
        "my_actions": "Ik bel de crisisdienst",
        "professional_actions": "De behandelaar belt binnen een uur terug",
    },
    "coping": {"approaches": ["cgt"], "skills": "Ademhaling"},
    "safety": {"when": "Als ik drie nachten niet slaap"},
    "network": {
        "people": [
            {"name": "Sanne de Vries", "role": "zus", "phone": "06 12345678", "when": "altijd"},
            {"name": "Dokter Jansen", "role": "huisarts", "phone": "030 1234567", "when": "overdag"},
        ]
    },
    "review": {"location": "In de keukenla"},
}
SHARE_TOKEN = "naaste-link-token-voor-tests"
SHARE_CODE = "ABCD-EFGH"


class PatientPlanTestCase(BaseTestCase):
    """`plan` of `owner` in `team`, `member` its colleague, `patient` its patient, `share` a naaste link."""

    def setUp(self):
        super().setUp()
        self.patient = make_user("patient@example.org", "Piet Patiënt", kind="patient")
        self.plan = Plan.objects.create(
            team=self.team,
            owner=self.owner,
            patient_name="Piet Patiënt",
            patient_email="patient@example.org",
            patient=self.patient,
        )
        self.plan.colleagues.add(self.member)
        for key, value in CONTENTS.items():
            PlanSection.objects.create(plan=self.plan, key=key, data=value)
        self.share = PlanShare.objects.create(
            plan=self.plan,
            label="Mijn zus",
            token_hash=hash_token(SHARE_TOKEN),
            code_hash=make_password("ABCDEFGH"),
            expires=timezone.localdate() + timedelta(days=7),
        )

    def as_naaste(self):
        """A browser that opened the naaste link with the right code (no account)."""
        self.client.logout()
        session = self.client.session
        session[SESSION_KEY] = [self.share.pk]
        session.save()

    def assert_access(self, url, allowed, method="get", status=200):
        """Owner, colleague, other team, patient, naaste and anonymous: `allowed` names who gets in."""
        people = {
            "owner": self.owner,
            "colleague": self.member,
            "other_team": self.outsider,
            "patient": self.patient,
        }
        for name, user in people.items():
            self.client.logout()
            self.client.force_login(user)
            response = getattr(self.client, method)(url)
            expected = status if name in allowed else 404
            self.assertEqual(response.status_code, expected, f"{name} on {url}")
        self.as_naaste()
        response = getattr(self.client, method)(url)
        self.assertIn(response.status_code, (302, 404), f"naaste on {url}")
        if response.status_code == 302:
            self.assertIn("/account/inloggen/", response["Location"])
        self.client.logout()
        response = getattr(self.client, method)(url)
        self.assertEqual(response.status_code, 302, f"anonymous on {url}")
        self.assertIn("/account/inloggen/", response["Location"])


# An essential plan: only the fields the builder starts with, each filled as a clinician and patient would.
ESSENTIAL_PLAN = {
    "phase_stable": {
        "self_thoughts": "Ik kijk uit naar de week",
        "self_behaviour": "Ik wandel elke ochtend met de hond\nIk ga drie dagen naar mijn werk",
        "self_emotions": "Ik voel me rustig",
        "self_body": "Ik slaap zeven uur per nacht",
        "others_behaviour": "Ik maak grapjes aan tafel\nIk bel mijn zus in het weekend",
        "my_actions": (
            "Ik houd vaste tijden aan voor slapen en eten\nIk zwem op dinsdag\nIk neem mijn medicijnen"
        ),
        "naasten_actions": "Mijn zus belt op zondag",
        "professional_actions": "Ik zie mijn behandelaar eens per maand",
    },
    "phase_early": {
        "self_thoughts": "Ik denk dat ik het niet red op mijn werk",
        "self_behaviour": "Ik slaap minder dan zes uur\nIk zeg afspraken af",
        "self_emotions": "Ik ben snel geïrriteerd",
        "self_body": "Ik heb hoofdpijn en eet slecht",
        "others_behaviour": "Ik ben stil aan tafel\nIk neem de telefoon niet op",
        "others_emotions": "Ik reageer kortaf",
        "my_actions": "Ik plan extra rustmomenten\nIk bel mijn broer\nIk vertel het mijn behandelaar",
        "naasten_actions": "Mijn zus vraagt hoe ik slaap en gaat met me wandelen",
        "professional_actions": "Het team plant binnen een week een extra gesprek",
    },
    "phase_worsening": {
        "self_thoughts": "Ik pieker de hele dag\nIk denk dat niemand me begrijpt",
        "self_behaviour": "Ik ga niet meer naar buiten\nIk meld me ziek",
        "self_emotions": "Ik voel me leeg en bang",
        "self_body": "Ik slaap vier uur of minder",
        "others_behaviour": "Ik trek me terug in mijn kamer\nIk zeg weinig",
        "my_actions": "Ik bel dezelfde dag mijn behandelaar\nIk vraag mijn zus om te komen",
        "naasten_actions": "Mijn zus komt langs en belt het team als ik dat niet doe",
        "professional_actions": (
            "Het team ziet mij binnen twee werkdagen\nDe psychiater kijkt naar mijn medicijnen"
        ),
    },
    "phase_crisis": {
        "self_thoughts": "Ik denk dat niets meer zin heeft",
        "self_behaviour": "Ik eet en drink niet meer",
        "self_emotions": "Ik voel me wanhopig",
        "others_behaviour": "Ik ben niet meer te bereiken",
        "my_actions": "Ik bel de crisisdienst of 113\nIk blijf niet alleen",
        "naasten_actions": "Mijn zus blijft bij mij en belt de huisartsenpost",
        "professional_actions": "De crisisdienst komt dezelfde dag langs",
    },
    "safety": {
        "when": "Als ik drie nachten slecht slaap of aan de dood denk",
        "who": "Mijn zus belt het team. Op werkdagen belt het team binnen vier uur terug.",
        "reachability": (
            "'s Avonds en in het weekend bel ik de huisartsenpost. Mijn partner beheert mijn medicijnen."
        ),
        "gp_post": "0900 1234567",
    },
    "network": {
        "people": [
            {"name": "Sanne de Vries", "role": "zus", "phone": "06 12345678", "when": "altijd"},
            {"name": "Tom de Vries", "role": "broer", "phone": "06 87654321", "when": "als het minder gaat"},
            {"name": "Dokter Jansen", "role": "huisarts", "phone": "030 1234567", "when": "overdag"},
        ]
    },
}
