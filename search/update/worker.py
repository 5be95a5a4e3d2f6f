"""What a reading process does with one file: read, split, clean and fingerprint it.

The functions here run in pool workers (spawned processes) or, for small inputs, in the
builder itself; the worker's state is its module globals, set by `init_worker`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyreader.search.dedup import rewrite, signature
from storyreader.search.ingest import chrome
from storyreader.search.ingest.clean import clean
from storyreader.search.ingest.lines import Lines
from storyreader.search.ingest.read import (
    LARGE_FILE_BYTES,
    CorpusFile,
    LargeText,
    Unreadable,
    read_text,
)
from storyreader.search.ingest.segment import split
from storyreader.search.model import Article, Opened, TextRecord
from storyreader.search.storage.store import IndexFormatError, Store

# An article longer than this (a long feature is ~50,000) is not news: its file is skipped,
# as its story, indexed whole, would cost gigabytes.
MAX_ARTICLE_CHARS = 4_000_000


@dataclass(slots=True)
class Processed:
    """What a worker makes of one file: its record, its furniture candidates, its
    articles and the fingerprints of texts the worker had not seen yet."""

    file: CorpusFile
    digest: str | None = None
    encoding: str | None = None
    n_lines: int = 0
    shortlines: list[tuple[str, str, str]] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    texts: list[TextRecord] = field(default_factory=list)
    skipped: str | None = None


_worker_furniture: frozenset[str] = frozenset()
_worker_seen: set[str] = set()
# The index's store, read-only: texts it holds are not fingerprinted again.
_worker_store: Store | None = None


def init_worker(
    furniture: frozenset[str],
    parent: int | None = None,
    log: str | None = None,
    store: str | None = None,
) -> None:
    global _worker_furniture, _worker_seen, _worker_store
    _worker_furniture = furniture
    _worker_seen = set()
    if _worker_store is not None:
        _worker_store.close()
    _worker_store = _open_readonly(store)
    if log is not None:
        _write_output_to(log)
    if parent is not None:
        # A pool worker outlives a parent killed with SIGKILL (nothing tells it); it
        # watches for that and leaves instead of waiting forever. The parent's pid comes
        # from the parent: one killed while this worker was still starting is gone already.
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
        # What fingerprinting loads on first use (the word frequencies) is
        # loaded now, while the parent is still walking the corpus.
        signature.near_bands(signature.shingles(["warm up the fingerprints now"]))
        rewrite.prepare("", ["warm"])


def _open_readonly(path: str | None) -> Store | None:
    """The store at `path` for reading, or None when there is none to read (yet)."""
    if path is None:
        return None
    try:
        return Store.open(Path(path), readonly=True)
    except (IndexFormatError, sqlite3.Error):
        return None


def _write_output_to(log: str) -> None:
    """This worker's stdout and stderr go to `log` from now on: the parent's stderr is a
    terminal that an app draws on, where a warning would land in the middle of its screen."""
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def process_file(file: CorpusFile) -> Processed:
    """Read, split and clean one file; fingerprint the texts this worker has not seen
    (exact copies are hashed first, so only distinct texts pay for MinHash)."""
    try:
        text = read_text(file.path)
        done = _process_lines(file, text.lines, 1)
    except Unreadable as exc:
        return Processed(file, skipped=str(exc))
    done.digest, done.encoding, done.n_lines = text.digest, text.encoding, len(text.lines)
    return done


def short_lines_of(file: CorpusFile) -> list[tuple[str, str, str]]:
    """Just the furniture candidates of a file (for learning furniture from a sample)."""
    try:
        text = read_text(file.path) if file.size <= LARGE_FILE_BYTES else None
    except Unreadable:
        return []
    if text is None:
        return []
    return [(s.line, s.before, s.after) for s in chrome.short_lines(Lines.of(text.lines))]


def process_large_file(file: CorpusFile) -> Iterator[Processed]:
    """A file too large to hold at once, part by part (see read.LargeText); the last part
    carries the file's digest, encoding and line count."""
    large = LargeText(file.path)
    previous = None
    try:
        for part in large.parts():
            if previous is not None:
                yield previous
            previous = _process_lines(file, part.lines, part.first_line)
    except Unreadable as exc:
        yield Processed(file, skipped=str(exc))
        return
    last = previous or Processed(file)
    last.digest, last.encoding, last.n_lines = large.digest, large.encoding, large.n_lines
    yield last


def _process_lines(file: CorpusFile, raw: list[str], first_line: int) -> Processed:
    rel = file.shown
    lines = Lines.of(raw)
    rows = sorted((s.line, s.before, s.after) for s in chrome.short_lines(lines))
    articles = [
        clean(lines, seg, rel, _worker_furniture) for seg in split(lines, _worker_furniture)
    ]
    if any(sum(map(len, a.paragraphs)) > MAX_ARTICLE_CHARS for a in articles):
        raise Unreadable(f"an article of more than {MAX_ARTICLE_CHARS:,} characters (not news)")
    if first_line != 1:
        for a in articles:
            a.start_line += first_line - 1
            a.end_line += first_line - 1
            if a.opened_by is Opened.FIRST:
                a.opened_by = Opened.PART
    # Exact copies are the most of a scrape: a text this worker fingerprinted already, or
    # one the store held before this build, is known by its key and not fingerprinted.
    unseen = {a.key: a for a in articles if a.key not in _worker_seen}
    _worker_seen.update(unseen)
    stored = _stored(unseen) if unseen else set()
    texts = [fingerprint(a) for k, a in unseen.items() if k not in stored]
    return Processed(file, shortlines=rows, articles=articles, texts=texts)


def _stored(keys: Iterable[str]) -> set[str]:
    if _worker_store is None:
        return set()
    try:
        return _worker_store.texts.known(keys)
    except sqlite3.Error:  # the store is read in passing: fingerprint instead
        return set()


def fingerprint(article: Article) -> TextRecord:
    sample = signature.sample(article.paragraphs)
    shingles = signature.shingles(sample)
    features = rewrite.prepare(article.title, sample)
    return TextRecord(
        key=article.key,
        paragraphs=article.paragraphs,
        n_words=rewrite.n_words(features),
        shingles=shingles,
        bands=signature.near_bands(shingles),
        blocks=rewrite.block_keys(features),
        features=features,
    )
