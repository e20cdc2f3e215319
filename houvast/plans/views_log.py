"""The access log as downloads for the two people the plan is about: the patient and the owner."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.text import slugify

from .access_log_export import audit_bundle, csv_text
from .models import AccessLog
from .permissions import get_plan_for_user, log_access


def _download(plan, body, content_type, extension):
    response = HttpResponse(body, content_type=content_type)
    name = f"{slugify(plan.patient_name) or 'plan'}-logboek.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def log_csv(request, plan_id):
    plan = get_plan_for_user(request.user, plan_id, owner_or_patient=True)
    log_access(plan, request.user, AccessLog.Action.LOG_EXPORT, detail="csv")
    entries = AccessLog.objects.filter(plan_uuid=plan.pk).order_by("at", "id")
    return _download(plan, csv_text(entries), "text/csv; charset=utf-8", "csv")


@login_required
def log_fhir(request, plan_id):
    plan = get_plan_for_user(request.user, plan_id, owner_or_patient=True)
    log_access(plan, request.user, AccessLog.Action.LOG_EXPORT, detail="FHIR AuditEvent")
    entries = AccessLog.objects.filter(plan_uuid=plan.pk).order_by("at", "id")
    return _download(plan, audit_bundle(plan.pk, entries), "application/fhir+json", "json")
