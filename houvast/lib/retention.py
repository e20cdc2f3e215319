"""Retention: one daily purge of everything kept longer than needed (`manage.py purge_expired`, and the
"retention" sweep of houvast/lib/periodic.py).

Each kind has its own setting (days, see settings.py and docs/security.md) and its own function in
the app that owns the data; this module only calls them by path (no import of the apps), plus the
two kinds that belong to libraries: login attempts (django-axes) and finished task rows.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

PURGERS = [
    ("survey_answers", "houvast.surveys.retention.purge_answers_of_ended_rounds"),
    ("workshop_sessions", "houvast.workshops.retention.purge_ended_sessions"),
    ("plan_share_links", "houvast.plans.retention.purge_share_links"),
    ("card_share_links", "houvast.cards.retention.purge_share_links"),
    ("team_invitations", "houvast.accounts.retention.purge_invitations"),
    ("plan_invitations", "houvast.plans.retention.purge_invitations"),
    ("login_attempts", "houvast.lib.retention.purge_login_attempts"),
    ("finished_tasks", "houvast.lib.retention.purge_finished_tasks"),
    ("access_log_of_deleted_plans", "houvast.plans.retention.purge_access_log"),
    ("cached_pdfs", "houvast.lib.pdf_cache.purge"),
]


def cutoff(days, now=None):
    """The moment before which data of this kind is no longer kept."""
    return (now or timezone.now()) - timedelta(days=days)


def purge_all(now=None):
    """Run every purge once; returns {kind: rows removed}. Safe to run twice at once (plain DELETEs)."""
    now = now or timezone.now()
    return {kind: import_string(path)(now) for kind, path in PURGERS}


def purge_login_attempts(now):
    """django-axes rows hold the address, user agent and username of every login attempt."""
    from axes.models import AccessAttempt, AccessFailureLog
    from axes.models import AccessLog as LoginLog

    before = cutoff(settings.LOGIN_ATTEMPTS_RETENTION_DAYS, now)
    return sum(
        model.objects.filter(attempt_time__lt=before).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, LoginLog)
    )


def purge_finished_tasks(now):
    """Task rows hold their arguments (addresses, ids); finished ones are no longer needed. Failed ones
    stay longer, so an operator sees them (`/beheer/`)."""
    from django_tasks_db.models import DBTaskResult

    succeeded = DBTaskResult.objects.filter(
        status="SUCCESSFUL", finished_at__lt=cutoff(settings.FINISHED_TASKS_RETENTION_DAYS, now)
    )
    failed = DBTaskResult.objects.filter(
        status="FAILED", finished_at__lt=cutoff(settings.FAILED_TASKS_RETENTION_DAYS, now)
    )
    return succeeded.delete()[0] + failed.delete()[0]
