"""The emails of live sessions, one function per kind of message."""

from datetime import timedelta

from django.urls import reverse

from houvast.lib import emails
from houvast.lib.pdf import render_pdf

from .retention import pdf_scope

REMINDER_AFTER = timedelta(days=14)


def send_report_email(session):
    from .report import report_context

    facilitator = session.facilitator
    language = facilitator.language
    from django.utils import translation

    with translation.override(language):
        context = report_context(session)
        pdf = render_pdf("workshops/report_pdf.html", context, scope=pdf_scope(session))
    context["report_url"] = reverse("workshops:report", args=[session.code])
    emails.send(
        "workshop-report",
        facilitator.email,
        context,
        language=language,
        attachments=[(f"verslag-{session.code}.pdf", pdf, "application/pdf")],
    )


def send_plan_email(plan, address, with_reminder):
    from .ics import plan_ics

    context = _plan_context(plan)
    context["with_reminder"] = with_reminder
    emails.send(
        "workshop-plan",
        address,
        context,
        language=plan.language,
        attachments=[("mini-actieplan.ics", plan_ics(plan).encode(), "text/calendar")],
    )


def send_plan_reminder_email(plan, address):
    emails.send("workshop-plan-reminder", address, _plan_context(plan), language=plan.language)


def _plan_context(plan):
    from .engine import werkvorm_of
    from .kinds.interventies import PLAN_ITEMS

    return {
        "plan": plan,
        "werkvorm": werkvorm_of(plan.session),
        "items": [(label, plan.items.get(key, "")) for key, label in PLAN_ITEMS],
    }
