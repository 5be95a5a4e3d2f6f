"""What the story list shows, fetched lazily: the list asks for row i, and only the rows
on screen are ever loaded. Two sources: every story of the index in a sort order (paged
from the store), or the hits of a search."""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from storyreader.search import Library, SearchResults, Snippet, StoryRow

# Rows are fetched from the store this many at a time; a screen shows a few dozen.
PAGE_SIZE = 200
# Pages kept in memory: scrolling back and forth does not refetch, and 100,000 stories
# never sit in memory at once.
PAGES_CACHED = 32


class RowSource(Protocol):
    query: str | None

    def __len__(self) -> int: ...

    def row(self, index: int) -> StoryRow | None: ...

    def snippet(self, index: int) -> Snippet | None: ...

    def index_of(self, story_id: str) -> int | None: ...

    def ids(self) -> list[str]: ...


def same_listing(shown: RowSource | None, new: RowSource) -> bool:
    """Whether `new` lists what `shown` did, re-sorted, refreshed or its words run again
    (whole on Enter), rather than a new query or the way out of one."""

    def words(source: RowSource) -> tuple[str, ...] | None:
        return None if source.query is None else tuple(source.query.split())

    return shown is not None and words(shown) == words(new)


class LibraryRows:
    """All stories in one sort order, paged from the index's store."""

    query = None

    def __init__(self, library: Library, sort: str) -> None:
        self.library = library
        self.sort = sort
        self._count = library.count()
        self._pages: OrderedDict[int, list[StoryRow]] = OrderedDict()

    def __len__(self) -> int:
        return self._count

    def row(self, index: int) -> StoryRow | None:
        if not 0 <= index < self._count:
            return None
        page_no = index // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self.library.stories(self.sort, page_no * PAGE_SIZE, PAGE_SIZE)
            self._pages[page_no] = page
            if len(self._pages) > PAGES_CACHED:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = index - page_no * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def snippet(self, index: int) -> Snippet | None:
        return None

    def index_of(self, story_id: str) -> int | None:
        for page_no, page in self._pages.items():
            for i, row in enumerate(page):
                if row.id == story_id:
                    return page_no * PAGE_SIZE + i
        # Not on a page seen yet (a new sort order has none): the store knows where it is.
        return self.library.position(story_id, self.sort)

    def ids(self) -> list[str]:
        return [row.id for row in self.library.stories(self.sort)]


class HitRows:
    """The stories a search found, best first, with snippets filled in as they come."""

    def __init__(self, results: SearchResults) -> None:
        self.query = results.query
        self.partial = results.partial
        self.total = results.total
        self._rows = [h.row for h in results.hits]
        self._snippets: dict[int, Snippet] = {
            i: h.snippet for i, h in enumerate(results.hits) if h.snippet.text
        }

    def __len__(self) -> int:
        return len(self._rows)

    def row(self, index: int) -> StoryRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def snippet(self, index: int) -> Snippet | None:
        return self._snippets.get(index)

    def set_snippet(self, index: int, snippet: Snippet) -> None:
        self._snippets[index] = snippet

    def index_of(self, story_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == story_id), None)

    def ids(self) -> list[str]:
        return [r.id for r in self._rows]
