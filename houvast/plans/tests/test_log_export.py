"""The access log as CSV and as FHIR AuditEvent resources, for the patient and the owner only."""

import csv
import io

from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from ..models import AccessLog
from ..permissions import get_plan_for_user, log_access
from .patient_setup import PatientPlanTestCase


class LogExportTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.csv_url = reverse("plans:log_csv", args=[self.plan.pk])
        self.fhir_url = reverse("plans:log_fhir", args=[self.plan.pk])
        self.login(self.member)
        self.client.get(reverse("plans:builder", args=[self.plan.pk]))
        plan = get_plan_for_user(self.patient, self.plan.pk)
        log_access(plan, None, AccessLog.Action.SHARE_VIEW, actor_label='=HYPERLINK("http://x")')

    def test_access(self):
        self.assert_access(self.csv_url, allowed={"owner", "patient"})
        self.assert_access(self.fhir_url, allowed={"owner", "patient"})

    def test_csv_has_role_source_and_no_formulas(self):
        self.login(self.patient)
        response = self.client.get(self.csv_url)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0][:4], ["tijdstip", "plan_id", "plan", "wie"])
        self.assertEqual(rows[1][3:8], ["Mo Lid", "behandelaar", "FACT-team Noord", "website", "view"])
        self.assertEqual(rows[2][3:7], ['\'=HYPERLINK("http://x")', "naaste", "", "deellink"])
        self.assertEqual(rows[3][7], "log_export")
        self.assertTrue(all(row[1] == str(self.plan.pk) for row in rows[1:]))

    def test_fhir_bundle_holds_one_valid_audit_event_per_entry(self):
        self.login(self.owner)
        response = self.client.get(self.fhir_url)
        self.assertEqual(response["Content-Type"], "application/fhir+json")
        bundle = Bundle.model_validate_json(response.content)
        events = [e.resource for e in bundle.entry]
        self.assertEqual(len(events), 3)
        self.assertTrue(all(e.get_resource_type() == "AuditEvent" for e in events))
        first = events[0]
        self.assertEqual(first.action, "R")
        self.assertEqual(first.agent[0].who.display, "Mo Lid")
        self.assertEqual(first.agent[0].type.coding[0].code, "PROV")
        self.assertEqual(first.entity[0].what.identifier.value, f"urn:uuid:{self.plan.pk}")
        self.assertEqual(events[1].agent[0].type.coding[0].code, "NOK")

    def test_the_log_of_a_deleted_plan_is_still_exportable_as_entries(self):
        from ..access_log_export import audit_bundle, csv_text

        plan_id = self.plan.pk
        self.plan.delete()
        entries = AccessLog.objects.filter(plan_uuid=plan_id).order_by("at", "id")
        self.assertIn("plan verwijderd", csv_text(entries))
        self.assertIn('"action": "D"', audit_bundle(plan_id, entries))
