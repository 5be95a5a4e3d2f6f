"""Which lines of a page are prose, from the text of the page alone.

A page whose site appears once in a corpus teaches nothing by counting lines across files,
yet its menus, share rows, login forms and footers read differently from its article:
they are short, and they hold few function words ("the", "of", "and"). This is jusText's
evidence (Pomikálek 2011) applied to the paragraphs of plain text instead of HTML blocks,
with jusText's own stop lists for the page's language and its thresholds.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path

import numpy as np

from storyreader.search.ingest.text import SENTENCE_END

# jusText's defaults (justext.core): a paragraph shorter than LENGTH_LOW characters says
# nothing on its own; at or above STOPWORDS_LOW of stop words it reads as prose.
LENGTH_LOW = 70
STOPWORDS_LOW = 0.30
# The page's language is the stop list that covers most of its first words.
LANGUAGE_SAMPLE_WORDS = 400
# A line this long with text right below it is a hard-wrapped line of a paragraph that
# goes on there; menus and link lists are shorter lines.
WRAPPED_MIN_CHARS = 50
# Headlines in "related" lists, menus and footers capitalise most of their words; prose,
# even German prose with its nouns, capitalises fewer than half.
CAPITALISED_MAX = 0.5
# This many paragraphs of a page that stop mid-sentence make them teasers, not prose.
CUT_MIN_PARAGRAPHS = 3
# A paragraph too short to speak for itself (a one-line paragraph, a subhead's sentence)
# still reads as prose when it is a sentence of this many words, this dense in stop words.
SENTENCE_MIN_WORDS = 5
SENTENCE_STOPWORDS = 0.2
_WORD = re.compile(r"\w+")


@cache
def _stoplists() -> dict[str, frozenset[str]]:
    """jusText's stop lists, read from its package data without importing it (which would
    import lxml into every worker)."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return {}
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return {
        p.stem: frozenset(w.casefold() for w in p.read_text(encoding="utf-8").split())
        for p in sorted(folder.glob("*.txt"))
    }


@cache
def _languages_of() -> tuple[dict[str, bytes], int]:
    """word -> the numbers of the languages whose stop list holds it (in the stop lists'
    order), and how many languages there are."""
    index: dict[str, bytearray] = {}
    names = list(_stoplists())
    for number, language in enumerate(names):
        for w in _stoplists()[language]:
            index.setdefault(w, bytearray()).append(number)
    return {w: bytes(numbers) for w, numbers in index.items()}, len(names)


def stoplist(words: Iterable[list[str]]) -> frozenset[str]:
    """The stop list of the language of the text whose lines' casefolded words are given
    (empty when none fits): the list that holds most of the first words, ties to the one
    met first."""
    index, _ = _languages_of()
    number = _language((len(line), b"".join(map(index.get, line, repeat(b"")))) for line in words)
    return frozenset() if number is None else _stoplists()[list(_stoplists())[number]]


@cache
def _ascii_languages() -> dict[bytes, bytes]:
    """_languages_of's index for its ASCII words, keyed by their bytes."""
    return {w.encode(): k for w, k in _languages_of()[0].items() if w.isascii()}


# ASCII bytes -> themselves lower-cased where `\w` matches them, a space elsewhere: in
# ASCII text, the words of `\w+` in casefolded text are the words of this, split.
_ASCII_WORDS = bytes(
    c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c == 95 else 32 for c in range(128)
) + bytes(128)
# Punctuation outside ASCII that news text is full of; no `\w` matches it.
_WIDE_PUNCTUATION = tuple(c.encode() for c in "“”‘’—–…•·«»")


@lru_cache(maxsize=1 << 15)
def _line_languages(line: str) -> tuple[int, bytes]:
    """How many words a line has, and for each of its words in turn the numbers of the
    languages whose stop list holds it: the one pass over a line's text that both the
    language and the stop-word share need. Remembered: copies and furniture repeat lines."""
    data = line.encode("utf-8", "surrogatepass")
    if not data.isascii():
        for mark in _WIDE_PUNCTUATION:
            if mark in data:
                data = data.replace(mark, b" ")
    if data.isascii():
        # Bytes are split far faster than a regular expression scans text.
        words = data.translate(_ASCII_WORDS).split()
        return len(words), b"".join(map(_ascii_languages().get, words, repeat(b"")))
    found = _WORD.findall(line.casefold())
    return len(found), b"".join(map(_languages_of()[0].get, found, repeat(b"")))


@lru_cache(maxsize=1 << 15)
def _capitals(line: str) -> tuple[int, int]:
    """How many of a line's words open with a letter, and how many of those with a capital:
    the capitalisation profile of a headline or a menu item against prose. Remembered."""
    words = [w for w in line.split() if w[0].isalpha()]
    return len(words), sum(1 for w in words if w[0].isupper())


def _capitalised(lines: Iterable[str]) -> bool:
    """Whether most words of these lines open with a capital (a headline, a menu, a list
    of names), ignoring scripts without case."""
    lettered = capitals = 0
    for x in lines:
        a, b = _capitals(x)
        lettered += a
        capitals += b
    return lettered > 0 and capitals > CAPITALISED_MAX * lettered


def _language(lines: Iterable[tuple[int, bytes]]) -> int | None:
    """The number of the language whose stop list holds most of the first words of the
    lines given as (words, their languages), ties to the one met first; None when none."""
    parts: list[bytes] = []
    seen = 0
    for size, languages in lines:
        parts.append(languages)
        seen += size
        if seen >= LANGUAGE_SAMPLE_WORDS:
            break
    joined = b"".join(parts)
    # A common word is in most of the hundred lists: count in numpy, not word by word.
    counts = np.bincount(np.frombuffer(joined, dtype=np.uint8), minlength=_languages_of()[1])
    if not counts.any():
        return None
    best = np.flatnonzero(counts == counts.max())
    if len(best) == 1:
        return int(best[0])
    # The word met first that is in a tied list, and of its lists the first tied one.
    tied = set(best.tolist())
    return next(k for k in joined if k in tied)


def _units(normed: Sequence[str]) -> list[list[int]]:
    """The lines grouped into the paragraphs they print: a hard-wrapped paragraph's lines
    are judged together, as jusText judges an HTML paragraph."""
    units: list[list[int]] = []
    wrapped = False  # the line above is text long enough to be wrapped into this one
    for k, x in enumerate(normed):
        if not x:
            wrapped = False
            continue
        if wrapped:
            units[-1].append(k)
        else:
            units.append([k])
        wrapped = len(x) >= WRAPPED_MIN_CHARS
    return units


def _reads_as_prose(lines: list[tuple[int, bytes]], language: int) -> bool:
    """Whether the words of a paragraph's lines, given as (words, their languages), are
    dense enough in the language's stop words: each stop word names the language once."""
    words = sum(size for size, _ in lines)
    stops = sum(languages.count(language) for _, languages in lines)
    return words > 0 and stops >= STOPWORDS_LOW * words


def _stops_short(line: str) -> bool:
    """Whether a line stops on a word or a comma, or on an ellipsis right after one ("the
    team played on..."): where a cut teaser stops. A link, a handle or a hashtag ends a
    quoted post or a "visit" line instead."""
    x = line
    if x[-1:] in (".", "…"):  # most lines end a sentence: settled without copying them
        x = x.removesuffix("...").removesuffix("…")
        if x == line:
            return False
    if not x or not (x[-1].isalnum() or x[-1] == ","):
        return False
    last = x.rsplit(None, 1)[-1]
    return not ("/" in last or "." in last or last[0] in "#@")


# What a paragraph is to the page's text, by its statistics alone (jusText's classes):
# prose that speaks for itself, a short sentence that may belong to prose around it, and
# anything else (a menu item, a headline of another article, a share row, a name).
GOOD, SENTENCE, OTHER = 2, 1, 0


class Prose:
    """Which lines of a page read as prose, judged only when asked: the page's language
    and each paragraph's stop words are read the first time they are needed."""

    def __init__(self, normed: Sequence[str]) -> None:
        self.normed = normed
        self.lengths = list(map(len, normed))
        self.units = _units(normed)
        self.unit_of: list[int | None] = [None] * len(normed)
        # A paragraph too short, or signed with a copyright mark, reads as prose in no language.
        self.able = [False] * len(normed)
        signed = "©" in "\n".join(normed)
        lengths = self.lengths
        for u, unit in enumerate(self.units):
            if len(unit) == 1:
                k = unit[0]
                self.unit_of[k] = u
                self.able[k] = lengths[k] >= LENGTH_LOW and not (signed and "©" in normed[k])
                continue
            size = sum(lengths[k] for k in unit) + len(unit) - 1  # joined by spaces
            able = size >= LENGTH_LOW and not (signed and any("©" in normed[k] for k in unit))
            for k in unit:
                self.unit_of[k] = u
                self.able[k] = able
        self.verdicts: dict[int, bool] = {}
        self.classes: dict[int, int] = {}
        # Several paragraphs long enough to judge that stop mid-sentence are teasers'
        # summaries, each cut at a length; one may be a paragraph ending in a quoted post.
        self.teasers = (
            sum(1 for u in self.units if self.able[u[0]] and self.cut_at(u)) >= CUT_MIN_PARAGRAPHS
        )
        self._language: int | bool | None = False  # False: not read yet

    def line(self, k: int) -> bool:
        u = self.unit_of[k]
        if u is None or not self.able[k]:
            return False
        found = self.verdicts.get(u)
        if found is None:
            if self._language is False:
                self._language = _language(map(_line_languages, filter(None, self.normed)))
            found = self.verdicts[u] = self._language is not None and _reads_as_prose(
                [_line_languages(self.normed[j]) for j in self.units[u]], self._language
            )
        return found

    def unit_class(self, u: int) -> int:
        """GOOD, SENTENCE or OTHER for paragraph u (an index into self.units); remembered."""
        found = self.classes.get(u)
        if found is None:
            found = self.classes[u] = self._unit_class(u)
        return found

    def good_chars(self, start: int, stop: int) -> int:
        """How many characters of lines start..stop-1 are in paragraphs of prose (GOOD):
        the mass by which the page's main text outweighs its asides."""
        total = 0
        for k in range(start, stop):
            u = self.unit_of[k]
            if u is not None and self.able[k] and self.unit_class(u) == GOOD:
                total += self.lengths[k]
        return total

    def mostly_furniture(self, min_lines: int, share: float) -> bool:
        """Whether at least `min_lines` of the page's lines, and `share` of them, are in
        paragraphs that are neither prose nor a sentence (a page dumped whole, menus,
        links and footers included). Paragraphs are judged largest first, and only until
        the answer is settled: a page of articles is settled after a few."""
        total = sum(map(len, self.units))
        need = max(min_lines, share * total)
        # Lines not yet shown to be prose or a sentence: each judged paragraph settles its own.
        open_lines = total
        for u in sorted(range(len(self.units)), key=lambda u: -len(self.units[u])):
            if open_lines < need:
                return False
            if self.unit_class(u) != OTHER:
                open_lines -= len(self.units[u])
        return open_lines >= need

    def _unit_class(self, u: int) -> int:
        unit = self.units[u]
        if self._language is False:
            self._language = _language(map(_line_languages, filter(None, self.normed)))
        texts = [self.normed[k] for k in unit]
        if _capitalised(texts):
            return OTHER
        if self.line(unit[0]):
            return OTHER if self.teasers and self.cut_at(unit) else GOOD
        last = texts[-1]
        if self._language is None or not last.endswith(SENTENCE_END):
            return OTHER
        counted = [_line_languages(x) for x in texts]
        words = sum(size for size, _ in counted)
        stops = sum(languages.count(self._language) for _, languages in counted)
        return (
            SENTENCE
            if words >= SENTENCE_MIN_WORDS and stops >= SENTENCE_STOPWORDS * words
            else OTHER
        )

    def cut_at(self, unit: list[int]) -> bool:
        """Whether no line of a paragraph ends a sentence, each stopping on a word or a
        comma: a teaser's summary cut at a length ("... but the science behind the"), with
        its "Read more" below, not a written paragraph (whose last line ends a sentence)."""
        return all(_stops_short(self.normed[k]) for k in unit)

    def share_below(self, start: int, stop: int, share: float) -> bool:
        """Whether fewer than `share` of the characters of lines start..stop-1 are in prose;
        stops reading as soon as the answer is settled either way."""
        lengths, able = self.lengths, self.able
        limit = share * sum(lengths[start:stop])
        candidates = [k for k in range(start, stop) if able[k]]
        left = sum(lengths[k] for k in candidates)
        if left < limit:
            return True  # too little text in paragraphs long enough to read as prose
        # The longest lines first: they settle the share soonest.
        candidates.sort(key=lengths.__getitem__, reverse=True)
        read = 0
        for k in candidates:
            if read >= limit:
                return False
            if read + left < limit:
                return True
            size = lengths[k]
            left -= size
            if self.line(k):
                read += size
        return read < limit


def prose_lines(normed: Sequence[str]) -> list[bool]:
    """For each line: whether it belongs to a paragraph that reads as prose on its own
    (long enough, and dense enough in stop words). jusText then judges short paragraphs by
    their neighbours; splitting needs only the paragraphs that speak for themselves."""
    prose = Prose(normed)
    return [prose.line(k) for k in range(len(normed))]
