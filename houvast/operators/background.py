"""The task worker in /beheer/: what matters first. The start page says how old the worker's heartbeat is
and how many tasks failed; the task list puts failed tasks on top and leaves out the recurring sweeps'
runs that went well or are waiting (the sweeps' own page shows how each last went)."""

from django.contrib import admin
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from houvast.lib.heartbeat import last_heartbeat, worker_status
from houvast.lib.periodic import SWEEPS, run_sweep

from .bases import ReadOnlyAdmin
from .models import TaskRun

FAILED_FIRST = Case(When(status="FAILED", then=Value(0)), default=Value(1), output_field=IntegerField())
WORKER_STATES = {
    "ok": _("in orde"),
    "starting": _("net gestart: de eerste hartslag kan nog komen"),
    "stale": _("te oud: draait de taakverwerker nog?"),
    "not expected": _("geen taakverwerker nodig: taken lopen meteen"),
}


def age_text(moment, now=None):
    """How long ago, in seconds while they matter for a heartbeat ("42 seconden geleden"), else rounded."""
    now = now or timezone.now()
    if moment is None:
        return _("nog nooit")
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 120:
        text = ngettext("%(count)s seconde geleden", "%(count)s seconden geleden", seconds)
        return text % {"count": seconds}
    return _("%(time)s geleden") % {"time": timesince(moment, now, depth=1)}


def worker_summary():
    """For the start page: the heartbeat's age and state, and the failed tasks still kept."""
    state, _age = worker_status()
    return {
        "worker_state": state,
        "worker_state_text": WORKER_STATES[state],
        "heartbeat_age": age_text(last_heartbeat()),
        "failed_tasks": TaskRun.objects.filter(status="FAILED").count(),
    }


class SweepStateAdmin(ReadOnlyAdmin):
    list_display = [
        "name",
        "every",
        "succeeded",
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

    @admin.display(description=_("laatst gelukt, hoe lang geleden"))
    def succeeded(self, state):
        return age_text(state.last_succeeded_at)


def _column(field, label):
    """A column of a third-party model under a Dutch label (django-tasks-db has no Dutch catalogue)."""

    def show(model_admin, row):
        return getattr(row, field)

    show.short_description = label
    show.admin_order_field = field
    return show


class WhichTasks(admin.SimpleListFilter):
    """Without a choice: every task but the sweep runs that succeeded or wait (one a minute for the
    heartbeat alone); a failed sweep run is always shown."""

    title = _("welke taken")
    parameter_name = "welke"
    DEFAULT = "werk"

    def lookups(self, request, model_admin):
        return [
            (self.DEFAULT, _("zonder de terugkerende taken die lukten of wachten")),
            ("terugkerend", _("alleen de terugkerende taken")),
            ("alle", _("alle")),
        ]

    def value(self):
        return super().value() or self.DEFAULT

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        sweep_runs = Q(task_path=run_sweep.module_path)
        if self.value() == "terugkerend":
            return queryset.filter(sweep_runs)
        if self.value() == "alle":
            return queryset
        return queryset.exclude(sweep_runs & ~Q(status="FAILED"))


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
    list_filter = [WhichTasks, "status", "queue_name"]
    ordering = [FAILED_FIRST.asc(), "-enqueued_at"]
    # Not the arguments, return value or traceback: they can hold addresses, names or typed text.
    fields = ["id", "task", "state", "queue", "enqueued", "due", "started", "finished", "error"]
    readonly_fields = fields
