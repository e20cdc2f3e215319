"""Shared set-up for the plan tests: a plan of `owner` in `team`, and a way to fill parts."""

from houvast.lib.testing import BaseTestCase, make_user

from ..models import Plan, PlanSection

FILLED = {
    "about": {"keep": "Mijn tuin", "goals": "Weer werken"},
    "understanding": {"normal": "Een paar dagen moe"},
    "vulnerability": {"risks": "Ruzie thuis"},
    "phase_early": {
        "self_behaviour": "Ik slaap minder\nIk zeg afspraken af",
        "my_actions": "Ik bel mijn broer",
    },
    "coping": {"skills": "Ademhaling"},
    "safety": {"when": "Als ik drie nachten niet slaap"},
    "network": {"people": [{"name": "Sanne", "role": "zus", "phone": "06 12345678", "when": "altijd"}]},
    "review": {"location": "In de keukenla"},
}


class PlanTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.patient = make_user("patient@example.org", "Piet Patiënt", kind="patient")
        self.plan = Plan.objects.create(
            team=self.team, owner=self.owner, patient_name="Piet Patiënt", patient=self.patient
        )

    def fill(self, data=None, plan=None):
        plan = plan or self.plan
        for key, value in (data or FILLED).items():
            PlanSection.objects.update_or_create(plan=plan, key=key, defaults={"data": value, "version": 1})
