"""User text without NUL characters: PostgreSQL cannot store them, and nobody types one on purpose."""

import functools


def without_nul(value):
    return value.replace("\x00", "") if isinstance(value, str) else value


def data_without_nul(data):
    """A copy of posted data (a QueryDict or a dict) with NUL taken out of every value."""
    if hasattr(data, "lists"):
        cleaned = data.copy()
        for key, values in data.lists():
            cleaned.setlist(key, [without_nul(v) for v in values])
        return cleaned
    return {key: without_nul(value) for key, value in data.items()}


def nul_free(handler):
    """Wrap a session action handler so it only ever sees data without NUL characters."""

    @functools.wraps(handler)
    def wrapper(actor, data, step):
        return handler(actor, data_without_nul(data), step)

    return wrapper
