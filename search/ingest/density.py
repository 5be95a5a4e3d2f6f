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
from functools import cache
from itertools import repeat
from pathlib import Path

import numpy as np

# jusText's defaults (justext.core): a paragraph shorter than LENGTH_LOW characters says
# nothing on its own; at or above STOPWORDS_LOW of stop words it reads as prose.
LENGTH_LOW = 70
STOPWORDS_LOW = 0.30
# The page's language is the stop list that covers most of its first words.
LANGUAGE_SAMPLE_WORDS = 400
# A line this long with text right below it is a hard-wrapped line of a paragraph that
# goes on there; menus and link lists are shorter lines.
WRAPPED_MIN_CHARS = 50
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
    sample: list[str] = []
    for line in words:
        sample += line
        if len(sample) >= LANGUAGE_SAMPLE_WORDS:
            break
    index, n = _languages_of()
    # A common word is in most of the hundred lists: count in numpy, not word by word.
    counts = np.bincount(
        np.frombuffer(b"".join(map(index.get, sample, repeat(b""))), dtype=np.uint8),
        minlength=n,
    )
    if not counts.any():
        return frozenset()
    best = np.flatnonzero(counts == counts.max())
    number = int(best[0])
    if len(best) > 1:
        tied = set(best.tolist())
        number = next(k for w in sample for k in index.get(w, b"") if k in tied)
    return _stoplists()[list(_stoplists())[number]]


def _units(normed: Sequence[str]) -> list[list[int]]:
    """The lines grouped into the paragraphs they print: a hard-wrapped paragraph's lines
    are judged together, as jusText judges an HTML paragraph."""
    units: list[list[int]] = []
    for k, x in enumerate(normed):
        if not x:
            continue
        if units and units[-1][-1] == k - 1 and len(normed[k - 1]) >= WRAPPED_MIN_CHARS:
            units[-1].append(k)
        else:
            units.append([k])
    return units


def _reads_as_prose(words: list[str], stops: frozenset[str]) -> bool:
    return bool(words) and sum(map(stops.__contains__, words)) >= STOPWORDS_LOW * len(words)


class Prose:
    """Which lines of a page read as prose, judged only when asked: the page's language
    and each paragraph's stop words are read the first time they are needed."""

    def __init__(self, normed: Sequence[str]) -> None:
        self.normed = normed
        self.units = _units(normed)
        self.unit_of: list[int | None] = [None] * len(normed)
        # A paragraph too short, or signed with a copyright mark, reads as prose in no language.
        self.able = [False] * len(normed)
        for u, unit in enumerate(self.units):
            size = sum(len(normed[k]) for k in unit) + len(unit) - 1  # joined by spaces
            able = size >= LENGTH_LOW and not any("©" in normed[k] for k in unit)
            for k in unit:
                self.unit_of[k] = u
                self.able[k] = able
        self.verdicts: dict[int, bool] = {}
        self.words: dict[int, list[str]] = {}  # line -> its casefolded words
        self._stops: frozenset[str] | None = None

    def line(self, k: int) -> bool:
        u = self.unit_of[k]
        if u is None or not self.able[k]:
            return False
        found = self.verdicts.get(u)
        if found is None:
            if self._stops is None:
                self._stops = stoplist(self._words(j) for unit in self.units for j in unit)
            words = [w for j in self.units[u] for w in self._words(j)]
            found = self.verdicts[u] = _reads_as_prose(words, self._stops)
        return found

    def _words(self, k: int) -> list[str]:
        # The words of a paragraph joined by spaces are its lines' words, one after another.
        found = self.words.get(k)
        if found is None:
            found = self.words[k] = _WORD.findall(self.normed[k].casefold())
        return found

    def share_below(self, start: int, stop: int, share: float) -> bool:
        """Whether fewer than `share` of the characters of lines start..stop-1 are in prose;
        stops reading as soon as the answer is settled either way."""
        limit = share * sum(len(self.normed[k]) for k in range(start, stop))
        # The longest lines first: they settle the share soonest.
        candidates = sorted(
            (k for k in range(start, stop) if self.able[k]), key=lambda k: -len(self.normed[k])
        )
        left = sum(len(self.normed[k]) for k in candidates)
        read = 0
        for k in candidates:
            if read >= limit:
                return False
            if read + left < limit:
                return True
            size = len(self.normed[k])
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
