"""Plain data that flows between the stages: files → articles → stories.

Every stage takes and returns these dataclasses, so each can be tested on its own and
the process pool can pickle them cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np  # annotations only: the app loads this module without numpy


class Role(StrEnum):
    """What a line of a file turned out to be; one character each so that a whole
    article's accounting fits in a short string (`Article.roles`)."""

    BLANK = " "
    TITLE = "T"
    TITLE_REPEAT = "t"
    CAPTION = "C"
    CAPTION_REPEAT = "c"
    CHROME = "X"  # a known site-furniture pattern: TT, Follow, Short Url, a bare number...
    FURNITURE = "F"  # a short line the corpus itself shows to be furniture
    NOT_PROSE = "O"  # the page's text statistics set it off from the article's prose
    ASIDE = "A"  # prose set off by furniture from the article's much longer text
    DATELINE = "D"  # chrome that carries the date ("Updated 23 July 2024")
    SOURCE = "S"  # outlet line, byline or "Source: ..." line
    BULLET = "U"
    BULLET_REPEAT = "u"
    BODY = "B"
    BODY_REPEAT = "b"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]

    @property
    def kept(self) -> bool:
        """True when the line's text is part of the cleaned article."""
        return self in _KEPT


_ROLE_LABELS = {
    Role.BLANK: "blank",
    Role.TITLE: "title",
    Role.TITLE_REPEAT: "title (repeat)",
    Role.CAPTION: "caption",
    Role.CAPTION_REPEAT: "caption (repeat)",
    Role.CHROME: "chrome",
    Role.FURNITURE: "furniture",
    Role.NOT_PROSE: "not prose",
    Role.ASIDE: "aside",
    Role.DATELINE: "date line",
    Role.SOURCE: "source",
    Role.BULLET: "summary",
    Role.BULLET_REPEAT: "summary (repeat)",
    Role.BODY: "body",
    Role.BODY_REPEAT: "body (repeat)",
}
_KEPT = frozenset({Role.TITLE, Role.CAPTION, Role.SOURCE, Role.BULLET, Role.BODY})


class Opened(StrEnum):
    """The evidence on which the splitter opened an article at its first line (stored as
    a short code; `label` says it in words)."""

    FIRST = "first"
    PART = "part"
    REPEAT = "repeat"
    HEADING = "heading"
    GAP_TITLE = "gap-title"
    KICKER = "kicker"
    OPENER = "opener"
    TITLE_HEADER = "title-header"
    SUBJECT = "subject"
    TIGHT = "tight"
    CREDIT = "credit"
    WIDER_GAP = "wider-gap"

    @property
    def label(self) -> str:
        return _OPENED_LABELS[self]


_OPENED_LABELS = {
    Opened.FIRST: "the file's first text",
    Opened.PART: "the first text of a part of a file too large to read at once",
    Opened.REPEAT: "its title is printed again just below",
    Opened.HEADING: "a heading",
    Opened.GAP_TITLE: "a title after two blank lines or more",
    Opened.KICKER: "a kicker over a headline or a date line, with body below",
    Opened.OPENER: "a breadcrumb, kicker, byline or date line over a header, with body below",
    Opened.TITLE_HEADER: "a title printed once over a byline, date or other header part",
    Opened.SUBJECT: "a title printed once after a finished article, where the subject changes",
    Opened.TIGHT: "a blank line, in a file whose paragraphs have none between them",
    Opened.CREDIT: "a gap after a closing credit (Reporting by ...)",
    Opened.WIDER_GAP: "a gap wider than the file's paragraphs', after a finished sentence",
}


class Relation(StrEnum):
    CANONICAL = "canonical"
    EXACT = "exact"
    NEAR = "near"
    REWRITE = "rewrite"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that could not be read, and why, in words a user understands."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Segment:
    """Where one article sits in its file: 1-based, inclusive line numbers, and the
    evidence that opened it there (shown by `show --explain`; not part of its identity)."""

    start_line: int
    end_line: int
    opened_by: Opened | None = field(default=None, compare=False)


@dataclass(slots=True)
class Article:
    """One article cut out of one file and cleaned."""

    path: str  # relative to the corpus root, POSIX separators
    start_line: int
    end_line: int
    title: str
    paragraphs: list[str]
    roles: str  # one Role character per line start_line..end_line
    date: str | None = None  # ISO 8601 (YYYY-MM-DD)
    source: str | None = None
    caption: str | None = None
    bullets: list[str] = field(default_factory=list)
    key: str = ""  # hash of the normalised body: equal keys are exact copies
    opened_by: Opened | None = None  # the splitter's evidence for the article's first line

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class Occurrence:
    """One place a story was found."""

    path: str
    start_line: int
    end_line: int
    relation: Relation
    similarity: float
    key: str = ""  # which text version this occurrence holds
    source: str | None = None
    date: str | None = None
    title: str = ""


@dataclass(slots=True)
class Version:
    """One way the story was written: the merged text of a group of exact and near
    copies. The first version of a story is the one shown; rewrites follow."""

    key: str
    title: str
    paragraphs: list[str]
    caption: str | None
    bullets: list[str]
    sources: list[str]
    date: str | None
    relation: Relation  # CANONICAL for the main version, REWRITE for the others
    similarity: float
    paths: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class Story:
    id: str
    title: str
    date: str | None
    sources: list[str]
    versions: list[Version]
    occurrences: list[Occurrence]
    digest: str = ""  # changes whenever anything a reader sees changes

    @property
    def main(self) -> Version:
        return self.versions[0]

    @property
    def text(self) -> str:
        return self.main.text

    @property
    def caption(self) -> str | None:
        return self.main.caption

    @property
    def bullets(self) -> list[str]:
        return self.main.bullets

    @property
    def paths(self) -> list[str]:
        return sorted({o.path for o in self.occurrences})

    @property
    def n_files(self) -> int:
        return len({o.path for o in self.occurrences})


class EdgeKind(IntEnum):
    """What an edge between two texts says; stored as its number."""

    NEAR = 1
    REWRITE = 2


Edge = tuple[str, str, int, float]  # (a, b, EdgeKind, similarity) with a < b


class Setting(StrEnum):
    """Keys of what an index keeps about itself (the store's meta table)."""

    FORMAT_VERSION = "format_version"
    DATASKETCH = "datasketch"  # the version whose hashing made the stored band keys
    SETTINGS = "settings"  # the glob and link options the index was built with
    FURNITURE = "furniture"  # learned furniture lines, JSON
    WHOOSH_DIRTY = "whoosh_dirty"  # "1" while Whoosh lags the store
    WHOOSH_STAMP = "whoosh_stamp"  # Whoosh's files as the last build left them (sync.py)
    HUB_TERMS = "hub_terms"  # rewrite terms too common to propose pairs, JSON


@dataclass(frozen=True, slots=True)
class FileRecord:
    path: str
    size: int
    mtime_ns: int
    digest: str | None
    encoding: str | None = None
    n_lines: int | None = None
    skipped: str | None = None


@dataclass(slots=True)
class TextRecord:
    """A distinct article text and its fingerprints: word shingles and their MinHash
    signature's LSH band keys for near copies; rewrite features and their blocking keys
    for rewrites."""

    key: str
    paragraphs: list[str]
    n_words: int
    shingles: np.ndarray
    bands: np.ndarray
    blocks: np.ndarray
    features: bytes


@dataclass(frozen=True, slots=True)
class StoryRow:
    """What the story list shows, without loading any text."""

    id: str
    title: str
    date: str | None
    sources: list[str]
    n_files: int
    n_occurrences: int
