"""Database ids from URLs and query strings: only ASCII digits that fit a 64-bit column.

Django's `int` converter accepts any length; a 20-digit id then overflows in the database driver
(a 500 on SQLite). Outside that range nothing can exist, so it is simply "not found".
"""

MAX_ID = 2**63 - 1


def parse_id(text):
    """The id in `text`, or None when it is not a plain number in range."""
    if not isinstance(text, str) or not text.isascii() or not text.isdecimal() or len(text) > 19:
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


class IdConverter:
    """Path converter `<id:name>`: like `<int:name>`, but no match (404) outside the id range."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        parsed = parse_id(value)
        if parsed is None:
            raise ValueError(value)
        return parsed

    def to_url(self, value):
        return str(value)
