"""Prose judged lazily (ingest/density.Prose) must give what judging every paragraph gives,
on real web pages in several languages (../shared/realweb)."""

from __future__ import annotations

from collections import Counter
from itertools import chain
from pathlib import Path

import pytest

from storyreader.search.ingest import density
from storyreader.search.ingest.lines import Lines

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "realweb" / "pages"

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/realweb is absent")


def _pages() -> list[list[str]]:
    return [Lines.of(p.read_text().splitlines()).normed for p in sorted(PAGES.glob("*.txt"))]


def _stoplist_by_counting(lines: list[str]) -> frozenset[str]:
    """The language chosen word by word: most hits among the first words, ties to the
    language met first."""
    sample: list[str] = []
    for line in lines:
        sample += density._WORD.findall(line.casefold())
        if len(sample) >= density.LANGUAGE_SAMPLE_WORDS:
            break
    lists = density._stoplists()
    langs = {w: [name for name, words in lists.items() if w in words] for w in set(sample)}
    counts = Counter(chain.from_iterable(langs[w] for w in sample))
    return lists[counts.most_common(1)[0][0]] if counts else frozenset()


def test_language_is_the_one_with_most_stop_words() -> None:
    chosen = set()
    for normed in _pages()[:30]:
        texts = [x for x in normed if x]
        found = density.stoplist(density._WORD.findall(x.casefold()) for x in texts)
        assert found == _stoplist_by_counting(texts)
        chosen.add(found)
    assert len(chosen) > 1  # the pages are not all in one language


def test_share_read_lazily_is_the_share_of_all_paragraphs() -> None:
    for normed in _pages()[:40]:
        prose = density.prose_lines(normed)
        step = max(1, len(normed) // 5)
        for start in range(0, len(normed), step):
            for stop in range(start + 1, len(normed) + 1, step):
                total = sum(map(len, normed[start:stop]))
                read = sum(len(normed[k]) for k in range(start, stop) if prose[k])
                lazy = density.Prose(normed).share_below(start, stop, 0.3)
                assert lazy == (read < 0.3 * total), (start, stop)


def test_a_line_read_fast_gives_the_words_the_pattern_finds() -> None:
    """ASCII lines (and lines whose only other characters are quotes and dashes) are split
    as bytes: the count and the stop words' languages must be what `\\w+` finds."""
    index, _ = density._languages_of()
    lines = {x for normed in _pages() for x in normed if x}
    lines |= {"Ça “marche” — naïve façade’s end…", "STRASSE ß straße", "a_b 12,5 x·y «z»"}
    for x in lines:
        words = density._WORD.findall(x.casefold())
        expected = (len(words), b"".join(index.get(w, b"") for w in words))
        assert density._line_languages.__wrapped__(x) == expected, x
