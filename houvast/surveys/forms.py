from datetime import datetime, time, timedelta
from typing import NamedTuple

from django import forms
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from houvast.lib.forms import EmailAddressField

from .content import statement_set
from .models import DONT_KNOW, MIN_RESPONSES_FLOOR, Discipline, FollowUpAction, Setting

COMMENT_MAX = 2000


def end_of_day(day):
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def _deadline_errors(day):
    today = timezone.localdate()
    if day <= today:
        return _("Kies een invuldatum na vandaag, zodat mensen tijd hebben om de stellingen in te vullen.")
    if day > today + timedelta(days=365):
        return _("Kies een invuldatum binnen een jaar.")
    return None


class RoundRequestForm(forms.Form):
    coordinator_name = forms.CharField(label=_("Jouw naam"), max_length=120)
    coordinator_email = EmailAddressField(
        label=_("Jouw e-mailadres"),
        help_text=_("Hier sturen we de bevestiging, je beheerlink en de groepssamenvatting naartoe."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@ggz.nl.")},
    )
    network_name = forms.CharField(label=_("Naam van het netwerk of team"), max_length=120)
    setting = forms.ChoiceField(label=_("Setting"), choices=Setting.choices)
    deadline = forms.DateField(
        label=_("Invuldatum"),
        help_text=_("Tot en met deze dag kunnen mensen invullen. Standaard is dat over twee weken."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 31-12-2026.")},
    )
    invited_count = forms.IntegerField(
        label=_("Hoeveel mensen nodig je uit? (niet verplicht)"),
        required=False,
        min_value=1,
        max_value=5000,
        help_text=_(
            "Dan zie je het responspercentage en krijg je de samenvatting zodra iedereen heeft ingevuld."
        ),
    )
    min_responses = forms.IntegerField(
        label=_("Minimum aantal reacties voordat je resultaten ziet"),
        min_value=MIN_RESPONSES_FLOOR,
        max_value=500,
        initial=5,
        help_text=_("Minstens 3, zodat niemand herkenbaar is. Standaard 5."),
        error_messages={"min_value": _("Kies minstens 3, zodat niemand herkenbaar is in de resultaten.")},
    )
    team = forms.ChoiceField(label=_("Voor welk team?"), required=False)

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = {str(t.pk): t for t in (teams or [])}
        if self.teams:
            self.fields["team"].choices = [("", _("Geen team (alleen via de beheerlink)"))] + [
                (pk, t.name) for pk, t in self.teams.items()
            ]
        else:
            del self.fields["team"]

    def clean_deadline(self):
        day = self.cleaned_data["deadline"]
        problem = _deadline_errors(day)
        if problem:
            raise forms.ValidationError(problem)
        return day

    def clean_team(self):
        value = self.cleaned_data.get("team")
        return self.teams.get(value) if value else None

    def clean(self):
        data = super().clean()
        invited, minimum = data.get("invited_count"), data.get("min_responses")
        if invited and minimum and invited < minimum:
            self.add_error(
                "invited_count",
                _(
                    "Je nodigt minder mensen uit dan het minimum aantal reacties. "
                    "Dan zie je nooit resultaten."
                ),
            )
        return data


class DeadlineForm(forms.Form):
    deadline = forms.DateField(
        label=_("Nieuwe invuldatum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 31-12-2026.")},
    )

    def clean_deadline(self):
        day = self.cleaned_data["deadline"]
        problem = _deadline_errors(day)
        if problem:
            raise forms.ValidationError(problem)
        return day


class ActionForm(forms.ModelForm):
    class Meta:
        model = FollowUpAction
        fields = ["what", "who", "due"]
        labels = {"what": _("Wat gaan jullie doen?"), "who": _("Wie pakt het op?"), "due": _("Klaar op")}
        widgets = {"due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


def answer_choices():
    return [
        ("1", _("Helemaal oneens")),
        ("2", _("Oneens")),
        ("3", _("Neutraal")),
        ("4", _("Eens")),
        ("5", _("Helemaal eens")),
        (str(DONT_KNOW), _("Weet ik niet / niet van toepassing")),
    ]


class Choice(NamedTuple):
    id: str
    value: str
    label: str
    checked: bool


class StatementRow(NamedTuple):
    statement: object
    answer: forms.BoundField
    comment: forms.BoundField
    choices: list
    comment_text: str


def _response_fields(content, require_all):
    too_long = _(
        "Je opmerking is %(show_value)d tekens; het maximum is %(limit_value)d. "
        "Maak hem wat korter, je tekst staat er nog."
    )
    fields = {}
    for statement in content.statements:
        n = statement.number
        fields[f"s{n}"] = forms.TypedChoiceField(
            label=statement.text,
            choices=answer_choices(),
            coerce=int,
            required=require_all,
            widget=forms.RadioSelect,
            error_messages={
                "required": _(
                    "Kies een antwoord bij deze stelling. Weet je het niet? "
                    "Kies dan ‘Weet ik niet / niet van toepassing’."
                ),
                "invalid_choice": _("Kies een van de zes antwoorden."),
            },
        )
        fields[f"c{n}"] = forms.CharField(
            label=_("Toelichting (niet verplicht)"),
            required=False,
            max_length=COMMENT_MAX,
            widget=forms.Textarea(attrs={"rows": 2}),
            error_messages={"max_length": too_long},
        )
    fields["closing"] = forms.CharField(
        label=content.closing_question,
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": too_long},
    )
    fields["discipline"] = forms.ChoiceField(
        label=_("Jouw discipline (niet verplicht)"),
        required=False,
        choices=[("", _("Zeg ik liever niet"))] + list(Discipline.choices),
    )
    return fields


_shared_fields = {}  # require_all → (statement set, fields)


def shared_response_fields(require_all=True):
    """The answer form's 22 fields, built once per statement set: building them took longer than validating
    a submit. Labels and messages are lazy, so one set serves every language."""
    content = statement_set()
    cached = _shared_fields.get(require_all)
    if cached is None or cached[0] is not content:
        cached = _shared_fields[require_all] = (content, _response_fields(content, require_all))
    return cached[1]


class ResponseForm(forms.Form):
    """Ten required answers, a comment per statement, the closing question and a discipline.

    The Field objects are shared by every form (shared_response_fields) instead of copied per form as Django
    does: a form keeps its data, values and errors itself, and nothing here changes a field after it is
    built. Do not change `self.fields[...]` in a form; build another set instead."""

    def __init__(self, *args, require_all=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = dict(shared_response_fields(require_all))

    @cached_property
    def statement_rows(self):
        """One row per statement with its radio choices built here: the page writes the inputs in one
        template loop instead of rendering 60 radio widgets and 10 textareas through their templates."""
        labels = [(value, str(label)) for value, label in answer_choices()]
        rows = []
        for statement in statement_set().statements:
            answer, comment = self[f"s{statement.number}"], self[f"c{statement.number}"]
            value = answer.value()
            chosen = "" if value is None else str(value)
            choices = [
                Choice(f"{answer.auto_id}_{index}", option, label, option == chosen)
                for index, (option, label) in enumerate(labels)
            ]
            text = comment.value()
            rows.append(StatementRow(statement, answer, comment, choices, "" if text is None else str(text)))
        return rows

    def answers(self):
        data = self.cleaned_data
        return [
            (s.number, data[f"s{s.number}"], data.get(f"c{s.number}", "").strip())
            for s in statement_set().statements
        ]


_empty_fields = {}  # language → (statement set, rendered fieldsets)


def empty_response_fields():
    """The fieldsets of an empty answer form, rendered once per language and statement set: a first visit
    (a whole network opening the link at once) then renders only the page around them."""
    content, language = statement_set(), translation.get_language()
    cached = _empty_fields.get(language)
    if cached is None or cached[0] is not content:
        cached = _empty_fields[language] = (
            content,
            render_to_string("surveys/_response_fields.html", {"form": ResponseForm()}),
        )
    return cached[1]


def draft_from_post(post):
    """Keep only known keys with sane sizes; a draft is never validated, only stored."""
    allowed = {f"s{n}" for n in statement_set().numbers} | {f"c{n}" for n in statement_set().numbers}
    allowed |= {"closing", "discipline"}
    draft = {key: str(post.get(key, "")).replace("\x00", "")[: COMMENT_MAX * 5] for key in allowed}
    return {key: value for key, value in draft.items() if value != ""}
