"""Where an index lives: in the user's cache directory, one per corpus, keyed by the
corpus's absolute path (or wherever `--index` says)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from storyreader.search.ingest.text import digest


def cache_root() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("storyreader", appauthor=False))


def default_index_dir(corpus: Path) -> Path:
    root = os.path.abspath(corpus)
    name = re.sub(r"[^\w.-]+", "_", os.path.basename(root.rstrip(os.sep)) or "root")[:40]
    # 128 bits: with fewer, two corpus paths sharing one index folder can be found by search.
    return cache_root() / "indexes" / f"{name}-{digest(root, 16)}"


def store_path(index_dir: Path) -> Path:
    return index_dir / "store.sqlite"


def whoosh_dir(index_dir: Path) -> Path:
    return index_dir / "whoosh"
