from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from houvast.lib.pdf import PdfDownload, render_html, renders_pdf
from houvast.surveys.content import statement_set

from .knowledge import knowledge as load_knowledge
from .werkvormen import all_werkvormen, get_werkvorm


def _get_werkvorm(slug):
    """Werkvormen are public content: anyone may read them; an unknown slug is a 404."""
    werkvorm = get_werkvorm(slug)
    if werkvorm is None:
        raise Http404
    return werkvorm


def _detail_context(werkvorm):
    is_stellingen = werkvorm.slug == "stellingen"
    return {
        "werkvorm": werkvorm,
        "session_url": f"/werkvormen/{werkvorm.slug}/sessie/nieuw/" if werkvorm.live else "",
        "statements_url": "/stellingen/" if is_stellingen else "",
        "cards_url": "/kaarten/" if werkvorm.slug == "vaardigheden-versterken" else "",
        # The werkvorm is about these ten statements: show them, also in the printed handout.
        "statements": statement_set().statements if is_stellingen else [],
    }


@require_GET
def catalogue(request):
    return render(request, "content/catalogue.html", {"werkvormen": all_werkvormen()})


@require_GET
def werkvorm(request, slug):
    werkvorm = _get_werkvorm(slug)
    context = _detail_context(werkvorm)
    if request.user.is_authenticated and not request.user.is_professional:
        context["session_url"] = ""  # a patient cannot start a session; the link would be a 404
    return render(request, "content/werkvorm.html", context)


@renders_pdf
@require_GET
def handout(request, slug):
    """The same for everyone: content only, so the werkvorm and the language name the PDF in the cache."""
    werkvorm = _get_werkvorm(slug)
    language = translation.get_language()

    def html():
        return render_html("content/handout.html", {**_detail_context(werkvorm), "language": language})

    suffix = "-en" if language == "en" else ""
    filename = f"handleiding-{werkvorm.slug}{suffix}.pdf"
    return PdfDownload(html, filename, scope="content", key=["handout", werkvorm.slug, language])


@require_GET
def knowledge(request):
    return render(request, "content/knowledge.html", {"knowledge": load_knowledge()})
