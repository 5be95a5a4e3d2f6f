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
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import chain
from pathlib import Path

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
def _languages_of() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose stop list holds it."""
    index: dict[str, list[str]] = {}
    for language, words in _stoplists().items():
        for w in words:
            index.setdefault(w, []).append(language)
    return {w: tuple(langs) for w, langs in index.items()}


def stoplist(lines: Sequence[str]) -> frozenset[str]:
    """The stop list of the language the lines are written in (empty when none fits)."""
    sample: list[str] = []
    for line in lines:
        sample += _WORD.findall(line.casefold())
        if len(sample) >= LANGUAGE_SAMPLE_WORDS:
            break
    index = _languages_of()
    counts = Counter(chain.from_iterable(index.get(w, ()) for w in sample))
    if not counts:
        return frozenset()
    return _stoplists()[counts.most_common(1)[0][0]]


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


def _reads_as_prose(text: str, stops: frozenset[str]) -> bool:
    if len(text) < LENGTH_LOW or "©" in text:
        return False
    words = _WORD.findall(text.casefold())
    return bool(words) and sum(map(stops.__contains__, words)) >= STOPWORDS_LOW * len(words)


def prose_lines(normed: Sequence[str]) -> list[bool]:
    """For each line: whether it belongs to a paragraph that reads as prose on its own
    (long enough, and dense enough in stop words). jusText then judges short paragraphs by
    their neighbours; splitting needs only the paragraphs that speak for themselves."""
    units = _units(normed)
    stops = stoplist([normed[k] for unit in units for k in unit])
    out = [False] * len(normed)
    for unit in units:
        if _reads_as_prose(" ".join(normed[k] for k in unit), stops):
            for k in unit:
                out[k] = True
    return out
