import io
import json
import logging

from django.test import SimpleTestCase, override_settings

from houvast.lib.logs import JsonFormatter, RedactFilter, mask_path, redact
from houvast.lib.testing import BaseTestCase

TOKEN = "Zx81kQ2mPqRsTuVwXyZaBcDeFgHiJk12"


class MaskPathTests(SimpleTestCase):
    def test_bearer_tokens_in_our_urls_are_masked(self):
        cases = {
            f"/plannen/gedeeld/{TOKEN}/": "/plannen/gedeeld/***/",
            f"/plannen/uitnodiging/{TOKEN}/": "/plannen/uitnodiging/***/",
            f"/account/wachtwoord/nieuw/MTI/{TOKEN}/": "/account/wachtwoord/nieuw/***/***/",
            f"/account/bevestigen/{TOKEN}/": "/account/bevestigen/***/",
            f"/account/uitnodiging/{TOKEN}/": "/account/uitnodiging/***/",
            f"/kaarten/k/{TOKEN}/pdf/": "/kaarten/k/***/pdf/",
            f"/stellingen/r/{TOKEN}/": "/stellingen/r/***/",
            f"/stellingen/r/{TOKEN}/concept/": "/stellingen/r/***/concept/",
            f"/stellingen/beheer/{TOKEN}/samenvatting.pdf": "/stellingen/beheer/***/samenvatting.pdf",
            "/werkvormen/doe-mee/K7P2QX/": "/werkvormen/doe-mee/***/",
            "/werkvormen/sessie/K7P2QX/bord/": "/werkvormen/sessie/***/bord/",
            "/ws/sessies/K7P2QX/": "/ws/sessies/***/",
        }
        for path, expected in cases.items():
            self.assertEqual(mask_path(path), expected)

    def test_a_token_without_its_trailing_slash_is_masked_too(self):
        self.assertEqual(mask_path(f"/plannen/gedeeld/{TOKEN}"), "/plannen/gedeeld/***")

    def test_ids_uuids_and_slugs_stay_readable(self):
        for path in (
            "/plannen/6f1c0a52-2b7e-4a43-9a53-3f7f4c1e8a11/versies/3/",
            "/kaarten/selecties/12/",
            "/werkvormen/interventies-in-de-praktijk/",
            "/account/inloggen/",
        ):
            self.assertEqual(mask_path(path), path)

    def test_query_values_are_masked(self):
        self.assertEqual(
            mask_path("/account/aanmelden/?next=/x/&email=nina@example.org"),
            "/account/aanmelden/?next=***&email=***",
        )

    def test_a_random_looking_segment_of_an_unknown_path_is_masked(self):
        self.assertEqual(mask_path(f"/plannen/gedeelt/{TOKEN}/x/"), "/plannen/gedeelt/***/x/")


class RedactTests(SimpleTestCase):
    def test_addresses_are_masked(self):
        self.assertEqual(
            redact('203.0.113.9:51234 - "WebSocket /ws/sessies/K7P2QX/" 403'),
            '***:51234 - "WebSocket /ws/sessies/***/" 403',
        )
        self.assertEqual(redact("from 2001:db8::1 and [::1]:8000"), "from *** and [***]:8000")

    def test_times_and_numbers_stay(self):
        text = "took 12ms at 16:43:05, version 4.2, id 6f1c0a52-2b7e"
        self.assertEqual(redact(text), text)

    def test_full_urls_are_masked(self):
        self.assertEqual(
            redact(f"link http://127.0.0.1:8000/plannen/gedeeld/{TOKEN}/ sent"),
            "link http://***:8000/plannen/gedeeld/***/ sent",
        )

    @override_settings(SECRET_KEY="a-very-secret-key-0123456789")
    def test_the_secret_key_is_masked(self):
        self.assertEqual(redact("key=a-very-secret-key-0123456789"), "key=***")


def capture(logger_name, formatter=None):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactFilter())
    handler.setFormatter(
        formatter or logging.Formatter("%(levelname)s %(name)s [%(request_id)s] %(message)s")
    )
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    return stream, lambda: logger.removeHandler(handler)


class RedactFilterTests(BaseTestCase):
    def test_a_404_on_a_share_link_is_logged_without_the_token(self):
        stream, done = capture("django.request")
        try:
            self.client.get(f"/plannen/gedeeld/{TOKEN}/")
        finally:
            done()
        self.assertIn("/plannen/gedeeld/***/", stream.getvalue())
        self.assertNotIn(TOKEN, stream.getvalue())

    def test_a_traceback_is_redacted_too(self):
        stream, done = capture("houvast.test")
        try:
            try:
                raise ValueError(f"bad link /stellingen/r/{TOKEN}/ from 198.51.100.4")
            except ValueError:
                logging.getLogger("houvast.test").exception("failed")
        finally:
            done()
        self.assertIn("/stellingen/r/***/ from ***", stream.getvalue())
        self.assertNotIn(TOKEN, stream.getvalue())
        self.assertNotIn("198.51.100.4", stream.getvalue())

    def test_json_lines_carry_the_request_id(self):
        stream, done = capture("houvast.test", JsonFormatter())
        try:
            logging.getLogger("houvast.test").warning("seen %s", "203.0.113.1")
        finally:
            done()
        entry = json.loads(stream.getvalue())
        self.assertEqual(entry["message"], "seen ***")
        self.assertEqual(entry["level"], "WARNING")
        self.assertEqual(entry["request_id"], "-")
