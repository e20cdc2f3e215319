"""The werkvormen catalogue from content/werkvormen.yaml: the shared contract other apps read.

`all_werkvormen()` and `get_werkvorm(slug)` return validated, cached objects; a broken file raises
ContentError naming the file, the field and the problem.
"""

from dataclasses import dataclass, field

from django.conf import settings

from .schema import ContentError, Text, load_yaml

FILE_NAME = "werkvormen.yaml"

# Other apps depend on these slugs and step keys (a step's kind equals its key).
REQUIRED = {
    "interventies-in-de-praktijk": ("focus", "interventies", "cluster", "verdieping", "actieplan"),
    "vaardigheden-versterken": ("wat-helpt", "terugval-bespreken", "kaartjes", "toolkit"),
    "stellingen": ("voorbereiding", "plenair", "vervolg"),
}


@dataclass(frozen=True)
class Step:
    key: str
    number: int
    title: Text
    minutes: int
    duration: Text
    kind: str
    instructions: list
    questions: list
    examples: list
    # Texts that stand after the questions, as in the seed (step 5's "Optioneel: deel één actie …").
    after_questions: list = field(default_factory=list)
    # Short labels a live session can offer as choices (the focus options, the three categories).
    options: list = field(default_factory=list)


class Figure(Text):
    """A survey figure: reads as one sentence, and offers `value` ("57 %") and `label` separately."""

    def __init__(self, value, label):
        super().__init__(f"{value} {label.nl}", f"{value} {label.en}")
        self.value, self.label = value, label


@dataclass(frozen=True)
class Resource:
    """A reference to material elsewhere (described and linked, never copied)."""

    key: str
    title: Text
    body: list
    uses_title: Text
    uses: list
    url: str


@dataclass(frozen=True)
class Werkvorm:
    slug: str
    title: Text
    subtitle: Text
    intro: Text
    goal: Text
    duration: Text
    planned_minutes: int
    preparation: list
    materials: list
    live: bool
    steps: list
    survey_title: Text
    survey_intro: Text
    figures: list
    most_used: list
    also_used: list
    source_url: str
    resources: list

    @property
    def extra(self):
        """Extra background texts (the resources' descriptions and their uses)."""
        return [text for resource in self.resources for text in [*resource.body, *resource.uses]]

    @property
    def total_minutes(self):
        return sum(step.minutes for step in self.steps)

    def get_step(self, key):
        return next((step for step in self.steps if step.key == key), None)


_cache = {}


def _url(reader, key, required=True):
    value = reader.str(key, required=required)
    if value and not value.startswith("https://"):
        raise ContentError(reader.file, reader._field(key), f"must start with https://, not {value!r}")
    return value


def _read_step(reader, number):
    key = reader.str("key", max_length=40)
    minutes = reader.int("minutes", minimum=1, maximum=240)
    duration = reader.text("duration", required=False) or Text(f"{minutes} min", f"{minutes} min")
    return Step(
        key=key,
        number=number,
        title=reader.text("title"),
        minutes=minutes,
        duration=duration,
        kind=key,
        instructions=reader.texts("instructions", min_items=1),
        questions=reader.texts("questions", required=False),
        examples=reader.texts("examples", required=False),
        after_questions=reader.texts("after_questions", required=False),
        options=reader.texts("options", required=False),
    )


def _read_resource(reader):
    return Resource(
        key=reader.str("key", max_length=40),
        title=reader.text("title"),
        body=reader.texts("body", min_items=1),
        uses_title=reader.text("uses_title", required=False),
        uses=reader.texts("uses", required=False),
        url=_url(reader, "url"),
    )


def _read_werkvorm(reader):
    live = reader._get("live", required=True)
    if not isinstance(live, bool):
        raise ContentError(reader.file, reader._field("live"), f"must be true or false, not {live!r}")
    step_readers = reader.list("steps", min_items=1)
    steps = [_read_step(item, number) for number, item in enumerate(step_readers, start=1)]
    reader.unique(steps, "key", reader._field("steps"))
    figures = [
        Figure(item.str("value", max_length=12), item.text("text"))
        for item in reader.list("figures", required=False)
    ]
    resources = [_read_resource(item) for item in reader.list("resources", required=False)]
    return Werkvorm(
        slug=reader.str("slug", max_length=60),
        title=reader.text("title"),
        subtitle=reader.text("subtitle", required=False),
        intro=reader.text("intro"),
        goal=reader.text("goal"),
        duration=reader.text("duration"),
        planned_minutes=reader.int("planned_minutes", minimum=1, maximum=600),
        preparation=reader.texts("preparation", required=False),
        materials=reader.texts("materials", min_items=1),
        live=live,
        steps=steps,
        survey_title=reader.text("survey_title", required=False),
        survey_intro=reader.text("survey_intro", required=False),
        figures=figures,
        most_used=reader.texts("most_used", required=False),
        also_used=reader.texts("also_used", required=False),
        source_url=_url(reader, "source_url"),
        resources=resources,
    )


def _read():
    top = load_yaml(FILE_NAME)
    werkvormen = [_read_werkvorm(item) for item in top.list("werkvormen", min_items=1)]
    top.unique(werkvormen, "slug", "werkvormen")
    by_slug = {w.slug: w for w in werkvormen}
    for slug, keys in REQUIRED.items():
        if slug not in by_slug:
            raise ContentError(top.file, "werkvormen", f"the werkvorm with slug {slug!r} is missing")
        index = werkvormen.index(by_slug[slug])
        found = tuple(step.key for step in by_slug[slug].steps)
        if found != keys:
            raise ContentError(
                top.file,
                f"werkvormen[{index}].steps",
                f"step keys must be {', '.join(keys)} (in this order), not {', '.join(found)}",
            )
    return werkvormen


def all_werkvormen(force=False):
    key = str(settings.CONTENT_DIR)
    if force or key not in _cache:
        _cache[key] = _read()
    return _cache[key]


def get_werkvorm(slug):
    return next((w for w in all_werkvormen() if w.slug == slug), None)


def load(force=False):
    """Registered in houvast.content.registry: validates content/werkvormen.yaml at start."""
    return ("werkvormen", len(all_werkvormen(force=force)))
