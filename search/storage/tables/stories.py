"""The stories as the reader shows them: each with its versions, its occurrences (every file
and line range that held it) and the texts it groups, in the orders the list is sorted by."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence

from storyreader.search.model import Occurrence, Relation, Story, StoryRow, Version
from storyreader.search.storage.tables.base import Tables

SCHEMA = """
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
    versions BLOB NOT NULL -- JSON, zlib-compressed: the paragraphs of every version
); -- a rowid table, as texts (wide rows)
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

_ORDER = {
    "date": "date IS NULL, date DESC, id",
    "files": "n_files DESC, date IS NULL, date DESC, id",
    "title": "sort_title, id",
}
_ROW = "SELECT id, title, date, sources, n_files, n_occurrences FROM stories"


class Stories(Tables):
    def put(self, story: Story, members: str, keys: Sequence[str]) -> None:
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
                zlib.compress(
                    json.dumps(
                        [_version_json(v) for v in story.versions], ensure_ascii=False
                    ).encode()
                ),
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

    def drop(self, ids: Sequence[str]) -> None:
        self._delete(
            ["stories WHERE id", "occurrences WHERE story", "story_texts WHERE story"], ids
        )

    def get(self, story_id: str) -> Story | None:
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
            [_version(v) for v in json.loads(zlib.decompress(versions))],
            occurrences,
            digest,
        )

    def paragraphs(self, story_id: str) -> list[str] | None:
        """Every paragraph of a story, its main version first (for snippets)."""
        row = self.db.execute("SELECT versions FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        return [p for v in json.loads(zlib.decompress(row[0])) for p in v["paragraphs"]]

    def ids_with_prefix(self, prefix: str, limit: int = 2) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM stories WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                (prefix, prefix + "\uffff", limit),
            )
        ]

    def digests(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, digest FROM stories"))

    def holding(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """Stored stories that hold any of `keys`, each with all its text keys."""
        ids = {row[0] for row in self._select("SELECT story FROM story_texts", "key", keys)}
        members: dict[str, list[str]] = {sid: [] for sid in ids}
        for sid, key in self._select("SELECT story, key FROM story_texts", "story", ids):
            members[sid].append(key)
        return members

    def near_scores(self, ids: Iterable[str]) -> dict[tuple[str, str], float]:
        """The similarity of each near copy to its story's main text, as stored by the
        stories `ids`: {(near key, main key): similarity}."""
        return {
            (key, main): sim
            for key, sim, main in self._select(
                "SELECT o.key, o.similarity, c.key FROM occurrences o JOIN occurrences c"
                " ON c.story = o.story AND c.relation = 'canonical'"
                f" WHERE o.relation = '{Relation.NEAR}'",
                "o.story",
                ids,
            )
        }

    def rows(self, sort: str = "date", offset: int = 0, limit: int | None = None) -> list[StoryRow]:
        return [
            StoryRow(sid, title, date, json.loads(sources), n_files, n_occ)
            for sid, title, date, sources, n_files, n_occ in self.db.execute(
                f"{_ROW} ORDER BY {_ORDER[sort]} LIMIT ? OFFSET ?",
                (-1 if limit is None else limit, offset),
            )
        ]

    def position(self, story_id: str, sort: str = "date") -> int | None:
        """Where a story stands in a sort order (0 first), None when it is not stored."""
        row = self.db.execute(
            f"SELECT n FROM (SELECT id, row_number() OVER (ORDER BY {_ORDER[sort]}) - 1 AS n"
            " FROM stories) WHERE id = ?",
            (story_id,),
        ).fetchone()
        return row[0] if row else None

    def rows_by_id(self, ids: Sequence[str]) -> dict[str, StoryRow]:
        return {
            sid: StoryRow(sid, title, date, json.loads(sources), n_files, n_occ)
            for sid, title, date, sources, n_files, n_occ in self._select(_ROW, "id", ids)
        }

    def in_file(self, path: str) -> list[tuple[str, int, int, str]]:
        """The stories a file holds, by line range."""
        return self.db.execute(
            "SELECT story, start_line, end_line, relation FROM occurrences WHERE path = ? ORDER BY start_line",
            (path,),
        ).fetchall()

    def count(self) -> int:
        return self._count("stories")

    def occurrence_count(self) -> int:
        return self._count("occurrences")


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
