"""storyreader: a terminal reader for piles of scraped news.

`storyreader.search` is the engine (its `__init__` is the API), `storyreader.tui` the
Textual app and the command line. The two live in the repository's top-level `search/` and
`tui/` folders, mapped here by pyproject's `package-dir`."""
