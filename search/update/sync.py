"""Bringing the Whoosh index in line with the stories of the store."""

from __future__ import annotations

from pathlib import Path

from storyreader.search.model import Setting
from storyreader.search.storage.index import SearchIndex
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
