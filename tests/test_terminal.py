"""The installed `storyreader`, run in a real pseudo-terminal as a user runs it (not Pilot):
a fresh cache and a generated corpus of 2,000 files, indexed in the reader at 80x24, searched,
the window dragged to 120x40, updated and searched again. The screen is read with pyte, and
every assertion is about what it shows."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from bench.speed import mutate
from bench.synth import generate_corpus
from bench.terminal import Terminal

SMALL, LARGE = (80, 24), (120, 40)
FILES = 2000
# Generous: a shared two-core machine can be several times slower than an idle one.
PATIENCE = 300
STORYREADER = str(Path(sys.executable).with_name("storyreader"))
LISTED = r"[\d,]+ stories · newest"  # ("first" is cut off at 80 columns)


def fresh_env(root: Path) -> dict[str, str]:
    return {
        **os.environ,
        **{f"XDG_{d}_HOME": str(root / d.lower()) for d in ("CACHE", "STATE", "DATA", "CONFIG")},
    }


def story_rows(t: Terminal) -> list[str]:
    return [line for line in t.text().splitlines() if re.match(r"\d{4}-\d\d-\d\d ", line)]


def rows_for(size: tuple[int, int]) -> int:
    return (size[1] - 8) // 2  # a story takes two rows


@pytest.mark.slow
def test_the_reader_indexes_a_fresh_corpus_updates_it_and_keeps_typed_keys(tmp_path):
    """One session, as a user has it: the first build in a small terminal, search-box
    sequences whose letters are also commands (`o`, `e`, `q`...), the window made larger,
    an update with `r`, and the search box again."""
    corpus = tmp_path / "news"
    generate_corpus(corpus, FILES, seed=13)
    with Terminal([STORYREADER, str(corpus)], fresh_env(tmp_path), size=SMALL) as t:
        t.wait_for(f"{LISTED}|failed", timeout=PATIENCE)
        assert not t.seen("failed"), t.text()
        # The build was shown as it went: the stage, files done of all, a share and an ETA.
        assert t.seen(r"Reading files [\d,]+/2,000 files .*\d+%")
        assert t.seen(r"Reading files [\d,]+/2,000 files .*\d+% +\d\d:\d\d:\d\d")
        assert t.seen(r"Indexing for search [\d,]+/[\d,]+ stories")
        assert len(story_rows(t)) >= rows_for(SMALL)
        assert re.search(r"\d+ stories · 2000 files", t.line(0))
        assert not re.search(r"failed|Reading files|Indexing for search|Saving the", t.text())
        type_into_the_search_box(t)
        t.press("escape", pause=0.3)
        t.press("escape", pause=0.3)

        t.resize(LARGE)
        t.wait_for(lambda _: len(story_rows(t)) >= rows_for(LARGE), timeout=PATIENCE)
        mutate(corpus, seed=5, changed=10, added=10)
        t.press("r")
        t.wait_for(lambda screen: "2010 files" in screen.splitlines()[0], timeout=PATIENCE)
        assert t.alive and len(story_rows(t)) >= rows_for(LARGE)

        # Nothing changed since: r says so.
        t.press("r")
        t.wait_for("Up to date", timeout=PATIENCE)
        type_into_the_search_box(t)
        t.press("escape", pause=0.3)
        t.press("q")
        assert t.wait_exit()


def type_slowly(t: Terminal, text: str) -> None:
    for ch in text:
        t.press(ch, pause=0.08)


def type_into_the_search_box(t: Terminal) -> None:
    """Typing in the search box never runs commands; `q` at the end quits cleanly."""

    def still_searching(query: str) -> None:
        # Until the search has answered (the whole list shows while the box is empty,
        # and a loaded machine takes seconds).
        t.wait_for(
            lambda s: query in s.splitlines()[2] and re.search(r"stor(y|ies) match", s),
            timeout=PATIENCE,
        )
        t.pump(0.5)
        assert t.alive, "the app quit"
        assert query in t.line(2), f"the search box lost {query!r}:\n{t.text()}"
        # On no screen drawn so far: a re-sorted list or search (`o`; the order's name
        # may be cut at 80 columns), export (`e`, `E`).
        assert not t.seen(r"stor(y|ies) match.* · new|stor(y|ies) · (most|by )"), t.text()
        assert not t.seen("Export “|Export all"), t.text()

    t.press("/")
    type_slowly(t, "fire")
    t.wait_for(r"match")
    t.press(*["backspace"] * 4, pause=0.08)
    type_slowly(t, "iraq")
    still_searching("iraq")

    t.press("ctrl+u")
    type_slowly(t, "iraq")
    still_searching("iraq")

    t.press("escape", pause=0.3)
    t.press("/fire", pause=0)
    still_searching("fire")
