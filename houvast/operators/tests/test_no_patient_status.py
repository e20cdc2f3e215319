"""Being in ggz care is health data: no /beheer/ page may tell an operator that an account is a patient's.

The attack: a patient (with plans) and a professional without plans, alike in everything else, are looked
up, opened, acted on and listed through every page, filter and lookup an operator can reach; the pages
must read the same for both, and without the patient's exact address nothing shows the patient at all.
"""

import re
from urllib.parse import quote

from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from houvast.accounts.models import Membership, User
from houvast.lib.testing import make_user
from houvast.operators.admin import site
from houvast.plans.models import Plan

from .operator_setup import OperatorTestCase, add_app

USERS = "/beheer/accounts/user/"
LOOKUPS = [
    "kind=patient",
    "kind__exact=patient",
    "kind__in=patient",
    "kind=professional",
    "kind__startswith=pat",
    "patient_plans__isnull=False",
    "patient_plans__isnull=True",
    "owned_plans__isnull=True",
    "memberships__isnull=True",
    "email_confirmed=1",
    "o=3",
    "o=-8",
]


class NoPatientStatusTests(OperatorTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        moment = timezone.now().replace(microsecond=0)
        alike = {"language": "nl", "date_joined": moment, "last_login": moment}
        cls.patient = make_user("p.jansen@example.org", "Pieter Jansen", kind=User.Kind.PATIENT, **alike)
        cls.professional = make_user("q.devries@example.org", "Quinta de Vries", **alike)
        Membership.objects.create(team=cls.team, user=cls.professional)
        for person in (cls.patient, cls.professional):
            add_app(person)
        for name in ("Plan A", "Plan B"):
            Plan.objects.create(team=cls.team, owner=cls.member, patient_name=name, patient=cls.patient)

    def setUp(self):
        self.login_verified()

    def look_up(self, person):
        return self.client.get(USERS, {"q": person.email.upper()})

    def pages_of(self, person):
        base = f"{USERS}{person.pk}/"
        return [
            f"{USERS}?q={quote(person.email)}",
            f"{base}change/",
            f"{base}history/",
            f"{base}ontgrendelen/",
            f"{base}tweestaps-herstellen/",
            f"{base}plannen-overdragen/",
        ]

    def neutral(self, html, person, log_entry=None):
        """The page with what names this person (and per-request tokens) taken out."""
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
        html = html.replace(f"/user/{person.pk}/", "/user/PK/")
        if log_entry is not None:
            html = html.replace(f"/logentry/{log_entry.pk}/", "/logentry/PK/")
            html = html.replace(f">{log_entry.object_id}<", ">PK<")
        encoded = quote(person.email, safe="")
        for text in (quote(encoded, safe=""), encoded, quote(person.email), person.email, person.name):
            html = html.replace(text, "SOMEONE")
        return html

    def test_a_patients_pages_read_like_those_of_a_professional_without_plans(self):
        seen = {}
        for person in (self.patient, self.professional):
            self.look_up(person)
            pages = [self.client.get(url) for url in self.pages_of(person)]
            self.client.post(f"{USERS}{person.pk}/ontgrendelen/", follow=True)
            self.client.post(f"{USERS}{person.pk}/tweestaps-herstellen/", follow=True)
            LogEntry.objects.update(action_time=timezone.now().replace(second=0, microsecond=0))
            pages += [self.client.get(url) for url in self.pages_of(person)[1:3]]
            entry = LogEntry.objects.filter(object_id=str(person.pk)).latest("pk")
            pages.append(self.client.get(reverse("admin:admin_logentry_change", args=[entry.pk])))
            for response in pages:
                self.assertEqual(response.status_code, 200, response.request["PATH_INFO"])
            seen[person] = [self.neutral(page.content.decode(), person, entry) for page in pages]
        for patient_page, professional_page in zip(seen[self.patient], seen[self.professional], strict=True):
            self.assertEqual(patient_page, professional_page)

    def test_no_list_or_search_shows_an_account_without_its_exact_address(self):
        tries = [
            USERS,
            f"{USERS}?q=jansen",
            f"{USERS}?q=p.jansen",
            f"{USERS}?q=example.org",
            f"{USERS}?q=Pieter",
            f"{USERS}?is_active__exact=1",
            f"{USERS}?is_superuser__exact=0",
            "/beheer/autocomplete/?app_label=plans&model_name=plan&field_name=patient&term=",
            "/beheer/autocomplete/?app_label=plans&model_name=plan&field_name=patient&term=jansen",
            "/beheer/autocomplete/?app_label=plans&model_name=plan&field_name=owner&term=p",
        ]
        for url in tries:
            page = self.client.get(url).content.decode()
            self.assertNotIn(self.patient.email, page, url)
            self.assertNotIn("Jansen", page, url)
        self.assertContains(self.look_up(self.patient), self.patient.email)

    def test_no_filter_or_lookup_in_the_address_tells_a_patient_from_a_professional(self):
        for lookup in LOOKUPS:
            outcomes = []
            for person in (self.patient, self.professional):
                response = self.client.get(f"{USERS}?q={quote(person.email)}&{lookup}")
                listed = f"{USERS}{person.pk}/change/" in response.content.decode()
                outcomes.append((response.status_code, listed))
            self.assertEqual(outcomes[0], outcomes[1], lookup)

    def test_an_account_page_opens_only_after_its_exact_address_was_looked_up(self):
        for url in self.pages_of(self.patient)[1:]:
            response = self.client.get(url)
            self.assertNotEqual(response.status_code, 200, url)
            self.assertNotIn(self.patient.email, response.content.decode(), url)
            self.assertNotIn(self.patient.email, response.get("Location", ""), url)
        self.client.post(f"{USERS}{self.patient.pk}/ontgrendelen/")
        self.assertFalse(LogEntry.objects.exists())
        self.look_up(self.patient)
        for url in self.pages_of(self.patient)[1:]:
            self.assertEqual(self.client.get(url).status_code, 200, url)

    def test_no_page_an_operator_can_reach_says_patient(self):
        for person in (self.patient, self.professional):
            self.look_up(person)
            self.client.post(f"{USERS}{person.pk}/ontgrendelen/")
        urls = [reverse("admin:index")]
        for model, model_admin in site._registry.items():
            info = (model._meta.app_label, model._meta.model_name)
            urls.append(reverse("admin:{}_{}_changelist".format(*info)))
            for pk in model_admin.get_queryset(None).values_list("pk", flat=True)[:20]:
                urls.append(reverse("admin:{}_{}_change".format(*info), args=[pk]))
        urls += self.pages_of(self.patient) + self.pages_of(self.professional)
        for url in urls:
            response = self.client.get(url, follow=True)
            text = response.content.decode().lower()
            self.assertNotIn("patiënt", text, url)
            self.assertNotIn("patient", text, url)
