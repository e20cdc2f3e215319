"""`{% layout_part %}`: the site's header and footer rendered once and kept (lib/templatetags/layout.py)."""

import re
from unittest import mock

from django.test import Client
from django.urls import reverse

from houvast.lib.templatetags import layout
from houvast.lib.testing import BaseTestCase

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def uncached_render(self, context):
    """The part as base.html would render it without the tag: every time, for this request."""
    with context.push(layout_next=context["request"].get_full_path()):
        return self.nodelist.render(context)


class LayoutPartTests(BaseTestCase):
    def setUp(self):
        layout._parts.clear()
        self.addCleanup(layout._parts.clear)

    def page(self, url, client=None, **params):
        response = (client or self.client).get(url, params)
        self.assertEqual(response.status_code, 200)
        return TOKEN.sub("TOKEN", response.content.decode())

    def test_pages_are_the_same_as_without_the_kept_parts(self):
        pages = [
            reverse("dashboard"),
            reverse("plans:list"),
            reverse("accounts:settings"),
            reverse("surveys:start"),
        ]
        self.login(self.owner)
        with mock.patch.object(layout.LayoutPartNode, "render", uncached_render):
            expected = [self.page(url) for url in pages]
        self.assertEqual([self.page(url) for url in pages], expected, "first render, kept")
        self.assertEqual([self.page(url) for url in pages], expected, "from what was kept")
        self.client.logout()
        with mock.patch.object(layout.LayoutPartNode, "render", uncached_render):
            expected = self.page(reverse("home"))
        self.assertEqual(self.page(reverse("home")), expected)

    def test_each_page_marks_its_own_menu_item(self):
        self.login(self.owner)
        for url, item in ((reverse("plans:list"), "Plannen"), (reverse("surveys:start"), "Stellingen")):
            with self.subTest(url):
                self.page(url)
                html = self.page(url)
                current = re.findall(r'<a href="[^"]*" aria-current="page">([^<]+)</a>', html)
                self.assertEqual(current, [item])

    def test_signed_in_or_not_and_the_language_each_get_their_own_header(self):
        catalogue = reverse("content:catalogue")
        anonymous = self.page(catalogue)
        self.assertIn("Inloggen", anonymous)
        self.login(self.owner)
        signed_in = self.page(catalogue)
        self.assertIn("Uitloggen", signed_in)
        self.assertNotIn(">Inloggen<", signed_in)
        self.client.post(reverse("set_language"), {"language": "en", "next": "/"})
        self.assertIn("Log out", self.page(catalogue))

    def test_the_csrf_token_is_this_visitors_own_and_works(self):
        first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
        tokens = []
        for client in (first, second):
            html = client.get(reverse("home")).content.decode()
            tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1))
        self.assertNotEqual(tokens[0], tokens[1])
        self.assertNotIn(layout.CSRF_MARK, "".join(tokens))
        response = first.post(
            reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": tokens[0]}
        )
        self.assertEqual(response.status_code, 302)
        refused = second.post(
            reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": "x" * 64}
        )
        self.assertEqual(refused.status_code, 403)

    def test_the_page_address_in_the_language_form_is_this_pages_and_escaped(self):
        self.login(self.owner)
        self.page(reverse("plans:list"))
        attack = '"><script>alert(1)</script>'
        html = self.page(reverse("plans:list"), zoek=attack)
        self.assertNotIn("<script>alert(1)", html)
        next_value = re.search(r'name="next" value="([^"]*)"', html).group(1)
        self.assertTrue(next_value.startswith("/plannen/?zoek="), next_value)
        self.assertNotIn(layout.NEXT_MARK, html)
