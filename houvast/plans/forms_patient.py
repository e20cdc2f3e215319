"""Forms for the patient side: the invitation, a new patient account, and sharing with naasten."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from houvast.accounts.models import User
from houvast.lib.forms import EmailAddressField

MAX_SHARE_DAYS = 365


class PatientInviteForm(forms.Form):
    email = EmailAddressField(
        label=_("E-mailadres van de patiënt"),
        help_text=_("Hier sturen we de uitnodiging naar. De link werkt twee weken."),
        error_messages={
            "required": _("Vul het e-mailadres in."),
            "invalid": _("Dit lijkt geen e-mailadres. Kijk het nog even na, bijvoorbeeld naam@voorbeeld.nl."),
        },
    )

    language = forms.ChoiceField(
        label=_("Taal van de uitnodiging"),
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("De e-mail met de uitnodiging is in deze taal."),
    )

    def __init__(self, *args, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.team is not None and self.team.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(
                _("Dit adres hoort bij iemand uit het team %(team)s. Vul het e-mailadres van de patiënt in."),
                params={"team": self.team.name},
            )
        return email


class PatientEditForm(forms.Form):
    patient_can_edit = forms.BooleanField(
        label=_("De patiënt mag het plan ook aanpassen"),
        required=False,
        help_text=_("Zet dit uit als de patiënt het plan alleen mag lezen, afdrukken en delen."),
    )


class PatientAccountForm(forms.Form):
    name = forms.CharField(
        label=_("Je naam"),
        max_length=150,
        error_messages={"required": _("Vul je naam in."), "max_length": _("Gebruik hoogstens 150 tekens.")},
    )
    password1 = forms.CharField(
        label=_("Kies een wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 10 tekens. Een zin van een paar woorden werkt goed."),
        error_messages={"required": _("Kies een wachtwoord.")},
    )
    password2 = forms.CharField(
        label=_("Wachtwoord nog een keer"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Typ het wachtwoord nog een keer.")},
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("De twee wachtwoorden zijn niet hetzelfde. Typ ze opnieuw."))
        elif password1:
            try:
                password_validation.validate_password(
                    password1, User(email=self.email, name=data.get("name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class PlanLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Taal van het plan"), choices=settings.LANGUAGES)


class ShareForm(forms.Form):
    label = forms.CharField(
        label=_("Voor wie is de link?"),
        max_length=100,
        help_text=_("Bijvoorbeeld: mijn zus Anna, of mijn huisarts."),
        error_messages={
            "required": _("Schrijf op voor wie de link is. Dan weet je later welke link je kunt intrekken."),
            "max_length": _("Gebruik hoogstens 100 tekens."),
        },
    )
    expires = forms.DateField(
        label=_("Geldig tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Na deze dag werkt de link niet meer. Hoogstens een jaar."),
        error_messages={
            "required": _("Kies tot wanneer de link werkt."),
            "invalid": _("Dit is geen datum. Kies een dag, bijvoorbeeld 2026-12-31."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"expires": timezone.localdate() + timedelta(days=30)})
        super().__init__(*args, **kwargs)

    def clean_expires(self):
        expires = self.cleaned_data["expires"]
        today = timezone.localdate()
        if expires < today:
            raise forms.ValidationError(_("Deze dag is al voorbij. Kies vandaag of een dag later."))
        if expires > today + timedelta(days=MAX_SHARE_DAYS):
            raise forms.ValidationError(
                _("Kies een dag binnen een jaar. Je kunt later een nieuwe link maken.")
            )
        return expires


class AccessCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Toegangscode"),
        max_length=20,
        help_text=_("Deze code heb je apart gekregen van de persoon die het plan deelt."),
        error_messages={"required": _("Vul de toegangscode in.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
