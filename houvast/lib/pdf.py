"""PDFs: HTML rendered in the view, laid out by WeasyPrint in a separate process, kept by what they show.

One mechanism for every PDF. The view checks permissions, computes its context and renders the HTML (cheap,
and it needs the request: language, user). Only that HTML string crosses to a pool process
(`pdf_pool.py`), where WeasyPrint does the expensive layout; the result is kept on disk under a keyed hash
of the HTML (`pdf_cache.py`), so a repeat download is a file read. Equal HTML being rendered at the same
moment is laid out once. A view returns a `PdfDownload` and is wrapped in `renders_pdf`, which makes it an
async view: while the PDF is laid out no thread of the web process is held. A view that can name what its
PDF shows without rendering it (a plan's PDFs) gives that `key` and a function that renders the HTML, which
is then called only when the PDF is not in the cache. Code outside a request (the
e-mails of the task worker) calls `render_pdf`, which waits for the same pool and cache.
"""

import asyncio
import functools
import logging
import mimetypes
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import pdf_cache, pdf_pool

STATIC_SCHEME = "houvast-static:"
logger = logging.getLogger(__name__)


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


def render_html(template_name, context, request=None):
    """The HTML of a PDF; templates link static files as `houvast-static:css/print.css`."""
    return render_to_string(template_name, {"SITE_URL": settings.SITE_URL, **context}, request=request)


def write_pdf(html):
    """The expensive part: WeasyPrint's layout to a tagged PDF (PDF/UA). Runs in a pool process."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=f"{STATIC_SCHEME}/", url_fetcher=StaticOnlyFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


_rendering = {}  # cache path -> concurrent future, while its PDF is being laid out
_rendering_lock = threading.RLock()  # re-entered when PDF_WORKERS=0 finishes a future at once


def cached_or_rendering(html, scope="", key=None):
    """The PDF's bytes when it is in the cache, else a concurrent future of them (one per equal HTML or key).

    `html` is the HTML, or a function that renders it. With a `key` (everything the PDF shows besides the
    code, see `pdf_cache.path_for_key`) the cache is looked up by the key and `html` is called only on a miss.
    The future resolves only after the PDF is in the cache, so whoever sees it can find it there again.
    """
    if key is None:
        html = html() if callable(html) else html
        path = pdf_cache.path_for(html, scope)
    else:
        path = pdf_cache.path_for_key(key, scope)
    pdf = pdf_cache.read(path)
    if pdf is not None:
        return pdf
    with _rendering_lock:
        rendered = _rendering.get(path)
        if rendered is not None:
            return rendered
        rendered = _rendering[path] = Future()
    try:
        html = html() if callable(html) else html
        pdf_pool.submit(write_pdf, html).add_done_callback(functools.partial(_keep, path, rendered))
    except BaseException as error:
        with _rendering_lock:
            _rendering.pop(path, None)
        rendered.set_exception(error)
        raise
    return rendered


def _keep(path, rendered, laid_out):
    error = laid_out.exception()
    if error is None:
        try:
            pdf_cache.write(path, laid_out.result())
        except OSError:
            logger.exception("A PDF could not be kept in the cache")
    with _rendering_lock:
        _rendering.pop(path, None)
    if error is None:
        rendered.set_result(laid_out.result())
    else:
        rendered.set_exception(error)


def pdf_for_html(html, scope=""):
    result = cached_or_rendering(html, scope)
    return result if isinstance(result, bytes) else result.result()


def render_pdf(template_name, context, request=None, scope=""):
    """PDF bytes, waiting in this thread (for code outside a request, such as e-mails)."""
    return pdf_for_html(render_html(template_name, context, request), scope)


@dataclass
class PdfDownload:
    """What a PDF view answers: the HTML (or a function that renders it, with a `key`) and how to send the
    PDF; `renders_pdf` lays it out."""

    html: str | Callable[[], str]
    filename: str
    scope: str = ""
    inline: bool = False
    headers: dict = field(default_factory=dict)
    key: list | None = None


def renders_pdf(view):
    """Make a sync view that returns a `PdfDownload` async: the view (permissions, context, HTML) runs in a
    thread as before; the layout is awaited without holding that thread. Any other response passes through."""

    def prepare(request, *args, **kwargs):
        answer = view(request, *args, **kwargs)
        if not isinstance(answer, PdfDownload):
            return answer, None
        return answer, cached_or_rendering(answer.html, answer.scope, answer.key)

    @functools.wraps(view)
    async def wrapper(request, *args, **kwargs):
        answer, pdf = await sync_to_async(prepare)(request, *args, **kwargs)
        if pdf is None:
            return answer
        if not isinstance(pdf, bytes):
            pdf = await asyncio.wrap_future(pdf)
        response = pdf_response(pdf, answer.filename, answer.inline)
        for name, value in answer.headers.items():
            response[name] = value
        return response

    return wrapper


def pdf_response(pdf_bytes, filename, inline=False):
    response = HttpResponse(pdf_bytes, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
