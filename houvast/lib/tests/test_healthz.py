from channels.layers import channel_layers
from django.test import TestCase, override_settings


class HealthzTests(TestCase):
    def tearDown(self):
        channel_layers.backends = {}

    def test_it_answers_200_when_database_and_channel_layer_work(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok", "database": "ok", "channel_layer": "ok"})

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
