"""What /beheer/ shows: metadata only (ids, dates, owners, counts, status). No plan text, answers, post-its
or notes, no task arguments or tracebacks, no two-factor keys; `operators/tests/test_no_health_data.py`
opens every page registered here and checks."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from houvast.accounts.models import Membership, Organisation, Team, User
from houvast.lib.models import SweepState
from houvast.lib.periodic import SWEEPS

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


class SweepStateAdmin(ReadOnlyAdmin):
    list_display = [
        "name",
        "every",
        "last_started_at",
        "last_succeeded_at",
        "last_failed_at",
        "last_error",
        "failures_in_a_row",
    ]
    fields = list_display

    @admin.display(description=_("elke"))
    def every(self, state):
        return next((sweep.every for sweep in SWEEPS if sweep.name == state.name), "–")


def _column(field, label):
    """A column of a third-party model under a Dutch label (django-tasks-db has no Dutch catalogue)."""

    def show(model_admin, row):
        return getattr(row, field)

    show.short_description = label
    show.admin_order_field = field
    return show


class TaskRunAdmin(ReadOnlyAdmin):
    task = _column("task_path", _("taak"))
    state = _column("status", _("status"))
    enqueued = _column("enqueued_at", _("in de wachtrij gezet"))
    due = _column("run_after", _("niet voor"))
    started = _column("started_at", _("gestart"))
    finished = _column("finished_at", _("klaar"))
    error = _column("exception_class_path", _("fout"))
    queue = _column("queue_name", _("wachtrij"))

    list_display = ["task", "state", "enqueued", "started", "finished", "error"]
    list_filter = ["status", "queue_name"]
    ordering = ["-enqueued_at"]
    # Not the arguments, return value or traceback: they can hold addresses, names or typed text.
    fields = ["id", "task", "state", "queue", "enqueued", "due", "started", "finished", "error"]
    readonly_fields = fields


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
