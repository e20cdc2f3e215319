from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from houvast.accounts.permissions import teams_for_user

from . import deck
from .models import ShareLink
from .text import without_nul


class TextField(forms.CharField):
    """A text field that drops NUL characters before validating (PostgreSQL cannot store them)."""

    def to_python(self, value):
        return super().to_python(without_nul(value))


def card_choices():
    return [(card.slug, str(card.title)) for card in deck.all_cards()]


class SelectionForm(forms.Form):
    label = TextField(
        label=_("Label voor deze selectie"),
        max_length=60,
        help_text=_("Gebruik initialen of een schuilnaam. Zet hier geen naam of gezondheidsgegevens."),
        error_messages={
            "required": _("Vul een label in, bijvoorbeeld initialen."),
            "max_length": _("Het label mag hoogstens 60 tekens hebben."),
        },
    )
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Kies een van je eigen teams.")},
    )
    slugs = forms.MultipleChoiceField(
        label=_("Kaartjes"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies ten minste één kaartje."),
            "invalid_choice": _("Dit kaartje bestaat niet (meer). Kies een ander kaartje."),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams_for_user(user)
        self.fields["slugs"].choices = card_choices()

    def clean_label(self):
        label = " ".join(self.cleaned_data["label"].split())
        if not label:
            raise forms.ValidationError(_("Vul een label in, bijvoorbeeld initialen."))
        return label


class ShareForm(forms.Form):
    slug = forms.ChoiceField(
        label=_("Kaartje"),
        error_messages={"invalid_choice": _("Kies een kaartje uit deze selectie.")},
    )
    days = forms.TypedChoiceField(
        label=_("Geldig"),
        coerce=int,
        initial=30,
        error_messages={"invalid_choice": _("Kies hoe lang de link geldig is.")},
    )

    def __init__(self, *args, selection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].choices = [(card.slug, str(card.title)) for card in selection.cards]
        # Built per request, so the labels follow the language of the person who sees the form.
        self.fields["days"].choices = [
            (days, ngettext("%(days)s dag", "%(days)s dagen", days) % {"days": days})
            for days in ShareLink.DAY_CHOICES
        ]


class PlanCardsForm(forms.Form):
    """Which of the selection's cards go into which plan; access to the plan is checked by the view."""

    plan = forms.ChoiceField(
        label=_("Plan van"),
        error_messages={"required": _("Kies een plan."), "invalid_choice": _("Kies een van je plannen.")},
    )
    slugs = forms.MultipleChoiceField(
        label=_("Welke kaartjes?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies ten minste één kaartje om aan het plan toe te voegen."),
            "invalid_choice": _("Kies kaartjes uit deze selectie."),
        },
    )

    def __init__(self, *args, selection, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = [(str(plan.pk), plan.patient_name) for plan in plans]
        self.fields["slugs"].choices = [(card.slug, str(card.title)) for card in selection.cards]


class PrintForm(forms.Form):
    """What to print: the whole deck, one theme or chosen cards (a GET form, so links can be shared)."""

    SCOPES = [("deck", _("Alle kaartjes")), ("theme", _("Eén thema")), ("cards", _("Kaartjes die ik kies"))]
    scope = forms.ChoiceField(label=_("Wat wil je afdrukken?"), choices=SCOPES, widget=forms.RadioSelect)
    theme = forms.ChoiceField(label=_("Thema"), required=False)
    slugs = forms.MultipleChoiceField(
        label=_("Kaartjes"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [(t.slug, str(t.name)) for t in deck.themes()]
        self.fields["slugs"].choices = card_choices()

    def clean(self):
        data = super().clean()
        scope = data.get("scope")
        if scope == "theme" and not data.get("theme"):
            self.add_error("theme", _("Kies een thema."))
        if scope == "cards" and not data.get("slugs"):
            self.add_error("slugs", _("Kies ten minste één kaartje."))
        return data

    def cards(self):
        scope = self.cleaned_data["scope"]
        if scope == "theme":
            return [c for c in deck.all_cards() if c.theme.slug == self.cleaned_data["theme"]]
        if scope == "cards":
            return deck.cards_for(self.cleaned_data["slugs"])
        return deck.all_cards()


class HandBackForm(forms.Form):
    """The professional's own password, to take the device back from the patient."""

    password = forms.CharField(
        label=_("Wachtwoord van de behandelaar"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Vul je wachtwoord in.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Dit wachtwoord klopt niet. Ben je de behandelaar? Probeer het dan nog een keer.")
            )
        return password
