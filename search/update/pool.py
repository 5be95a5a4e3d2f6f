"""The processes that read files: how many, where their output goes, and how files are
handed to them (spawned, never forked, so that a threaded app can build).

What reads a file (`worker.py`: cleaning, fingerprinting, numpy) is imported where files
are read, so that an update with nothing to read never loads it."""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.pool
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import resource_tracker
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyreader.search.ingest.read import LARGE_FILE_BYTES, CorpusFile
from storyreader.search.model import Setting
from storyreader.search.storage.paths import store_path
from storyreader.search.storage.store import Store

if TYPE_CHECKING:
    from storyreader.search.update.worker import Processed

# Below this many files a process pool costs more to start than it saves.
POOL_MIN_FILES = 64
# Files handed to a worker at a time: large enough to amortise the round trip.
POOL_CHUNK = 16


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


def process_files(
    files: Sequence[CorpusFile],
    workers: Workers,
    furniture: frozenset[str],
    warm: multiprocessing.pool.Pool | None = None,
) -> Iterator[Processed]:
    """Every file processed: ordinary files in the pool (a few in the `warm` one, started
    with this `furniture`, when there is one), large ones here part by part (a large
    file's parts are never gathered in one message, so memory stays bounded)."""
    from storyreader.search.update.worker import process_file, process_large_file

    small = [f for f in files if f.size <= LARGE_FILE_BYTES]
    if warm is not None and small and len(small) < POOL_MIN_FILES:
        yield from warm.imap(process_file, small)
    else:
        yield from run(process_file, small, workers, furniture)
    large = [f for f in files if f.size > LARGE_FILE_BYTES]
    if large:
        read_here(furniture, workers.store)
        for f in large:
            yield from process_large_file(f)


def run(
    func: Callable[[Any], Any],
    items: Sequence[Any],
    workers: Workers,
    furniture: frozenset[str] = frozenset(),
) -> Iterator[Any]:
    """`func` over `items` in a process pool, or in this process for small inputs."""
    if workers.count <= 1 or len(items) < POOL_MIN_FILES:
        read_here(furniture, workers.store)
        yield from map(func, items)
        return
    with make_pool(workers, furniture) as pool:
        yield from pool.map(func, items, chunksize=POOL_CHUNK)


# Whether this process read files itself (and so holds the store open for reading).
_reading_here = False


def read_here(furniture: frozenset[str], store: str | None) -> None:
    """Make this process a reader of files, as a pool worker is."""
    global _reading_here
    from storyreader.search.update.worker import init_worker

    init_worker(furniture, store=store)
    _reading_here = True


def done_reading_here() -> None:
    """This process's read-only look at the store, if it read files itself, closed."""
    global _reading_here
    if _reading_here:
        from storyreader.search.update.worker import init_worker

        init_worker(frozenset())
        _reading_here = False


def make_pool(workers: Workers, furniture: frozenset[str]) -> ProcessPoolExecutor:
    from storyreader.search.update.worker import init_worker

    with _spawning() as ctx:
        return ProcessPoolExecutor(
            workers.count,
            mp_context=ctx,
            initializer=init_worker,
            initargs=(furniture, os.getpid(), workers.log, workers.store),
        )


# The walk of a corpus this large (in files known to the store) takes about as long as a
# worker takes to start and load what fingerprinting needs; below it the worker
# would be waited for.
WARM_MIN_FILES = 20_000


def warm_worker(store: Store, workers: Workers) -> multiprocessing.pool.Pool | None:
    """For an update of a large corpus, a worker started at once with last time's
    furniture: the few changed files are read there, and its start and imports overlap
    the walk of the corpus (0.6 s of a 5 s update at 100,000 files). A pool that can be
    terminated: an update with nothing to read must not wait for it to finish starting."""
    if workers.count < 2 or store.files.count() < WARM_MIN_FILES:
        return None
    from storyreader.search.update.worker import init_worker

    with _spawning() as ctx:
        return ctx.Pool(
            1,
            initializer=init_worker,
            initargs=(stored_furniture(store), os.getpid(), workers.log, workers.store),
        )


def stored_furniture(store: Store) -> frozenset[str]:
    return frozenset(json.loads(store.meta(Setting.FURNITURE) or "[]"))
