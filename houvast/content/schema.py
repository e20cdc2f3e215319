"""Reading content files with errors that name the file, the field and the problem.

Each app describes its own content with a Reader; a broken file raises ContentError,
which stops the start (it is an ImproperlyConfigured).
"""

from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

LANGUAGES = ("nl", "en")


class ContentError(ImproperlyConfigured):
    def __init__(self, file, field, problem):
        self.file, self.field, self.problem = str(file), field, problem
        where = f"field '{field}'" if field else "the file"
        super().__init__(f"Content file {self.file}: {where}: {problem}")


class Text:
    """A text in Dutch and English; str() gives the active language."""

    def __init__(self, nl, en):
        self.nl, self.en = nl, en

    def __str__(self):
        return self.en if translation.get_language() == "en" else self.nl

    def __repr__(self):
        return f"Text({self.nl!r})"

    def __bool__(self):
        return bool(self.nl)

    def get(self, language):
        return self.en if language == "en" else self.nl


class Reader:
    def __init__(self, data, file, path=""):
        self.data, self.file, self.path = data, file, path

    def _field(self, key):
        return f"{self.path}.{key}" if self.path else str(key)

    def _get(self, key, required):
        if not isinstance(self.data, dict):
            raise ContentError(self.file, self.path, "expected a mapping (key: value)")
        if key not in self.data or self.data[key] in (None, ""):
            if required:
                raise ContentError(self.file, self._field(key), "is missing")
            return None
        return self.data[key]

    def str(self, key, required=True, choices=None, max_length=None):
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ContentError(self.file, self._field(key), f"must be text, not {type(value).__name__}")
        if choices and value not in choices:
            raise ContentError(
                self.file, self._field(key), f"must be one of {', '.join(choices)}, not {value!r}"
            )
        if max_length and len(value) > max_length:
            raise ContentError(self.file, self._field(key), f"is longer than {max_length} characters")
        return value.strip()

    def int(self, key, required=True, minimum=None, maximum=None):
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise ContentError(self.file, self._field(key), f"must be a whole number, not {value!r}")
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise ContentError(self.file, self._field(key), f"must be between {minimum} and {maximum}")
        return value

    def bool(self, key, default=False):
        """A yes/no flag (`true` or `false`); missing means `default`."""
        value = self._get(key, required=False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise ContentError(self.file, self._field(key), f"must be true or false, not {value!r}")
        return value

    def text(self, key, required=True):
        """A bilingual text: a mapping with both 'nl' and 'en'."""
        value = self._get(key, required)
        if value is None:
            return Text("", "")
        if not isinstance(value, dict):
            raise ContentError(self.file, self._field(key), "must have both 'nl' and 'en'")
        for language in LANGUAGES:
            if not isinstance(value.get(language), str) or not value[language].strip():
                raise ContentError(self.file, f"{self._field(key)}.{language}", "is missing or empty")
        return Text(value["nl"].strip(), value["en"].strip())

    def texts(self, key, required=True, min_items=0, max_items=None):
        return [item.as_text() for item in self.list(key, required, min_items, max_items)]

    def as_text(self):
        return Reader({"_": self.data}, self.file, self.path).text("_")

    def obj(self, key, required=True):
        value = self._get(key, required)
        return Reader(value if value is not None else {}, self.file, self._field(key))

    def list(self, key, required=True, min_items=0, max_items=None):
        value = self._get(key, required)
        if value is None:
            value = []
        if not isinstance(value, list):
            raise ContentError(self.file, self._field(key), "must be a list")
        if len(value) < min_items or (max_items is not None and len(value) > max_items):
            bounds = f"{min_items}–{max_items}" if max_items is not None else f"at least {min_items}"
            raise ContentError(self.file, self._field(key), f"must have {bounds} items, has {len(value)}")
        return [Reader(item, self.file, f"{self._field(key)}[{i}]") for i, item in enumerate(value)]

    def unique(self, items, attribute, key):
        seen = set()
        for item in items:
            value = getattr(item, attribute)
            if value in seen:
                raise ContentError(self.file, key, f"{attribute} {value!r} appears twice")
            seen.add(value)


class UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, but a key that appears twice in one mapping is an error, not a silent overwrite."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def content_path(name):
    return Path(settings.CONTENT_DIR) / name


def load_yaml(name):
    """Parse content/<name> and return a Reader for its top level."""
    path = content_path(name)
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except FileNotFoundError as e:
        raise ContentError(path, "", "the file does not exist") from e
    except UnicodeDecodeError as e:
        raise ContentError(path, "", f"is not UTF-8 text (byte {e.start}); save it as UTF-8") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise ContentError(path, "", f"is not valid YAML{where}: {getattr(e, 'problem', e)}") from e
    if not isinstance(data, dict):
        raise ContentError(path, "", "must start with a mapping (key: value)")
    return Reader(data, path)
