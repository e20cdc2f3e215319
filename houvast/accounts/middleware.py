from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _


class UserLanguageMiddleware:
    """A logged-in user's chosen language wins over the browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class RequireTwoFactorMiddleware:
    """Users with a device, or whose organisation demands it, verify a code before any other page."""

    allowed_prefixes = ("/static/", "/i18n/", "/healthz", "/dev/", "/jsi18n/")
    allowed_names = {
        "accounts:login",
        "accounts:logout",
        "accounts:setup_2fa",
        "accounts:verify_2fa",
        "accounts:confirm_email",
        "accounts:password_reset",
        "accounts:password_reset_done",
        "accounts:password_reset_confirm",
        "accounts:password_reset_complete",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(self.allowed_prefixes)
            and not self._allowed_view(request)
            and not user.is_verified()
        ):
            from .two_factor import has_device, needs_two_factor

            if needs_two_factor(user):
                if has_device(user):
                    query = urlencode({"next": request.get_full_path()})
                    return redirect(f"{reverse('accounts:verify_2fa')}?{query}")
                return redirect("accounts:setup_2fa")
        return self.get_response(request)

    def _allowed_view(self, request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in self.allowed_names


class PrivatePagesNotStoredMiddleware:
    """Pages for a signed-in person are never stored by the browser (`Cache-Control: private, no-store`).

    Plans and card selections hold health data and devices are shared (a tablet handed to a patient, a
    ward computer): with no-store, the back button fetches the page again, so a page that is no longer
    allowed (after logging out, or while the tablet is handed over) is not shown from the cache. A view
    that sets its own Cache-Control (the plan's offline read view) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response


class SessionLifetimeMiddleware:
    """Say why someone has to log in again when their session reached SESSION_MAX_HOURS
    (houvast/accounts/sessions.py ends it; this only explains)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and not user.is_authenticated and getattr(request.session, "ended_by_age", False):
            messages.info(
                request,
                _(
                    "Je was %(hours)s uur ingelogd. Om je gegevens te beschermen, vragen we je "
                    "daarna altijd opnieuw in te loggen."
                )
                % {"hours": settings.SESSION_MAX_HOURS},
            )
        return self.get_response(request)
