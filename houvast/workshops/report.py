"""The session report: the board, the choices, the deepening answers and the shared actions.

Private action plans never appear here; only the one action a participant chose to share.
"""

import csv
import io

from django.db.models import Count
from django.utils.translation import gettext as _

from .engine import werkvorm_of
from .kinds import get_kind
from .kinds.interventies import COLUMNS, chosen_notes, focus_label, shared_actions
from .kinds.notes import REASONS, TARGET_GROUPS


def _notes(session):
    return list(
        session.notes.filter(merged_into=None)
        .annotate(dots=Count("votes"))
        .prefetch_related("children")
        .order_by("position", "id")
    )


def tag_label(tag):
    return str(dict(TARGET_GROUPS).get(tag, tag))


def reason_labels(note):
    labels = [str(dict(REASONS).get(r, r)) for r in note.reasons if r != "anders"]
    if "anders" in note.reasons:
        labels.append(note.reason_other or str(dict(REASONS)["anders"]))
    return labels


def report_context(session):
    werkvorm = werkvorm_of(session)
    notes = _notes(session)
    for note in notes:
        note.tag_labels = [tag_label(t) for t in note.tags]
        note.reason_labels = reason_labels(note)
    columns = [
        {"key": k, "label": label, "notes": [n for n in notes if n.column == k]} for k, label in COLUMNS
    ]
    unsorted = [n for n in notes if not n.column]
    answers = {(a.note_id, a.key): a.text for a in session.answers.all()}
    step = werkvorm.get_step("verdieping") if werkvorm else None
    questions = list(step.questions) if step else []
    deepened = [
        {"note": n, "answers": [(q, answers.get((n.pk, f"q{i}"), "")) for i, q in enumerate(questions)]}
        for n in chosen_notes(session)
    ]
    extra_sections = []
    for s in werkvorm.steps if werkvorm else []:
        kind = get_kind(s.kind)
        if kind.report_template:
            extra_sections.append({"step": s, "template": kind.report_template})
    return {
        "session": session,
        "werkvorm": werkvorm,
        "focus_label": focus_label(session),
        "columns": columns,
        "unsorted": unsorted,
        "deepened": deepened,
        "shared_actions": shared_actions(session),
        "participant_count": session.participants.count(),
        "extra_sections": extra_sections,
        # The sections of "Interventies in de praktijk" appear only for werkvormen that have those steps.
        "step_keys": {s.key for s in werkvorm.steps} if werkvorm else set(),
    }


def report_csv(session):
    ctx = report_context(session)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("onderdeel"),
            _("tekst"),
            _("kolom"),
            _("doelgroepen"),
            _("redenen"),
            _("stippen"),
            _("ook genoemd als"),
        ]
    )
    if ctx["focus_label"]:
        writer.writerow([_("focus"), str(ctx["focus_label"]), "", "", "", "", ""])
    for column in [*ctx["columns"], {"label": _("Nog niet ingedeeld"), "notes": ctx["unsorted"]}]:
        for note in column["notes"]:
            writer.writerow(
                [
                    _("post-it"),
                    _safe(note.text),
                    str(column["label"]),
                    "; ".join(_safe(t) for t in note.tag_labels),
                    "; ".join(_safe(r) for r in note.reason_labels),
                    note.dots,
                    "; ".join(_safe(c.text) for c in note.children.all()),
                ]
            )
    for item in ctx["deepened"]:
        for question, answer in item["answers"]:
            writer.writerow(
                [_("verdieping"), _safe(item["note"].text), str(question), "", _safe(answer), "", ""]
            )
    for action in ctx["shared_actions"]:
        writer.writerow([_("gedeelde actie"), _safe(action), "", "", "", "", ""])
    return "\ufeff" + buffer.getvalue()


def _safe(value):
    """Stop spreadsheet formulas in user text (CSV injection)."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
