"""What was read from every file: its state (to tell a changed file from an unchanged one),
the real bytes of names shown escaped, why a file was skipped, and its short lines with
their neighbours (from which furniture is learned across the corpus)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter

from storyreader.search.model import FileRecord
from storyreader.search.storage.tables.base import Tables

SCHEMA = """
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest TEXT,
    encoding TEXT,
    n_lines INTEGER,
    skipped TEXT
);
CREATE TABLE raw_paths (path TEXT PRIMARY KEY, raw BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE shortlines (path TEXT NOT NULL, line TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL);
CREATE INDEX shortlines_path ON shortlines(path);
CREATE INDEX shortlines_line ON shortlines(line);
"""


class Files(Tables):
    def states(self) -> dict[str, sqlite3.Row]:
        """What telling a changed file from an unchanged one needs (size, mtime_ns, digest,
        skipped), for every known file, as rows made in C: records made in Python are
        slower at this size, on every update."""
        cursor = self.db.cursor()
        cursor.row_factory = sqlite3.Row
        rows = cursor.execute("SELECT path, size, mtime_ns, digest, skipped FROM files").fetchall()
        return dict(zip(map(itemgetter(0), rows), rows, strict=True))

    def put(self, records: Iterable[FileRecord]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (r.path, r.size, r.mtime_ns, r.digest, r.encoding, r.n_lines, r.skipped)
                for r in records
            ],
        )

    def put_raw_paths(self, raw: Mapping[str, bytes]) -> None:
        """File names that are shown escaped (bytes that are not UTF-8, a newline) keep
        their real bytes here, so the file can be opened again."""
        self.db.executemany("INSERT OR REPLACE INTO raw_paths VALUES (?, ?)", list(raw.items()))

    def raw_path(self, path: str) -> bytes | None:
        row = self.db.execute("SELECT raw FROM raw_paths WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def skipped(self) -> list[tuple[str, str]]:
        return self.db.execute(
            "SELECT path, skipped FROM files WHERE skipped IS NOT NULL ORDER BY path"
        ).fetchall()

    def forget(self, paths: Sequence[str]) -> None:
        """Forget files and everything read from them (their articles too)."""
        self._delete(
            [
                "files WHERE path",
                "raw_paths WHERE path",
                "shortlines WHERE path",
                "articles WHERE path",
            ],
            paths,
        )

    def count(self) -> int:
        return self._count("files")


class ShortLines(Tables):
    def put(
        self, by_path: Mapping[str, Iterable[tuple[str, str, str]]], append: bool = False
    ) -> None:
        if not append:
            self._delete(["shortlines WHERE path"], by_path)
        self.db.executemany(
            "INSERT INTO shortlines VALUES (?, ?, ?, ?)",
            [(path, *row) for path, rows in by_path.items() for row in rows],
        )

    def furniture(self, min_contexts: int) -> frozenset[str]:
        """`chrome.learn_furniture` over every stored short line seen in more than one
        file, counted by SQLite rather than in Python."""
        return frozenset(
            row[0]
            for row in self.db.execute(
                "SELECT line FROM shortlines GROUP BY line HAVING count(DISTINCT path) > 1"
                " AND count(DISTINCT before) >= ? AND count(DISTINCT after) >= ?",
                (min_contexts, min_contexts),
            )
        )

    def paths_with(self, lines: Iterable[str]) -> set[str]:
        return {p for (p,) in self._select("SELECT DISTINCT path FROM shortlines", "line", lines)}
