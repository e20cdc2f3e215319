"""The same crawl as test_crawl.py, on a 320 px phone and in Dutch: every page the three visitors reach
passes axe (WCAG 2.1 AA) and does not scroll sideways (issue 13: phone-proof, axe at 320 px on all pages)."""

from .conftest import log_in
from .test_crawl import MAX_PAGES, Crawler, make_world

PHONE_320 = {"width": 320, "height": 640}


class PhoneCrawler(Crawler):
    def visit(self, path, context, scan=True):
        links = super().visit(path, context, scan)
        overflow = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0 and not self.page.url.endswith((".pdf", ".csv", ".json", ".ics")):
            self.problem(path, f"scrolls sideways by {overflow} px at 320 px")
        return links


def test_every_page_fits_a_320_px_phone_and_passes_axe(new_context, live_app):
    starts = make_world()
    problems, counts, shared_scanned = [], {}, set()
    for visitor, email in (
        ("anonymous", None),
        ("professional", "behandelaar@example.org"),
        ("patient", "patient@example.org"),
    ):
        page = new_context(viewport=PHONE_320, is_mobile=True, has_touch=True).new_page()
        if email:
            log_in(page, email)
        crawler = PhoneCrawler(page, live_app.url, visitor, problems, shared_scanned)
        counts[visitor] = len(crawler.crawl(starts[visitor], MAX_PAGES, "nl"))
        page.context.close()
    print("pages scanned at 320 px:", counts)
    assert counts["professional"] >= 20, counts
    assert not problems, "\n\n".join(problems)
