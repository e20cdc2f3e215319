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
    # Section template for the session report, or "" when the step leaves nothing to report.
    report_template: str = ""


KINDS = {}


def register(kind):
    KINDS[kind.name] = kind
    return kind


def get_kind(name):
    """The registered kind, or a plain one that only shows the step's texts."""
    return KINDS.get(name) or StepKind(name=name, template="workshops/kinds/_plain.html")
