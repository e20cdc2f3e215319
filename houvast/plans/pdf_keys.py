"""What a plan's PDFs show, named without rendering them: their key in the PDF cache (lib/pdf_cache.py).

A repeat download should cost a file read, not a render of the whole plan, so the view names the PDF by the
data its template reads: the plan's id, name, language (the PDF is printed in it) and review date; every
part's stored contents as the database sends them (JSON text, not decoded: a few kilobytes, hashed, so no
write path can change a part without changing the key); the variant (draft, agreed, version n); the printed
and the latest version (agreed versions are never changed, only added); and the printing date. The code,
templates, translations and content files are in the key too (`pdf_cache.code_version`). A new input in
`pdf_plan.html` or `pdf_pocket_card.html` belongs here, with a test in tests/test_plan_pdf_cache.py.
"""

from dataclasses import dataclass

from django.db.models import TextField
from django.db.models.functions import Cast
from django.http import Http404

DRAFT = "concept"
VERSION_FIELDS = ("pk", "number", "agreed_at", "professional_name")


@dataclass
class PlanPrint:
    """Which version a plan PDF prints (`number` None: the current draft) and its cache key."""

    number: int | None
    key: list

    @property
    def draft(self):
        return self.number is None


def _plan_state(plan):
    parts = plan.sections.order_by("key").values_list("key", Cast("data", TextField()))
    return [str(plan.pk), plan.patient_name, plan.language, plan.review_date, list(parts)]


def _version(plan, number=None, with_data=False):
    versions = plan.versions.all() if number is None else plan.versions.filter(number=number)
    fields = (*VERSION_FIELDS, Cast("data", TextField())) if with_data else VERSION_FIELDS
    return versions.order_by("-number").values_list(*fields).first()


def plan_print(plan, choice, printed_on):
    """The agreed version by default, version `choice`, or the draft (`concept`, or when nothing is agreed).

    An unknown version is a 404, as when the PDF is rendered.
    """
    latest = _version(plan, with_data=choice != DRAFT)
    if choice == DRAFT or latest is None:
        return PlanPrint(None, ["plan", DRAFT, str(printed_on), latest, _plan_state(plan)])
    printed = latest
    if choice:
        try:
            number = int(choice)
        except ValueError:
            raise Http404 from None
        printed = latest if number == latest[1] else _version(plan, number, with_data=True)
        if printed is None:
            raise Http404
    key = ["plan", "version", str(printed_on), latest[: len(VERSION_FIELDS)], printed, _plan_state(plan)]
    return PlanPrint(printed[1], key)


def pocket_card_key(plan):
    return ["pocket_card", _plan_state(plan)]
