from django.test import SimpleTestCase

from houvast.lib.ids import MAX_ID, IdConverter, parse_id


class ParseIdTests(SimpleTestCase):
    def test_plain_numbers_in_range_are_ids(self):
        self.assertEqual(parse_id("42"), 42)
        self.assertEqual(parse_id(str(MAX_ID)), MAX_ID)

    def test_anything_else_is_none(self):
        for text in ["", "0", "-1", "1.5", "²", "٣", " 7", "abc", str(MAX_ID + 1), "9" * 40, None]:
            with self.subTest(text=text):
                self.assertIsNone(parse_id(text))

    def test_the_converter_refuses_what_cannot_be_an_id(self):
        converter = IdConverter()
        self.assertEqual(converter.to_python("12"), 12)
        with self.assertRaises(ValueError):
            converter.to_python("99999999999999999999")
