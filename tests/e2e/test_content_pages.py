from playwright.sync_api import expect

from .conftest import assert_accessible


def test_catalogue_leads_to_a_werkvorm_with_its_steps(page):
    page.goto("/werkvormen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Werkvormen over terugvalpreventie"
    assert page.locator(".werkvorm-card").count() == 3
    assert_accessible(page, "catalogue")
    page.get_by_role("link", name="Interventies in de praktijk", exact=True).click()
    page.wait_for_url("**/werkvormen/interventies-in-de-praktijk/")
    assert page.locator(".werkvorm-steps > li").count() == 5
    assert page.locator(".figure").all_inner_texts() == ["57 %", "38 %", "75 %", "62 %"]
    assert page.get_by_role("link", name="Start een sessie").get_attribute("href") == (
        "/werkvormen/interventies-in-de-praktijk/sessie/nieuw/"
    )
    assert_accessible(page, "werkvorm detail")


def test_every_werkvorm_page_is_accessible_in_english(new_context):
    page = new_context(locale="en-GB").new_page()
    for slug in ("interventies-in-de-praktijk", "stellingen", "vaardigheden-versterken"):
        page.goto(f"/werkvormen/{slug}/")
        assert page.locator("html").get_attribute("lang") == "en"
        expect(page.get_by_role("heading", name="Step by step")).to_be_visible()
        assert_accessible(page, slug)


def test_the_handout_downloads_as_a_pdf(page):
    page.goto("/werkvormen/stellingen/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download de handleiding (pdf)").click()
    assert download.value.suggested_filename == "handleiding-stellingen.pdf"


def test_knowledge_page_with_anchors_in_dutch_and_english(page, new_context):
    page.goto("/terugvalpreventie/")
    assert page.get_by_role("heading", level=1).inner_text() == "Terugvalpreventie in de ggz"
    page.get_by_role("link", name="Herkennen van vroege signalen").click()
    page.wait_for_url("**/terugvalpreventie/#vroege-signalen")
    expect(page.locator("#vroege-signalen h3")).to_be_visible()
    assert_accessible(page, "knowledge nl")
    english = new_context(locale="en-GB").new_page()
    english.goto("/terugvalpreventie/#actualiseren")
    assert english.get_by_role("heading", level=1).inner_text() == "Relapse prevention in mental health care"
    expect(english.locator("#actualiseren")).to_be_visible()
    assert_accessible(english, "knowledge en")


def test_pages_fit_a_phone(phone_page):
    for url in ("/werkvormen/", "/werkvormen/vaardigheden-versterken/", "/terugvalpreventie/"):
        phone_page.goto(url)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= phone_page.viewport_size["width"], f"{url} scrolls sideways ({width}px)"
        assert_accessible(phone_page, url)
