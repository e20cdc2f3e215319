"""The start page of /beheer/ says how old the worker's heartbeat is and how many tasks failed."""

from datetime import timedelta
from unittest import mock

from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from houvast.lib import heartbeat
from houvast.lib.models import SweepState
from houvast.lib.tests.test_heartbeat_pruning import task_row

from .operator_setup import OperatorTestCase

LONG_AGO = timezone.now() - timedelta(days=1)


@override_settings(WORKER_EXPECTED=True)
@mock.patch.object(heartbeat, "PROCESS_STARTED", LONG_AGO)
class StartPageTests(OperatorTestCase):
    def setUp(self):
        self.login_verified()

    def beat(self, ago):
        SweepState.objects.create(name="heartbeat", last_succeeded_at=timezone.now() - ago)

    def test_a_recent_heartbeat_shows_its_age_in_seconds(self):
        self.beat(timedelta(seconds=42))
        page = self.client.get("/beheer/").content.decode()
        self.assertRegex(page, r"Laatste hartslag: 4[23] seconden geleden \(in orde\)")
        self.assertIn("Geen mislukte taken.", page)
        sweeps = self.client.get("/beheer/lib/sweepstate/").content.decode()
        self.assertRegex(sweeps, r"4[23] seconden geleden")

    def test_an_old_heartbeat_says_the_worker_may_have_stopped(self):
        self.beat(timedelta(minutes=10))
        self.assertContains(
            self.client.get("/beheer/"),
            "Laatste hartslag: 10\xa0minuten geleden (te oud: draait de taakverwerker nog?)",
        )

    def test_no_heartbeat_ever(self):
        self.assertContains(self.client.get("/beheer/"), "Laatste hartslag: nog nooit (te oud")

    def test_failed_tasks_are_counted_with_a_link_to_them(self):
        DBTaskResult.objects.bulk_create([task_row(timedelta(hours=1), status="FAILED") for _ in range(2)])
        self.assertContains(
            self.client.get("/beheer/"),
            '<a href="/beheer/operators/taskrun/?status__exact=FAILED">2 taken mislukt</a>',
        )
