"""The two messages of a round: the confirmation with the private link, and the group summary."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from houvast.lib import emails
from houvast.lib.pdf import pdf_for_html, render_html

from . import charts
from .content import statement_set
from .retention import pdf_scope
from .summary import build_summary


def coordinator_url(key, name="surveys:manage"):
    return settings.SITE_URL + reverse(name, args=[key])


def participant_url(round_obj):
    return settings.SITE_URL + reverse("surveys:respond", args=[round_obj.public_token])


def send_confirmation(round_obj, token):
    emails.send(
        "survey-confirm",
        round_obj.coordinator_email,
        {"round": round_obj, "manage_url": coordinator_url(token)},
        language=round_obj.language,
    )


def summary_html(summary):
    return render_html("surveys/summary_pdf.html", summary_context(summary))


def summary_pdf(round_obj, summary=None):
    summary = summary or build_summary(round_obj)
    return pdf_for_html(summary_html(summary), pdf_scope(round_obj))


def summary_context(summary):
    return {
        "summary": summary,
        "round": summary.round,
        "content": statement_set(),
        "legend": charts.legend_items(),
        "actions": list(summary.round.actions.all()),
        "previous_actions": list(summary.round.previous.actions.all()) if summary.round.previous else [],
        "participant_url": participant_url(summary.round),
    }


def send_summary(round_obj):
    with translation.override(round_obj.language):
        summary = build_summary(round_obj)
        attachments = []
        if summary.enough:
            filename = f"groepssamenvatting-{round_obj.pk}.pdf"
            attachments.append((filename, summary_pdf(round_obj, summary), "application/pdf"))
        context = summary_context(summary)
        context["email_bars"] = [(r, charts.email_bar(r)) for r in summary.results]
        return emails.send(
            "survey-summary",
            round_obj.coordinator_email,
            context,
            language=round_obj.language,
            attachments=attachments,
        )
