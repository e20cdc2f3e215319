import csv
import io

from django.urls import reverse

from houvast.lib.testing import BaseTestCase

from .factories import add_responses, make_closed_round


class CsvTests(BaseTestCase):
    def test_one_row_per_response_without_identifying_columns(self):
        round_obj, token = make_closed_round(min_responses=3)
        add_responses(round_obj, [[4] * 10] * 3, comment="=SUM(A1)", discipline="psycholoog")
        response = self.client.get(reverse("surveys:csv", args=[token]))
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(len(rows), 4)
        header = " ".join(rows[0]).lower()
        for word in ("discipline", "device", "tijd", "ip"):
            self.assertNotIn(word, header.split())
        self.assertEqual(rows[1][1], "4")
        self.assertEqual(rows[1][2], "'=SUM(A1)")
        self.assertNotIn("psycholoog", response.content.decode())

    def test_below_the_minimum_there_is_no_csv(self):
        round_obj, token = make_closed_round(min_responses=3)
        self.assertEqual(self.client.get(reverse("surveys:csv", args=[token])).status_code, 404)

    def test_dont_know_is_written_in_the_language_of_the_reader(self):
        round_obj, token = make_closed_round(min_responses=3)
        add_responses(round_obj, [[0] * 10] * 3)
        url = reverse("surveys:csv", args=[token])
        dutch = list(csv.reader(io.StringIO(self.client.get(url).content.decode("utf-8-sig"))))
        english = self.client.get(url, headers={"accept-language": "en"})
        rows = list(csv.reader(io.StringIO(english.content.decode("utf-8-sig"))))
        self.assertEqual(dutch[1][1], "weet ik niet")
        self.assertEqual(rows[1][1], "don't know")
