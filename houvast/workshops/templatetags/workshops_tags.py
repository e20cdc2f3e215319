from django import template

from ..kinds.notes import REASONS, TARGET_GROUPS

register = template.Library()


@register.filter
def tag_label(tag):
    """A target-group key as its label; free text stays as typed."""
    return dict(TARGET_GROUPS).get(tag, tag)


@register.filter
def reason_label(key):
    return dict(REASONS).get(key, key)
