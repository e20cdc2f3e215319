"""The access log after a plan is gone: the deletion entry, the notice for the patient, the purge.

A deleted plan's entries stay (plan set to NULL, id and label kept) for ACCESS_LOG_RETENTION_DAYS
after the deletion; then `purge_deleted_plan_logs` removes them, the only DELETE the
PostgreSQL trigger lets through.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from .models import AccessLog, Plan

SYSTEM_LABEL = "Houvast (systeem)"


def deletion_notice(plan, user):
    """What the email to the patient needs, kept before the plan goes; None without an address."""
    email = plan.patient.email if plan.patient else plan.patient_email
    if not email:
        return None
    return {
        "email": email,
        "language": plan.patient.language if plan.patient else plan.language,
        "patient_name": plan.patient_name,
        "team": plan.team.name,
        "deleted_by": user.display_name,
        "deleted_at": timezone.now(),
    }


def delete_plan(plan, user, role=AccessLog.Role.CLINICIAN, source=AccessLog.Source.WEB):
    """Delete the plan; its log entries stay and one more says who deleted it (see `log_deletion`)."""
    plan.deleted_by = (user, role, source)
    with transaction.atomic():
        plan.delete()


@receiver(post_delete, sender=Plan, dispatch_uid="plans-log-deletion")
def log_deletion(sender, instance, **kwargs):
    """Every deletion is logged, also one that cascades from a team deleted by an operator."""
    user, role, source = getattr(
        instance, "deleted_by", (None, AccessLog.Role.ADMIN, AccessLog.Source.SYSTEM)
    )
    team = instance._state.fields_cache.get("team")
    AccessLog.objects.create(
        plan=None,
        plan_uuid=instance.pk,
        plan_label=instance.patient_name[:200],
        actor=user,
        actor_label=(user.display_name if user else SYSTEM_LABEL)[:200],
        actor_role=role,
        on_behalf_of=team.name[:200] if team and user else "",
        source=source,
        action=AccessLog.Action.DELETE,
    )


def expired_deleted_plan_logs(now=None):
    """Entries of plans deleted longer than ACCESS_LOG_RETENTION_DAYS ago."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    gone = AccessLog.objects.filter(plan=None, action=AccessLog.Action.DELETE, at__lt=cutoff)
    return AccessLog.objects.filter(plan=None, plan_uuid__in=gone.values("plan_uuid"))


def purge_deleted_plan_logs(now=None):
    """Remove the expired entries; on PostgreSQL the trigger allows this only with houvast.purge on."""
    with transaction.atomic():
        ids = list(expired_deleted_plan_logs(now).values_list("pk", flat=True))
        _purge_setting("on")
        # A plain QuerySet: the model's own refuses every delete.
        deleted, _ = models.QuerySet(AccessLog).filter(pk__in=ids).delete()
        # Off again at once, also when a caller's transaction goes on after this one (an error
        # rolls the setting back with the savepoint).
        _purge_setting("off")
    return deleted


def _purge_setting(value):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('houvast.purge', %s, true)", [value])
