from datetime import timedelta
from unittest import mock

from channels.layers import channel_layers
from django.test import TestCase, override_settings
from django.utils import timezone

from houvast.lib import heartbeat
from houvast.lib.models import SweepState
from houvast.lib.periodic import schedule_all
from houvast.lib.testing import run_worker

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LONG_AGO = timezone.now() - timedelta(hours=1)


def process_started(moment):
    return mock.patch.object(heartbeat, "PROCESS_STARTED", moment)


class HealthzTests(TestCase):
    def tearDown(self):
        channel_layers.backends = {}

    def test_it_answers_200_when_database_and_channel_layer_work(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {
                "status": "ok",
                "database": "ok",
                "channel_layer": "ok",
                "worker": "not expected",
                "worker_heartbeat_age_seconds": None,
            },
        )

    def test_it_answers_503_when_the_channel_layer_is_down(self):
        broken = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
            }
        }
        channel_layers.backends = {}
        with override_settings(CHANNEL_LAYERS=broken):
            channel_layers.backends = {}
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["database"], "ok")
        self.assertTrue(response.json()["channel_layer"].startswith("error"))


@override_settings(WORKER_EXPECTED=True, WORKER_HEARTBEAT_MAX_AGE_MINUTES=5)
class WorkerHeartbeatTests(TestCase):
    @override_settings(TASKS=DATABASE_TASKS)
    def test_a_worker_that_ran_its_heartbeat_makes_it_200(self):
        schedule_all()
        run_worker()
        with process_started(LONG_AGO):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["worker"], "ok")
        self.assertLess(response.json()["worker_heartbeat_age_seconds"], 60)

    def test_a_stale_heartbeat_makes_it_503(self):
        SweepState.objects.create(name="heartbeat", last_succeeded_at=timezone.now() - timedelta(minutes=6))
        with process_started(LONG_AGO):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["worker"], "stale")
        self.assertGreaterEqual(response.json()["worker_heartbeat_age_seconds"], 360)

    def test_no_heartbeat_long_after_start_makes_it_503(self):
        with process_started(LONG_AGO):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertIsNone(response.json()["worker_heartbeat_age_seconds"])

    def test_the_first_minutes_after_start_a_missing_heartbeat_is_not_yet_a_failure(self):
        with process_started(timezone.now() - timedelta(minutes=4)):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["worker"], "starting")

    @override_settings(WORKER_EXPECTED=False)
    def test_without_a_worker_expected_an_old_heartbeat_is_only_reported(self):
        SweepState.objects.create(name="heartbeat", last_succeeded_at=timezone.now() - timedelta(hours=2))
        with process_started(LONG_AGO):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["worker"], "not expected")
