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
