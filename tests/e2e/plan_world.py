"""A patient's filled plan for the phone tests: a clinician, the patient (who may edit), two agreed
versions, a naaste link that works and one that expired."""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from houvast.accounts.models import Membership, Organisation, Team
from houvast.accounts.tokens import hash_token
from houvast.lib.testing import make_user
from houvast.plans.models import Plan, PlanSection, PlanShare, PlanVersion
from houvast.plans.tests.patient_setup import CONTENTS

TOKEN = "naaste-link-voor-de-telefoon"
EXPIRED_TOKEN = "verlopen-naaste-link-voor-de-telefoon"


def make_plan():
    clinician = make_user("behandelaar@example.org", "Bo Behandelaar")
    team = Team.objects.create(organisation=Organisation.objects.create(name="GGZ Oost"), name="FACT Noord")
    Membership.objects.create(team=team, user=clinician, role=Membership.Role.ADMIN)
    patient = make_user("piet@example.org", "Piet Patiënt", kind="patient")
    plan = Plan.objects.create(
        team=team, owner=clinician, patient_name="Piet Patiënt", patient=patient, patient_can_edit=True
    )
    for key, value in CONTENTS.items():
        PlanSection.objects.create(plan=plan, key=key, data=value)
    PlanSection.objects.filter(plan=plan, key="safety").update(
        data={**CONTENTS["safety"], "gp_post": "0900 1234567", "practical": "De buurvrouw zorgt voor de kat"}
    )
    for number in (1, 2):
        PlanVersion.objects.create(
            plan=plan, number=number, data=plan.data(), professional_name="Bo", patient_name="Piet"
        )
    PlanSection.objects.filter(plan=plan, key="about").update(data={"keep": "Mijn tuin, mijn hond en de zee"})
    for token, days in ((TOKEN, 7), (EXPIRED_TOKEN, -1)):
        PlanShare.objects.create(
            plan=plan,
            label="Mijn zus Sanne",
            token_hash=hash_token(token),
            code_hash=make_password("ABCDEFGH"),
            expires=timezone.localdate() + timedelta(days=days),
        )
    return plan
