"""A plan's addresses from one reverse(): every page of a plan lives under the plan's own address.

A page that links to a dozen pages of the plan (the builder: every part, the versions, the PDFs) would
otherwise call reverse() for each, ~15 µs apiece. The part after the plan's address is the same for every
plan, so it is worked out once per process.
"""

import functools
import uuid

from django.urls import reverse

_ANY_PLAN = uuid.UUID(int=0)


@functools.cache
def _tail(name, *args):
    """What follows the plan's own address in the address of `name` (with `args` after the plan id)."""
    base = reverse("plans:builder", args=[_ANY_PLAN])
    full = reverse(name, args=[_ANY_PLAN, *args])
    if not full.startswith(base):
        raise ValueError(f"{name} is not an address under the plan's own address")
    return full[len(base) :]


@functools.cache
def _around_the_id():
    """The builder's address of any plan, split around the plan's id."""
    prefix, suffix = reverse("plans:builder", args=[_ANY_PLAN]).split(str(_ANY_PLAN))
    return prefix, suffix


def builder_address(plan_id):
    """reverse("plans:builder", args=[plan_id]), without reversing (a list shows 25 of them)."""
    prefix, suffix = _around_the_id()
    return f"{prefix}{plan_id}{suffix}"


class PlanAddresses:
    """`addresses["read"]` is reverse("plans:read", args=[plan.pk]); `addresses.part(key)` a part's."""

    def __init__(self, plan):
        self.base = builder_address(plan.pk)

    def __getitem__(self, name):
        return self.base + _tail(f"plans:{name}")

    def part(self, key):
        return self.base + _tail("plans:part", key)
