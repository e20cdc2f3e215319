import uuid

from django.urls import reverse

from ..addresses import PlanAddresses, builder_address
from ..guidance import sections
from .helpers import PlanTestCase

PLAN_PAGES = (
    "builder",
    "agree",
    "versions",
    "colleagues",
    "delete",
    "log",
    "read",
    "pdf",
    "pdf_draft",
    "pocket_card",
    "shares",
    "fhir",
    "patient_invite",
)


class PlanAddressesTestCase(PlanTestCase):
    def test_every_address_is_what_reverse_gives(self):
        addresses = PlanAddresses(self.plan)
        for name in PLAN_PAGES:
            with self.subTest(name):
                self.assertEqual(addresses[name], reverse(f"plans:{name}", args=[self.plan.pk]))
        for section in sections():
            with self.subTest(section.key):
                self.assertEqual(
                    addresses.part(section.key), reverse("plans:part", args=[self.plan.pk, section.key])
                )

    def test_the_builder_address_of_any_plan_is_what_reverse_gives(self):
        for plan_id in (self.plan.pk, uuid.uuid4(), uuid.UUID(int=2**128 - 1)):
            with self.subTest(str(plan_id)):
                self.assertEqual(builder_address(plan_id), reverse("plans:builder", args=[plan_id]))

    def test_an_unknown_page_is_an_error_not_an_empty_link(self):
        with self.assertRaises(Exception):  # noqa: B017, PT027 - NoReverseMatch, loud in a template too
            PlanAddresses(self.plan)["nothing"]
