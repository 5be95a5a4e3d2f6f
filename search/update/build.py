"""Building and updating an index: files → articles → stories → Whoosh.

Only what changed is redone. A file is re-read when its size or modification time moved
(and re-cleaned only when its bytes did); a file whose furniture lines changed status is
re-cleaned; a story is rebuilt when its set of texts or any of their occurrences changed;
Whoosh receives only the stories whose digest changed. Every step is a pure function of
the corpus, so the result equals a full rebuild.

An update is planned (`_plan`: the walk, and which files changed), read (`_read`: changed
files read, split and cleaned in the pool of `pool.py`, by the functions of `worker.py`) and
relinked (`_relink`: edges of the new texts, then `regroup.py`); `sync.py` tells Whoosh.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import multiprocessing.pool
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from storyreader.search.ingest.read import (
    DEFAULT_GLOB,
    CorpusFile,
    discover,
)
from storyreader.search.model import FileRecord, Setting, Skipped, TextRecord
from storyreader.search.storage import integrity, memory
from storyreader.search.storage.paths import store_path, whoosh_dir
from storyreader.search.storage.store import IndexFormatError, Store, remove_index_files
from storyreader.search.update.pool import (
    Workers,
    done_reading_here,
    process_files,
    run,
    stored_furniture,
    warm_worker,
)
from storyreader.search.update.progress import Progress
from storyreader.search.update.sync import sync_whoosh, whoosh_pending

# Progress is told every this many files found, and every this many files read.
PROGRESS_FILES = 1000
PROGRESS_FILES_READ = 20
# Texts written to the store per batch while cleaning, and stories built per batch.
FLUSH_TEXTS = 500
# Pages read to learn a first build's furniture before the main pass (site furniture sits
# on every page of its site, so a sample shows it in plenty of contexts).
FURNITURE_SAMPLE = 2000


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
            warm = warm_worker(store, pool)
            try:
                _update(
                    _Job(
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
                )
            except sqlite3.DatabaseError as exc:
                if second or not integrity.is_damage(exc):
                    raise
                integrity.damaged(index_dir, exc)
                continue
            finally:
                if warm is not None:
                    warm.terminate()
                # This process's read-only look at the store goes first: the store's last
                # connection to close checkpoints its log into the database file.
                done_reading_here()
                store.close()
                gc.unfreeze()
            break
        integrity.build_finished(index_dir)
        report.worker_log = _kept_log(pool)
    finally:
        done_reading_here()
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
    from storyreader.search.storage.index import SearchIndex  # (Whoosh: a rebuild's cost)

    remove_index_files(index_dir)
    SearchIndex(whoosh_dir(index_dir)).reset()
    return Store.open(store_path(index_dir))


@dataclass(slots=True)
class _Job:
    """One pass of a build over its store: what every step of it needs."""

    store: Store
    corpus: Path
    index_dir: Path
    settings: str
    glob: str
    follow_links: bool
    workers: Workers
    notify: Progress
    report: BuildReport
    index_procs: int
    warm: multiprocessing.pool.Pool | None


@dataclass(slots=True)
class _Plan:
    """What the walk found, and which files of it must be read (again)."""

    found: list[CorpusFile]
    walk_skips: list[Skipped]
    known: dict[str, sqlite3.Row]
    removed: list[str]
    to_scan: list[CorpusFile]
    walk_news: list[Skipped]
    pending_whoosh: bool

    @property
    def idle(self) -> bool:
        return not self.to_scan and not self.removed and not self.walk_news


@dataclass(slots=True)
class _Read:
    """What reading the changed files left to link and group."""

    file_records: list[FileRecord]
    newly_skipped: list[str]
    changed_paths: list[str]
    dirty_keys: set[str]
    texts: _TextSink


def _update(job: _Job) -> None:
    store, report = job.store, job.report
    plan = _plan(job)
    if plan.idle:
        _fill_counts(store, report)
        if plan.pending_whoosh:
            sync_whoosh(store, job.index_dir, [], [], True, job.index_procs, job.notify)
        return
    guess = _first_furniture(job, plan)
    with store.transaction():
        read = _read(job, plan, guess)
        gone = sorted(set(plan.removed) | set(read.newly_skipped))
        report.files_changed = len(read.changed_paths) + len(read.newly_skipped)
        report.files_removed = len(plan.removed)
        if not read.changed_paths and not gone:
            # Nothing to re-read: at most some modification times moved.
            store.files.put(read.file_records)
            read.texts.close()
            changed_ids: list[str] = []
            removed_ids: list[str] = []
        else:
            changed_ids, removed_ids = _relink(job, plan, read, gone, guess)
        report.stories_updated = len(changed_ids) + len(removed_ids)
        store.set_meta(Setting.SETTINGS, job.settings)
        whoosh_due = bool(changed_ids or removed_ids or plan.pending_whoosh)
        if whoosh_due:
            store.set_meta(Setting.WHOOSH_DIRTY, "1")

    _fill_counts(store, report)
    if whoosh_due:
        sync_whoosh(
            store,
            job.index_dir,
            changed_ids,
            removed_ids,
            plan.pending_whoosh,
            job.index_procs,
            job.notify,
        )


def _plan(job: _Job) -> _Plan:
    """Walk the corpus and tell the files to read from those unchanged since last time."""
    store, notify = job.store, job.notify
    notify("scanning", 0, 0)
    found: list[CorpusFile] = []
    walk_skips: list[Skipped] = []
    # The walk and the file states make a record for every file, none of them garbage:
    # left to it, the cyclic collector walks the whole heap again and again as it grows.
    # It waits until they are made, and they are frozen out of its later passes until the
    # build ends.
    gc.disable()
    try:
        for seen, item in enumerate(discover(job.corpus, job.glob, job.follow_links), 1):
            if isinstance(item, Skipped):
                walk_skips.append(item)
            else:
                found.append(item)
            if seen % PROGRESS_FILES == 0:
                notify("scanning", seen, 0)
        known = store.files.states()
    finally:
        gc.freeze()
        gc.enable()
    job.report.files_seen = len(found) + len(walk_skips)
    present = {f.shown for f in found} | {s.path for s in walk_skips}
    # Either way Whoosh is repaired from the stories, which are the truth.
    pending_whoosh = whoosh_pending(store, job.index_dir)
    return _Plan(
        found=found,
        walk_skips=walk_skips,
        known=known,
        removed=sorted(p for p in known if p not in present),
        to_scan=[
            f
            for f in found
            if (k := known.get(f.shown)) is None
            or k["skipped"] is not None
            or (k["size"], k["mtime_ns"]) != (f.size, f.mtime_ns)
        ],
        walk_news=[
            s for s in walk_skips if (k := known.get(s.path)) is None or k["skipped"] != s.reason
        ],
        pending_whoosh=pending_whoosh,
    )


def _first_furniture(job: _Job, plan: _Plan) -> frozenset[str]:
    """The furniture the one reading pass cleans with: what the corpus showed last time,
    or, on a first build of many files, what a sample of its pages shows."""
    guess = stored_furniture(job.store)
    if guess or len(plan.to_scan) < 2 * FURNITURE_SAMPLE:
        return guess
    from storyreader.search.ingest import chrome
    from storyreader.search.update.worker import short_lines_of

    # So that the one pass cleans most files right and few are cleaned again.
    step = len(plan.to_scan) // FURNITURE_SAMPLE
    sample = plan.to_scan[::step]
    rows = (
        row
        for lines in _counted(
            run(short_lines_of, sample, job.workers), "sampling", sample, job.notify
        )
        for row in lines
    )
    return chrome.learn_furniture(rows)


def _read(job: _Job, plan: _Plan, guess: frozenset[str]) -> _Read:
    """Read, split and clean every changed file in one pass, storing its articles and new
    texts as they come."""
    store, notify, known, to_scan = job.store, job.notify, plan.known, plan.to_scan
    file_records = [FileRecord(s.path, 0, 0, None, skipped=s.reason) for s in plan.walk_skips]
    newly_skipped = [
        r.path
        for r in file_records
        if known.get(r.path) is None or known[r.path]["skipped"] is None
    ]
    changed_paths: list[str] = []
    # A file that turned into a skipped link is neither scanned nor removed, but its
    # articles go all the same.
    dirty_keys = store.articles.keys_in(
        sorted({f.shown for f in to_scan} | set(plan.removed) | set(newly_skipped))
    )
    texts = _TextSink(store)
    parted: set[str] = set()  # large files whose first parts are stored already
    notify("reading", 0, len(to_scan))
    for done, result in enumerate(process_files(to_scan, job.workers, guess, job.warm), 1):
        f = result.file
        rel = f.shown
        k = known.get(rel)
        if result.skipped:
            file_records.append(FileRecord(rel, f.size, f.mtime_ns, None, skipped=result.skipped))
            if rel in parted:
                store.articles.put(rel, [])
                store.lines.put({rel: []})
            if k is None or k["skipped"] is None or rel in parted:
                newly_skipped.append(rel)
        elif result.digest is None or rel in parted:
            # A part of a large file: stored as it comes, the file counted as changed.
            store.lines.put({rel: result.shortlines}, append=rel in parted)
            store.articles.put(rel, result.articles, append=rel in parted)
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
                FileRecord(rel, f.size, f.mtime_ns, result.digest, result.encoding, result.n_lines)
            )
            if k is None or k["digest"] != result.digest or k["skipped"] is not None:
                changed_paths.append(rel)
                store.lines.put({rel: result.shortlines})
                store.articles.put(rel, result.articles)
                texts.add(result.texts)
        if done % PROGRESS_FILES_READ == 0 or done == len(to_scan):
            # (a large file comes in parts, each counted)
            notify("reading", min(done, len(to_scan)), len(to_scan))
    return _Read(file_records, newly_skipped, changed_paths, dirty_keys, texts)


def _relink(
    job: _Job, plan: _Plan, read: _Read, gone: list[str], guess: frozenset[str]
) -> tuple[list[str], list[str]]:
    """Record the files, clean again the few whose furniture changed, then link the new
    texts and regroup what they touch: the ids of the stories changed and removed."""
    # The stages that link and group, imported only by an update that has texts to link.
    from storyreader.search.dedup.edges import drop_texts, update_edges
    from storyreader.search.ingest import chrome
    from storyreader.search.update.regroup import regroup

    store, notify, dirty_keys = job.store, job.notify, read.dirty_keys
    store.files.forget(gone)
    store.files.put(read.file_records)
    store.files.put_raw_paths(
        {f.shown: os.fsencode(f.rel) for f in plan.to_scan if f.shown != f.rel}
    )
    furniture = store.lines.furniture(chrome.FURNITURE_MIN_CONTEXTS)
    job.report.furniture = len(furniture)
    by_rel = {f.shown: f for f in plan.found}
    again = sorted(
        rel
        for rel in store.lines.paths_with(furniture ^ guess)
        if rel in by_rel and rel not in gone
    )
    if again:
        dirty_keys |= store.articles.keys_in(again)
        notify("cleaning", 0, len(again))
        for done, result in enumerate(
            process_files([by_rel[r] for r in again], job.workers, furniture), 1
        ):
            rel = result.file.shown
            if result.skipped:
                # The file changed while being read; it is reported, not half-read.
                store.files.put([FileRecord(rel, 0, 0, None, skipped=result.skipped)])
                store.articles.put(rel, [])
                continue
            store.articles.put(rel, result.articles)
            read.texts.add(result.texts)
            if done % PROGRESS_FILES_READ == 0 or done == len(again):
                notify("cleaning", min(done, len(again)), len(again))
    new_keys = read.texts.close()
    dirty_keys |= new_keys | store.articles.keys_in(read.changed_paths)

    notify("linking", 0, 0)
    drop_texts(store, store.texts.orphans(dirty_keys))
    dirty_keys |= update_edges(
        new_keys, store, dirty_keys, lambda done, total: notify("linking", done, total)
    )
    notify("grouping", 0, 0)
    changed_ids, removed_ids = regroup(store, dirty_keys, notify)
    store.set_meta(Setting.FURNITURE, json.dumps(sorted(furniture), ensure_ascii=False))
    return changed_ids, removed_ids


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
        known = self.store.texts.known(self.pending)
        fresh = [t for k, t in self.pending.items() if k not in known]
        self.store.texts.put(fresh)
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
    report.skipped = [Skipped(p, r) for p, r in store.files.skipped()]
