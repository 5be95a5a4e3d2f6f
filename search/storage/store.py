"""The index's database: what was read from every file, the distinct article texts with
their fingerprints, the similarity edges between them, and the stories.

SQLite is the source of truth; the Whoosh index is derived from the stories table and can
always be brought back in line with it. Writes happen in one transaction per build, so a
killed build leaves the previous state intact.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import urllib.parse
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

import numpy as np

from storyreader.search.model import (
    Article,
    FileRecord,
    Occurrence,
    Relation,
    Setting,
    Story,
    StoryRow,
    TextRecord,
    Version,
)
from storyreader.search.storage.paths import store_path

# Bump when the schema or the meaning of stored data changes: an index of another
# version is rebuilt from scratch instead of being misread.
FORMAT_VERSION = 14
_APP_ID = 0x53545259  # "STRY": marks the database file as ours

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
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
CREATE TABLE articles (
    path TEXT NOT NULL,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    source TEXT,
    caption TEXT,
    bullets TEXT NOT NULL,
    roles TEXT NOT NULL,
    PRIMARY KEY (path, start_line)
) WITHOUT ROWID;
-- With the date, the earliest date of every text is read from the index alone.
CREATE INDEX articles_key_date ON articles(key, date);
CREATE TABLE texts (
    key TEXT PRIMARY KEY,
    paragraphs TEXT NOT NULL,
    shingles BLOB NOT NULL,
    features BLOB NOT NULL
) WITHOUT ROWID;
-- What updates read for every text, or for thousands, apart from the wide rows above:
-- read from those, the keys cost 0.4 s an update at 100,000 files, from here 0.1 s; the
-- sizes of a region of 5,000 texts 0.15 s, from here 0.01 s.
CREATE TABLE text_keys (
    key TEXT PRIMARY KEY,
    bands BLOB NOT NULL,
    blocks BLOB NOT NULL,
    n_words INTEGER NOT NULL,
    day INTEGER
) WITHOUT ROWID;
CREATE TABLE edges (
    a TEXT NOT NULL, b TEXT NOT NULL, kind INTEGER NOT NULL, sim REAL NOT NULL,
    PRIMARY KEY (a, b, kind)
) WITHOUT ROWID;
-- Covering: a region's walk reads tens of thousands of edges by either end, and each read
-- through an index of b alone went back to the table for the rest (a third slower).
CREATE INDEX edges_b ON edges(b, a, kind, sim);
-- Rewrite similarities of representatives scored while grouping (a < b): a pure function
-- of the two texts, so an update reads them instead of scoring a big component again.
CREATE TABLE scores (a TEXT NOT NULL, b TEXT NOT NULL, score REAL NOT NULL, judged REAL NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE INDEX scores_b ON scores(b);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    sort_title TEXT NOT NULL,
    date TEXT,
    sources TEXT NOT NULL,
    n_files INTEGER NOT NULL,
    n_occurrences INTEGER NOT NULL,
    members TEXT NOT NULL,
    digest TEXT NOT NULL,
    versions TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX stories_date ON stories(date, id);
CREATE INDEX stories_files ON stories(n_files, id);
CREATE INDEX stories_title ON stories(sort_title, id);
CREATE TABLE story_texts (story TEXT NOT NULL, key TEXT NOT NULL);
CREATE INDEX story_texts_story ON story_texts(story);
CREATE INDEX story_texts_key ON story_texts(key);
CREATE TABLE occurrences (
    story TEXT NOT NULL,
    path TEXT NOT NULL,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    relation TEXT NOT NULL,
    similarity REAL NOT NULL,
    key TEXT NOT NULL,
    source TEXT,
    date TEXT,
    title TEXT NOT NULL
);
CREATE INDEX occurrences_story ON occurrences(story);
CREATE INDEX occurrences_path ON occurrences(path);
"""

# Every table and index of the schema: one dropped by hand makes the index damaged.
_SCHEMA_NAMES = frozenset(re.findall(r"CREATE (?:TABLE|INDEX) (\w+)", _SCHEMA))


@dataclass(frozen=True, slots=True)
class TextTable:
    keys: list[str]
    bands: np.ndarray  # LSH band keys of the MinHash signature, one row per text
    blocks: np.ndarray  # rewrite blocking keys, one row per text
    day: np.ndarray  # the earliest date's day number, -1 when undated
    matched_day: np.ndarray  # the day last matched under (update_edges), -2 never


_ORDER = {
    "date": "date IS NULL, date DESC, id",
    "files": "n_files DESC, date IS NULL, date DESC, id",
    "title": "sort_title, id",
}


def hashing_version() -> str:
    """datasketch's major.minor: stored MinHash band keys depend on its hashing, so an index
    records the version that made them and is rebuilt under another."""
    from importlib.metadata import version  # not datasketch itself: half a second to import

    return ".".join(version("datasketch").split(".")[:2])


class IndexFormatError(Exception):
    """The directory holds something that is not a storyreader index of this version."""


class Store:
    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        # Quoted: `#`, `?` and `%` in a folder's name would otherwise be read as parts of
        # the URI (`notes#2` opened the database `notes`).
        quoted = urllib.parse.quote(str(path))
        uri = f"file:{quoted}?mode=ro" if readonly else f"file:{quoted}"
        self.db = sqlite3.connect(
            uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False
        )
        self.db.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA cache_size = -65536")

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, readonly: bool = False) -> Store:
        """Open the database, creating it when absent. Raises IndexFormatError when the
        file is not ours, is damaged, or is of another format version."""
        exists = path.exists() and path.stat().st_size > 0
        if readonly and not exists:
            raise IndexFormatError("no index yet")
        try:
            store = cls(path, readonly=readonly)
        except sqlite3.DatabaseError as exc:
            raise IndexFormatError(f"index database is damaged ({exc})") from exc
        try:
            if exists:
                store._check()
            else:
                store._create()
        except sqlite3.DatabaseError as exc:
            store.close()
            raise IndexFormatError(f"index database is damaged ({exc})") from exc
        except IndexFormatError:
            store.close()
            raise
        return store

    def _create(self) -> None:
        # executescript commits on its own, so the script carries its own transaction.
        self.db.executescript(
            f"BEGIN; {_SCHEMA} PRAGMA application_id = {_APP_ID};"
            f" INSERT INTO meta VALUES ('{Setting.FORMAT_VERSION}', '{FORMAT_VERSION}');"
            f" INSERT INTO meta VALUES ('{Setting.DATASKETCH}', '{hashing_version()}'); COMMIT;"
        )

    def _check(self) -> None:
        (app_id,) = self.db.execute("PRAGMA application_id").fetchone()
        if app_id != _APP_ID:
            raise IndexFormatError("not a storyreader index")
        version = self.meta(Setting.FORMAT_VERSION)
        if version != str(FORMAT_VERSION):
            raise IndexFormatError(
                f"index format {version} (this storyreader reads format {FORMAT_VERSION})"
            )
        made_with = self.meta(Setting.DATASKETCH)
        if made_with != hashing_version():
            raise IndexFormatError(
                f"index hashed by datasketch {made_with} (this storyreader has {hashing_version()})"
            )
        self.db.execute("SELECT count(*) FROM stories").fetchone()
        names = {n for (n,) in self.db.execute("SELECT name FROM sqlite_master")}
        if missing := sorted(_SCHEMA_NAMES - names):
            raise IndexFormatError(f"index database is damaged ({missing[0]} is missing)")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            # SQLite has rolled back already after some errors (a full disk).
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- meta ----------------------------------------------------------------------------

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # --- files ---------------------------------------------------------------------------

    def file_states(self) -> dict[str, sqlite3.Row]:
        """What telling a changed file from an unchanged one needs (size, mtime_ns, digest,
        skipped), for every known file, as rows made in C: records made in Python cost
        0.3 s at 100,000 files, on every update."""
        cursor = self.db.cursor()
        cursor.row_factory = sqlite3.Row
        rows = cursor.execute("SELECT path, size, mtime_ns, digest, skipped FROM files").fetchall()
        return dict(zip(map(itemgetter(0), rows), rows, strict=True))

    def put_files(self, records: Iterable[FileRecord]) -> None:
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

    def forget_files(self, paths: Sequence[str]) -> None:
        self._delete(
            [
                "files WHERE path",
                "raw_paths WHERE path",
                "shortlines WHERE path",
                "articles WHERE path",
            ],
            paths,
        )

    # --- furniture statistics --------------------------------------------------------------

    def put_shortlines_many(
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
        file, counted by SQLite: 0.07 s at 100,000 files where Python took 0.15 s."""
        return frozenset(
            row[0]
            for row in self.db.execute(
                "SELECT line FROM shortlines GROUP BY line HAVING count(DISTINCT path) > 1"
                " AND count(DISTINCT before) >= ? AND count(DISTINCT after) >= ?",
                (min_contexts, min_contexts),
            )
        )

    def paths_with_lines(self, lines: Iterable[str]) -> set[str]:
        return {p for (p,) in self._select("SELECT DISTINCT path FROM shortlines", "line", lines)}

    # --- articles ------------------------------------------------------------------------

    def put_articles(self, path: str, articles: Sequence[Article], append: bool = False) -> None:
        if not append:
            self.db.execute("DELETE FROM articles WHERE path = ?", (path,))
        self.db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.path,
                    a.start_line,
                    a.end_line,
                    a.key,
                    a.title,
                    a.date,
                    a.source,
                    a.caption,
                    json.dumps(a.bullets, ensure_ascii=False),
                    a.roles,
                )
                for a in articles
            ],
        )

    def article_keys(self, paths: Sequence[str]) -> set[str]:
        return {k for (k,) in self._select("SELECT DISTINCT key FROM articles", "path", paths)}

    def articles_for_keys(self, keys: Iterable[str]) -> list[Article]:
        return [_article(row) for row in self._select("SELECT * FROM articles", "key", keys)]

    def articles_in(self, path: str) -> list[Article]:
        return [
            _article(row)
            for row in self.db.execute(
                "SELECT * FROM articles WHERE path = ? ORDER BY start_line", (path,)
            )
        ]

    # --- texts and edges ------------------------------------------------------------------

    def known_texts(self, keys: Iterable[str]) -> set[str]:
        return {k for (k,) in self._select("SELECT key FROM text_keys", "key", keys)}

    def put_texts(self, records: Iterable[TextRecord]) -> None:
        records = list(records)
        self.db.executemany(
            "INSERT OR REPLACE INTO texts VALUES (?, ?, ?, ?)",
            [
                (
                    r.key,
                    json.dumps(r.paragraphs, ensure_ascii=False),
                    _blob(r.shingles, "<u4"),
                    r.features,
                )
                for r in records
            ],
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO text_keys VALUES (?, ?, ?, ?, NULL)",
            [(r.key, _blob(r.bands, "<u8"), _blob(r.blocks, "<u8"), r.n_words) for r in records],
        )

    def paragraphs(self, keys: Iterable[str]) -> dict[str, list[str]]:
        return {
            key: json.loads(value)
            for key, value in self._select("SELECT key, paragraphs FROM texts", "key", keys)
        }

    def shingles(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        return {
            key: np.frombuffer(b, dtype="<u4")
            for key, b in self._select("SELECT key, shingles FROM texts", "key", keys)
        }

    def features(self, keys: Iterable[str]) -> dict[str, bytes]:
        return dict(self._select("SELECT key, features FROM texts", "key", keys))

    def sizes(self, keys: Iterable[str]) -> dict[str, int]:
        return dict(self._select("SELECT key, n_words FROM text_keys", "key", keys))

    def text_table(self, changed: Iterable[str]) -> TextTable:
        """Every stored text's band keys, blocking keys and days (rows in key
        order), for the candidate lookups. A text's earliest date moves only when its
        occurrences change, so it is looked up for the `changed` texts alone; every other
        text is still on the day it was last matched under."""
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
        return TextTable(keys, _matrix(bands, "<u8"), _matrix(blocks, "<u8"), day, matched)

    def orphan_texts(self, keys: Iterable[str]) -> list[str]:
        """Which of `keys` no article holds any more. A text loses its last article only
        when the articles of its files are replaced or forgotten, so an update asks about
        the texts of those files alone: scanning every text cost 0.2 s at 100,000 files."""
        held = {k for (k,) in self._select("SELECT DISTINCT key FROM articles", "key", keys)}
        return sorted(self.known_texts(k for k in keys if k not in held))

    def drop_texts(self, keys: Sequence[str]) -> None:
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

    def set_text_days(self, days: Mapping[str, int]) -> None:
        self.db.executemany(
            "UPDATE text_keys SET day = ? WHERE key = ?", [(d, k) for k, d in days.items()]
        )

    def all_text_keys(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT key FROM texts ORDER BY key")]

    def file_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM files").fetchone()[0]

    def text_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM texts").fetchone()[0]

    def put_edges(self, edges: Iterable[tuple[str, str, int, float]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?)", edges)

    def edges_all(self) -> list[tuple[str, str, int, float]]:
        return self.db.execute("SELECT a, b, kind, sim FROM edges").fetchall()

    def drop_edges(self, keys: Sequence[str], kind: int) -> None:
        self._delete(["edges WHERE kind = ? AND a", "edges WHERE kind = ? AND b"], keys, kind)

    def drop_edge_pairs(self, pairs: Iterable[tuple[str, str]], kind: int) -> None:
        self.db.executemany(
            "DELETE FROM edges WHERE a = ? AND b = ? AND kind = ?", [(a, b, kind) for a, b in pairs]
        )

    def bands(self, keys: Sequence[str]) -> np.ndarray:
        """The LSH band keys of `keys`, one row each in their order."""
        found = dict(self._select("SELECT key, bands FROM text_keys", "key", keys))
        return _matrix([found[k] for k in keys], "<u8")

    def edges_touching(self, keys: Iterable[str]) -> list[tuple[str, str, int, float]]:
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

    def stories_holding(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """Stored stories that hold any of `keys`, each with all its text keys."""
        ids = {row[0] for row in self._select("SELECT story FROM story_texts", "key", keys)}
        members: dict[str, list[str]] = {sid: [] for sid in ids}
        for sid, key in self._select("SELECT story, key FROM story_texts", "story", ids):
            members[sid].append(key)
        return members

    def dates_all(self) -> dict[str, set[str]]:
        dates: dict[str, set[str]] = defaultdict(set)
        for key, date in self.db.execute("SELECT key, date FROM articles WHERE date IS NOT NULL"):
            dates[key].add(date)
        return dates

    def dates_for(self, keys: Iterable[str]) -> dict[str, set[str]]:
        """Known dates of each text, from all the places it was found."""
        dates: dict[str, set[str]] = {}
        for key, date in self._select("SELECT key, date FROM articles", "key", keys):
            bucket = dates.setdefault(key, set())
            if date:
                bucket.add(date)
        return dates

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

    # --- stories -------------------------------------------------------------------------

    def put_story(self, story: Story, members: str, keys: Sequence[str]) -> None:
        self.db.execute("DELETE FROM occurrences WHERE story = ?", (story.id,))
        self.db.execute("DELETE FROM story_texts WHERE story = ?", (story.id,))
        self.db.executemany("INSERT INTO story_texts VALUES (?, ?)", [(story.id, k) for k in keys])
        self.db.execute(
            "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                story.id,
                story.title,
                story.title.casefold(),
                story.date,
                json.dumps(story.sources, ensure_ascii=False),
                story.n_files,
                len(story.occurrences),
                members,
                story.digest,
                json.dumps([_version_json(v) for v in story.versions], ensure_ascii=False),
            ),
        )
        self.db.executemany(
            "INSERT INTO occurrences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    story.id,
                    o.path,
                    o.start_line,
                    o.end_line,
                    o.relation.value,
                    o.similarity,
                    o.key,
                    o.source,
                    o.date,
                    o.title,
                )
                for o in story.occurrences
            ],
        )

    def drop_stories(self, ids: Sequence[str]) -> None:
        self._delete(
            ["stories WHERE id", "occurrences WHERE story", "story_texts WHERE story"], ids
        )

    def story(self, story_id: str) -> Story | None:
        row = self.db.execute(
            "SELECT id, title, date, sources, digest, versions FROM stories WHERE id = ?",
            (story_id,),
        ).fetchone()
        if row is None:
            return None
        sid, title, date, sources, digest, versions = row
        occurrences = [
            Occurrence(path, start, end, Relation(rel), sim, key, source, odate, otitle)
            for path, start, end, rel, sim, key, source, odate, otitle in self.db.execute(
                "SELECT path, start_line, end_line, relation, similarity, key, source, date, title"
                " FROM occurrences WHERE story = ? ORDER BY relation != 'canonical', path, start_line",
                (sid,),
            )
        ]
        return Story(
            sid,
            title,
            date,
            json.loads(sources),
            [_version(v) for v in json.loads(versions)],
            occurrences,
            digest,
        )

    def story_paragraphs(self, story_id: str) -> list[str] | None:
        """Every paragraph of a story, its main version first (for snippets)."""
        row = self.db.execute("SELECT versions FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        return [p for v in json.loads(row[0]) for p in v["paragraphs"]]

    def story_ids_with_prefix(self, prefix: str, limit: int = 2) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM stories WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                (prefix, prefix + "\uffff", limit),
            )
        ]

    def story_digests(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, digest FROM stories"))

    def story_rows(
        self, sort: str = "date", offset: int = 0, limit: int | None = None
    ) -> list[StoryRow]:
        order = _ORDER[sort]
        return [
            StoryRow(sid, title, date, json.loads(sources), n_files, n_occ)
            for sid, title, date, sources, n_files, n_occ in self.db.execute(
                f"SELECT id, title, date, sources, n_files, n_occurrences FROM stories"
                f" ORDER BY {order} LIMIT ? OFFSET ?",
                (-1 if limit is None else limit, offset),
            )
        ]

    def story_position(self, story_id: str, sort: str = "date") -> int | None:
        """Where a story stands in a sort order (0 first), None when it is not stored."""
        row = self.db.execute(
            f"SELECT n FROM (SELECT id, row_number() OVER (ORDER BY {_ORDER[sort]}) - 1 AS n"
            " FROM stories) WHERE id = ?",
            (story_id,),
        ).fetchone()
        return row[0] if row else None

    def story_rows_by_id(self, ids: Sequence[str]) -> dict[str, StoryRow]:
        sql = "SELECT id, title, date, sources, n_files, n_occurrences FROM stories"
        return {
            sid: StoryRow(sid, title, date, json.loads(sources), n_files, n_occ)
            for sid, title, date, sources, n_files, n_occ in self._select(sql, "id", ids)
        }

    def story_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM stories").fetchone()[0]

    def counts(self) -> dict[str, int]:
        one = self.db.execute
        files, skipped = one(
            "SELECT count(*) - count(skipped), count(skipped) FROM files"
        ).fetchone()
        return {
            "stories": one("SELECT count(*) FROM stories").fetchone()[0],
            "files": files,
            "skipped": skipped,
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "occurrences": one("SELECT count(*) FROM occurrences").fetchone()[0],
        }

    def file_stories(self, path: str) -> list[tuple[str, int, int, str]]:
        return self.db.execute(
            "SELECT story, start_line, end_line, relation FROM occurrences WHERE path = ? ORDER BY start_line",
            (path,),
        ).fetchall()


def _article(row: tuple) -> Article:
    path, start, end, key, title, date, source, caption, bullets, roles = row
    return Article(
        path, start, end, title, [], roles, date, source, caption, json.loads(bullets), key
    )


def _blob(array: np.ndarray, dtype: str) -> bytes:
    return np.ascontiguousarray(array, dtype=dtype).tobytes()


def _matrix(blobs: list[bytes], dtype: str) -> np.ndarray:
    if not blobs:
        return np.zeros((0, 0), dtype=dtype)
    return np.frombuffer(b"".join(blobs), dtype=dtype).reshape(len(blobs), -1)


def _version_json(v: Version) -> dict:
    return {
        "key": v.key,
        "title": v.title,
        "paragraphs": v.paragraphs,
        "caption": v.caption,
        "bullets": v.bullets,
        "sources": v.sources,
        "date": v.date,
        "relation": v.relation.value,
        "similarity": v.similarity,
        "paths": v.paths,
    }


def _version(d: dict) -> Version:
    return Version(
        d["key"],
        d["title"],
        d["paragraphs"],
        d["caption"],
        d["bullets"],
        d["sources"],
        d["date"],
        Relation(d["relation"]),
        d["similarity"],
        d["paths"],
    )


_CHUNK = 500


def _chunks(items: Sequence) -> Iterator[list]:
    items = list(items)
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _marks(chunk: Sequence) -> str:
    return ",".join("?" * len(chunk))


def remove_index_files(index_dir: Path) -> None:
    """Remove a database and its WAL side files (for rebuilding a foreign or old index)."""
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(store_path(index_dir)) + suffix)
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        elif p.exists() or p.is_symlink():
            os.remove(p)
