"""The operators' admin at /beheer/: Django's admin, open only to superusers who verified their second factor.

Only this site is mounted; what other packages register on Django's default site (django-otp's keys,
django-tasks-db's arguments and tracebacks) is never reachable. The admin's own login, logout and
password pages hand over to the project's, so the lockout, two-factor login and password rules cannot be
walked around.
"""

from functools import update_wrapper
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from houvast.accounts.two_factor import has_device


def may_operate(user):
    return user.is_active and user.is_superuser and user.is_verified()


class OperatorAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Houvast beheer")
    site_title = gettext_lazy("Houvast beheer")
    index_title = gettext_lazy("Accounts, teams en de achtergrondtaken")
    site_url = "/dashboard/"
    index_template = "admin/operators/index.html"

    def has_permission(self, request):
        return may_operate(request.user)

    def refusal(self, request):
        """Why this request may not see the admin, as a response; None when it may."""
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
        if not (user.is_active and user.is_superuser):
            raise Http404
        if user.is_verified():
            return None
        if has_device(user):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:verify_2fa')}?{query}")
        messages.info(request, _("Zet eerst tweestapsverificatie aan. Daarna kun je het beheer openen."))
        return redirect("accounts:setup_2fa")

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def guarded(request, *args, **kwargs):
            return self.refusal(request) or inner(request, *args, **kwargs)

        return update_wrapper(guarded, inner)

    def index(self, request, extra_context=None):
        """The start page says first how the task worker is doing (operators/background.py)."""
        from .background import worker_summary

        return super().index(request, {**worker_summary(), **(extra_context or {})})

    def login(self, request, extra_context=None):
        """Never a login form of its own: the project's login counts failures and asks for the code."""
        next_path = request.GET.get("next", "")
        if not next_path.startswith(reverse("admin:index", current_app=self.name)):
            next_path = reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_path, reverse("accounts:login"))

    def logout(self, request, extra_context=None):
        from houvast.accounts.views import LogoutView

        return LogoutView.as_view()(request)

    def password_change(self, request, extra_context=None):
        return redirect("accounts:password_change")


site = OperatorAdminSite(name="admin")
