from datetime import UTC, date, datetime

from django.template import engines
from django.test import SimpleTestCase
from django.utils import translation

from houvast.lib.dates import day_month_year, day_month_year_time

FILTER = engines["django"].from_string('{{ value|date:"j F Y H:i" }}')
DATE_FILTER = engines["django"].from_string('{{ value|date:"j F Y" }}')


class DayMonthYearTimeTests(SimpleTestCase):
    def test_it_writes_what_the_date_filter_writes_in_every_month_and_language(self):
        for language in ("nl", "en"):
            for month in range(1, 13):
                # 23:30 UTC is the next day in Amsterdam: the local day, month and year are shown.
                value = datetime(2026, month, 1 if month % 2 else 28, 23, 30, tzinfo=UTC)
                with self.subTest(language=language, month=month), translation.override(language):
                    self.assertEqual(day_month_year_time(value), FILTER.render({"value": value}))

    def test_a_missing_date_is_empty(self):
        self.assertEqual(day_month_year_time(None), "")

    def test_the_month_is_dutch_or_english(self):
        value = datetime(2026, 3, 12, 9, 5, tzinfo=UTC)
        with translation.override("nl"):
            self.assertEqual(day_month_year_time(value), "12 maart 2026 10:05")
        with translation.override("en"):
            self.assertEqual(day_month_year_time(value), "12 March 2026 10:05")


class DayMonthYearTests(SimpleTestCase):
    def test_it_writes_what_the_date_filter_writes_for_a_date_in_every_month_and_language(self):
        for language in ("nl", "en"):
            for month in range(1, 13):
                value = date(2026, month, 1 if month % 2 else 28)
                with self.subTest(language=language, month=month), translation.override(language):
                    self.assertEqual(day_month_year(value), DATE_FILTER.render({"value": value}))
        self.assertEqual(day_month_year(None), "")
