"""Comparing two versions of a plan, field by field and line by line (difflib)."""

import difflib

from .content import field_as_lines
from .guidance import sections


def compare_lines(old, new):
    """Side-by-side rows: (tag, old line, new line) with tag same|added|removed|changed."""
    rows = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += [("same", old[i], new[j]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
        elif op == "insert":
            rows += [("added", "", new[j]) for j in range(j1, j2)]
        elif op == "delete":
            rows += [("removed", old[i], "") for i in range(i1, i2)]
        else:
            left, right = old[i1:i2], new[j1:j2]
            for k in range(max(len(left), len(right))):
                a = left[k] if k < len(left) else ""
                b = right[k] if k < len(right) else ""
                tag = "changed" if a and b else ("removed" if a else "added")
                rows.append((tag, a, b))
    return rows


def compare(old_data, new_data):
    """Every field that differs: part, field, status (added/changed/removed) and the rows."""
    changes = []
    for section in sections():
        old_section, new_section = old_data.get(section.key, {}), new_data.get(section.key, {})
        for field in section.fields:
            old = field_as_lines(field, old_section.get(field.key))
            new = field_as_lines(field, new_section.get(field.key))
            if old == new:
                continue
            status = "added" if not old else "removed" if not new else "changed"
            changes.append(
                {"section": section, "field": field, "status": status, "rows": compare_lines(old, new)}
            )
    return changes


def summary(changes):
    counts = {"added": 0, "changed": 0, "removed": 0}
    for change in changes:
        counts[change["status"]] += 1
    return counts
