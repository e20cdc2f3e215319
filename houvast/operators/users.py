"""Accounts in /beheer/: metadata only, and the three things an operator does for a person: unlock the
account, reset a lost second factor, hand their plans to a colleague. Each is written to the admin's log.

Being in ggz care is itself health data, so nothing here tells a patient's account from a professional's:
no kind, no plan counts, no filters, no list to browse. An account is found only by the exact e-mail
address the person gave the operator, and its pages open only after that look-up in the same session
(`operators/tests/test_no_patient_status.py`).
"""

import logging

from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.accounts.lockout import unlock
from houvast.accounts.models import Team, User
from houvast.accounts.plan_handover import NewOwnerForm, hand_over
from houvast.accounts.two_factor import reset_second_factor

from .bases import NoAddOrDeleteAdmin

log = logging.getLogger(__name__)

LOOKED_UP = "operators_looked_up_accounts"  # session key: the accounts this operator found by address
REMEMBERED = 20


def _recent_failures():
    from axes.models import AccessAttempt

    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(username=OuterRef("email"), attempt_time__gte=since)
    return Subquery(
        attempts.order_by().values("username").annotate(total=Sum("failures_since_start")).values("total")
    )


def _remember(request, pk):
    earlier = [known for known in request.session.get(LOOKED_UP, []) if known != pk]
    request.session[LOOKED_UP] = [*earlier[-(REMEMBERED - 1) :], pk]


class UserAdmin(NoAddOrDeleteAdmin):
    list_display = ["email", "name", "is_active", "is_superuser", "two_factor", "failed_logins", "last_login"]
    search_fields = ["email"]  # exact only: get_search_results
    search_help_text = gettext_lazy(
        "Typ het hele e-mailadres dat de persoon je zelf gaf. Een deel van een adres of een naam vindt "
        "niets. Zo kan niemand hier zien wie Houvast gebruikt."
    )
    ordering = ["email"]
    fields = [
        "email",
        "name",
        "language",
        "is_active",
        "email_confirmed",
        "is_superuser",
        "two_factor",
        "failed_logins",
        "date_joined",
        "last_login",
    ]
    readonly_fields = [field for field in fields if field != "is_active"]
    change_form_template = "admin/operators/user_change_form.html"

    def get_queryset(self, request):
        app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_app=Exists(app), failures=_recent_failures())

    def lookup_allowed(self, lookup, value, request=None):
        """No filter in the address either (`?kind=patient` would otherwise work on any field)."""
        return False

    def get_search_results(self, request, queryset, search_term):
        """Only the whole address finds an account (also for the admin's autocomplete); found ones open."""
        address = search_term.strip()
        found = []
        if address:
            found = list(User.objects.filter(email__iexact=address).values_list("pk", flat=True))
        for pk in found:
            _remember(request, pk)
            log.info("Operator %s looked up account %s", request.user.pk, pk)
        return queryset.filter(pk__in=found), False

    def get_object(self, request, object_id, from_field=None):
        """None (as for an unknown id) unless this session looked the account up by its address."""
        user = super().get_object(request, object_id, from_field)
        if user is None or user.pk not in request.session.get(LOOKED_UP, []):
            return None
        return user

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        self.message_user(request, _("Zoek het account eerst op met het hele e-mailadres."), messages.INFO)
        return redirect("admin:accounts_user_changelist")

    def _looked_up(self, request, object_id):
        user = self.get_object(request, object_id)
        if user is None:
            raise Http404
        return user

    @admin.display(boolean=True, description=gettext_lazy("tweestapsverificatie"))
    def two_factor(self, user):
        return user.has_app

    @admin.display(description=gettext_lazy("mislukte inlogpogingen (15 min)"))
    def failed_logins(self, user):
        return user.failures or 0

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/ontgrendelen/", wrap(self.unlock_view), name="accounts_user_unlock"),
            path(
                "<path:object_id>/tweestaps-herstellen/",
                wrap(self.reset_two_factor_view),
                name="accounts_user_reset_two_factor",
            ),
            path(
                "<path:object_id>/plannen-overdragen/",
                wrap(self.transfer_view),
                name="accounts_user_transfer",
            ),
            *super().get_urls(),
        ]

    def _page(self, request, user, template, status=200, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": user,
            "person": user,
            "change_url": reverse("admin:accounts_user_change", args=[user.pk]),
            **context,
        }
        return TemplateResponse(request, f"admin/operators/{template}", context, status=status)

    def _done(self, request, user, message):
        self.log_change(request, user, message)
        log.info("Operator %s: %s (user %s)", request.user.pk, message, user.pk)
        self.message_user(request, message, messages.SUCCESS)
        return redirect("admin:accounts_user_change", user.pk)

    def unlock_view(self, request, object_id):
        user = self._looked_up(request, object_id)
        if request.method == "POST":
            unlock(user)
            return self._done(request, user, _("Account ontgrendeld: de mislukte inlogpogingen zijn gewist."))
        return self._page(
            request,
            user,
            "confirm.html",
            title=_("Account ontgrendelen"),
            explanation=_(
                "De mislukte inlogpogingen voor %(email)s worden gewist, vanaf elk adres. De persoon kan "
                "meteen weer inloggen."
            )
            % {"email": user.email},
            button=_("Ontgrendelen"),
        )

    def reset_two_factor_view(self, request, object_id):
        user = self._looked_up(request, object_id)
        if request.method == "POST":
            reset_second_factor(user)
            return self._done(
                request, user, _("Tweestapsverificatie hersteld: de app en de reservecodes zijn verwijderd.")
            )
        return self._page(
            request,
            user,
            "confirm.html",
            title=_("Tweestapsverificatie herstellen"),
            explanation=_(
                "Doe dit alleen als je zeker weet dat je met %(email)s zelf spreekt, bijvoorbeeld via een "
                "collega die de persoon kent. De app en de reservecodes van dit account worden verwijderd. "
                "Eist de organisatie tweestapsverificatie, dan stelt de persoon die bij de volgende keer "
                "inloggen opnieuw in."
            )
            % {"email": user.email},
            button=_("Tweestapsverificatie herstellen"),
        )

    def transfer_view(self, request, object_id):
        user = self._looked_up(request, object_id)
        teams = Team.objects.filter(plans__owner=user).annotate(
            count=Count("plans", filter=Q(plans__owner=user))
        )
        teams = list(teams.select_related("organisation").order_by("name"))
        chosen = request.POST.get("team") if request.method == "POST" else None
        rows = []
        for team in teams:
            data = request.POST if str(team.pk) == chosen else None
            form = NewOwnerForm(data, team=team, leaving=user, auto_id=f"id_team{team.pk}_%s")
            if data is not None and form.is_valid():
                with transaction.atomic():
                    count = hand_over(team, user, form, request.user)
                new_owner = form.cleaned_data["new_owner"].user
                message = _("%(count)s plannen in %(team)s overgedragen aan %(new_owner)s.") % {
                    "count": count,
                    "team": team.name,
                    "new_owner": new_owner.email,
                }
                return self._done(request, user, message)
            rows.append((team, form))
        status = 400 if chosen is not None else 200
        title = _("Plannen overdragen")
        return self._page(request, user, "transfer.html", status=status, title=title, rows=rows)
