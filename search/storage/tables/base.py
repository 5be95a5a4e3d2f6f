"""What every group of tables shares: the connection, and queries over many keys in chunks
SQLite accepts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported where arrays are made: a build with nothing to do
    import numpy as np  # never makes one

_CHUNK = 500


class Tables:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def _select(self, sql: str, column: str, values: Iterable, tail: str = "") -> list[tuple]:
        """Rows of `sql` whose `column` is one of `values` (queried in chunks), `tail`
        (a GROUP BY) applied to each chunk. A list, not a generator: a region's walk
        reads ~100,000 rows in thousands of small queries, and passing each row through
        a generator cost a third of the walk."""
        where = " AND " if " WHERE " in sql else " WHERE "
        rows: list[tuple] = []
        for chunk in _chunks(list(values)):
            rows += self.db.execute(f"{sql}{where}{column} IN ({_marks(chunk)}){tail}", chunk)
        return rows

    def _delete(self, targets: Sequence[str], values: Iterable, *before: object) -> None:
        """Delete from each of `targets` ("table WHERE column", or "table WHERE cond AND
        column" with the condition's parameters in `before`) the rows whose column is one
        of `values`, in chunks SQLite accepts."""
        for chunk in _chunks(list(values)):
            marks = _marks(chunk)
            for target in targets:
                self.db.execute(f"DELETE FROM {target} IN ({marks})", (*before, *chunk))

    def _count(self, table: str) -> int:
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def blob(array: np.ndarray, dtype: str) -> bytes:
    import numpy as np

    return np.ascontiguousarray(array, dtype=dtype).tobytes()


def matrix(blobs: list[bytes], dtype: str) -> np.ndarray:
    import numpy as np

    if not blobs:
        return np.zeros((0, 0), dtype=dtype)
    return np.frombuffer(b"".join(blobs), dtype=dtype).reshape(len(blobs), -1)


def _chunks(items: Sequence) -> Iterator[list]:
    for i in range(0, len(items), _CHUNK):
        yield list(items[i : i + _CHUNK])


def _marks(chunk: Sequence) -> str:
    return ",".join("?" * len(chunk))
