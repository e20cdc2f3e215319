"""Form fields every app shares."""

from django import forms
from django.utils.translation import gettext_lazy as _

# The database columns (Django's EmailField) hold 254 characters; Django's validator alone allows 320.
EMAIL_MAX_LENGTH = 254


class EmailAddressField(forms.EmailField):
    """An email address that fits its database column, with kind messages."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        messages = {
            "required": _("Vul een e-mailadres in."),
            "invalid": _("Dit lijkt geen e-mailadres. Kijk het nog even na, bijvoorbeeld naam@voorbeeld.nl."),
            "max_length": _("Dit e-mailadres is te lang. Een e-mailadres heeft hoogstens 254 tekens."),
        }
        kwargs["error_messages"] = {**messages, **kwargs.get("error_messages", {})}
        super().__init__(**kwargs)
