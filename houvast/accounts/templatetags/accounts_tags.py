from datetime import timedelta

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def minutes(value):
    """Whole minutes in a timedelta, rounded up, for "try again in N minutes"."""
    if not isinstance(value, timedelta):
        return ""
    return max(1, -(-int(value.total_seconds()) // 60))


@register.filter
def from_now(value):
    """The moment a timedelta from now, for "try again after 16:05"."""
    if not isinstance(value, timedelta):
        return None
    return timezone.localtime(timezone.now() + value)
