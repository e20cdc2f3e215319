from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from houvast.accounts.models import User
from houvast.accounts.permissions import teams_for_user
from houvast.lib.forms import EmailAddressField


class PlanForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        empty_label=None,
        help_text=_("Collega's in dit team kun je later toegang geven."),
    )
    patient_name = forms.CharField(
        label=_("Naam van de patiënt"),
        max_length=150,
        help_text=_("Zoals de patiënt zelf genoemd wil worden."),
        error_messages={"required": _("Vul de naam van de patiënt in.")},
    )
    patient_email = EmailAddressField(
        label=_("E-mailadres van de patiënt (mag later)"),
        required=False,
        help_text=_("Hiermee kun je de patiënt later uitnodigen om mee te schrijven."),
        error_messages={"invalid": _("Dit lijkt geen e-mailadres. Kijk of er een @ in staat.")},
    )
    language = forms.ChoiceField(label=_("Taal van het plan"), choices=settings.LANGUAGES, initial="nl")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams_for_user(user).order_by("name")


class VersionForm(forms.Form):
    professional_name = forms.CharField(label=_("Naam behandelaar"), max_length=150)
    patient_name = forms.CharField(label=_("Naam patiënt"), max_length=150)
    note = forms.CharField(
        label=_("Notitie bij deze versie (mag leeg)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Houd de notitie kort: hooguit 500 tekens.")},
    )
    agreed = forms.BooleanField(
        label=_("Patiënt en behandelaar zijn het eens met deze versie"),
        error_messages={"required": _("Vink dit aan als jullie het samen eens zijn.")},
    )


class ColleaguesForm(forms.Form):
    colleagues = forms.ModelMultipleChoiceField(
        label=_("Collega's met toegang"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleagues"].queryset = (
            User.objects.filter(memberships__team=plan.team, kind=User.Kind.PROFESSIONAL)
            .exclude(pk=plan.owner_id)
            .order_by("name", "email")
        )


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, verwijder dit plan met alle versies en het logboek"),
        error_messages={"required": _("Vink dit aan als je het plan echt wilt verwijderen.")},
    )
