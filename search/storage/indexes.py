"""The indexes in the user's cache: which corpus each was built for, how big it is, when
it was last updated; and removing those whose corpus is gone."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from storyreader.search.storage.paths import cache_root, store_path
from storyreader.search.storage.store import _APP_ID


@dataclass(frozen=True, slots=True)
class IndexInfo:
    path: Path
    corpus: Path | None  # None when the index never finished a first build
    size_bytes: int
    updated: float  # seconds since the epoch, of the store's last write
    stories: int | None  # None when the store cannot be read by this version

    @property
    def corpus_exists(self) -> bool:
        return self.corpus is not None and self.corpus.exists()


def indexes_root() -> Path:
    return cache_root() / "indexes"


def list_indexes(root: Path | None = None) -> list[IndexInfo]:
    """Our indexes under `root` (the cache's), newest first. Folders that are not ours
    (no store with our application id) are not listed, and so never removed."""
    root = root or indexes_root()
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return []
    found = [info for entry in entries if (info := _info(entry)) is not None]
    return sorted(found, key=lambda i: -i.updated)


def _info(folder: Path) -> IndexInfo | None:
    store = store_path(folder)
    if folder.is_symlink() or not folder.is_dir() or not store.is_file():
        return None
    try:
        db = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        (app_id,) = db.execute("PRAGMA application_id").fetchone()
        if app_id != _APP_ID:
            return None
        row = db.execute("SELECT value FROM meta WHERE key = 'settings'").fetchone()
        corpus = Path(json.loads(row[0])["root"]) if row else None
        try:
            (stories,) = db.execute("SELECT count(*) FROM stories").fetchone()
        except sqlite3.Error:
            stories = None
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        db.close()
    return IndexInfo(folder, corpus, _size(folder), store.stat().st_mtime, stories)


def _size(folder: Path) -> int:
    total = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):  # a file removed meanwhile
                total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def remove_index(info: IndexInfo) -> None:
    """Delete an index folder that `list_indexes` found (ours, in the cache)."""
    if _info(info.path) is None:
        raise ValueError(f"{info.path} is not a storyreader index")
    shutil.rmtree(info.path)
