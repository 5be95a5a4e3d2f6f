"""The query API: what the command line and the reader app ask of an index.

Callers see stories, rows and snippets, never Whoosh or SQLite.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import StemmingAnalyzer

from storyreader.search.model import Setting, Skipped, Story, StoryRow
from storyreader.search.storage.errors import QueryError
from storyreader.search.storage.index import SearchIndex, index_exists
from storyreader.search.storage.integrity import IndexDamaged, damaged, is_damage
from storyreader.search.storage.paths import store_path, whoosh_dir
from storyreader.search.storage.store import Store

SORTS = ("date", "files", "title")
# Snippets: up to three fragments of about this many characters around the hits.
SNIPPET_FRAGMENTS = 3
SNIPPET_CHARS = 60
# A query longer than this is not a query someone typed; refuse it with a message.
MAX_QUERY_CHARS = 1000


class StoryNotFound(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class Snippet:
    """Plain text with the character ranges of the hits in it."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Hit:
    row: StoryRow
    score: float
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    # The query was still being typed: its last word also found the words it begins.
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Stats:
    stories: int
    files: int
    skipped: int
    articles: int

    @property
    def copies_folded(self) -> int:
        return max(0, self.articles - self.stories)


@lru_cache(maxsize=1)
def _analyzer():
    return StemmingAnalyzer()


def term_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the words of `text` whose stems are among `terms`."""
    if not terms:
        return []
    return [
        (t.startchar, t.endchar)
        for t in _analyzer()(text, chars=True, removestops=False)
        if t.text in terms
    ]


def make_snippet(paragraphs: list[str], terms: frozenset[str]) -> Snippet:
    """Up to SNIPPET_FRAGMENTS pieces of text around the first hits, paragraphs in order.

    Only paragraphs that could hold a hit are analysed: one without the first three letters
    of any term's stem (stems are nearly always prefixes of the words) cannot match. This
    costs a tenth of Whoosh's general highlighter, which scores every fragment of the text."""
    prefixes = {t[:3] for t in terms}
    pieces: list[tuple[str, list[tuple[int, int]]]] = []
    for paragraph in paragraphs:
        if len(pieces) >= SNIPPET_FRAGMENTS:
            break
        lowered = paragraph.lower()
        if not any(p in lowered for p in prefixes):
            continue
        spans = term_spans(paragraph, terms)
        if not spans:
            continue
        start = max(0, spans[0][0] - SNIPPET_CHARS)
        end = min(len(paragraph), spans[0][1] + SNIPPET_CHARS * 2)
        # Widen to whole words at both ends.
        while start > 0 and not paragraph[start - 1].isspace():
            start -= 1
        while end < len(paragraph) and not paragraph[end].isspace():
            end += 1
        pieces.append(
            (
                paragraph[start:end],
                [(a - start, b - start) for a, b in spans if a >= start and b <= end],
            )
        )
    if not pieces:
        text = " ".join(" ".join(paragraphs).split())
        return Snippet(text[: SNIPPET_CHARS * 2], ())
    out, spans, pos = [], [], 0
    for k, (piece, piece_spans) in enumerate(pieces):
        if k:
            out.append(" … ")
            pos += 3
        out.append(piece)
        spans += [(a + pos, b + pos) for a, b in piece_spans]
        pos += len(piece)
    return Snippet("".join(out), tuple(spans))


def _locked(method):
    """Serialise calls: the reader app queries from worker threads, and neither the
    SQLite connection nor the Whoosh searcher may be used by two threads at once."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.DatabaseError as exc:
                if not is_damage(exc):
                    raise
                raise damaged(self.index_dir, exc) from exc

    return wrapper


class Library:
    """An index opened for reading."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self.store = Store.open(store_path(index_dir), readonly=True)
        self.index = SearchIndex(whoosh_dir(index_dir))
        self._lock = threading.RLock()
        self._terms_cache: dict[tuple[str, bool], frozenset[str]] = {}
        # The last queries parsed: the reader parses each typed query for its highlighter
        # and then searches it twice (the first screenful, then the rest).
        self._parsed: dict[tuple[str, bool], object] = {}

    @_locked
    def close(self) -> None:
        self.index.close()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def corpus(self) -> Path | None:
        """The corpus root the index was built from."""
        settings = self._meta(Setting.SETTINGS)
        return Path(json.loads(settings)["root"]) if settings else None

    @property
    def follow_links(self) -> bool:
        """Whether the index was built following symbolic links."""
        settings = self._meta("settings")
        return bool(settings and json.loads(settings).get("follow_links"))

    @_locked
    def _meta(self, key: str) -> str | None:
        return self.store.meta(key)

    def source_path(self, rel: str) -> Path | None:
        """The file behind a stored (display) path, when the corpus is still where it was."""
        root = self.corpus
        if root is None:
            return None
        if root.is_file():
            return root
        with self._lock:
            raw = self.store.files.raw_path(rel)
        return root / (os.fsdecode(raw) if raw is not None else rel)

    @_locked
    def line_roles(self, rel: str) -> dict[int, tuple[str, str]]:
        """Line number (1-based) -> (story id, role letter) of every line of the file at
        the stored path `rel` that an article holds (`show --explain`)."""
        story_of = {(start, end): sid for sid, start, end, _ in self.store.stories.in_file(rel)}
        owner: dict[int, tuple[str, str]] = {}
        for article in self.store.articles.in_file(rel):
            sid = story_of.get((article.start_line, article.end_line), "?")
            for i, role in enumerate(article.roles):
                owner[article.start_line + i] = (sid, role)
        return owner

    @_locked
    def openings(self, rel: str) -> dict[int, str]:
        """First line -> why the splitter opened an article there, in words, for every
        article of the file at the stored path `rel` (`show --explain`)."""
        return {
            a.start_line: a.opened_by.label if a.opened_by else "not recorded"
            for a in self.store.articles.in_file(rel)
        }

    # --- listing -------------------------------------------------------------------------

    @_locked
    def stats(self) -> Stats:
        c = self.store.counts()
        return Stats(c["stories"], c["files"], c["skipped"], c["articles"])

    @_locked
    def count(self) -> int:
        return self.store.stories.count()

    @_locked
    def stories(
        self, sort: str = "date", offset: int = 0, limit: int | None = None
    ) -> list[StoryRow]:
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")
        return self.store.stories.rows(sort, offset, limit)

    @_locked
    def position(self, story_id: str, sort: str = "date") -> int | None:
        """The index of a story in `stories(sort)`, None when there is no such story."""
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")
        return self.store.stories.position(story_id, sort)

    @_locked
    def story(self, story_id: str) -> Story:
        """A story by id or by a unique prefix of its id."""
        story = self.store.stories.get(story_id)
        if story is not None:
            return story
        matches = self.store.stories.ids_with_prefix(story_id) if story_id else []
        if len(matches) == 1 and (story := self.store.stories.get(matches[0])) is not None:
            return story
        if len(matches) > 1:
            raise StoryNotFound(f"story id {story_id!r} is ambiguous: give more characters")
        raise StoryNotFound(f"no story with id {story_id!r}")

    def __iter__(self) -> Iterator[Story]:
        """Every story, newest first, whole (text, versions, occurrences)."""
        for row in self.stories():
            yield self.story(row.id)

    @_locked
    def skipped(self) -> list[Skipped]:
        return [Skipped(p, r) for p, r in self.store.files.skipped()]

    # --- searching -----------------------------------------------------------------------

    @_locked
    def search(
        self,
        text: str,
        limit: int | None = 20,
        snippets: bool = True,
        sort: str = "score",
        partial: bool = False,
    ) -> SearchResults:
        """Stories matching a Whoosh query, best first (or newest first with
        sort="date"). With `partial`, the query is still being typed: its last word also
        finds the words it begins. Raises QueryError with a short message for a query
        that cannot run."""
        if len(text) > MAX_QUERY_CHARS:
            raise QueryError(f"query too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
        query = self._parse(text, partial)
        total, raw = self.index.search(query, limit=limit, sort_by_date=sort == "date")
        if not total and not index_exists(self.index.directory) and self.store.stories.count():
            raise damaged(self.index_dir, OSError("the search index is missing"))
        rows = self.store.stories.rows_by_id([h.id for h in raw])
        terms = self._query_terms(text, partial)
        hits = []
        for h in raw:
            row = rows.get(h.id)
            if row is None:  # the index is being updated; the store is the truth
                continue
            snippet = self._snippet(h.id, terms) if snippets else Snippet("", ())
            hits.append(Hit(row, h.score, snippet))
        if sort == "score":
            # Equal scores by story id: the index's own order follows its update history.
            hits.sort(key=lambda hit: (-hit.score, hit.row.id))
        return SearchResults(text, total, hits, partial)

    @_locked
    def snippet(self, story_id: str, text: str, partial: bool = False) -> Snippet:
        """The snippet of one story for a query (for lists that fetch them lazily)."""
        return self._snippet(story_id, self._query_terms(text, partial))

    def _parse(self, text: str, partial: bool):
        key = (text, partial)
        query = self._parsed.get(key)
        if query is None:
            query = self.index.parse(text, partial)
            if len(self._parsed) >= 4:
                self._parsed.clear()
            self._parsed[key] = query
        return query

    def _query_terms(self, text: str, partial: bool = False) -> frozenset[str]:
        """The indexed words a query matches, fuzzy, wildcard and typed words expanded."""
        terms = self._terms_cache.get((text, partial))
        if terms is None:
            try:
                terms = self.index.terms(self._parse(text, partial), ("title", "body"))
            except QueryError:
                terms = frozenset()
            if len(self._terms_cache) > 64:
                self._terms_cache.clear()
            self._terms_cache[(text, partial)] = terms
        return terms

    def _snippet(self, story_id: str, terms: frozenset[str]) -> Snippet:
        paragraphs = self.store.stories.paragraphs(story_id)
        return make_snippet(paragraphs, terms) if paragraphs is not None else Snippet("", ())

    @_locked
    def highlighter(
        self, text: str, partial: bool = False
    ) -> Callable[[str], list[tuple[int, int]]]:
        """A function giving the character spans of a text that match the query's words
        (stemmed as the index stems them), for highlighting an article."""
        terms = self._query_terms(text, partial)

        def spans(body: str) -> list[tuple[int, int]]:
            return term_spans(body, terms)

        return spans


__all__ = [
    "IndexDamaged",
    "Library",
    "QueryError",
    "SearchResults",
    "Snippet",
    "Stats",
    "StoryNotFound",
    "StoryRow",
]
