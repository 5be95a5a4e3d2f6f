"""The index's database: what was read from every file, the distinct article texts with
their fingerprints, the similarity edges between them, and the stories; a group of tables
per stage (`tables/`), opened together.

SQLite is the source of truth; the Whoosh index is derived from the stories table and can
always be brought back in line with it. Writes happen in one transaction per build, so a
killed build leaves the previous state intact.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storyreader.search.model import Setting
from storyreader.search.storage.paths import store_path
from storyreader.search.storage.tables import articles, edges, files, stories, texts
from storyreader.search.storage.tables.articles import Articles
from storyreader.search.storage.tables.edges import Edges
from storyreader.search.storage.tables.files import Files, ShortLines
from storyreader.search.storage.tables.stories import Stories
from storyreader.search.storage.tables.texts import Texts

# Bump when the schema or the meaning of stored data changes: an index of another
# version is rebuilt from scratch instead of being misread.
FORMAT_VERSION = 17
_APP_ID = 0x53545259  # "STRY": marks the database file as ours

_SCHEMA = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);" + "".join(
    m.SCHEMA for m in (files, articles, texts, edges, stories)
)

# Every table and index of the schema: one dropped by hand makes the index damaged.
_SCHEMA_NAMES = frozenset(re.findall(r"CREATE (?:TABLE|INDEX) (\w+)", _SCHEMA))


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
        self.files = Files(self.db)
        self.lines = ShortLines(self.db)
        self.articles = Articles(self.db)
        self.texts = Texts(self.db)
        self.edges = Edges(self.db)
        self.stories = Stories(self.db)

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

    # --- across the tables ----------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        files, skipped = self.db.execute(
            "SELECT count(*) - count(skipped), count(skipped) FROM files"
        ).fetchone()
        return {
            "stories": self.stories.count(),
            "files": files,
            "skipped": skipped,
            "articles": self.articles.count(),
            "occurrences": self.stories.occurrence_count(),
        }


def remove_index_files(index_dir: Path) -> None:
    """Remove a database and its WAL side files (for rebuilding a foreign or old index)."""
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(store_path(index_dir)) + suffix)
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        elif p.exists() or p.is_symlink():
            os.remove(p)
