"""The professional's dashboard gathers one section from each app through plain function calls.

Each provider takes the request and returns a dict with a "template" key (and its context),
or None when it has nothing to show.
"""

from .accounts.dashboard import teams_section
from .cards.dashboard import section as cards_section
from .plans.dashboard import section as plans_section
from .surveys.dashboard import section as surveys_section
from .workshops.dashboard import section as workshops_section

PROVIDERS = [plans_section, workshops_section, surveys_section, cards_section, teams_section]


def sections_for(request):
    sections = []
    for provider in PROVIDERS:
        section = provider(request)
        if section:
            sections.append(section)
    return sections
