from playwright.sync_api import expect

from .conftest import assert_accessible


def test_home_page_is_accessible_and_dutch(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_healthz_answers(page):
    response = page.request.get("/healthz")
    assert response.status == 200
    assert response.json()["database"] == "ok"
