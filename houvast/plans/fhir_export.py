"""The plan as a FHIR R4 Bundle for record systems, checked against the `fhir.resources` R4B models.

CarePlan with Goals and activities (the actions per phase), a RelatedPerson per network contact,
and one QuestionnaireResponse that holds every part of the plan as items.
"""

import uuid

from fhir.resources.R4B.bundle import Bundle

from .content import field_as_lines, is_empty, lines
from .guidance import sections
from .reading import plan_language

NAMESPACE = uuid.UUID("4f7c1c1e-7d36-4d1b-9a0e-2f8a6f0b5c11")
ACTION_FIELDS = ("my_actions", "naasten_actions", "professional_actions")


def _urn(plan, *parts):
    """Stable ids, so exporting the same plan twice gives the same references."""
    return uuid.uuid5(NAMESPACE, "/".join([str(plan.pk), *parts]))


def _entry(resource_id, resource):
    return {"fullUrl": f"urn:uuid:{resource_id}", "resource": {"id": str(resource_id), **resource}}


def _patient(plan):
    resource = {"resourceType": "Patient", "name": [{"text": plan.patient_name}]}
    email = plan.patient.email if plan.patient else plan.patient_email
    if email:
        resource["telecom"] = [{"system": "email", "value": email}]
    return resource


def _goals(plan, data, subject):
    goal_lines = lines(data.get("about", {}).get("goals", ""))
    return [
        (
            _urn(plan, "goal", str(n)),
            {
                "resourceType": "Goal",
                "lifecycleStatus": "active",
                "description": {"text": text},
                "subject": subject,
            },
        )
        for n, text in enumerate(goal_lines)
    ]


def _activities(data):
    activities = []
    for section in sections():
        if not section.phase:
            continue
        for field in section.fields:
            if field.key not in ACTION_FIELDS:
                continue
            for text in lines(data.get(section.key, {}).get(field.key, "")):
                activities.append(
                    {
                        "detail": {
                            "code": {"text": f"{section.title} · {field.label}"},
                            "status": "not-started",
                            "description": text,
                        }
                    }
                )
    return activities


def _related_people(plan, data, patient_ref):
    result = []
    for n, person in enumerate(data.get("network", {}).get("people", [])):
        name = (person.get("name") or "").strip()
        if not name:
            continue
        resource = {"resourceType": "RelatedPerson", "patient": patient_ref, "name": [{"text": name}]}
        if (person.get("role") or "").strip():
            resource["relationship"] = [{"text": person["role"].strip()}]
        if (person.get("phone") or "").strip():
            resource["telecom"] = [{"system": "phone", "value": person["phone"].strip()}]
        result.append((_urn(plan, "person", str(n)), resource))
    return result


def _questionnaire_items(data):
    items = []
    for section in sections():
        values = data.get(section.key, {})
        sub_items = []
        for field in section.fields:
            value = values.get(field.key)
            if is_empty(value):
                continue
            answers = [{"valueString": line} for line in field_as_lines(field, value) if line.strip()]
            if answers:
                sub_items.append(
                    {"linkId": f"{section.key}.{field.key}", "text": str(field.label), "answer": answers}
                )
        if sub_items:
            items.append({"linkId": section.key, "text": str(section.title), "item": sub_items})
    return items


def build_bundle(plan):
    """Return the validated Bundle model; raises pydantic's ValidationError if we ever build a bad one."""
    with plan_language(plan):
        data = plan.data()
        patient_id = _urn(plan, "patient")
        patient_ref = {"reference": f"urn:uuid:{patient_id}", "display": plan.patient_name}
        goals = _goals(plan, data, patient_ref)
        people = _related_people(plan, data, patient_ref)
        careplan = {
            "resourceType": "CarePlan",
            "status": "active",
            "intent": "plan",
            "title": "Terugvalpreventieplan" if plan.language != "en" else "Relapse prevention plan",
            "subject": patient_ref,
            "created": plan.created.isoformat(),
            "author": {"display": plan.owner.display_name},
            "goal": [{"reference": f"urn:uuid:{gid}"} for gid, _ in goals],
            "activity": _activities(data),
        }
        if plan.review_date:
            careplan["period"] = {"end": plan.review_date.isoformat()}
        if not careplan["goal"]:
            del careplan["goal"]
        if not careplan["activity"]:
            del careplan["activity"]
        response = {
            "resourceType": "QuestionnaireResponse",
            "status": "completed",
            "subject": patient_ref,
            "authored": plan.updated.isoformat(),
        }
        items = _questionnaire_items(data)
        if items:
            response["item"] = items
        entries = [
            _entry(patient_id, _patient(plan)),
            _entry(_urn(plan, "careplan"), careplan),
            *(_entry(gid, goal) for gid, goal in goals),
            *(_entry(pid, person) for pid, person in people),
            _entry(_urn(plan, "questionnaire-response"), response),
        ]
        bundle = {
            "resourceType": "Bundle",
            "id": str(_urn(plan, "bundle")),
            "type": "collection",
            "timestamp": plan.updated.isoformat(),
            "entry": entries,
        }
    return Bundle.model_validate(bundle)


def export_json(plan):
    return build_bundle(plan).model_dump_json(indent=2)
