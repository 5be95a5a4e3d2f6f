"""The articles split out of every file: where each lies (lines), the text it carries (by
key), what was said around it (title, date, source, caption, bullets) and what opened it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence

from storyreader.search.model import Article, Opened
from storyreader.search.storage.tables.base import Tables

SCHEMA = """
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
    opened_by TEXT,
    PRIMARY KEY (path, start_line)
) WITHOUT ROWID;
-- With the date, the earliest date of every text is read from the index alone.
CREATE INDEX articles_key_date ON articles(key, date);
"""


class Articles(Tables):
    def put(self, path: str, articles: Sequence[Article], append: bool = False) -> None:
        if not append:
            self.db.execute("DELETE FROM articles WHERE path = ?", (path,))
        self.db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    a.opened_by,
                )
                for a in articles
            ],
        )

    def keys_in(self, paths: Sequence[str]) -> set[str]:
        """The text keys of the articles of `paths`."""
        return {k for (k,) in self._select("SELECT DISTINCT key FROM articles", "path", paths)}

    def holding(self, keys: Iterable[str]) -> list[Article]:
        """Every article whose text is one of `keys`."""
        return [_article(row) for row in self._select("SELECT * FROM articles", "key", keys)]

    def in_file(self, path: str) -> list[Article]:
        return [
            _article(row)
            for row in self.db.execute(
                "SELECT * FROM articles WHERE path = ? ORDER BY start_line", (path,)
            )
        ]

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

    def count(self) -> int:
        return self._count("articles")


def _article(row: tuple) -> Article:
    path, start, end, key, title, date, source, caption, bullets, roles, opened_by = row
    return Article(
        path,
        start,
        end,
        title,
        [],
        roles,
        date,
        source,
        caption,
        json.loads(bullets),
        key,
        Opened(opened_by) if opened_by else None,
    )
