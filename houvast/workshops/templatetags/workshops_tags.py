from django import template
from django.utils.safestring import mark_safe

from ..kinds.notes import REASONS, TARGET_GROUPS

register = template.Library()


@register.filter
def tag_label(tag):
    """A target-group key as its label; free text stays as typed."""
    return dict(TARGET_GROUPS).get(tag, tag)


@register.filter
def reason_label(key):
    return dict(REASONS).get(key, key)


@register.filter
def fragment(rendered, note):
    """The note's HTML rendered before (stage.note_fragments), or "" when there is none."""
    return mark_safe(rendered.get(note.pk, "")) if rendered else ""
