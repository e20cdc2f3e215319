"""The step-kind registry: what a step of a werkvorm does in a live session.

A werkvorm's steps (content/werkvormen.yaml) each have a `kind`. A kind names the template that
renders the step for everyone and the actions people may take while that step is the current one.
Any app can register kinds from its AppConfig.ready(); see docs/workshops.md.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Action:
    """`handler(actor, data, step)` stores a change and returns what changed ("notes", "plan" …)."""

    handler: object
    facilitator_only: bool = False


@dataclass
class StepKind:
    name: str
    template: str
    actions: dict = field(default_factory=dict)
    # Optional `context(actor, step) -> dict` for the template; runs on every render of the step.
    context: object = None
    # Optional `frame_context(actor, step) -> dict`: the few values the page around the step needs (the
    # step's help text), for renders that take the step's own part from the cache (stage.step_body).
    frame_context: object = None
    # Section template for the session report, or "" when the step leaves nothing to report.
    report_template: str = ""
    # Live updates note by note (live.py): the template of one post-it, `note_parent(note)` the id of the
    # list it stands in, and `regions`: (element id, template) pairs re-rendered when post-its change.
    # Without a note template, every change sends the whole (shared) stage.
    note_template: str = ""
    note_parent: object = None
    regions: tuple = ()
    # A participant's own part of the step (their votes, their plan): `<template data-slot="…">` blocks
    # that fill the `<div data-slot="…"></div>` places of the shared stage; `has_personal(session)` says
    # whether the step has such a part right now.
    personal_template: str = ""
    personal_context: object = None
    has_personal: object = None
    # Every participant sees a different stage: they fetch their own after each change (small groups).
    per_person: bool = False


KINDS = {}


def register(kind):
    KINDS[kind.name] = kind
    return kind


def get_kind(name):
    """The registered kind, or a plain one that only shows the step's texts."""
    return KINDS.get(name) or StepKind(name=name, template="workshops/kinds/_plain.html")
