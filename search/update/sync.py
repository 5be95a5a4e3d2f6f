"""Bringing the Whoosh index in line with the stories of the store.

Whoosh (and its import) is left alone by an update that changed nothing: its files, as
the last sync left them, are remembered by a stamp; only a different stamp has the index
opened and counted.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from storyreader.search.ingest.text import digest
from storyreader.search.model import Setting
from storyreader.search.storage.paths import whoosh_dir
from storyreader.search.storage.store import Store
from storyreader.search.update.progress import Progress


def sync_whoosh(
    store: Store,
    index_dir: Path,
    changed: list[str],
    removed: list[str],
    full_check: bool,
    procs: int,
    notify: Progress,
) -> None:
    """Send changed stories to Whoosh. After an interrupted run (`full_check`), compare
    every story's digest with what Whoosh holds and repair the difference."""
    from storyreader.search.storage.index import SearchIndex

    index = SearchIndex(whoosh_dir(index_dir))
    if full_check:
        try:
            indexed = index.digests()
        except Exception:  # damaged beyond reading: start it again from the stories
            index.reset()
            indexed = {}
        current = store.stories.digests()
        changed = sorted(sid for sid, d in current.items() if indexed.get(sid) != d)
        removed = sorted(sid for sid in indexed if sid not in current)
    stories = (s for sid in changed if (s := store.stories.get(sid)) is not None)
    notify("indexing", 0, len(changed))

    def on_indexed(done: int, total: int) -> None:
        notify("indexing", done, total)
        if done == total:
            notify("saving", 0, 0)  # Whoosh's commit: writing the segment, no steps to count

    index.apply(stories, removed, len(changed), procs=procs, progress=on_indexed)
    with store.transaction():
        store.set_meta(Setting.WHOOSH_DIRTY, "0")
        store.set_meta(Setting.WHOOSH_STAMP, whoosh_stamp(index_dir))


def whoosh_pending(store: Store, index_dir: Path) -> bool:
    """Whether Whoosh lags the store: an interrupted run left its mark, or the index was
    damaged or deleted since the last sync (found by counting its stories, when its files
    are not as that sync left them)."""
    if store.meta(Setting.WHOOSH_DIRTY) == "1":
        return True
    stamp = whoosh_stamp(index_dir)
    if stamp and store.meta(Setting.WHOOSH_STAMP) == stamp:
        return False
    from storyreader.search.storage.index import SearchIndex

    if not SearchIndex(whoosh_dir(index_dir)).healthy(store.stories.count()):
        return True
    if stamp:  # an index synced before stamps were kept, or files touched but sound
        with store.transaction():
            store.set_meta(Setting.WHOOSH_STAMP, stamp)
    return False


def whoosh_stamp(index_dir: Path) -> str:
    """The names, sizes and modification times of Whoosh's files, digested ("" when its
    folder cannot be listed)."""
    try:
        with os.scandir(whoosh_dir(index_dir)) as entries:
            files = sorted(
                (e.name, st.st_size, st.st_mtime_ns) for e in entries if (st := e.stat())
            )
    except OSError:
        return ""
    return digest(json.dumps(files), 16)
