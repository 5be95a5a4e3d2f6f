"""The Whoosh full-text index of stories, behind a small API of our own.

One document per story, never per file or per copy: indexing is Whoosh's dominant cost
(~1 MB/s), and a story holds every copy of its text only once. Bodies are not stored in
Whoosh; snippets are made from the text kept in the store.
"""

from __future__ import annotations

import datetime as dt
import gc
import heapq
import itertools
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import DATETIME, ID, NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import FuzzyTermPlugin, GtLtPlugin, MultifieldParser
from whoosh.query import Every, FuzzyTerm, NullQuery, Query, Term

from storyreader.search.model import Story
from storyreader.search.storage import memory
from storyreader.search.storage.errors import QueryError
from storyreader.search.storage.ranking import Ranker
from storyreader.search.storage.syntax import (
    DatePlugin,
    UnfinishedQuery,
    _PreloadedOr,
    check,
    last_word,
)

# Fuzzy terms cost a scan of the term list that grows steeply with the edit distance. More
# than two edits matches nearly every word and takes seconds: `word~9` means `word~2`.
MAX_FUZZY_DISTANCE = 2
# A fuzzy term keeps its first two letters (`word~` means `word~1/2`): typos rarely fall
# there, and it cuts the terms to compare threefold.
FUZZY_PREFIX = 2
_FUZZ = re.compile(r"(\w)~(\d*)(/\d+)?")


def _fuzzy(m: re.Match[str]) -> str:
    distance = min(int(m.group(2) or 1), MAX_FUZZY_DISTANCE)
    return f"{m.group(1)}~{distance}{m.group(3) or f'/{FUZZY_PREFIX}'}"


def _expand_fuzzy(query: Query, reader) -> Query:
    """Fuzzy terms replaced by the indexed words they match, scored as words are (Whoosh
    scores a fuzzy term's matches all alike, which ranks them in index order)."""

    def visit(node: Query) -> Query:
        if not isinstance(node, FuzzyTerm):
            return node
        # Whoosh's automaton fails on a word no longer than its fixed prefix (`0~`).
        prefix = min(node.prefixlength, max(0, len(node.text) - 1))
        words = list(reader.terms_within(node.fieldname, node.text, node.maxdist, prefix=prefix))
        if not words:
            return NullQuery
        return _PreloadedOr([Term(node.fieldname, w) for w in words], boost=node.boost)

    return query.accept(visit)


# As-you-type, the last word also finds the words it begins (`hur` finds `hurricane`), but
# only the most frequent of them, and only as many as read about PREFIX_POSTINGS times the
# number of stories in posting lists: a short prefix begins hundreds of words, each a
# posting list to read and rank. The dictionary is scanned at most PREFIX_SCAN words far.
PREFIX_TERMS = 40
PREFIX_POSTINGS = 2
PREFIX_SCAN = 5000
# One letter is neither indexed (Whoosh's analyzer drops it) nor expanded: it begins too
# many words to narrow anything.
PREFIX_MIN_CHARS = 2
PREFIX_FIELDS = ("title", "body", "source", "path")
# Stands for the word being typed while the rest of the query is parsed; the analyzers of
# every text field keep it as it is.
_TYPED = "xqxtypedxqx"


def _frequent_prefixed(reader, field: str, prefix: str) -> list[str]:
    """The most frequent indexed words of `field` that begin with `prefix`, within the
    budget above."""
    scanned = itertools.islice(reader.iter_prefix(field, prefix), PREFIX_SCAN)
    ranked = heapq.nlargest(PREFIX_TERMS, scanned, key=lambda t: t[1].doc_frequency())
    budget = PREFIX_POSTINGS * max(1, reader.doc_count())
    from_bytes = reader.schema[field].from_bytes
    words: list[str] = []
    for word, info in ranked:
        if words and info.doc_frequency() > budget:
            break
        budget -= info.doc_frequency()
        words.append(from_bytes(word))
    return words


def _expand_typed(query: Query, reader, word: str) -> Query:
    """The word being typed (parsed as `_TYPED`) replaced, in each field it is searched in,
    by the word itself (as the field's analyzer reads it) and the most frequent indexed
    words it begins."""

    def visit(node: Query) -> Query:
        if not (isinstance(node, Term) and node.text == _TYPED):
            return node
        field = node.fieldname
        exact = [t.text for t in reader.schema[field].analyzer(word, mode="query")]
        words = dict.fromkeys([*exact, *_frequent_prefixed(reader, field, word.lower())])
        if not words:
            return NullQuery
        return _PreloadedOr([Term(field, w) for w in words], boost=node.boost)

    return query.accept(visit)


# Whoosh's writer memory per process during a full build. Whoosh counts only its posting
# buffers, and a writer process really holds two to three times this; a larger buffer
# barely speeds indexing.
WRITER_LIMIT_MB = 96

_PATH_ANALYZER = RegexTokenizer(r"[^/\\._\s-]+") | LowercaseFilter()


def _schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        digest=ID(stored=True),
        title=TEXT(analyzer=StemmingAnalyzer(), field_boost=2.0),
        body=TEXT(analyzer=StemmingAnalyzer()),
        source=TEXT(analyzer=RegexTokenizer() | LowercaseFilter()),
        path=TEXT(analyzer=_PATH_ANALYZER),
        date=DATETIME(sortable=True),
        files=NUMERIC(sortable=True),
    )


# Updates merge only the segments of the updates before them, once more than this many have
# piled up. Whoosh's own policy merges by a Fibonacci rule that every few updates rewrites
# a segment of thousands of stories, and Whoosh merges slowly: a small update took three
# times as long whenever it did. A merged segment is past the size limit and is
# not merged again, so no update rewrites more than about ten updates' worth of stories.
SMALL_SEGMENT_DOCS = 200
SMALL_SEGMENTS_KEPT = 10


def _merge_small(writer, segments):
    from whoosh.reading import SegmentReader

    small = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT_DOCS]
    if len(small) <= SMALL_SEGMENTS_KEPT:
        return list(segments)
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]


@dataclass(frozen=True, slots=True)
class RawHit:
    id: str
    score: float


def document(story: Story) -> dict:
    """What Whoosh holds of a story: its shown text once, with every version's title, its
    sources, paths and date. The other versions' texts stay in the store: a rewrite says
    the same story in other words, and a text glued from several articles, a version of
    its own, made real stories cost more to index than the raw files."""
    main = story.main
    body = "\n\n".join([*([main.caption] if main.caption else []), *main.bullets, *main.paragraphs])
    doc = {
        "id": story.id,
        "digest": story.digest,
        "title": "\n".join(dict.fromkeys(v.title for v in story.versions)),
        "body": body,
        "source": "\n".join(story.sources),
        "path": "\n".join(story.paths),
        "files": story.n_files,
    }
    if story.date:
        doc["date"] = dt.datetime.fromisoformat(story.date)
    return doc


def _storage(directory: Path, readonly: bool = False) -> FileStorage:
    # Not memory-mapped: Whoosh copies each mapped segment whole into a BytesIO, so every
    # reader (and every writer, which reads to delete) held the index twice over.
    return FileStorage(str(directory), supports_mmap=False, readonly=readonly)


class SearchIndex:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._ix: Any = None
        self._searcher: Any = None
        self._ranker = Ranker()

    # --- writing -------------------------------------------------------------------------

    def _open_for_write(self):
        if windex.exists_in(str(self.directory)):
            return _storage(self.directory).open_index()
        self.directory.mkdir(parents=True, exist_ok=True)
        return windex.create_in(str(self.directory), _schema())

    def reset(self) -> None:
        self.close()
        if self.directory.is_symlink() or self.directory.is_file():
            self.directory.unlink()
        elif self.directory.exists():
            shutil.rmtree(self.directory)

    def apply(
        self,
        stories: Iterable[Story],
        removed: Sequence[str],
        total: int,
        procs: int = 1,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Add or replace `stories` and delete `removed` ids, in one commit."""
        ix = self._open_for_write()
        fresh = ix.doc_count_all() == 0
        forks = fresh and procs > 1 and total > 1000
        if forks:
            # The sub-writers are forked from this process, which holds the build's data.
            # Their garbage collector would touch every object it inherited and so copy
            # each page of it; frozen objects are
            # left alone. Free pages go back first: a page the parent reuses after the
            # fork is copied while the writers still map the old one.
            gc.collect()
            gc.freeze()
            memory.trim()
            # multisegment: procs>1 without it can raise IndexError (mchaput/whoosh#35).
            writer = ix.writer(procs=procs, multisegment=True, limitmb=WRITER_LIMIT_MB)
        else:
            # An update's postings are written uncompressed: its segment is small, most of
            # its terms have a posting or two, and zlib on each tiny block was a fifth of
            # rewriting a huge story (blocks say whether they are compressed).
            codec = None if fresh else W3Codec(compression=0)
            writer = ix.writer(limitmb=WRITER_LIMIT_MB, timeout=60, codec=codec)
        try:
            for sid in removed:
                writer.delete_by_term("id", sid)
            for done, story in enumerate(stories, 1):
                if fresh:
                    writer.add_document(**document(story))
                else:
                    writer.update_document(**document(story))
                if progress and (done % 200 == 0 or done == total):
                    progress(done, total)
            writer.commit() if fresh else writer.commit(mergetype=_merge_small)
        except BaseException:
            writer.cancel()
            raise
        finally:
            if forks:
                gc.unfreeze()
        ix.close()

    def digests(self) -> dict[str, str]:
        """Every indexed story's digest, to check the index against the store."""
        ix = self._open_for_write()
        with ix.searcher() as s:
            found = {f["id"]: f.get("digest", "") for f in s.all_stored_fields()}
        ix.close()
        return found

    # --- reading -------------------------------------------------------------------------

    def _reader(self):
        try:
            if self._searcher is None:
                if not windex.exists_in(str(self.directory)):
                    return None
                self._ix = _storage(self.directory, readonly=True).open_index()
                self._searcher = self._ix.searcher()
            else:
                self._searcher = self._searcher.refresh()
        except Exception as exc:  # a damaged index raises whatever its broken files cause
            self.close()
            raise QueryError(
                "the search index is damaged; run `storyreader index` to rebuild it"
            ) from exc
        return self._searcher

    def healthy(self, expected: int) -> bool:
        """Whether the index opens and holds `expected` stories."""
        try:
            if not windex.exists_in(str(self.directory)):
                return expected == 0
            ix = _storage(self.directory, readonly=True).open_index()
            try:
                return ix.doc_count() == expected
            finally:
                ix.close()
        except Exception:
            return False

    def parse(self, text: str, partial: bool = False) -> Query:
        """The query `text` says; with `partial`, the text is still being typed: its last
        word may be unfinished (`hur` also finds `hurricane`), and what it cannot say yet
        raises UnfinishedQuery (a QueryError) rather than QueryError."""
        searcher = self._reader()
        if text.strip() in ("*", "*:*"):
            return Every()
        try:
            query, typed = self._parse(text, partial, searcher.schema if searcher else _schema())
        except UnfinishedQuery:
            raise
        except QueryError as exc:
            if partial:  # `(`, `title:` or `date:20` while typing: more is coming
                raise UnfinishedQuery(str(exc)) from exc
            raise
        if searcher is None:
            return query
        # Here: bounds needs this module's QueryError.
        from storyreader.search.storage.bounds import bound, check_fuzzy

        check_fuzzy(query)
        try:
            if typed is not None:
                query = _expand_typed(query, searcher.reader(), typed)
            query = _expand_fuzzy(query, searcher.reader())
        except Exception as exc:
            raise QueryError(f"cannot expand this query's fuzzy terms: {exc}") from exc
        return bound(query, searcher.reader())

    def _parse(self, text: str, partial: bool, schema: Schema) -> tuple[Query, str | None]:
        """The parsed query, and the word being typed if it stands as `_TYPED` in it."""
        check(text)
        typed = last_word(text, PREFIX_FIELDS) if partial else None
        if typed is not None and len(typed[1]) >= PREFIX_MIN_CHARS:
            text = text[: typed[0]] + _TYPED
        else:
            typed = None
        parser = MultifieldParser(["title", "body"], schema)
        parser.add_plugin(FuzzyTermPlugin())
        parser.add_plugin(GtLtPlugin())
        parser.add_plugin(DatePlugin())
        text = _FUZZ.sub(_fuzzy, text)
        try:
            query = parser.parse(text)
        except QueryError:
            raise
        except Exception as exc:  # Whoosh raises assorted errors for malformed input
            raise QueryError(f"cannot read this query: {exc}") from exc
        if query is NullQuery and partial:
            raise UnfinishedQuery("type on: one letter is not searched")
        if query is NullQuery:
            raise QueryError(
                "nothing to search for: single letters and common words (the, of …) are not indexed"
            )
        return query, typed[1] if typed else None

    def search(
        self, query: Query, limit: int | None = 20, sort_by_date: bool = False
    ) -> tuple[int, list[RawHit]]:
        searcher = self._reader()
        if searcher is None:
            return 0, []
        try:
            ranked = None if sort_by_date else self._ranker.top(searcher, query, limit)
            if ranked is not None:
                total, top = ranked
                return total, [
                    RawHit(searcher.stored_fields(docnum)["id"], score) for docnum, score in top
                ]
            if sort_by_date:
                results = searcher.search(query, limit=limit, sortedby="date", reverse=True)
            else:
                results = searcher.search(query, limit=limit)
            hits = [RawHit(hit["id"], float(hit.score or 0.0)) for hit in results]
            total = len(results) if results.has_exact_length() else results.estimated_length()
        except Exception as exc:
            raise QueryError(f"cannot run this query: {exc}") from exc
        return total, hits

    def terms(self, query: Query, fields: Sequence[str]) -> frozenset[str]:
        """The indexed words of `fields` that `query` matches, with fuzzy and wildcard
        terms expanded against the index (for highlighting)."""
        searcher = self._reader()
        found: set[str] = set()
        try:
            # Leaf by leaf: Whoosh's own existing_terms() keeps only the first leaf's field
            # after it (its loop variable shadows its field argument), so a fuzzy word's
            # expansions in the body were never highlighted.
            reader = searcher.reader() if searcher is not None else None
            pairs = (
                pair
                for leaf in query.leaves()
                for pair in (
                    leaf.expanded_terms(reader, phrases=True)
                    if reader is not None
                    else leaf.terms(phrases=True)
                )
            )
            for field, text in pairs:
                if field in fields:
                    found.add(text.decode("utf-8") if isinstance(text, bytes) else text)
        except Exception:  # a term Whoosh cannot expand: highlight the rest
            return frozenset(found)
        return frozenset(found)

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None


def index_exists(directory: Path) -> bool:
    return directory.exists() and windex.exists_in(str(directory))
