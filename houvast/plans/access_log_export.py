"""The access log as CSV and as a FHIR R4 Bundle of AuditEvent resources (checked with fhir.resources)."""

import csv
import io
import uuid

from django.conf import settings
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from .models import AccessLog

NAMESPACE = uuid.UUID("0b8f6a44-5a53-4c53-9d7e-7f0f3c1e2a90")
CODES = "https://houvast.nl/fhir/CodeSystem/"
# AuditEvent.action: Create, Read, Update, Delete, Execute.
FHIR_ACTION = {
    AccessLog.Action.CREATE: "C",
    AccessLog.Action.EDIT: "U",
    AccessLog.Action.SETTINGS: "U",
    AccessLog.Action.INVITE: "U",
    AccessLog.Action.VERSION: "C",
    AccessLog.Action.SHARE_CREATE: "C",
    AccessLog.Action.SHARE_REVOKE: "U",
    AccessLog.Action.TRANSFER: "U",
    AccessLog.Action.DELETE: "D",
}
# The agent's kind in HL7 v3 RoleClass: healthcare provider, patient, next of kin, assigned entity.
ROLE_CLASS = {
    AccessLog.Role.CLINICIAN: "PROV",
    AccessLog.Role.PATIENT: "PAT",
    AccessLog.Role.RELATIVE: "NOK",
    AccessLog.Role.ADMIN: "ASSIGNED",
}


def _csv_safe(text):
    """Spreadsheets run cells that start with = + - @ (or a tab or CR) as formulas; a quote stops that."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(entries):
    """One row per entry, oldest first, in the reader's language; with a BOM so Excel reads UTF-8."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        ["tijdstip", "plan_id", "plan", "wie", "rol", "namens", "bron", "actie", "actie_in_woorden", "detail"]
    )
    for e in entries:
        writer.writerow(
            [
                timezone.localtime(e.at).isoformat(timespec="seconds"),
                str(e.plan_uuid),
                *(
                    _csv_safe(value)
                    for value in (
                        e.plan_label,
                        e.actor_label,
                        e.get_actor_role_display(),
                        e.on_behalf_of,
                        e.get_source_display(),
                        e.action,
                        e.get_action_display(),
                        e.detail_display(),
                    )
                ),
            ]
        )
    return out.getvalue()


def _coding(system, code, display):
    return {"system": system, "code": code, "display": str(display)}


def _audit_event(entry):
    agent_type = [
        _coding(CODES + "actor-role", entry.actor_role or "unknown", entry.get_actor_role_display())
    ]
    if entry.actor_role in ROLE_CLASS:
        agent_type.insert(
            0,
            _coding(
                "http://terminology.hl7.org/CodeSystem/v3-RoleClass",
                ROLE_CLASS[entry.actor_role],
                entry.get_actor_role_display(),
            ),
        )
    details = [{"type": "source", "valueString": entry.source}]
    if entry.detail:
        details.append({"type": "detail", "valueString": str(entry.detail_display())})
    if entry.on_behalf_of:
        details.append({"type": "on-behalf-of", "valueString": entry.on_behalf_of})
    return {
        "resourceType": "AuditEvent",
        "id": str(uuid.uuid5(NAMESPACE, str(entry.pk))),
        "type": _coding(
            "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"
        ),
        "subtype": [_coding(CODES + "access-log-action", entry.action, entry.get_action_display())],
        "action": FHIR_ACTION.get(entry.action, "R"),
        "recorded": entry.at.isoformat(),
        "outcome": "4" if entry.action == AccessLog.Action.SHARE_FAILED else "0",
        "agent": [
            {
                "type": {"coding": agent_type, "text": str(entry.get_actor_role_display() or "?")},
                "who": {"display": entry.actor_label},
                "requestor": True,
            }
        ],
        "source": {
            "observer": {"display": settings.SITE_NAME},
            "type": [_coding(CODES + "access-log-source", entry.source, entry.get_source_display())],
        },
        "entity": [
            {
                "what": {
                    "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{entry.plan_uuid}"},
                    "display": entry.plan_label,
                },
                "type": _coding(
                    "http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"
                ),
                "detail": details,
            }
        ],
    }


def audit_bundle(plan_uuid, entries):
    """A Bundle (type collection) with one AuditEvent per entry, validated against the FHIR models."""
    resources = [_audit_event(e) for e in entries]
    bundle = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(NAMESPACE, f"log/{plan_uuid}")),
        "type": "collection",
        "timestamp": timezone.now().isoformat(),
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }
    return Bundle.model_validate(bundle).model_dump_json(indent=2)
