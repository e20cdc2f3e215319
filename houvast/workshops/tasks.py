"""Background work of live sessions: the report to the facilitator and the two-week plan reminder."""

from django.db.models import Q
from django.utils import timezone
from django_tasks import task


@task()
def send_report(session_id):
    from .emails import send_report_email
    from .models import Session

    # Claim the send once, so a second run (or worker) never mails the report twice.
    claimed = Session.objects.filter(pk=session_id, status=Session.Status.ENDED).filter(
        ~Q(state__has_key="report_sent")
    )
    session = claimed.first()
    if session is None:
        return False
    state = {**session.state, "report_sent": timezone.now().isoformat()}
    if not Session.objects.filter(pk=session.pk, state=session.state).update(state=state):
        return False
    session.state = state
    send_report_email(session)
    return True


@task()
def send_plan_reminder(plan_id):
    from .emails import send_plan_reminder_email
    from .models import ActionPlan

    plan = ActionPlan.objects.filter(pk=plan_id, reminder_sent_at=None).exclude(reminder_email="").first()
    if plan is None or (plan.reminder_due and plan.reminder_due > timezone.now()):
        return False
    email = plan.reminder_email
    # Claim, and forget the address at the same time: it was only kept for this one email.
    if not ActionPlan.objects.filter(pk=plan.pk, reminder_sent_at=None).update(
        reminder_sent_at=timezone.now(), reminder_email=""
    ):
        return False
    send_plan_reminder_email(plan, email)
    return True
