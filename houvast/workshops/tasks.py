"""Background work of live sessions: the report to the facilitator and the two-week plan reminder.

Each send is claimed first with a conditional UPDATE, so two workers never send the same email. It is
marked sent only after the mail server took it; when sending fails the claim is given back, so the next
run of `retry_unsent` (the "workshop_retries" sweep of houvast/lib/periodic.py, or
`manage.py send_workshop_reminders`) tries again. A claim that is neither sent nor given back within
CLAIM_LEASE belongs to a worker that was killed mid-send and may be claimed again.
"""

import logging
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

log = logging.getLogger(__name__)
CLAIM_LEASE = timedelta(minutes=10)
# Reports of sessions that ended longer ago are not retried: a facilitator would not expect them any more.
REPORT_RETRY_FOR = timedelta(days=7)
REPORT_CLAIMED = "report_claimed"
REPORT_SENT = "report_sent"


def _claim_is_free(claimed, now):
    if not claimed:
        return True
    try:
        return datetime.fromisoformat(claimed) < now - CLAIM_LEASE
    except (TypeError, ValueError):
        return True


def _swap_state(session, change):
    """Apply `change` to the session's state only if nobody changed the state meanwhile."""
    from .models import Session

    state = {**session.state, **change}
    state = {key: value for key, value in state.items() if value is not None}
    if not Session.objects.filter(pk=session.pk, state=session.state).update(state=state):
        return False
    session.state = state
    return True


def claim_report(session_id):
    """The ended session with this report claimed for the caller, or None (already sent or being sent)."""
    from .models import Session

    session = Session.objects.filter(pk=session_id, status=Session.Status.ENDED).filter(
        ~Q(state__has_key=REPORT_SENT)
    )
    session = session.first()
    now = timezone.now()
    if session is None or not _claim_is_free(session.state.get(REPORT_CLAIMED), now):
        return None
    return session if _swap_state(session, {REPORT_CLAIMED: now.isoformat()}) else None


def unsent_reports(now=None):
    """Recently ended sessions whose report was never sent (a failed or killed send)."""
    from .models import Session

    since = (now or timezone.now()) - REPORT_RETRY_FOR
    ended = Session.objects.filter(status=Session.Status.ENDED, ended_at__gte=since)
    return ended.filter(~Q(state__has_key=REPORT_SENT))


@task()
def send_report(session_id):
    from .emails import send_report_email

    session = claim_report(session_id)
    if session is None:
        return False
    try:
        send_report_email(session)
    except Exception:
        _swap_state(session, {REPORT_CLAIMED: None})
        raise
    _swap_state(session, {REPORT_CLAIMED: None, REPORT_SENT: timezone.now().isoformat()})
    return True


def due_reminders(now=None):
    from .models import ActionPlan

    now = now or timezone.now()
    return ActionPlan.objects.filter(
        Q(reminder_claimed_at=None) | Q(reminder_claimed_at__lt=now - CLAIM_LEASE),
        reminder_sent_at=None,
        reminder_due__lte=now,
    ).exclude(reminder_email="")


@task()
def send_plan_reminder(plan_id):
    from .emails import send_plan_reminder_email
    from .models import ActionPlan

    now = timezone.now()
    if not due_reminders(now).filter(pk=plan_id).update(reminder_claimed_at=now):
        return False
    plan = ActionPlan.objects.get(pk=plan_id)
    claimed = ActionPlan.objects.filter(pk=plan_id, reminder_claimed_at=now)
    try:
        send_plan_reminder_email(plan, plan.reminder_email)
    except Exception:
        claimed.update(reminder_claimed_at=None)
        raise
    # Sent: forget the address at once, it was only kept for this one email.
    claimed.update(reminder_claimed_at=None, reminder_sent_at=timezone.now(), reminder_email="")
    return True


def retry_unsent():
    """Send every due action-plan reminder and every report whose send failed; one failure does not stop
    the others. Returns {"reminders": sent, "reports": sent}."""
    return {
        "reminders": _send_each(send_plan_reminder, due_reminders().values_list("pk", flat=True)),
        "reports": _send_each(send_report, unsent_reports().values_list("pk", flat=True)),
    }


def _send_each(task, ids):
    sent = 0
    for pk in list(ids):
        try:
            sent += bool(task.call(pk))
        except Exception:
            log.exception("Sending %s for %s failed; the next run tries again", task.module_path, pk)
    return sent
