"""The search engine's facade: everything the app and the command line use, and nothing
deeper. Stages live in folders by order of work: `ingest/` (files to articles), `dedup/`
(articles to stories), `storage/` (SQLite store and Whoosh index), `update/` (an update,
start to end), `demo/` (the hand-made demo corpus); `query.py` reads a built index.

Names load on first use, so that `storyreader --version` does not pay for Whoosh or numpy."""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

# Exported name -> the module that defines it, imported on first use.
_EXPORTS = {
    "json_line": "storyreader.search.safe",
    "IndexFolderError": "storyreader.search.storage.integrity",
    "IndexDamaged": "storyreader.search.storage.integrity",
    "read_in_corpus": "storyreader.search.ingest.read",
    "Library": "storyreader.search.query",
    "SearchResults": "storyreader.search.query",
    "Snippet": "storyreader.search.query",
    "StoryNotFound": "storyreader.search.query",
    "StoryRow": "storyreader.search.model",
    "SORTS": "storyreader.search.query",
    "Relation": "storyreader.search.model",
    "Role": "storyreader.search.model",
    "Story": "storyreader.search.model",
    "Occurrence": "storyreader.search.model",
    "Version": "storyreader.search.model",
    "Skipped": "storyreader.search.model",
    "export": "storyreader.search.markdown",
    "ExportExists": "storyreader.search.markdown",
    "file_name": "storyreader.search.markdown",
    "to_markdown": "storyreader.search.markdown",
    "build": "storyreader.search.update.build",
    "BuildReport": "storyreader.search.update.build",
    "IndexBusy": "storyreader.search.update.build",
    "QueryError": "storyreader.search.storage.errors",
    "UnfinishedQuery": "storyreader.search.storage.syntax",
    "IndexFormatError": "storyreader.search.storage.store",
    "default_index_dir": "storyreader.search.storage.paths",
    "store_path": "storyreader.search.storage.paths",
    "Unreadable": "storyreader.search.ingest.read",
    "read_text": "storyreader.search.ingest.read",
    "visible": "storyreader.search.safe",
    "ensure_demo_corpus": "storyreader.search.demo.corpus",
    "IndexInfo": "storyreader.search.storage.indexes",
    "indexes_root": "storyreader.search.storage.indexes",
    "list_indexes": "storyreader.search.storage.indexes",
    "remove_index": "storyreader.search.storage.indexes",
}

__all__ = [
    "SORTS",
    "BuildReport",
    "ExportExists",
    "IndexBusy",
    "IndexDamaged",
    "IndexFolderError",
    "IndexFormatError",
    "IndexInfo",
    "Library",
    "Occurrence",
    "QueryError",
    "Relation",
    "Role",
    "SearchResults",
    "Skipped",
    "Snippet",
    "Story",
    "StoryNotFound",
    "StoryRow",
    "UnfinishedQuery",
    "Unreadable",
    "Version",
    "build",
    "default_index_dir",
    "ensure_demo_corpus",
    "export",
    "file_name",
    "indexes_root",
    "json_line",
    "list_indexes",
    "open_corpus",
    "read_in_corpus",
    "read_text",
    "remove_index",
    "store_path",
    "to_markdown",
    "visible",
]


def open_corpus(
    corpus: str | os.PathLike[str],
    index_dir: str | os.PathLike[str] | None = None,
    glob: str = "*.txt",
) -> Library:
    """The stories of a corpus in one call, for scripts and notebooks: its index (in the
    user cache unless `index_dir` says) is built or brought up to date first."""
    from pathlib import Path

    from storyreader.search.query import Library
    from storyreader.search.storage.paths import default_index_dir
    from storyreader.search.update.build import build

    root = Path(corpus).resolve()
    directory = Path(index_dir) if index_dir is not None else default_index_dir(root)
    build(root, directory, glob=glob)
    return Library(directory)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from storyreader.search.demo.corpus import ensure_demo_corpus
    from storyreader.search.ingest.read import Unreadable, read_in_corpus, read_text
    from storyreader.search.markdown import ExportExists, export, file_name, to_markdown
    from storyreader.search.model import (
        Occurrence,
        Relation,
        Role,
        Skipped,
        Story,
        StoryRow,
        Version,
    )
    from storyreader.search.query import (
        SORTS,
        Library,
        SearchResults,
        Snippet,
        StoryNotFound,
    )
    from storyreader.search.safe import json_line, visible
    from storyreader.search.storage.errors import QueryError
    from storyreader.search.storage.indexes import (
        IndexInfo,
        indexes_root,
        list_indexes,
        remove_index,
    )
    from storyreader.search.storage.integrity import IndexDamaged, IndexFolderError
    from storyreader.search.storage.paths import default_index_dir, store_path
    from storyreader.search.storage.store import IndexFormatError
    from storyreader.search.storage.syntax import UnfinishedQuery
    from storyreader.search.update.build import BuildReport, IndexBusy, build
