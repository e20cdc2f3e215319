"""Which post-its look alike ("psycho-educatie" / "psycho-educatie geven"), without comparing all pairs.

Each text becomes a set of normalised words. An inverted index from word to notes yields the candidate
pairs: a note is compared only with the notes that hold its rarest word. A candidate pair is a duplicate
when one text is contained in the other or their word sets overlap enough, with `difflib` only for two
texts that differ in one word (a typo). The result is cached per set of notes (ids and versions), so it
is computed once per change of the post-its, never per render, audience or participant.
"""

import difflib
import hashlib
import math
import re
from collections import defaultdict

from django.core.cache import cache

# Words that say nothing about which intervention it is; they do not make two notes candidates.
STOPWORDS = frozenset(
    "de het een en of van voor met in op aan bij te om door over naar als dat die dit is zijn wordt "
    "we wij je jij ik hij zij ze hun mijn ons onze the a an and or of for with to in on at by".split()
)
SIMILAR_WORDS = 0.6  # Jaccard overlap of the word sets that makes two notes duplicates
SIMILAR_TEXT = 0.75  # difflib ratio for short texts whose word sets differ by a typo
MAX_SHOWN = 12  # a longer list of suggestions helps nobody in a live session
CACHE_SECONDS = 6 * 3600


def words(text):
    """The lower-case words of a text, roughly stemmed: a plural or verb "-en"/"-s" dropped and double
    vowels made single, so "signalen" and "signaal" are the same word."""
    found = []
    for word in re.findall(r"\w+", (text or "").lower()):
        if len(word) > 4 and word.endswith("en"):
            word = word[:-2]
        elif len(word) > 3 and word.endswith("s"):
            word = word[:-1]
        found.append(re.sub(r"([aeou])\1", r"\1", word))
    return found


def _looks_alike(a_text, b_text, a_words, b_words):
    short, long = sorted((a_text, b_text), key=len)
    if len(short) >= 5 and short in long:
        return True
    union = a_words | b_words
    if union and len(a_words & b_words) / len(union) >= SIMILAR_WORDS:
        return True
    # A typo in a short text ("signaleringsplan maken" / "signalerinsplan maken"): all words but one
    # are the same, then a character comparison decides.
    if len(long) > 80 or abs(len(a_words) - len(b_words)) > 1:
        return False
    if len(a_words & b_words) < max(len(a_words), len(b_words)) - 1:
        return False
    return difflib.SequenceMatcher(None, a_text, b_text).ratio() >= SIMILAR_TEXT


def find_duplicates(notes, limit=MAX_SHOWN):
    """Pairs (a, b) of notes that look alike, in board order, at most `limit`.

    Identical texts are grouped first. Then a text is compared only with the texts that hold its rarest
    word (a text inside another) or share one of its few rarest words (word sets that overlap enough
    always do): nothing is missed, and rare words have short lists."""
    found = []
    first_with = {}
    distinct = []
    for note in notes:
        word_list = words(note.text)
        if not word_list:
            continue
        text = " ".join(word_list)
        if text in first_with:
            found.append((first_with[text], note))
            continue
        first_with[text] = note
        meaningful = frozenset(word_list) - STOPWORDS
        distinct.append((note, text, meaningful or frozenset(word_list)))
    index = defaultdict(list)
    for position, (_note, _text, word_set) in enumerate(distinct):
        for word in word_set:
            index[word].append(position)
    pairs = set()
    prefixes = defaultdict(list)
    for position, (_note, _text, word_set) in enumerate(distinct):
        by_rarity = sorted(word_set, key=lambda word: (len(index[word]), word))
        # A text inside another: the other holds its rarest word.
        for other in index[by_rarity[0]]:
            if other != position:
                pairs.add((min(position, other), max(position, other)))
        # Word sets that overlap enough always share one of their few rarest words (prefix filtering).
        size = len(by_rarity) - math.ceil(SIMILAR_WORDS * len(by_rarity)) + 1
        for word in by_rarity[:size]:
            for other in prefixes[word]:
                pairs.add((other, position))
            prefixes[word].append(position)
    for first, second in sorted(pairs):
        if len(found) >= limit:
            break  # only `limit` are shown: the rest need not be compared
        a, a_text, a_words = distinct[first]
        b, b_text, b_words = distinct[second]
        if _looks_alike(a_text, b_text, a_words, b_words):
            found.append((a, b))
    return found[:limit]


def duplicates_for(session, notes, variant=""):
    """The duplicate pairs of these notes, computed once for this set of notes (their ids and versions)
    and then read from the cache by every render, in every audience that sees the same notes."""
    fingerprint = hashlib.sha1(",".join(f"{n.pk}.{n.version}" for n in notes).encode()).hexdigest()
    key = f"workshop-duplicates:{session.pk}:{fingerprint}"
    by_id = {note.pk: note for note in notes}
    ids = cache.get(key)
    if ids is None:
        pairs = find_duplicates(notes)
        cache.set(key, [(a.pk, b.pk) for a, b in pairs], CACHE_SECONDS)
        return pairs
    return [(by_id[a], by_id[b]) for a, b in ids if a in by_id and b in by_id]
