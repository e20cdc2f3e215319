"""Flesch-Douma, the Dutch reading ease score, for checking that patient pages read at B1 level.

A page's text is split into sentences at full stops, question and exclamation marks and at every block
element (a heading, a list item, a table cell), because that is how a reader takes it in.
"""

import re
from html.parser import HTMLParser

BLOCKS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "summary",
    "label",
    "button",
    "option",
    "legend",
    "caption",
    "br",
    "a",
}
SKIP = {"script", "style", "select", "title"}
VOWEL_GROUP = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def syllables(word):
    """A simple Dutch syllable count: vowel groups, where a diaeresis (patiënt) starts a new one."""
    count = 0
    for group in VOWEL_GROUP.findall(word.lower()):
        count += 1 + sum(1 for char in group[1:] if char in "äëïöü")
    return max(count, 1)


class _TextBlocks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self.current, self.skipping, self.hidden = [], [], 0, 0

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping += 1
        if tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skipping -= 1
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)


def sentences(html):
    parser = _TextBlocks()
    parser.feed(html)
    parser._flush()
    return [s for block in parser.blocks for s in SENTENCE_END.split(block) if WORD.search(s)]


def words(sentence):
    return WORD.findall(sentence)


def flesch_douma(html):
    """(score, longest sentence in words) for the text of an HTML fragment."""
    found = sentences(html)
    all_words = [w for s in found for w in words(s)]
    if not all_words:
        return 0.0, 0
    per_sentence = len(all_words) / len(found)
    per_word = sum(syllables(w) for w in all_words) / len(all_words)
    score = 206.84 - 0.93 * per_sentence - 77 * per_word
    return round(score, 1), max(len(words(s)) for s in found)


def longest_sentences(html, limit):
    return [s for s in sentences(html) if len(words(s)) > limit]
