from django.core import mail
from django.urls import reverse

from houvast.lib.testing import mail_server_down

from ..models import AccessLog
from .patient_setup import PatientPlanTestCase


class PatientInviteTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:patient_invite", args=[self.plan.pk])

    def test_only_professionals_with_access_get_the_page(self):
        self.assert_access(self.url, allowed={"owner", "colleague"})

    def test_owner_sends_an_invitation_by_email(self):
        self.login(self.owner)
        response = self.client.post(self.url, {"email": " Nieuw@Example.org "})
        self.assertRedirects(response, self.url)
        self.plan.refresh_from_db()
        self.assertEqual(self.plan.patient_email, "nieuw@example.org")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["nieuw@example.org"])
        self.assertIn("/plannen/uitnodiging/", mail.outbox[0].body)
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.INVITE).exists())

    def test_a_bad_address_gets_a_kind_message_and_is_kept(self):
        self.login(self.owner)
        response = self.client.post(self.url, {"email": "geen-adres<b>"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Dit lijkt geen e-mailadres")
        self.assertContains(response, "geen-adres&lt;b&gt;")
        self.assertEqual(len(mail.outbox), 0)

    def test_the_email_is_in_the_plan_language(self):
        self.plan.language = "en"
        self.plan.save()
        self.login(self.owner)
        self.client.post(self.url, {"email": "p@example.org"})
        self.assertIn("relapse prevention plan", mail.outbox[0].body)

    def test_the_page_shows_the_plan_language_and_the_invitation_can_go_out_in_another(self):
        self.plan.language = "en"
        self.plan.save()
        self.login(self.owner)
        response = self.client.get(self.url)
        self.assertContains(response, "Taal van het plan: English.")
        self.assertContains(response, '<option value="en" selected>')
        self.client.post(self.url, {"email": "p@example.org", "language": "nl"})
        self.assertIn("terugvalpreventieplan", mail.outbox[0].body)
        self.assertNotIn("relapse prevention plan", mail.outbox[0].body)

    def test_an_address_of_someone_in_the_team_is_refused_and_kept(self):
        self.login(self.owner)
        response = self.client.post(self.url, {"email": self.member.email.upper()})
        self.assertContains(response, "hoort bij iemand uit het team")
        self.assertContains(response, self.member.email.upper())
        self.assertEqual(len(mail.outbox), 0)
        self.plan.refresh_from_db()
        self.assertEqual(self.plan.patient_email, "patient@example.org")

    def test_a_mail_server_that_is_down_gets_a_kind_message_and_keeps_the_address(self):
        self.login(self.owner)
        with mail_server_down():
            response = self.client.post(self.url, {"email": "nieuw@example.org"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "De e-mail kon nu niet worden verstuurd")
        self.assertContains(response, 'value="nieuw@example.org"')
        self.plan.refresh_from_db()
        self.assertEqual(self.plan.patient_email, "patient@example.org")
        self.assertFalse(self.plan.log.filter(action=AccessLog.Action.INVITE).exists())


class PatientEditSettingTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:patient_edit_setting", args=[self.plan.pk])
        self.part_url = reverse("plans:part", args=[self.plan.pk, "about"])

    def test_only_professionals_with_access_may_switch_it(self):
        self.assert_access(self.url, allowed={"owner", "colleague"}, method="post", status=302)
        self.plan.refresh_from_db()
        self.assertFalse(self.plan.patient_can_edit)

    def test_the_professional_switches_editing_off_and_the_patient_can_only_read(self):
        self.login(self.owner)
        response = self.client.post(self.url, {})
        self.assertRedirects(response, reverse("plans:patient_invite", args=[self.plan.pk]))
        self.plan.refresh_from_db()
        self.assertFalse(self.plan.patient_can_edit)
        entry = self.plan.log.get(action=AccessLog.Action.SETTINGS)
        self.assertEqual(entry.detail_display(), "de patiënt mag het plan alleen lezen")
        page = self.client.get(reverse("plans:patient_invite", args=[self.plan.pk]))
        self.assertContains(page, "De patiënt kan het plan lezen, maar niet aanpassen.")
        self.assertNotContains(page, 'id="patient-can-edit" aria-describedby="patient-can-edit-help" checked')
        self.login(self.patient)
        self.assertEqual(
            self.client.post(self.part_url, {"version": "0", "keep": "Van mij"}).status_code, 404
        )
        self.login(self.owner)
        self.client.post(self.url, {"patient_can_edit": "on"})
        self.plan.refresh_from_db()
        self.assertTrue(self.plan.patient_can_edit)
        self.login(self.patient)
        self.assertEqual(
            self.client.post(self.part_url, {"version": "0", "keep": "Van mij"}).status_code, 302
        )

    def test_the_patient_cannot_switch_it(self):
        self.login(self.patient)
        self.assertEqual(self.client.post(self.url, {"patient_can_edit": "on"}).status_code, 404)
        self.assertEqual(self.client.post(self.url, {}).status_code, 404)
        self.plan.refresh_from_db()
        self.assertTrue(self.plan.patient_can_edit)
