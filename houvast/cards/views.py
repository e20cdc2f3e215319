from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from houvast.lib.pdf import renders_pdf
from houvast.lib.qr import qr_svg
from houvast.lib.ratelimit import client_key, hit
from houvast.plans import editing as plan_editing
from houvast.plans.permissions import get_plan_for_user

from . import deck, handover, printing
from .forms import HandBackForm, PlanCardsForm, PrintForm, SelectionForm, ShareForm
from .models import CardPick, CardSelection, ShareLink
from .permissions import get_selection_for_user, get_share_link_for_user, selections_for_user
from .plan_cards import add_cards, writable_plans

FEELING_SAFE_URL = "https://kennisnet.vgct.nl/mnemonische-terugvalpreventiekaarten/"
NEW_LINK_SESSION_KEY = "cards_new_share_link"


def professional_required(view):
    """Logged in as a professional; a patient account gets a 404 like any other stranger."""

    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_professional:
            raise Http404
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _get_card(slug):
    card = deck.get_card(slug)
    if card is None:
        raise Http404
    return card


def deck_view(request):
    """Browse by theme and search; both are plain GET parameters, so it works without JavaScript."""
    query = request.GET.get("q", "").strip()[:100]
    theme = deck.get_theme(request.GET.get("thema", ""))
    cards = deck.search(query, get_language(), theme.slug if theme else None)
    groups = []
    for t in deck.themes():
        in_theme = [card for card in cards if card.theme.slug == t.slug]
        if in_theme:
            groups.append((t, in_theme))
    return render(
        request,
        "cards/deck.html",
        {
            "query": query,
            "theme": theme,
            "themes": deck.themes(),
            "groups": groups,
            "count": len(cards),
            "total": len(deck.all_cards()),
            "feeling_safe_url": FEELING_SAFE_URL,
        },
    )


def card_view(request, slug):
    card = _get_card(slug)
    return render(request, "cards/card.html", {"card": card, "feeling_safe_url": FEELING_SAFE_URL})


@renders_pdf
def card_pdf(request, slug):
    return printing.single_download(_get_card(slug))


@renders_pdf
def print_view(request):
    """Choose what to print; a valid choice answers with the PDF sheet."""
    form = PrintForm(request.GET or None)
    if request.GET and form.is_valid():
        cards = form.cards()
        scope = form.cleaned_data["scope"]
        stem = form.cleaned_data["theme"] if scope == "theme" else scope
        return printing.sheet_download(cards, gettext("Gesprekskaartjes"), stem)
    return render(request, "cards/print.html", {"form": form, "themes": deck.themes()})


@professional_required
@require_http_methods(["GET", "POST"])
def selections(request):
    """The professional's selections, and a form to make a new one."""
    initial = {"slugs": [s for s in request.GET.getlist("kaart") if deck.get_card(s)]}
    form = SelectionForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        selection = CardSelection.objects.create(
            owner=request.user,
            team=form.cleaned_data["team"],
            label=form.cleaned_data["label"],
            slugs=form.cleaned_data["slugs"],
        )
        messages.success(request, gettext("De selectie is bewaard."))
        return redirect("cards:selection", selection.pk)
    return render(
        request,
        "cards/selections.html",
        {"form": form, "selections": selections_for_user(request.user), "themes": deck.themes()},
    )


@professional_required
def selection_view(request, selection_id):
    selection = get_selection_for_user(request.user, selection_id)
    new_link = None
    stored = request.session.pop(NEW_LINK_SESSION_KEY, None)
    if stored and stored.get("selection") == selection.pk:
        link = selection.share_links.filter(pk=stored.get("link")).first()
        if link:
            url = request.build_absolute_uri(reverse("cards:shared", args=[stored["token"]]))
            new_link = {"link": link, "url": url, "qr": qr_svg(url, title=gettext("QR-code voor de link"))}
    counts = {}
    for pick in selection.picks.all():
        counts[pick.slug] = counts.get(pick.slug, 0) + 1
    picked = [card.slug for card in selection.cards if counts.get(card.slug)]
    plans = writable_plans(request.user)
    plan_form = None
    if plans:
        initial = {"slugs": picked or [card.slug for card in selection.cards]}
        plan_form = PlanCardsForm(selection=selection, plans=plans, initial=initial)
    return render(
        request,
        "cards/selection.html",
        {
            "selection": selection,
            "cards": [(card, counts.get(card.slug, 0)) for card in selection.cards],
            "picks": selection.picks.all()[:10],
            "links": selection.share_links.all(),
            "share_form": ShareForm(selection=selection),
            "plan_form": plan_form,
            "new_link": new_link,
            "now": timezone.now(),
        },
    )


@professional_required
@require_http_methods(["GET", "POST"])
def selection_edit(request, selection_id):
    selection = get_selection_for_user(request.user, selection_id)
    initial = {"label": selection.label, "team": selection.team, "slugs": selection.slugs}
    form = SelectionForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        selection.label = form.cleaned_data["label"]
        selection.team = form.cleaned_data["team"]
        selection.slugs = form.cleaned_data["slugs"]
        selection.save()
        messages.success(request, gettext("De selectie is bijgewerkt."))
        return redirect("cards:selection", selection.pk)
    return render(
        request, "cards/selection_edit.html", {"form": form, "selection": selection, "themes": deck.themes()}
    )


@professional_required
@require_POST
def selection_delete(request, selection_id):
    selection = get_selection_for_user(request.user, selection_id)
    selection.delete()
    messages.success(request, gettext("De selectie en haar links zijn verwijderd."))
    return redirect("cards:selections")


@renders_pdf
@professional_required
def selection_pdf(request, selection_id):
    selection = get_selection_for_user(request.user, selection_id)
    return printing.sheet_download(selection.cards, gettext("Gesprekskaartjes"), "selectie")


@professional_required
@require_http_methods(["GET", "POST"])
def choose(request, selection_id):
    """The large "kies een kaartje" view for a tablet: one tap records one pick."""
    selection = get_selection_for_user(request.user, selection_id)
    handover.lock(request, selection)
    if request.method == "POST":
        slug = request.POST.get("slug", "")
        if slug not in selection.slugs or deck.get_card(slug) is None:
            messages.error(
                request, gettext("Dit kaartje hoort niet bij deze selectie. Kies een ander kaartje.")
            )
            return redirect("cards:choose", selection.pk)
        pick = CardPick.objects.create(selection=selection, slug=slug)
        CardSelection.objects.filter(pk=selection.pk).update(updated=timezone.now())
        return redirect("cards:chosen", selection.pk, pick.pk)
    return render(request, "cards/choose.html", {"selection": selection, "cards": selection.cards})


@professional_required
def chosen(request, selection_id, pick_id):
    selection = get_selection_for_user(request.user, selection_id)
    pick = selection.picks.filter(pk=pick_id).first()
    if pick is None or pick.card is None:
        raise Http404
    return render(request, "cards/chosen.html", {"selection": selection, "card": pick.card})


HAND_BACK_ATTEMPTS = 5
HAND_BACK_WINDOW = 15 * 60


@professional_required
@require_http_methods(["GET", "POST"])
def hand_back(request):
    """The patient is done: the professional unlocks the rest of Houvast with their password."""
    selection_id = handover.locked_selection_id(request)
    if selection_id is None:
        return redirect("cards:selections")
    form = HandBackForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            handover.unlock(request)
            messages.success(request, gettext("Het scherm is weer van jou."))
            return redirect("cards:selection", selection_id)
        # Wrong passwords are counted: after a few, only a fresh login (with its own lockout) opens it.
        if not hit("cards:hand_back", str(request.user.pk), HAND_BACK_ATTEMPTS, HAND_BACK_WINDOW):
            logout(request)
            messages.error(
                request, gettext("Te vaak een verkeerd wachtwoord. Log opnieuw in om verder te gaan.")
            )
            return redirect("accounts:login")
    return render(request, "cards/hand_back.html", {"form": form, "selection_id": selection_id})


@professional_required
@require_POST
def selection_to_plan(request, selection_id):
    """Add the chosen cards to a plan the professional may change; any other plan answers 404."""
    selection = get_selection_for_user(request.user, selection_id)
    back = reverse("cards:selection", args=[selection.pk]) + "#aan-plan"
    if not request.POST.get("plan"):
        messages.error(request, gettext("Kies een plan."))
        return redirect(back)
    plan = get_plan_for_user(request.user, request.POST["plan"], write=True)
    form = PlanCardsForm(request.POST, selection=selection, plans=[plan])
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    try:
        added = add_cards(plan, form.cleaned_data["slugs"], request.user)
    except plan_editing.Conflict:
        messages.error(
            request,
            gettext("Iemand paste het plan net aan. Er is nog niets toegevoegd; probeer het nog een keer."),
        )
        return redirect(back)
    if added:
        message = ngettext(
            "%(count)s kaartje staat nu ook in het plan van %(name)s.",
            "%(count)s kaartjes staan nu ook in het plan van %(name)s.",
            added,
        )
    else:
        message = gettext("Deze kaartjes stonden al in het plan van %(name)s. Er staat niets dubbel in.")
    messages.success(request, message % {"count": added, "name": plan.patient_name})
    return redirect(back)


@professional_required
@require_POST
def share_create(request, selection_id):
    selection = get_selection_for_user(request.user, selection_id)
    form = ShareForm(request.POST, selection=selection)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("cards:selection", selection.pk)
    link, token = ShareLink.create(
        selection, form.cleaned_data["slug"], request.user, form.cleaned_data["days"]
    )
    request.session[NEW_LINK_SESSION_KEY] = {"selection": selection.pk, "link": link.pk, "token": token}
    return redirect(reverse("cards:selection", args=[selection.pk]) + "#nieuwe-link")


@professional_required
@require_POST
def share_revoke(request, selection_id, link_id):
    link = get_share_link_for_user(request.user, selection_id, link_id)
    if link.revoked is None:
        ShareLink.objects.filter(pk=link.pk, revoked=None).update(revoked=timezone.now())
    messages.success(
        request, gettext("De link is ingetrokken. Niemand kan het kaartje nog via deze link zien.")
    )
    return redirect("cards:selection", selection_id)


def _working_link(request, token):
    """(link, None) when the link works, else (None, the kind page that says why it does not)."""
    if not hit("cards-shared", client_key(request), limit=60, window_seconds=60):
        return None, render(request, "cards/shared_unavailable.html", {"reason": "busy"}, status=429)
    link = ShareLink.find(token)
    if link is None or link.card is None:
        return None, render(request, "cards/shared_unavailable.html", {"reason": "unknown"}, status=404)
    if link.revoked is not None:
        return None, render(request, "cards/shared_unavailable.html", {"reason": "revoked"}, status=410)
    if link.is_expired:
        context = {"reason": "expired", "link": link}
        return None, render(request, "cards/shared_unavailable.html", context, status=410)
    return link, None


def shared(request, token):
    """The card behind a share link, with no account; a kind page when the link no longer works."""
    link, unavailable = _working_link(request, token)
    if unavailable:
        return unavailable
    response = render(request, "cards/shared.html", {"card": link.card, "link": link, "token": token})
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@renders_pdf
def shared_pdf(request, token):
    link, unavailable = _working_link(request, token)
    if unavailable:
        return unavailable
    return printing.single_download(link.card, headers={"X-Robots-Tag": "noindex"})
