from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from houvast.lib.testing import BaseTestCase

from .factories import act, make_session, participant_client


class PlanIcsTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.session = make_session(self.team, self.owner, step_index=4)
        self.alice, _p = participant_client(self.session)
        self.url = reverse("workshops:plan_ics", args=[self.session.code])

    def test_ics_holds_the_plan_two_weeks_later(self):
        act(self.alice, self.session, "plan.save", step="actieplan", interventie="Naasten; uitnodigen, vaker")
        response = self.alice.get(self.url)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        body = response.content.decode()
        self.assertIn("BEGIN:VEVENT", body)
        self.assertIn("Naasten\\; uitnodigen\\, vaker", body.replace("\r\n ", ""))
        # The reminder is on the local (Amsterdam) date, also just before midnight UTC.
        day = timezone.localtime(self.session.created + timedelta(days=14)).strftime("%Y%m%d")
        self.assertIn(f"DTSTART:{day}", body)

    def test_without_a_plan_gets_404(self):
        self.assertEqual(self.alice.get(self.url).status_code, 404)

    def test_someone_else_cannot_download_it(self):
        act(self.alice, self.session, "plan.save", step="actieplan", interventie="Privé")
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url).status_code, 404)
