"""Reading a part of the plan from a form and saving it without overwriting someone else's change."""

import datetime
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .content import card_choices
from .guidance import MAX_PEOPLE, MAX_TEXT, guidance
from .models import PlanSection

PERSON_KEYS = ("name", "role", "phone", "when")
PHONE = re.compile(r"^\+?[0-9][0-9 ()\-.]*$")


def valid_phone(value):
    """Dutch and international numbers: 112, 0800-0113, 06 12345678, +31 6 1234 5678."""
    digits = re.sub(r"\D", "", value)
    return bool(PHONE.match(value)) and 3 <= len(digits) <= 15


def _too_long(value):
    return _(
        "Deze tekst is te lang: %(length)s tekens. Er passen er %(max)s in. "
        "Maak hem wat korter; je tekst staat er nog."
    ) % {"length": f"{len(value):,}".replace(",", "."), "max": f"{MAX_TEXT:,}".replace(",", ".")}


def _text(post, key):
    """The typed text, without NUL characters (PostgreSQL cannot store them, and nobody means them)."""
    return post.get(key, "").replace("\x00", "").replace("\r\n", "\n")


def _people(post, errors):
    people = []
    for index in range(MAX_PEOPLE):
        person = {key: _text(post, f"people-{index}-{key}").strip() for key in PERSON_KEYS}
        if not any(person.values()):
            continue
        for key in PERSON_KEYS:
            if len(person[key]) > 200:
                errors[f"people-{index}-{key}"] = _("Dit is te lang. Houd het kort, onder de 200 tekens.")
        if person["phone"] and not valid_phone(person["phone"]):
            errors[f"people-{index}-phone"] = _(
                "Dit lijkt geen telefoonnummer. Gebruik alleen cijfers, spaties en streepjes, "
                "bijvoorbeeld 06 12345678 of +31 6 12345678."
            )
        if not person["name"]:
            errors[f"people-{index}-name"] = _("Vul ook een naam in.")
        people.append(person)
    return people


def parse_section(section, post):
    """The part's data from a form post, and {field name: message} for what is not right.

    The data always holds what was typed, also when there are errors, so the form can show it again.
    """
    data, errors = {}, {}
    for field in section.fields:
        if field.kind in ("text", "lines"):
            value = _text(post, field.key)
            if len(value) > MAX_TEXT:
                errors[field.key] = _too_long(value)
            data[field.key] = value.strip()
        elif field.kind == "approaches":
            known = {key for key, _name in guidance().approaches}
            data[field.key] = [key for key in post.getlist(field.key) if key in known]
        elif field.kind == "cards":
            known = {slug for slug, _title in card_choices()}
            data[field.key] = [slug for slug in post.getlist(field.key) if slug in known]
        elif field.kind == "people":
            data[field.key] = _people(post, errors)
        elif field.kind == "phone":
            value = _text(post, field.key).strip()
            data[field.key] = value
            if value and not valid_phone(value):
                errors[field.key] = _(
                    "Dit lijkt geen telefoonnummer. Gebruik alleen cijfers, spaties en streepjes, "
                    "bijvoorbeeld 088 1234567."
                )
        elif field.kind == "date":
            value = _text(post, field.key).strip()
            data[field.key] = value
            if value:
                try:
                    datetime.date.fromisoformat(value)
                except ValueError:
                    errors[field.key] = _("Dit is geen datum. Kies een dag in de kalender, zoals 2026-03-12.")
    return data, errors


class Conflict(Exception):
    """Someone else saved this part after the editor loaded it."""

    def __init__(self, section):
        super().__init__(section.key)
        self.section = section


def get_section_row(plan, key):
    return PlanSection.objects.filter(plan=plan, key=key).select_related("updated_by").first()


def save_section(plan, section, data, base_version, user):
    """Store the part if nobody saved it since `base_version`; raise Conflict otherwise.

    The conditional update (`WHERE version = base_version`) makes two simultaneous saves safe on
    SQLite and PostgreSQL alike: only one of them can move the version on. A post that holds exactly
    what is stored is no conflict, whatever its version (the editor's own autosave may have saved it).
    """
    with transaction.atomic():
        row, _created = PlanSection.objects.get_or_create(plan=plan, key=section.key)
        if row.data == data:
            return row
        if row.version != base_version:
            raise Conflict(get_section_row(plan, section.key))
        now = timezone.now()
        changed = PlanSection.objects.filter(pk=row.pk, version=base_version).update(
            data=data, version=base_version + 1, updated=now, updated_by=user
        )
        if not changed:
            raise Conflict(get_section_row(plan, section.key))
        changes = {"updated": now}
        if section.key == "review":
            date = data.get("review_date")
            changes["review_date"] = datetime.date.fromisoformat(date) if date else None
        type(plan).objects.filter(pk=plan.pk).update(**changes)
    row.refresh_from_db()
    return row
