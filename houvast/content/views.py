from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from houvast.lib.pdf import pdf_response, render_pdf
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


# Handouts are the same for everyone and change only with the content files (read at start), so each
# process renders one per werkvorm and language once: a public URL must not cost a PDF render per request.
_handouts = {}


@require_GET
def handout(request, slug):
    werkvorm = _get_werkvorm(slug)
    language = translation.get_language()
    key = (werkvorm.slug, language)
    if key not in _handouts:
        context = {**_detail_context(werkvorm), "language": language}
        _handouts[key] = render_pdf("content/handout.html", context)
    suffix = "-en" if language == "en" else ""
    return pdf_response(_handouts[key], f"handleiding-{werkvorm.slug}{suffix}.pdf")


@require_GET
def knowledge(request):
    return render(request, "content/knowledge.html", {"knowledge": load_knowledge()})
