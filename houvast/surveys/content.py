"""The statements of a stellingen round and the follow-up suggestion rules, read from content/."""

from dataclasses import dataclass, field

from houvast.content.schema import ContentError, Text, load_yaml

STATEMENTS_FILE = "statements.yaml"
RULES_FILE = "summary_rules.yaml"
CONDITIONS = ("low", "divided", "strength")
ALLOWED_LINK_PREFIXES = ("/werkvormen/", "/terugvalpreventie/", "/plannen/")


@dataclass
class Statement:
    number: int
    text: Text
    explanation: Text


@dataclass
class Rule:
    when: str
    statements: list[int]
    text: Text
    link: str
    link_text: Text

    def applies_to(self, number):
        return not self.statements or number in self.statements


@dataclass
class StatementSet:
    intro: Text
    closing_question: Text
    statements: list[Statement]
    low_median: float = 3
    strength_median: float = 4
    rules: list[Rule] = field(default_factory=list)

    def get(self, number):
        for statement in self.statements:
            if statement.number == number:
                return statement
        return None

    @property
    def numbers(self):
        return [s.number for s in self.statements]


_cache = {}


def _read_statements():
    reader = load_yaml(STATEMENTS_FILE)
    items = reader.list("statements", min_items=1, max_items=30)
    statements = [
        Statement(
            number=item.int("number", minimum=1, maximum=99),
            text=item.text("text"),
            explanation=item.text("explanation", required=False),
        )
        for item in items
    ]
    reader.unique(statements, "number", "statements")
    return reader.text("intro"), reader.text("closing_question"), statements


def _read_rules(numbers):
    reader = load_yaml(RULES_FILE)
    rules = []
    for item in reader.list("rules", min_items=1):
        link = item.str("link")
        if not link.startswith(ALLOWED_LINK_PREFIXES):
            raise ContentError(
                reader.file, f"{item.path}.link", f"must start with one of {', '.join(ALLOWED_LINK_PREFIXES)}"
            )
        only = []
        for number_reader in item.list("statements", required=False):
            number = number_reader.data
            if number not in numbers:
                raise ContentError(reader.file, number_reader.path, f"there is no statement {number!r}")
            only.append(number)
        rules.append(
            Rule(
                when=item.str("when", choices=CONDITIONS),
                statements=only,
                text=item.text("text"),
                link=link,
                link_text=item.text("link_text"),
            )
        )
    low = reader.int("low_median", minimum=1, maximum=5)
    strength = reader.int("strength_median", minimum=1, maximum=5)
    return low, strength, rules


def statement_set(force=False):
    if force or "set" not in _cache:
        intro, closing, statements = _read_statements()
        low, strength, rules = _read_rules({s.number for s in statements})
        _cache["set"] = StatementSet(intro, closing, statements, low, strength, rules)
    return _cache["set"]


def load(force=False):
    """Registered in houvast.content.registry: validates both files at start."""
    return ("stellingen", len(statement_set(force=force).statements))


def stellingen_steps():
    """STAP 1–3 of the werkvorm from the content helper's werkvormen.yaml; empty while it is missing."""
    try:
        from houvast.content.werkvormen import get_werkvorm
    except ImportError:
        return []
    try:
        werkvorm = get_werkvorm("stellingen")
    except ContentError:
        return []
    return list(werkvorm.steps) if werkvorm else []


def step_questions(key):
    for step in stellingen_steps():
        if step.key == key:
            return step
    return None
