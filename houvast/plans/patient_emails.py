"""The plan emails to patients and clinicians: the invitation and the review reminder."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext_lazy

from houvast.lib import emails

INVITE_SALT = "houvast.plans.patient-invite"
INVITE_MAX_AGE_DAYS = 14


def make_invite_token(plan):
    """Signed over plan and address: the link stops working when the address on the plan changes."""
    signer = signing.TimestampSigner(salt=INVITE_SALT)
    return signer.sign_object({"plan": str(plan.pk), "email": plan.patient_email.lower()})


def read_invite_token(token):
    """Return (plan_id, email) or raise signing.SignatureExpired / signing.BadSignature."""
    signer = signing.TimestampSigner(salt=INVITE_SALT)
    data = signer.unsign_object(token, max_age=INVITE_MAX_AGE_DAYS * 24 * 60 * 60)
    return data["plan"], data["email"]


def send_patient_invite(plan, inviter, language=None):
    """The invitation in the language the clinician chose for it (the plan's language by default)."""
    url = settings.SITE_URL + reverse("plans:invite_accept", args=[make_invite_token(plan)])
    context = {"plan": plan, "inviter": inviter, "url": url, "days": INVITE_MAX_AGE_DAYS}
    emails.send("plan-invite", plan.patient_email, context, language=language or plan.language)


def send_review_reminder(plan, to, language, for_patient):
    path = reverse("plans:read", args=[plan.pk])
    context = {
        "plan": plan,
        "url": settings.SITE_URL + path,
        "for_patient": for_patient,
        "upcoming": plan.review_date >= timezone.localdate(),
    }
    emails.send("plan-review-reminder", to, context, language=language)


def send_plan_deleted(notice):
    """Tell the patient their plan was deleted; `notice` is what `deletion_notice` kept of the plan."""
    days = settings.ACCESS_LOG_RETENTION_DAYS
    if days >= 365:
        period = ngettext_lazy("%(n)s jaar", "%(n)s jaar", "n") % {"n": round(days / 365.25)}
    else:
        period = ngettext_lazy("%(n)s dag", "%(n)s dagen", "n") % {"n": days}
    context = {**notice, "period": period}
    emails.send("plan-deleted", notice["email"], context, language=notice["language"])
