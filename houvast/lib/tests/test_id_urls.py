import uuid

from houvast.lib.testing import BaseTestCase

HUGE = "9" * 20  # more than a 64-bit column holds


class IdsInEveryAppTests(BaseTestCase):
    def test_an_id_too_large_for_the_database_is_404_in_every_app(self):
        self.login(self.member)
        plan = uuid.uuid4()
        urls = [
            f"/kaarten/selecties/{HUGE}/",
            f"/kaarten/selecties/{HUGE}/pdf/",
            f"/kaarten/selecties/{HUGE}/kies/",
            f"/kaarten/selecties/1/kies/{HUGE}/",
            f"/plannen/{plan}/versies/{HUGE}/",
            f"/stellingen/beheer/sleutel/presentatie/{HUGE}/",
        ]
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)
