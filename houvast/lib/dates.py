"""Dates written the way the templates write them, for lists where Django's date filter adds up."""

from django.utils import timezone, translation
from django.utils.dates import MONTHS

_month_names = {}  # language → ("", "januari", …, "december")


def day_month_year_time(value):
    """What `{{ value|date:"j F Y H:i" }}` shows ("29 november 2026 14:05"), in the active language.

    The filter costs ~20 µs a date (a formatter and a translated month name each time); a list of
    versions or the parts of a plan show one per row. The month names are looked up once per language.
    """
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{day_month_year(local)} {local.hour:02d}:{local.minute:02d}"


def day_month_year(value):
    """What `{{ value|date:"j F Y" }}` shows for a date ("29 november 2026"), in the active language."""
    if value is None:
        return ""
    language = translation.get_language()
    months = _month_names.get(language)
    if months is None:
        months = _month_names[language] = ("", *(str(MONTHS[number]) for number in range(1, 13)))
    return f"{value.day} {months[value.month]} {value.year}"
