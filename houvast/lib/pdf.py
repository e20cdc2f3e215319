"""Render a template to a tagged PDF with WeasyPrint, fetching only our own static files."""

import mimetypes

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_SCHEME = "houvast-static:"


class ExternalResourceRefused(ValueError):
    pass


class StaticOnlyFetcher(URLFetcher):
    """Serves `houvast-static:<path>` from our static files and data: URIs; refuses the rest (no SSRF)."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(STATIC_SCHEME):
            relative = url[len(STATIC_SCHEME) :].lstrip("/")
            try:
                path = finders.find(relative) if ".." not in relative.split("/") else None
            except SuspiciousFileOperation:
                path = None
            if path:
                with open(path, "rb") as f:
                    body = f.read()
                mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": mime})
        raise ExternalResourceRefused(f"Refused to fetch {url!r} while rendering a PDF")


def static_only_url_fetcher(url):
    return StaticOnlyFetcher().fetch(url)


def render_pdf(template_name, context, request=None):
    """Return PDF bytes (PDF/UA, tagged); templates link static files as `houvast-static:css/print.css`."""
    from weasyprint import HTML

    html = render_to_string(template_name, {"SITE_URL": settings.SITE_URL, **context}, request=request)
    document = HTML(string=html, base_url=f"{STATIC_SCHEME}/", url_fetcher=StaticOnlyFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


def pdf_response(pdf_bytes, filename, inline=False):
    response = HttpResponse(pdf_bytes, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
