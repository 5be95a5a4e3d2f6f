"""The bits splitting reads for a line (segment._kind) must say what the tests they stand
for say, on every line of real web pages and of the seeds (../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyreader.search.ingest import chrome, dates, segment
from storyreader.search.ingest.lines import Lines
from storyreader.search.ingest.segment import (
    BULLET,
    BYLINE,
    CAPTION,
    CRUMB,
    DATE,
    ENDS,
    HEADLINE,
    LABEL,
    PROSE,
    STAMP,
    STAMP_DATE,
    TITLE,
    TRAILER,
)
from storyreader.search.ingest.text import ends_sentence, spaced_bullet

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FOLDERS = [SHARED / "realweb" / "pages", SHARED / "seeds"]

pytestmark = pytest.mark.skipif(not FOLDERS[0].is_dir(), reason="../shared/realweb is absent")


def _lines() -> set[str]:
    found = {
        x
        for folder in FOLDERS
        if folder.is_dir()
        for path in sorted(folder.glob("*.txt"))
        for x in Lines.of(path.read_text().splitlines()).normed
        if x
    }
    # Shapes the pages may lack: stamps, dates, credits, bullets, trailers, breadcrumbs.
    return found | {
        "Updated 35 min 7 sec ago",
        "Published: Feb. 4, 2024",
        "WEDNESDAY, JULY 29, 2009",
        "31 February 2024",
        "2024-02-04 10:30 CET",
        "Home > World > Europe",
        "• A point made",
        "- another",
        "Reporting by Jane Doe; Editing by John Roe",
        "Crowds gathered in the square on Monday evening. REUTERS/Jane Doe",
        "04 February 2024, Iraq, Baghdad: people walk past",
        "POLITICS",
        "By Staff reporter | 12 May 2018",
        "A headline that ends with U.S.",
        "yesterday",
    }


def _headline(x: str) -> bool:
    """A title printed once, as splitting tested it line by line before the bits."""
    return (
        segment.title_like(x)
        and segment.TITLE_MIN_WORDS <= len(x.split()) <= segment.HEADLINE_MAX_WORDS
        and (not ends_sentence(x.rstrip(" \"'”’")) or bool(segment._ABBREVIATION_END.search(x)))
        and not segment._INNER_SENTENCE.search(x)
    )


def test_bits_say_what_each_test_says() -> None:
    wrong = []
    for x in _lines():
        kind = segment._kind(x)
        is_stamp, day = dates.stamp(x)
        expected = {
            TITLE: segment.title_like(x),
            HEADLINE: _headline(x),
            LABEL: segment.label_like(x),
            BYLINE: segment.byline_like(x),
            CAPTION: bool(segment._CREDIT.search(x) or dates.CAPTION_DATE.match(x))
            and len(x.split()) >= 6,
            DATE: dates.whole_date(x) is not None,
            STAMP: is_stamp,
            STAMP_DATE: bool(day),
            CRUMB: chrome.breadcrumb(x),
            TRAILER: bool(segment._TRAILER.match(x)),
            PROSE: len(x) >= segment.BODY_MIN_CHARS
            or (len(x) >= segment.BODY_WRAPPED_CHARS and ends_sentence(x)),
            ENDS: ends_sentence(x),
            BULLET: spaced_bullet(x),
        }
        wrong += [(x, bit) for bit, value in expected.items() if bool(kind & bit) != value]
    assert not wrong, wrong[:5]
