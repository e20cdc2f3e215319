"""Every app registers a loader for its content file; all are loaded (and validated) at start.

A loader is a function that reads its file, validates it and returns (name, number of items).
Loaders cache their result; `force=True` reads the files again.
"""

from django.utils.module_loading import import_string

LOADERS = [
    "houvast.cards.deck.load",
    "houvast.content.werkvormen.load",
    "houvast.content.knowledge.load",
    "houvast.surveys.content.load",
]


def load_all(force=False):
    return [import_string(path)(force=force) for path in LOADERS]
