"""Finding a plan by the patient's name: one normalised column, searched alike on SQLite and PostgreSQL."""

import unicodedata

MAX_QUERY = 100


def search_key(text):
    """Lower case without accents: "patient" finds "Patiënt", "ozturk" finds "Öztürk".

    SQLite's LIKE folds only ASCII letters and PostgreSQL's depends on the collation, so the folding
    happens here, once on save, and the query compares plain text.
    """
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def matching(plans, query):
    """The plans whose patient name holds every word of `query`, in any order."""
    for word in search_key(query[:MAX_QUERY]).split():
        plans = plans.filter(search_name__contains=word)
    return plans
