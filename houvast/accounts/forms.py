from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from houvast.lib import emails
from houvast.lib.forms import EmailAddressField

from .models import Membership, Organisation, Team, User


class SignupForm(forms.Form):
    name = forms.CharField(label=_("Je naam"), max_length=150)
    email = EmailAddressField(
        label=_("E-mailadres"), help_text=_("Hier sturen we een link naar om je adres te bevestigen.")
    )
    password1 = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 10 tekens. Een zin van een paar woorden werkt goed."),
    )
    password2 = forms.CharField(
        label=_("Wachtwoord nog een keer"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        # No "this address has an account" here: that would tell anyone who has an account (views.signup).
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("De twee wachtwoorden zijn niet hetzelfde. Typ ze opnieuw."))
        elif password1:
            user = User(email=data.get("email", ""), name=data.get("name", ""))
            try:
                password_validation.validate_password(password1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class SettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "language"]
        labels = {"name": _("Je naam"), "language": _("Taal")}


class NameField(forms.CharField):
    """A required name of at most 120 characters, with messages people understand."""

    def __init__(self, **kwargs):
        super().__init__(
            max_length=120,
            error_messages={
                "required": _("Vul een naam in."),
                "max_length": _(
                    "Deze naam is te lang: gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d)."
                ),
            },
            **kwargs,
        )


class OrganisationForm(forms.ModelForm):
    name = NameField(label=_("Naam van de organisatie"))

    class Meta:
        model = Organisation
        fields = ["name"]


class OrganisationSettingsForm(forms.ModelForm):
    name = NameField(label=_("Naam van de organisatie"))
    require_two_factor = forms.BooleanField(
        label=_("Tweestapsverificatie verplicht voor iedereen in deze organisatie"),
        required=False,
        help_text=_("Wie het nog niet heeft, moet het instellen bij de volgende keer inloggen."),
    )

    class Meta:
        model = Organisation
        fields = ["name", "require_two_factor"]


class TeamForm(forms.ModelForm):
    name = NameField(label=_("Naam van het team of netwerk"))
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none(), empty_label=None
    )

    class Meta:
        model = Team
        fields = ["name", "organisation"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class InviteForm(forms.Form):
    email = EmailAddressField(label=_("E-mailadres van je collega"))
    role = forms.ChoiceField(label=_("Rol"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER)

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(team=self.team, user__email__iexact=email).exists():
            raise forms.ValidationError(_("Deze persoon zit al in het team."))
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Membership.Role.choices)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        # No numeric keypad: backup codes hold letters too.
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        error_messages={"required": _("Vul de code in.")},
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


class DisableTwoFactorForm(CodeForm):
    password = forms.CharField(
        label=_("Je wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["code"].widget.attrs.pop("autofocus", None)
        self.order_fields(["password", "code"])

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, but the mail goes through our email module, in the account's language."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        try:
            emails.send("password-reset", to_email, context, language=context["user"].language)
        except emails.MailNotSent:
            pass  # logged by the email module; the page must not tell whether the account exists
