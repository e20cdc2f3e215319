"""Sign up, email confirmation, log in, account settings and password flows."""

import hashlib
from urllib.parse import urlencode

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from houvast.lib.emails import MailNotSent
from houvast.lib.ratelimit import client_key, hit

from .emails import send_confirm_email, send_signup_existing
from .forms import PasswordResetForm, SettingsForm, SignupForm
from .lockout import remember_device
from .models import OrganisationMembership, User
from .tokens import read_confirm_token
from .two_factor import has_device, organisation_requires

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
MAIL_NOT_SENT = gettext_lazy(
    "De e-mail kon nu niet worden verstuurd. Probeer het over een paar minuten opnieuw."
)


def safe_next(request, fallback="dashboard"):
    """The `next` parameter when it points to this site, else the fallback URL."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(fallback)


SIGNUPS_PER_HOUR = 10
MAILS_PER_ADDRESS_PER_HOUR = 3


def signup(request):
    if request.user.is_authenticated:
        return redirect(safe_next(request))
    if request.method == "POST":
        form = SignupForm(request.POST)
        if form.is_valid():
            if not hit("signup", client_key(request), SIGNUPS_PER_HOUR, 60 * 60):
                return _rate_limited(request)
            try:
                _sign_up(form.cleaned_data, safe_next(request))
            except MailNotSent:
                form.add_error(None, MAIL_NOT_SENT)
            else:
                return redirect("accounts:signup_done")
    else:
        form = SignupForm(initial={"email": request.GET.get("email", "")})
    return render(request, "accounts/signup.html", {"form": form, "next": safe_next(request, "dashboard")})


def _sign_up(data, next_url):
    """The same answer whether or not the address has an account, so sign-up reveals nothing: a new (or
    never finished) sign-up gets a link that finishes it; the owner of an existing account gets a note."""
    email = data["email"]
    existing = User.objects.filter(email__iexact=email).first()
    address_key = hashlib.sha256(email.encode()).hexdigest()
    may_mail = hit("signup-mail", address_key, MAILS_PER_ADDRESS_PER_HOUR, 60 * 60)
    if existing is None or existing.signup_unfinished:
        user = existing or User(email=email)
        user.name = data["name"]
        user.language = translation.get_language() or settings.LANGUAGE_CODE
        user.is_active = False
        user.set_password(data["password1"])
        user.save()
        if may_mail:
            send_confirm_email(user, next_url)
    else:
        make_password(data["password1"])  # the same work as for a new account: the timing tells nothing
        if may_mail:
            send_signup_existing(existing, next_url)


def signup_done(request):
    hours = settings.EMAIL_CONFIRM_MAX_AGE // 3600
    return render(request, "accounts/signup_done.html", {"hours": hours})


def confirm_email(request, token):
    try:
        user_id, email = read_confirm_token(token)
    except signing.SignatureExpired:
        return render(request, "accounts/confirm_email.html", {"problem": "expired"}, status=410)
    except signing.BadSignature:
        return render(request, "accounts/confirm_email.html", {"problem": "invalid"}, status=404)
    user = User.objects.filter(pk=user_id, email__iexact=email).first()
    if user is None:
        return render(request, "accounts/confirm_email.html", {"problem": "invalid"}, status=404)
    if user.signup_unfinished:
        # The link proves the address: the account opens now, once; later clicks only confirm.
        user.is_active = user.email_confirmed = True
        user.save(update_fields=["is_active", "email_confirmed"])
        login(request, user, backend=MODEL_BACKEND)
        messages.success(request, _("Welkom bij Houvast! Je adres is bevestigd en je account is klaar."))
        return redirect(safe_next(request))
    User.objects.filter(pk=user.pk).update(email_confirmed=True)
    return render(request, "accounts/confirm_email.html", {"problem": None})


@require_POST
@login_required
def resend_confirmation(request):
    user = request.user
    if user.email_confirmed:
        messages.info(request, _("Je e-mailadres is al bevestigd."))
    elif hit("confirm-resend", str(user.pk), 3, 60 * 60):
        try:
            send_confirm_email(user)
        except MailNotSent:
            messages.error(request, MAIL_NOT_SENT)
        else:
            messages.success(
                request, _("We hebben de e-mail opnieuw gestuurd naar %(email)s.") % {"email": user.email}
            )
    else:
        messages.warning(
            request,
            _("Je hebt de e-mail al een paar keer laten sturen. Wacht een uur en probeer het dan opnieuw."),
        )
    return redirect(safe_next(request))


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": gettext_lazy(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw. "
            "Na %(limit)s mislukte pogingen moet je even wachten."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = gettext_lazy("E-mailadres")
        self.fields["password"].label = gettext_lazy("Wachtwoord")

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    def get_invalid_login_error(self):
        from django import forms

        return forms.ValidationError(
            self.error_messages["invalid_login"] % {"limit": settings.AXES_FAILURE_LIMIT},
            code="invalid_login",
        )


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = self._next_step(super().form_valid(form), form.get_user())
        remember_device(self.request, response, form.get_user())
        return response

    def _next_step(self, response, user):
        if has_device(user):
            target = reverse("accounts:verify_2fa") + "?" + urlencode({"next": self.get_success_url()})
            return HttpResponseRedirect(target)
        if organisation_requires(user):
            return redirect("accounts:setup_2fa")
        if not user.email_confirmed:
            messages.warning(
                self.request, _("Je e-mailadres is nog niet bevestigd. Kijk in je mail voor de link.")
            )
        return response


login_view = LoginView.as_view()


@login_required
def account_settings(request):
    user = request.user
    if request.method == "POST":
        form = SettingsForm(request.POST, instance=user)
        if form.is_valid():
            form.save()
            translation.activate(user.language)
            messages.success(request, _("Je instellingen zijn opgeslagen."))
            response = redirect("accounts:settings")
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
            return response
    else:
        form = SettingsForm(instance=user)
    context = {
        "form": form,
        "two_factor_on": has_device(user),
        "two_factor_required": organisation_requires(user),
        "admin_of": OrganisationMembership.objects.filter(user=user, is_admin=True).select_related(
            "organisation"
        ),
    }
    return render(request, "accounts/settings.html", context)


def _rate_limited(request):
    return render(request, "accounts/rate_limited.html", status=429)


_password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    form_class=PasswordResetForm,
    success_url=reverse_lazy("accounts:password_reset_done"),
)


def password_reset(request):
    if request.method == "POST" and not hit("password-reset", client_key(request), 10, 60 * 60):
        return _rate_limited(request)
    return _password_reset(request)


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        """A new password also lifts a lockout, so the lockout page can point here."""
        response = super().form_valid(form)
        axes_reset(username=form.user.get_username())
        return response


password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:settings")

    def form_valid(self, form):
        messages.success(self.request, _("Je wachtwoord is veranderd."))
        return super().form_valid(form)


password_change = PasswordChangeView.as_view()


class LogoutView(auth_views.LogoutView):
    """Log out, and have the browser drop what it kept of this site (a plan's read view is cached for
    offline reading), so the next person on a shared computer finds nothing."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response
