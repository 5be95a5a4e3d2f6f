"""Telling a damaged index from a good one, cheaply and where it matters.

A full check of the store reads every page, so it runs only when there is a reason: a
build that did not finish (its mark is still there), or a reader that met a damaged page
(it leaves a mark). Readers never repair; the next build does, from the corpus.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from .index import QueryError

# Left in the index folder while a build runs: still there at the next build, the last one
# stopped uncleanly (killed, power cut, disk full) and the store is checked before use.
RUNNING = "build.running"
# Left by a reader that met a damaged page: the next build checks and rebuilds.
DAMAGED = "damaged"


class IndexDamaged(QueryError):
    """The index cannot be read as it is; rebuilding it from the corpus repairs it."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the index is damaged ({reason}); `storyreader index` rebuilds it")
        self.reason = reason


class IndexFolderError(Exception):
    """The index folder holds something a build must not touch; the message says what."""


def damaged(index_dir: Path, exc: BaseException) -> IndexDamaged:
    """Mark `index_dir` for a check at the next build; the error to raise to the caller."""
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    # In a read-only index folder no mark is left; the error still says what to do.
    with contextlib.suppress(OSError):
        (index_dir / DAMAGED).write_text(reason + "\n")
    return IndexDamaged(reason)


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
