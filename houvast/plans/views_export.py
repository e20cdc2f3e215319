"""Downloads: all my data (AVG), the A4 PDF of the plan, the pocket card and the FHIR R4 Bundle."""

import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from houvast.lib.pdf import PdfDownload, render_html, renders_pdf

from .fhir_export import export_json
from .models import AccessLog, Plan, PlanVersion
from .pdf_keys import DRAFT, plan_print, pocket_card_key
from .permissions import get_plan_for_user, log_access
from .reading import plan_language, pocket_context, read_context
from .retention import pdf_scope


def _filename(plan, kind, extension):
    return f"{slugify(plan.patient_name) or 'plan'}-{kind}.{extension}"


def _pdf_context(plan, choice):
    """The agreed version by default (or the one asked for); the current draft only when chosen.

    A plan without an agreed version can only be printed as a draft, and says so on every page.
    """
    latest = plan.versions.first()
    if choice == DRAFT or latest is None:
        context = read_context(plan)
        context.update(draft=True, printed_version=None)
        return context
    version = latest
    if choice:
        try:
            version = plan.versions.get(number=int(choice))
        except (ValueError, PlanVersion.DoesNotExist):
            raise Http404 from None
    context = read_context(plan, version.data)
    context.update(
        draft=False,
        printed_version=version,
        newer_version=latest if latest.number != version.number else None,
        changed_since=version.number == latest.number and plan.data() != version.data,
    )
    return context


@renders_pdf
@login_required
def plan_pdf(request, plan_id, choice=""):
    """The agreed version; `concept.pdf` prints the current draft, `versies/<n>/plan.pdf` version n.

    A repeat comes from the PDF cache by a key of what the PDF shows (pdf_keys.py); the plan's HTML is
    rendered only when the PDF is not there yet.
    """
    plan = get_plan_for_user(request.user, plan_id)
    choice = str(choice)
    printed_on = timezone.localdate()
    printing = plan_print(plan, choice, printed_on)

    def html():
        with plan_language(plan):
            context = _pdf_context(plan, choice)
            context["printed"] = printed_on
            return render_html("plans/pdf_plan.html", context)

    detail = _("concept") if printing.draft else str(printing.number)
    log_access(plan, request.user, AccessLog.Action.PDF, detail=detail)
    kind = "concept" if printing.draft else "terugvalpreventieplan"
    return PdfDownload(html, _filename(plan, kind, "pdf"), scope=pdf_scope(plan), key=printing.key)


@renders_pdf
@login_required
def pocket_card(request, plan_id):
    plan = get_plan_for_user(request.user, plan_id)
    log_access(plan, request.user, AccessLog.Action.CARD)

    def html():
        with plan_language(plan):
            return render_html("plans/pdf_pocket_card.html", pocket_context(plan))

    filename = _filename(plan, "zakkaart", "pdf")
    return PdfDownload(html, filename, scope=pdf_scope(plan), key=pocket_card_key(plan))


@login_required
def fhir_bundle(request, plan_id):
    plan = get_plan_for_user(request.user, plan_id)
    log_access(plan, request.user, AccessLog.Action.FHIR)
    response = HttpResponse(export_json(plan), content_type="application/fhir+json")
    response["Content-Disposition"] = f'attachment; filename="{_filename(plan, "fhir", "json")}"'
    return response


def _plan_record(plan):
    return {
        "id": str(plan.pk),
        "patient_name": plan.patient_name,
        "patient_email": plan.patient_email,
        "team": plan.team.name,
        "clinician": plan.owner.display_name,
        "language": plan.language,
        "patient_can_edit": plan.patient_can_edit,
        "review_date": plan.review_date,
        "created": plan.created,
        "updated": plan.updated,
        "contents": plan.data(),
        "versions": [
            {
                "number": v.number,
                "agreed_at": v.agreed_at,
                "professional_name": v.professional_name,
                "patient_name": v.patient_name,
                "note": v.note,
                "contents": v.data,
            }
            for v in plan.versions.all()
        ],
        "shares": [
            {
                "for": s.label,
                "created": s.created,
                "expires": s.expires,
                "revoked": s.revoked,
                "last_used": s.last_used,
                "failed_attempts": s.failed_attempts,
            }
            for s in plan.shares.all()
        ],
        "access_log": [
            {
                "at": e.at,
                "who": e.actor_label,
                "on_behalf_of": e.on_behalf_of,
                "action": e.action,
                "detail": e.detail,
                # The same in words, in the reader's language, as on the "who looked" page.
                "action_in_words": str(e.get_action_display()),
                "detail_in_words": str(e.detail_display()),
            }
            for e in plan.log.all()
        ],
    }


@login_required
def my_data(request):
    """AVG: everything Houvast keeps about me as a patient, as one JSON file."""
    user = request.user
    plans = list(Plan.objects.filter(patient=user).select_related("team", "owner"))
    for plan in plans:
        plan.role = "patient"
        log_access(plan, user, AccessLog.Action.EXPORT)
    data = {
        "exported": timezone.now(),
        "account": {
            "name": user.name,
            "email": user.email,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "plans": [_plan_record(plan) for plan in plans],
    }
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="houvast-mijn-gegevens.json"'
    return response
