"""What /beheer/ shows: metadata only (ids, dates, owners, counts, status). No plan text, answers, post-its
or notes, no task arguments or tracebacks, no two-factor keys; `operators/tests/test_no_health_data.py`
opens every page registered here and checks."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from houvast.accounts.models import Membership, Organisation, Team, User
from houvast.lib.models import SweepState

from .background import SweepStateAdmin, TaskRunAdmin
from .bases import NoAddOrDeleteAdmin, ReadOnlyAdmin
from .models import TaskRun
from .site import site
from .users import UserAdmin


class OrganisationAdmin(NoAddOrDeleteAdmin):
    list_display = ["name", "require_two_factor", "team_count", "member_count", "created"]
    search_fields = ["name"]
    fields = ["name", "require_two_factor", "team_count", "member_count", "created"]
    readonly_fields = ["team_count", "member_count", "created"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                teams_total=Count("teams", distinct=True), members_total=Count("memberships", distinct=True)
            )
        )

    @admin.display(description=_("teams"))
    def team_count(self, organisation):
        return organisation.teams_total

    @admin.display(description=_("leden"))
    def member_count(self, organisation):
        return organisation.members_total


class MembershipInline(admin.TabularInline):
    """The team's professionals by address, not as links: an account opens only after a look-up by its
    address (operators/users.py), the same way for everyone."""

    model = Membership
    fields = ["account", "role", "created"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "team")

    @admin.display(description=_("account"))
    def account(self, membership):
        return membership.user.email


class TeamAdmin(NoAddOrDeleteAdmin):
    list_display = ["name", "organisation", "member_count", "plan_count", "created"]
    search_fields = ["name", "organisation__name"]
    list_select_related = ["organisation"]
    fields = ["name", "organisation", "member_count", "plan_count", "created"]
    readonly_fields = ["organisation", "member_count", "plan_count", "created"]
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                members_total=Count("memberships", distinct=True), plans_total=Count("plans", distinct=True)
            )
        )

    @admin.display(description=_("leden"))
    def member_count(self, team):
        return team.members_total

    @admin.display(description=_("plannen"))
    def plan_count(self, team):
        return team.plans_total


class LogEntryAdmin(ReadOnlyAdmin):
    list_display = ["action_time", "user", "content_type", "object_repr", "change_message"]
    list_filter = ["action_flag"]
    list_select_related = ["user", "content_type"]
    fields = [
        "action_time",
        "user",
        "content_type",
        "object_id",
        "object_repr",
        "action_flag",
        "change_message",
    ]


site.register(User, UserAdmin)
site.register(Organisation, OrganisationAdmin)
site.register(Team, TeamAdmin)
site.register(SweepState, SweepStateAdmin)
site.register(TaskRun, TaskRunAdmin)
site.register(LogEntry, LogEntryAdmin)
