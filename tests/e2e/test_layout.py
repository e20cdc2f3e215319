"""The base layout: skip link, language switch, 320 px wide, 200 % zoom, error pages, dashboard."""

import re

from playwright.sync_api import expect

from houvast.lib.testing import make_user

from .conftest import assert_accessible, log_in


def has_no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_language_switch_in_the_header_turns_the_page_english(page):
    page.goto("/")
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Kies taal").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Houvast: preventing relapse together"
    assert_accessible(page, "home in English")


def test_home_fits_a_320_px_screen(new_context):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    page.goto("/")
    assert has_no_horizontal_scroll(page)
    assert_accessible(page, "home at 320 px")


def test_home_at_200_percent_zoom_still_fits(new_context):
    # 200 % zoom of a 640 px wide window is a 320 CSS px viewport at device scale factor 2.
    page = new_context(viewport={"width": 320, "height": 480}, device_scale_factor=2).new_page()
    page.goto("/")
    assert has_no_horizontal_scroll(page)
    expect(page.get_by_role("link", name="Account maken")).to_be_visible()


def test_the_house_404_page_is_accessible(page):
    # The live server runs with DEBUG=True (Django's own 404 page), so serve the production page's HTML.
    from django.test import Client

    html = Client().get("/bestaat-niet/").content.decode()
    page.route(
        "**/bestaat-niet/", lambda route: route.fulfill(status=404, body=html, content_type="text/html")
    )
    response = page.goto("/bestaat-niet/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Deze pagina bestaat niet (meer)"
    assert_accessible(page, "404")


def test_dashboard_after_logging_in_is_accessible(page):
    make_user("anna@example.org", "Anna de Vries")
    log_in(page, "anna@example.org")
    page.wait_for_url("**/dashboard/")
    assert "Welkom, Anna de Vries" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page, "dashboard")


def test_logging_out_ends_the_session_in_the_browser(page):
    make_user("bas@example.org", "Bas Jansen")
    log_in(page, "bas@example.org")
    page.wait_for_url("**/dashboard/")
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/dashboard/")
    page.wait_for_url(re.compile(r"/account/inloggen/"))
