"""An .ics calendar reminder for the mini action plan, two weeks after the session."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r", "")
        .replace("\n", "\\n")
    )


def _fold(line):
    """RFC 5545: lines longer than 75 octets continue on the next line after a space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode()) > 74:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return "\r\n".join(out)


def plan_ics(plan):
    from .kinds.interventies import PLAN_ITEMS

    with override(plan.language or "nl"):
        start = (plan.session.created + timedelta(days=14)).astimezone(timezone.get_current_timezone())
        start = start.replace(hour=9, minute=0, second=0, microsecond=0)
        end = start + timedelta(minutes=15)
        lines = [f"{label}: {plan.items.get(key, '')}" for key, label in PLAN_ITEMS if plan.items.get(key)]
        summary = _("Mini-actieplan terugvalpreventie: hoe gaat het?")
        description = "\n".join([_("Kijk terug op je mini-actieplan van twee weken geleden:"), *lines])
        fmt = "%Y%m%dT%H%M%SZ"
        rows = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Houvast//Mini-actieplan//NL",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            f"UID:plan-{plan.pk}-{plan.session.code}@{settings.SITE_URL.split('//')[-1].split(':')[0]}",
            f"DTSTAMP:{timezone.now().astimezone(timezone.get_fixed_timezone(0)).strftime(fmt)}",
            f"DTSTART:{start.astimezone(timezone.get_fixed_timezone(0)).strftime(fmt)}",
            f"DTEND:{end.astimezone(timezone.get_fixed_timezone(0)).strftime(fmt)}",
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(description)}",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(summary)}",
            "TRIGGER:-PT15M",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
    return "\r\n".join(_fold(r) for r in rows) + "\r\n"
