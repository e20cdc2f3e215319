from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult


class TaskRun(DBTaskResult):
    """django-tasks-db's rows under a Dutch name, for the operators' list of (failed) background tasks."""

    class Meta:
        proxy = True
        verbose_name = _("achtergrondtaak")
        verbose_name_plural = _("achtergrondtaken")

    def __str__(self):
        return f"{self.task_path.rpartition('.')[2]} ({self.status})"
