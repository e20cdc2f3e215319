import json

from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from ..models import AccessLog
from .patient_setup import CONTENTS, PatientPlanTestCase


def resources(bundle, kind):
    return [e.resource for e in bundle.entry if e.resource.get_resource_type() == kind]


class FhirExportTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:fhir", args=[self.plan.pk])

    def test_access(self):
        self.assert_access(self.url, allowed={"owner", "colleague", "patient"})

    def test_round_trip_keeps_goals_activities_people_and_sections(self):
        self.login(self.owner)
        response = self.client.get(self.url)
        self.assertEqual(response["Content-Type"], "application/fhir+json")
        bundle = Bundle.model_validate_json(response.content)
        self.assertEqual(bundle.type, "collection")
        (careplan,) = resources(bundle, "CarePlan")
        self.assertEqual(careplan.intent, "plan")
        goals = resources(bundle, "Goal")
        self.assertEqual([g.description.text for g in goals], CONTENTS["about"]["goals"].splitlines())
        self.assertEqual({ref.reference for ref in careplan.goal}, {f"urn:uuid:{g.id}" for g in goals})
        activities = [a.detail.description for a in careplan.activity]
        for action in ("Ik plan rust", "Ik bel mijn broer", "Ik bel de crisisdienst", "Ik zwem op dinsdag"):
            self.assertIn(action, activities)
        people = resources(bundle, "RelatedPerson")
        self.assertEqual(
            [(p.name[0].text, p.relationship[0].text, p.telecom[0].value) for p in people],
            [(c["name"], c["role"], c["phone"]) for c in CONTENTS["network"]["people"]],
        )
        (answers,) = resources(bundle, "QuestionnaireResponse")
        items = {item.linkId: item for item in answers.item}
        early = {sub.linkId: [a.valueString for a in sub.answer] for sub in items["phase_early"].item}
        self.assertEqual(early["phase_early.self_behaviour"], ["Ik slaap minder", "Ik zeg afspraken af"])
        about = {sub.linkId: [a.valueString for a in sub.answer] for sub in items["about"].item}
        self.assertEqual(about["about.keep"], ["Mijn tuin en mijn hond"])
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.FHIR).exists())

    def test_the_export_is_stable_and_plain_json(self):
        self.login(self.owner)
        first = json.loads(self.client.get(self.url).content)
        second = json.loads(self.client.get(self.url).content)
        self.assertEqual(first, second)
        self.assertEqual(first["resourceType"], "Bundle")

    def test_an_empty_plan_still_exports_a_valid_bundle(self):
        self.plan.sections.all().delete()
        self.login(self.owner)
        bundle = Bundle.model_validate_json(self.client.get(self.url).content)
        self.assertEqual(len(resources(bundle, "CarePlan")), 1)
