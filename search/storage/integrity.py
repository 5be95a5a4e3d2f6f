"""Telling a damaged index from a good one, cheaply and where it matters.

A full check of the store reads every page, so it runs only when there is a reason: a
build that did not finish (its mark is still there), or a reader that met a damaged page
(it leaves a mark). Readers never repair; the next build does, from the corpus.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from storyreader.search.storage.errors import QueryError

# Left in the index folder while a build runs: still there at the next build, the last one
# stopped uncleanly (killed, power cut, disk full) and the store is checked before use.
RUNNING = "build.running"
# Left by a reader that met a damaged page: the next build checks and rebuilds.
DAMAGED = "damaged"
# Our mark on an index folder: a build deletes and rewrites only in a folder that has it.
MARKER = "STORYREADER-INDEX"
_MARKER_TEXT = "A storyreader index: storyreader may delete and rewrite what this folder holds.\n"
# What an index made before the mark existed holds; such a folder is adopted.
_OURS = frozenset({"store.sqlite", "store.sqlite-wal", "store.sqlite-shm", "whoosh", "write.lock"})
_APP_ID = b"STRY"  # the store's application_id, bytes 68-71 of an SQLite file


class IndexDamaged(QueryError):
    """The index cannot be read as it is; rebuilding it from the corpus repairs it."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the index is damaged ({reason}); `storyreader index` rebuilds it")
        self.reason = reason


class IndexFolderError(Exception):
    """The index folder holds something a build must not touch; the message says what."""


def claim(index_dir: Path) -> None:
    """Make `index_dir` ours before a build writes in it: create it, or mark an empty one
    or an index made before the mark; refuse a folder holding anything else."""
    if index_dir.is_symlink() and not index_dir.exists():
        raise IndexFolderError(f"the index folder {_shown(index_dir)} is a broken link")
    if not index_dir.exists():
        # Only its owner may read it: it holds the text of the corpus, whatever its modes.
        index_dir.mkdir(parents=True, mode=0o700)
    elif not index_dir.is_dir():
        raise IndexFolderError(f"the index folder {_shown(index_dir)} is not a folder")
    marker = index_dir / MARKER
    if marker.is_file() and not marker.is_symlink():
        return
    names = set(os.listdir(index_dir))
    if names and not _old_index(index_dir, names):
        raise IndexFolderError(
            f"{_shown(index_dir)} is not a storyreader index folder and is not empty;"
            " give --index an empty or new folder"
        )
    marker.unlink(missing_ok=True)  # a link named like the mark is not the mark
    marker.write_text(_MARKER_TEXT)


def _old_index(index_dir: Path, names: set[str]) -> bool:
    if not names <= _OURS or "store.sqlite" not in names:
        return False
    store = index_dir / "store.sqlite"
    if store.is_symlink() or not store.is_file():
        return False
    with open(store, "rb") as f:
        head = f.read(72)
    if not (head.startswith(b"SQLite format 3\x00") and head[68:72] == _APP_ID):
        return False
    whoosh = index_dir / "whoosh"
    if not whoosh.exists():
        return True
    return whoosh.is_dir() and all(n.lstrip("_").startswith("MAIN") for n in os.listdir(whoosh))


def _shown(path: Path) -> str:
    from storyreader.search.safe import visible

    return visible(str(path), keep_newlines=False)


def damaged(index_dir: Path, exc: BaseException) -> IndexDamaged:
    """Mark `index_dir` for a check at the next build; the error to raise to the caller."""
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    # In a read-only index folder no mark is left; the error still says what to do.
    with contextlib.suppress(OSError):
        (index_dir / DAMAGED).write_text(reason + "\n")
    return IndexDamaged(reason)


# SQLite's result codes that mean the file is not what it should be (a full disk, a lock
# or a read-only file do not: rebuilding would not help).
_DAMAGE_CODES = frozenset({1, 11, 17, 26})  # ERROR (no such table...), CORRUPT, SCHEMA, NOTADB


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    return getattr(exc, "sqlite_errorcode", 1) & 0xFF in _DAMAGE_CODES


def check_wanted(index_dir: Path) -> bool:
    """Whether a reader found the index damaged since the last build."""
    return (index_dir / DAMAGED).exists()


def quick_check(db: sqlite3.Connection) -> str | None:
    """None when SQLite's quick check finds the database sound, else its first complaint."""
    try:
        rows = db.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    problem = rows[0][0] if rows else "no answer"
    return None if problem == "ok" else str(problem)


def build_started(index_dir: Path) -> bool:
    """Mark a build as running; True when the last one did not finish."""
    mark = index_dir / RUNNING
    unclean = mark.exists()
    mark.touch()
    return unclean


def lock_path(index_dir: Path) -> Path:
    """The build lock's file. A link there is removed (opening it would truncate its
    target); anything else that is not a file is refused."""
    path = index_dir / "write.lock"
    if path.is_symlink():
        path.unlink()
    elif path.is_dir():
        try:
            path.rmdir()
        except OSError as exc:
            raise IndexFolderError(f"{path} is a folder, not a lock file; remove it") from exc
    elif path.exists() and not path.is_file():
        raise IndexFolderError(f"{path} is not a lock file; remove it")
    return path


def build_finished(index_dir: Path) -> None:
    for name in (RUNNING, DAMAGED):
        (index_dir / name).unlink(missing_ok=True)
