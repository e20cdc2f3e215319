"""Review reminders: a week before a plan's review date, email the clinician and the patient once.

The "plan_reviews" sweep (houvast/lib/periodic.py) runs `send_due_reminders` every hour.
"""

import logging
from datetime import timedelta

from django.db.models import F, Q
from django.utils import timezone

from houvast.lib.emails import MailNotSent

from .models import Plan
from .patient_emails import send_review_reminder

REMIND_BEFORE = timedelta(days=7)
log = logging.getLogger(__name__)


def due_plans(today=None):
    """Plans whose review date is a week away or closer (or passed) and that had no reminder for it."""
    today = today or timezone.localdate()
    return Plan.objects.filter(review_date__isnull=False, review_date__lte=today + REMIND_BEFORE).filter(
        Q(reminder_sent_for__isnull=True) | ~Q(reminder_sent_for=F("review_date"))
    )


def send_due_reminders(today=None):
    """Safe to run twice at once: each plan is claimed with a conditional update before sending."""
    sent = 0
    for plan in due_plans(today).select_related("owner", "patient"):
        claimed = (
            Plan.objects.filter(pk=plan.pk, review_date=plan.review_date)
            .exclude(reminder_sent_for=plan.review_date)
            .update(reminder_sent_for=plan.review_date)
        )
        if not claimed:
            continue
        try:
            send_review_reminder(plan, plan.owner.email, plan.owner.language, for_patient=False)
        except MailNotSent:
            # Nothing went out: give the claim back, so the next run tries again.
            Plan.objects.filter(pk=plan.pk, reminder_sent_for=plan.review_date).update(
                reminder_sent_for=plan.reminder_sent_for
            )
            continue
        if plan.patient is not None:
            try:
                send_review_reminder(plan, plan.patient.email, plan.language, for_patient=True)
            except MailNotSent:
                # The clinician has theirs; trying again would mail the clinician twice.
                log.warning("Review reminder for plan %s did not reach the patient", plan.pk)
        sent += 1
    return sent
