"""Similarity edges between texts, and the rewrite scores of representatives kept between
updates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from storyreader.search.model import Edge, EdgeKind
from storyreader.search.storage.tables.base import Tables

SCHEMA = """
CREATE TABLE edges (
    a TEXT NOT NULL, b TEXT NOT NULL, kind INTEGER NOT NULL, sim REAL NOT NULL,
    PRIMARY KEY (a, b, kind)
) WITHOUT ROWID;
-- Covering: a region's walk reads tens of thousands of edges by either end, and each read
-- through an index of b alone went back to the table for the rest.
CREATE INDEX edges_b ON edges(b, a, kind, sim);
-- Rewrite similarities of representatives scored while grouping (a < b): a pure function
-- of the two texts, so an update reads them instead of scoring a big component again.
CREATE TABLE scores (a TEXT NOT NULL, b TEXT NOT NULL, score REAL NOT NULL, judged REAL NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE INDEX scores_b ON scores(b);
"""


class Edges(Tables):
    def put(self, edges: Iterable[Edge]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?)", edges)

    def all(self) -> list[Edge]:
        return self.db.execute("SELECT a, b, kind, sim FROM edges").fetchall()

    def drop(self, keys: Sequence[str], kind: EdgeKind) -> None:
        """Drop the edges of one kind with an end in `keys`."""
        self._delete(["edges WHERE kind = ? AND a", "edges WHERE kind = ? AND b"], keys, kind)

    def drop_pairs(self, pairs: Iterable[tuple[str, str]], kind: EdgeKind) -> None:
        """Drop the edges of one kind between these pairs of keys (a, b as stored)."""
        self.db.executemany(
            "DELETE FROM edges WHERE a = ? AND b = ? AND kind = ?", [(a, b, kind) for a, b in pairs]
        )

    def touching(self, keys: Iterable[str]) -> list[Edge]:
        """Every edge with an end in `keys`, in no particular order."""
        keys = list(keys)
        found = set(self._select("SELECT a, b, kind, sim FROM edges", "a", keys))
        found.update(self._select("SELECT a, b, kind, sim FROM edges", "b", keys))
        return list(found)

    def scores_among(self, keys: Iterable[str]) -> dict[tuple[str, str], tuple[float, float]]:
        """Stored similarities of pairs of `keys`: on the texts alone, and judged by the
        event signature's fields."""
        keys = set(keys)
        rows = self._select("SELECT a, b, score, judged FROM scores", "a", keys)
        return {(a, b): (score, judged) for a, b, score, judged in rows if b in keys}

    def put_scores(self, scores: Mapping[tuple[str, str], tuple[float, float]]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO scores VALUES (?, ?, ?, ?)",
            [(a, b, score, judged) for (a, b), (score, judged) in scores.items()],
        )
