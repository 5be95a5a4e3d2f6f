"""Building and updating an index: files → articles → stories → Whoosh.

Only what changed is redone. A file is re-read when its size or modification time moved
(and re-cleaned only when its bytes did); a file whose furniture lines changed status is
re-cleaned; a story is rebuilt when its set of texts or any of their occurrences changed;
Whoosh receives only the stories whose digest changed. Every step is a pure function of
the corpus, so the result equals a full rebuild.

Reading and cleaning run in a process pool (up to four workers); the rest is cheap bookkeeping
and Whoosh, which is told about each story once.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import multiprocessing.pool
import os
import sqlite3
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import resource_tracker
from pathlib import Path

from filelock import FileLock, Timeout

from storyreader.search.dedup import rewrite, signature
from storyreader.search.dedup.edges import update_edges
from storyreader.search.dedup.grouping import group_stories, region
from storyreader.search.dedup.story import StoryTexts, build_story, members_digest
from storyreader.search.ingest import chrome
from storyreader.search.ingest.clean import clean
from storyreader.search.ingest.lines import Lines
from storyreader.search.ingest.read import (
    DEFAULT_GLOB,
    LARGE_FILE_BYTES,
    CorpusFile,
    LargeText,
    Unreadable,
    discover,
    read_text,
)
from storyreader.search.ingest.segment import split
from storyreader.search.model import Article, FileRecord, Setting, Skipped, TextRecord
from storyreader.search.storage import integrity, memory
from storyreader.search.storage.index import SearchIndex
from storyreader.search.storage.paths import store_path, whoosh_dir
from storyreader.search.storage.store import IndexFormatError, Store, remove_index_files

Progress = Callable[[str, int, int], None]

# Progress is told every this many files found, and every this many files read.
PROGRESS_FILES = 1000
PROGRESS_FILES_READ = 20
# Below this many files a process pool costs more to start than it saves.
POOL_MIN_FILES = 64
# Files handed to a worker at a time: large enough to amortise the round trip.
POOL_CHUNK = 16
# Characters of an article used for its fingerprints: a long feature article is ~50,000.
FINGERPRINT_MAX_CHARS = 200_000
# An article longer than this (a long feature is ~50,000) is not news: its file is skipped,
# as its story, indexed whole, would cost gigabytes.
MAX_ARTICLE_CHARS = 4_000_000
# Texts written to the store per batch while cleaning, and stories built per batch.
FLUSH_TEXTS = 500
# Pages read to learn a first build's furniture before the main pass (site furniture sits
# on every page of its site, so a sample shows it in plenty of contexts).
FURNITURE_SAMPLE = 2000
# Past this share of the corpus changed, the regrouping reads all edges at once.
REGION_IN_MEMORY = 0.2
STORY_BATCH = 200


class IndexBusy(Exception):
    """Another process is updating this index."""


@dataclass(slots=True)
class BuildReport:
    corpus: Path
    index_dir: Path
    files_seen: int = 0
    files_read: int = 0
    files_changed: int = 0
    files_removed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    articles: int = 0
    stories: int = 0
    stories_updated: int = 0
    seconds: float = 0.0
    rebuilt_reason: str | None = None
    furniture: int = 0
    # What the reading processes wrote, when it could not go to this process's stderr.
    worker_log: Path | None = None

    @property
    def copies_folded(self) -> int:
        return max(0, self.articles - self.stories)

    @property
    def unchanged(self) -> bool:
        return self.files_changed == 0 and self.files_removed == 0 and self.stories_updated == 0


# --- work done in the pool ---------------------------------------------------------------


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


def _init_worker(
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
        # What fingerprinting loads on first use (datasketch, the word frequencies) is
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
        return _worker_store.known_texts(keys)
    except sqlite3.Error:  # the store is read in passing: fingerprint instead
        return set()


def fingerprint(article: Article) -> TextRecord:
    sample = _sample(article.paragraphs)
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


def _sample(paragraphs: list[str]) -> list[str]:
    """The text that fingerprints an article: all of it, up to FINGERPRINT_MAX_CHARS.
    Which story a text belongs to shows in its first pages; a 20 MB line would otherwise
    take a gigabyte to fingerprint."""
    out, room = [], FINGERPRINT_MAX_CHARS
    for p in paragraphs:
        if room <= 0:
            break
        out.append(p[:room])
        room -= len(p)
    return out


@dataclass(frozen=True, slots=True)
class Workers:
    """How many processes read files, and where their output goes when this process's
    stderr is not a file of its own (`None`: they share it)."""

    count: int
    log: str | None = None
    store: str | None = None  # the index's store, to look texts up in

    @classmethod
    def for_build(cls, count: int, index_dir: Path) -> Workers:
        store = str(store_path(index_dir))
        if _stderr_fd() is not None:
            return cls(count, store=store)
        log = index_dir / WORKER_LOG
        log.unlink(missing_ok=True)
        return cls(count, str(log), store)


# Where pool workers write when the builder's stderr is captured (by a terminal app).
WORKER_LOG = "workers.log"


def _stderr_fd() -> int | None:
    """sys.stderr's file descriptor, or None when it has none (captured by an app: Textual's
    answers -1, pytest's raises)."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    return fd if isinstance(fd, int) and fd >= 0 else None


@contextmanager
def _spawning() -> Iterator[multiprocessing.context.SpawnContext]:
    """The context processes are spawned from (spawn, not fork: the reader app builds from
    a thread, and forking a threaded process can deadlock the child). multiprocessing
    starts its resource tracker, once, with sys.stderr's descriptor; when stderr has none
    it is started here with /dev/null in its place (an invalid one fails every spawn)."""
    if _stderr_fd() is None:
        captured = sys.stderr
        with open(os.devnull, "w") as devnull:
            sys.stderr = devnull
            try:
                resource_tracker.ensure_running()
            finally:
                # Only put it back if nobody else replaced it meanwhile (the app exiting).
                if sys.stderr is devnull:
                    sys.stderr = captured
    yield multiprocessing.get_context("spawn")


def _process(
    files: Sequence[CorpusFile],
    workers: Workers,
    furniture: frozenset[str],
    warm: multiprocessing.pool.Pool | None = None,
) -> Iterator[Processed]:
    """Every file processed: ordinary files in the pool (a few in the `warm` one, started
    with this `furniture`, when there is one), large ones here part by part (a large
    file's parts are never gathered in one message, so memory stays bounded)."""
    small = [f for f in files if f.size <= LARGE_FILE_BYTES]
    if warm is not None and small and len(small) < POOL_MIN_FILES:
        yield from warm.imap(process_file, small)
    else:
        yield from _run(process_file, small, workers, furniture)
    large = [f for f in files if f.size > LARGE_FILE_BYTES]
    if large:
        _init_worker(furniture, store=workers.store)
        for f in large:
            yield from process_large_file(f)


def _run(
    func, items: Sequence, workers: Workers, furniture: frozenset[str] = frozenset()
) -> Iterator:
    """`func` over `items` in a process pool, or in this process for small inputs."""
    if workers.count <= 1 or len(items) < POOL_MIN_FILES:
        _init_worker(furniture, store=workers.store)
        yield from map(func, items)
        return
    with _pool(workers, furniture) as pool:
        yield from pool.map(func, items, chunksize=POOL_CHUNK)


def _pool(workers: Workers, furniture: frozenset[str]) -> ProcessPoolExecutor:
    with _spawning() as ctx:
        return ProcessPoolExecutor(
            workers.count,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(furniture, os.getpid(), workers.log, workers.store),
        )


# The walk of a corpus this large (in files known to the store) takes about as long as a
# worker takes to start and load what fingerprinting needs; below it the worker
# would be waited for.
WARM_MIN_FILES = 20_000


def _warm_worker(store: Store, workers: Workers) -> multiprocessing.pool.Pool | None:
    """For an update of a large corpus, a worker started at once with last time's
    furniture: the few changed files are read there, and its start and imports overlap
    the walk of the corpus (0.6 s of a 5 s update at 100,000 files). A pool that can be
    terminated: an update with nothing to read must not wait for it to finish starting."""
    if workers.count < 2 or store.file_count() < WARM_MIN_FILES:
        return None
    with _spawning() as ctx:
        return ctx.Pool(
            1,
            initializer=_init_worker,
            initargs=(_furniture(store), os.getpid(), workers.log, workers.store),
        )


def _furniture(store: Store) -> frozenset[str]:
    return frozenset(json.loads(store.meta(Setting.FURNITURE, "[]")))


# --- the build ---------------------------------------------------------------------------


def build(
    corpus: Path,
    index_dir: Path,
    *,
    glob: str = DEFAULT_GLOB,
    follow_links: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    wait: float = 0,
    index_procs: int | None = None,
) -> BuildReport:
    """Bring the index in `index_dir` up to date with `corpus`."""
    started = time.perf_counter()
    memory.release_large_blocks()
    corpus = Path(os.path.abspath(corpus))
    integrity.claim(index_dir)
    n_workers = workers or min(os.cpu_count() or 1, 4)
    report = BuildReport(corpus, index_dir)
    notify = progress or (lambda phase, done, total: None)
    lock = FileLock(str(integrity.lock_path(index_dir)))
    try:
        lock.acquire(timeout=wait)
    except Timeout as exc:
        raise IndexBusy(f"another storyreader is updating the index in {index_dir}") from exc
    settings = json.dumps({"root": str(corpus), "glob": glob, "follow_links": follow_links})
    try:
        pool = Workers.for_build(n_workers, index_dir)
        unclean = integrity.build_started(index_dir)
        # A damaged page met on the way marks the index; the second pass checks and rebuilds.
        for second in (False, True):
            check = unclean or integrity.check_wanted(index_dir)
            store = _open_store(index_dir, settings, report, check)
            warm = _warm_worker(store, pool)
            try:
                _update(
                    store,
                    corpus,
                    index_dir,
                    settings,
                    glob,
                    follow_links,
                    pool,
                    notify,
                    report,
                    index_procs or n_workers,
                    warm,
                )
            except sqlite3.DatabaseError as exc:
                if second or not integrity.is_damage(exc):
                    raise
                integrity.damaged(index_dir, exc)
                continue
            finally:
                if warm is not None:
                    warm.terminate()
                store.close()
                gc.unfreeze()
            break
        integrity.build_finished(index_dir)
        report.worker_log = _kept_log(pool)
    finally:
        _init_worker(frozenset())  # this process's read of the store, if it read, closed
        lock.release()
    report.seconds = time.perf_counter() - started
    return report


def _kept_log(workers: Workers) -> Path | None:
    """The workers' log when they wrote something, else None (and no empty file left)."""
    if workers.log is None:
        return None
    log = Path(workers.log)
    try:
        if log.stat().st_size:
            return log
        log.unlink()
    except FileNotFoundError:
        pass
    return None


def _open_store(index_dir: Path, settings: str, report: BuildReport, check: bool = False) -> Store:
    """The index's store, started afresh when it is damaged (its pages are read through
    when `check`), foreign, of another format version, or was built for another corpus or
    other options."""
    try:
        store = Store.open(store_path(index_dir))
    except IndexFormatError as exc:
        report.rebuilt_reason = str(exc)
    else:
        problem = integrity.quick_check(store.db) if check else None
        if problem is not None:
            store.close()
            report.rebuilt_reason = f"index database is damaged ({problem})"
        elif store.meta(Setting.SETTINGS) in (None, settings):
            if check:
                # The search index may be as damaged as the store was: compare them.
                store.set_meta(Setting.WHOOSH_DIRTY, "1")
            return store
        else:
            store.close()
            report.rebuilt_reason = "the corpus or the options changed"
    remove_index_files(index_dir)
    SearchIndex(whoosh_dir(index_dir)).reset()
    return Store.open(store_path(index_dir))


def _update(
    store: Store,
    corpus: Path,
    index_dir: Path,
    settings: str,
    glob: str,
    follow_links: bool,
    workers: Workers,
    notify: Progress,
    report: BuildReport,
    index_procs: int,
    warm: multiprocessing.pool.Pool | None,
) -> None:
    notify("scanning", 0, 0)
    found: list[CorpusFile] = []
    walk_skips: list[Skipped] = []
    # The walk and the file states make a record for every file, none of them garbage:
    # left to it, the cyclic collector walked the whole heap again and again as it grew.
    # It waits until they
    # are made, and they are frozen out of its later passes until the build ends.
    gc.disable()
    try:
        for seen, item in enumerate(discover(corpus, glob, follow_links), 1):
            (walk_skips if isinstance(item, Skipped) else found).append(item)
            if seen % PROGRESS_FILES == 0:
                notify("scanning", seen, 0)
        known = store.file_states()
    finally:
        gc.freeze()
        gc.enable()
    report.files_seen = len(found) + len(walk_skips)
    present = {f.shown for f in found} | {s.path for s in walk_skips}
    removed = sorted(p for p in known if p not in present)
    to_scan = [
        f
        for f in found
        if (k := known.get(f.shown)) is None
        or k["skipped"] is not None
        or (k["size"], k["mtime_ns"]) != (f.size, f.mtime_ns)
    ]

    # An interrupted run leaves the dirty mark; a damaged or deleted search index is found
    # by counting. Either way it is repaired from the stories, which are the truth.
    pending_whoosh = store.meta(Setting.WHOOSH_DIRTY) == "1" or not SearchIndex(
        whoosh_dir(index_dir)
    ).healthy(store.story_count())
    walk_news = [
        s for s in walk_skips if (k := known.get(s.path)) is None or k["skipped"] != s.reason
    ]
    if not to_scan and not removed and not walk_news:
        _fill_counts(store, report)
        if pending_whoosh:
            _sync_whoosh(store, index_dir, [], [], True, index_procs, notify)
        return

    # One pass reads, splits and cleans every changed file, with the furniture the corpus
    # showed last time; the few files whose furniture changed are cleaned again below.
    guess = _furniture(store)
    if not guess and len(to_scan) >= 2 * FURNITURE_SAMPLE:
        # A first build: learn the furniture from a sample of pages first, so that the
        # one pass below cleans most files right and few are cleaned again.
        step = len(to_scan) // FURNITURE_SAMPLE
        sample = to_scan[::step]
        rows = (
            row
            for lines in _counted(_run(short_lines_of, sample, workers), "sampling", sample, notify)
            for row in lines
        )
        guess = chrome.learn_furniture(rows)
    file_records = [FileRecord(s.path, 0, 0, None, skipped=s.reason) for s in walk_skips]
    newly_skipped = [
        r.path
        for r in file_records
        if known.get(r.path) is None or known[r.path]["skipped"] is None
    ]
    changed_paths: list[str] = []
    with store.transaction():
        # A file that turned into a skipped link is neither scanned nor removed, but its
        # articles go all the same.
        dirty_keys = store.article_keys(
            sorted({f.shown for f in to_scan} | set(removed) | set(newly_skipped))
        )
        texts = _TextSink(store)
        parted: set[str] = set()  # large files whose first parts are stored already
        notify("reading", 0, len(to_scan))
        for done, result in enumerate(_process(to_scan, workers, guess, warm), 1):
            f = result.file
            rel = f.shown
            k = known.get(rel)
            if result.skipped:
                file_records.append(
                    FileRecord(rel, f.size, f.mtime_ns, None, skipped=result.skipped)
                )
                if rel in parted:
                    store.put_articles(rel, [])
                    store.put_shortlines_many({rel: []})
                if k is None or k["skipped"] is None or rel in parted:
                    newly_skipped.append(rel)
            elif result.digest is None or rel in parted:
                # A part of a large file: stored as it comes, the file counted as changed.
                store.put_shortlines_many({rel: result.shortlines}, append=rel in parted)
                store.put_articles(rel, result.articles, append=rel in parted)
                texts.add(result.texts)
                parted.add(rel)
                if result.digest is not None:
                    changed_paths.append(rel)
                    file_records.append(
                        FileRecord(
                            rel, f.size, f.mtime_ns, result.digest, result.encoding, result.n_lines
                        )
                    )
            else:
                file_records.append(
                    FileRecord(
                        rel, f.size, f.mtime_ns, result.digest, result.encoding, result.n_lines
                    )
                )
                if k is None or k["digest"] != result.digest or k["skipped"] is not None:
                    changed_paths.append(rel)
                    store.put_shortlines_many({rel: result.shortlines})
                    store.put_articles(rel, result.articles)
                    texts.add(result.texts)
            if done % PROGRESS_FILES_READ == 0 or done == len(to_scan):
                # (a large file comes in parts, each counted)
                notify("reading", min(done, len(to_scan)), len(to_scan))
        gone = sorted(set(removed) | set(newly_skipped))
        report.files_changed = len(changed_paths) + len(newly_skipped)
        report.files_removed = len(removed)
        if not changed_paths and not gone:
            # Nothing to re-read: at most some modification times moved.
            store.put_files(file_records)
            texts.close()
            changed_ids: list[str] = []
            removed_ids: list[str] = []
        else:
            store.forget_files(gone)
            store.put_files(file_records)
            store.put_raw_paths({f.shown: os.fsencode(f.rel) for f in to_scan if f.shown != f.rel})
            furniture = store.furniture(chrome.FURNITURE_MIN_CONTEXTS)
            report.furniture = len(furniture)
            by_rel = {f.shown: f for f in found}
            again = sorted(
                rel
                for rel in store.paths_with_lines(furniture ^ guess)
                if rel in by_rel and rel not in gone
            )
            if again:
                dirty_keys |= store.article_keys(again)
                notify("cleaning", 0, len(again))
                for done, result in enumerate(
                    _process([by_rel[r] for r in again], workers, furniture), 1
                ):
                    rel = result.file.shown
                    if result.skipped:
                        # The file changed while being read; it is reported, not half-read.
                        store.put_files([FileRecord(rel, 0, 0, None, skipped=result.skipped)])
                        store.put_articles(rel, [])
                        continue
                    store.put_articles(rel, result.articles)
                    texts.add(result.texts)
                    if done % PROGRESS_FILES_READ == 0 or done == len(again):
                        notify("cleaning", min(done, len(again)), len(again))
            new_keys = texts.close()
            dirty_keys |= new_keys | store.article_keys(changed_paths)

            notify("linking", 0, 0)
            store.drop_texts(store.orphan_texts(dirty_keys))
            dirty_keys |= update_edges(
                new_keys, store, dirty_keys, lambda done, total: notify("linking", done, total)
            )
            notify("grouping", 0, 0)
            changed_ids, removed_ids = _regroup(store, dirty_keys, notify)
            store.set_meta(Setting.FURNITURE, json.dumps(sorted(furniture), ensure_ascii=False))
        report.stories_updated = len(changed_ids) + len(removed_ids)
        store.set_meta(Setting.SETTINGS, settings)
        if changed_ids or removed_ids or pending_whoosh:
            store.set_meta(Setting.WHOOSH_DIRTY, "1")

    _fill_counts(store, report)
    if changed_ids or removed_ids or pending_whoosh:
        _sync_whoosh(
            store, index_dir, changed_ids, removed_ids, pending_whoosh, index_procs, notify
        )


def _counted(items: Iterable, phase: str, of: Sequence, notify: Progress) -> Iterator:
    """`items`, with progress told as they pass."""
    notify(phase, 0, len(of))
    done = 0
    for done, item in enumerate(items, 1):
        yield item
        if done % PROGRESS_FILES_READ == 0:
            notify(phase, done, len(of))
    notify(phase, done, len(of))


class _TextSink:
    """Distinct texts go to the store as they arrive, so a full build never holds them
    all; `close` returns the keys of those that were new."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.new: set[str] = set()
        self.pending: dict[str, TextRecord] = {}

    def add(self, records: Iterable[TextRecord]) -> None:
        for t in records:
            if t.key not in self.new:
                self.pending.setdefault(t.key, t)
        if len(self.pending) >= FLUSH_TEXTS:
            self._flush()

    def _flush(self) -> None:
        known = self.store.known_texts(self.pending)
        fresh = [t for k, t in self.pending.items() if k not in known]
        self.store.put_texts(fresh)
        self.new.update(t.key for t in fresh)
        self.pending.clear()

    def close(self) -> set[str]:
        self._flush()
        return self.new


def _fill_counts(store: Store, report: BuildReport) -> None:
    counts = store.counts()
    report.articles = counts["articles"]
    report.stories = counts["stories"]
    report.files_read = counts["files"]
    report.skipped = [Skipped(p, r) for p, r in store.skipped()]


def _regroup(store: Store, dirty: set[str], notify: Progress) -> tuple[list[str], list[str]]:
    """Regroup the part of the corpus that changed and rebuild its stories.

    The part that changed: every text connected by edges to a text whose occurrences
    changed, plus every text of a stored story that held one. Grouping depends on nothing
    outside a connected component, so the rest of the corpus keeps its stories as they are."""
    held = store.stories_holding(dirty)
    seeds = store.known_texts(dirty | {k for ks in held.values() for k in ks})
    if len(seeds) > REGION_IN_MEMORY * max(1, store.text_count()):
        graph = _MemoryGraph(store)
        edges_of, dates_of = graph.edges_of, graph.dates_of
    else:
        edges_of, dates_of = store.edges_touching, store.dates_for
    # The walk reads the dates of every text it takes in; kept, not read again.
    seen: dict[str, set[str]] = {}

    def dates_kept(keys: Iterable[str]) -> Mapping[str, set[str]]:
        found = dates_of(keys)
        seen.update(found)
        return found

    keys, edges = region(seeds, edges_of, dates_kept)
    held.update(store.stories_holding(keys))
    region_keys = sorted(keys)
    dates = {k: seen[k] for k in region_keys if k in seen}

    scores = store.scores_among(region_keys)
    stored = set(scores)
    stories = group_stories(
        region_keys, edges, dates, store.sizes(region_keys), store.features, scores
    )
    store.put_scores({pair: s for pair, s in scores.items() if pair not in stored})
    unchanged = {members_digest(ks): sid for sid, ks in held.items()}
    keep: set[str] = set()
    rebuild: list[list[str]] = []
    for members in stories:
        sid = unchanged.get(members_digest(members))
        if sid is not None and not dirty.intersection(members):
            keep.add(sid)
        else:
            rebuild.append(members)
    obsolete = sorted(sid for sid in held if sid not in keep)
    store.drop_stories(obsolete)
    changed = _build_stories(store, rebuild, edges, notify)
    return changed, sorted(set(obsolete) - set(changed))


class _MemoryGraph:
    """Every edge and date held in memory: when most of the corpus changed (a first
    build), one read beats a query per group."""

    def __init__(self, store: Store) -> None:
        self.adjacent: dict[str, list] = defaultdict(list)
        for e in store.edges_all():
            self.adjacent[e[0]].append(e)
            self.adjacent[e[1]].append(e)
        self.dates = store.dates_all()

    def edges_of(self, keys):
        return list({e for k in keys for e in self.adjacent.get(k, ())})

    def dates_of(self, keys):
        return {k: self.dates.get(k, set()) for k in keys}


def _build_stories(
    store: Store, groups: list[list[str]], edges: list, notify: Progress
) -> list[str]:
    story_of = {k: i for i, members in enumerate(groups) for k in members}
    story_edges: dict[int, list] = defaultdict(list)
    for e in edges:
        if (i := story_of.get(e[0])) is not None and story_of.get(e[1]) == i:
            story_edges[i].append(e)
    changed: list[str] = []
    notify("grouping", 0, len(groups))
    for start in range(0, len(groups), STORY_BATCH):
        batch = groups[start : start + STORY_BATCH]
        keys = [k for members in batch for k in members]
        texts = StoryTexts(store.paragraphs(keys), store.shingles(keys), store.features(keys))
        articles: dict[str, list] = defaultdict(list)
        for a in store.articles_for_keys(keys):
            articles[a.key].append(a)
        for offset, members in enumerate(batch):
            story = build_story(
                members,
                texts,
                [a for k in members for a in articles[k]],
                sorted(story_edges[start + offset]),
            )
            store.put_story(story, members_digest(members), members)
            changed.append(story.id)
        notify("grouping", min(start + STORY_BATCH, len(groups)), len(groups))
    return changed


def _sync_whoosh(
    store: Store,
    index_dir: Path,
    changed: list[str],
    removed: list[str],
    full_check: bool,
    procs: int,
    notify: Progress,
) -> None:
    """Send changed stories to Whoosh. After an interrupted run (`full_check`), compare
    every story's digest with what Whoosh holds and repair the difference."""
    index = SearchIndex(whoosh_dir(index_dir))
    if full_check:
        try:
            indexed = index.digests()
        except Exception:  # damaged beyond reading: start it again from the stories
            index.reset()
            indexed = {}
        current = store.story_digests()
        changed = sorted(sid for sid, d in current.items() if indexed.get(sid) != d)
        removed = sorted(sid for sid in indexed if sid not in current)
    stories = (s for sid in changed if (s := store.story(sid)) is not None)
    notify("indexing", 0, len(changed))

    def on_indexed(done: int, total: int) -> None:
        notify("indexing", done, total)
        if done == total:
            notify("saving", 0, 0)  # Whoosh's commit: writing the segment, no steps to count

    index.apply(stories, removed, len(changed), procs=procs, progress=on_indexed)
    with store.transaction():
        store.set_meta(Setting.WHOOSH_DIRTY, "0")
