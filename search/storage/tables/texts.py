"""The distinct article texts, with what matching needs of each: paragraphs, rewrite
features, LSH band keys, blocking keys, size and the day it was last matched under.
Shingles are not kept: they are made again from the paragraphs (dedup.signature.TextShingles)."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyreader.search.model import TextRecord
from storyreader.search.storage.tables.base import Tables, blob, matrix

if TYPE_CHECKING:
    import numpy as np

SCHEMA = """
CREATE TABLE texts (
    key TEXT PRIMARY KEY,
    paragraphs BLOB NOT NULL, -- JSON, zlib-compressed: texts are read by builds only
    features BLOB NOT NULL -- zlib-compressed
); -- a rowid table: its rows fill overflow pages whole, an index b-tree's waste half of one
-- What updates read for every text, or for thousands, apart from the wide rows above:
-- reading keys and sizes from those is several times slower.
CREATE TABLE text_keys (
    key TEXT PRIMARY KEY,
    bands BLOB NOT NULL,
    blocks BLOB NOT NULL,
    n_words INTEGER NOT NULL,
    day INTEGER
) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class TextTable:
    keys: list[str]
    bands: np.ndarray  # LSH band keys of the MinHash signature, one row per text
    blocks: np.ndarray  # rewrite blocking keys, one row per text
    day: np.ndarray  # the earliest date's day number, -1 when undated
    matched_day: np.ndarray  # the day last matched under (update_edges), -2 never


class Texts(Tables):
    def known(self, keys: Iterable[str]) -> set[str]:
        return {k for (k,) in self._select("SELECT key FROM text_keys", "key", keys)}

    def put(self, records: Iterable[TextRecord]) -> None:
        records = list(records)
        self.db.executemany(
            "INSERT OR REPLACE INTO texts VALUES (?, ?, ?)",
            [
                (
                    r.key,
                    zlib.compress(json.dumps(r.paragraphs, ensure_ascii=False).encode()),
                    zlib.compress(r.features),
                )
                for r in records
            ],
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO text_keys VALUES (?, ?, ?, ?, NULL)",
            [(r.key, blob(r.bands, "<u8"), blob(r.blocks, "<u8"), r.n_words) for r in records],
        )

    def paragraphs(self, keys: Iterable[str]) -> dict[str, list[str]]:
        return {
            key: json.loads(zlib.decompress(value))
            for key, value in self._select("SELECT key, paragraphs FROM texts", "key", keys)
        }

    def features(self, keys: Iterable[str]) -> dict[str, bytes]:
        return {
            key: zlib.decompress(value)
            for key, value in self._select("SELECT key, features FROM texts", "key", keys)
        }

    def sizes(self, keys: Iterable[str]) -> dict[str, int]:
        return dict(self._select("SELECT key, n_words FROM text_keys", "key", keys))

    def bands(self, keys: Sequence[str]) -> np.ndarray:
        """The LSH band keys of `keys`, one row each in their order."""
        found = dict(self._select("SELECT key, bands FROM text_keys", "key", keys))
        return matrix([found[k] for k in keys], "<u8")

    def table(self, changed: Iterable[str]) -> TextTable:
        """Every stored text's band keys, blocking keys and days (rows in key
        order), for the candidate lookups. A text's earliest date moves only when its
        occurrences change, so it is looked up for the `changed` texts alone; every other
        text is still on the day it was last matched under."""
        import numpy as np

        rows = self.db.execute(
            "SELECT key, bands, blocks, coalesce(day, -2) FROM text_keys ORDER BY key"
        ).fetchall()
        keys, bands, blocks, days = (
            (list(c) for c in zip(*rows, strict=True)) if rows else ([],) * 4
        )
        matched = np.array(days, dtype=np.int64)
        day = matched.copy()
        changed = sorted(changed)
        earliest = dict(
            self._select("SELECT key, min(date) FROM articles", "key", changed, " GROUP BY key")
        )
        row = {k: i for i, k in enumerate(keys)} if changed else {}
        for key in changed:
            if (i := row.get(key)) is not None:
                date = earliest.get(key)
                day[i] = dt.date.fromisoformat(date).toordinal() if date else -1
        return TextTable(keys, matrix(bands, "<u8"), matrix(blocks, "<u8"), day, matched)

    def orphans(self, keys: Iterable[str]) -> list[str]:
        """Which of `keys` no article holds any more. A text loses its last article only
        when the articles of its files are replaced or forgotten, so an update asks about
        the texts of those files alone rather than scanning every text."""
        keys = list(keys)
        held = {k for (k,) in self._select("SELECT DISTINCT key FROM articles", "key", keys)}
        return sorted(self.known(k for k in keys if k not in held))

    def drop(self, keys: Sequence[str]) -> None:
        """Drop texts, and their edges and scores with them."""
        self._delete(
            [
                "texts WHERE key",
                "text_keys WHERE key",
                "edges WHERE a",
                "edges WHERE b",
                "scores WHERE a",
                "scores WHERE b",
            ],
            keys,
        )

    def set_days(self, days: Mapping[str, int]) -> None:
        self.db.executemany(
            "UPDATE text_keys SET day = ? WHERE key = ?", [(d, k) for k, d in days.items()]
        )

    def all_keys(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT key FROM texts ORDER BY key")]

    def count(self) -> int:
        return self._count("texts")
