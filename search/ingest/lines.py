"""A file's lines as every stage compares them: normalised once, and matched once against
the fixed furniture patterns. Splitting, cleaning and the furniture statistics all walk
the same lines; doing this work once per file instead of three times is a fifth of the
cost of reading a corpus."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from storyreader.search.ingest.chrome import fixed_role
from storyreader.search.ingest.text import norm
from storyreader.search.model import Role


@dataclass(frozen=True, slots=True)
class Lines:
    raw: list[str]
    normed: list[str]
    fixed: list[tuple[Role | None, str | None]]  # fixed_role of each normalised line

    @classmethod
    def of(cls, raw: list[str] | Lines) -> Lines:
        if isinstance(raw, Lines):
            return raw
        seen = [_seen(line) for line in raw]
        return cls(raw, [n for n, _ in seen], [f for _, f in seen])

    def __len__(self) -> int:
        return len(self.raw)


# Scraped pages repeat their lines (furniture, and articles copied word for word), so a
# line met before is looked up, not normalised and matched again: both are pure.
LINES_REMEMBERED = 1 << 16


@lru_cache(maxsize=LINES_REMEMBERED)
def _seen(line: str) -> tuple[str, tuple[Role | None, str | None]]:
    normed = norm(line)
    return normed, fixed_role(normed)
