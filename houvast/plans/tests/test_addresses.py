from django.urls import reverse

from ..addresses import PlanAddresses
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

    def test_an_unknown_page_is_an_error_not_an_empty_link(self):
        with self.assertRaises(Exception):  # noqa: B017, PT027 - NoReverseMatch, loud in a template too
            PlanAddresses(self.plan)["nothing"]
