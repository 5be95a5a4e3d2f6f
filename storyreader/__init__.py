"""storyreader: a terminal reader for piles of scraped news.

`storyreader.search` is the engine (its `__init__` is the API), `storyreader.tui` the
Textual app and the command line. The two live in the repository's top-level `search/` and
`tui/` folders, mapped here by pyproject's `package-dir`."""

from pathlib import Path as _Path

# Run from a source checkout (this folder first on sys.path, as `python -m pytest` puts it),
# the engine and the app are the sibling folders; installed, they sit inside this one.
_checkout = _Path(__file__).resolve().parent.parent
if (
    not (_Path(__file__).parent / "search").is_dir()
    and (_checkout / "search" / "__init__.py").is_file()
):
    __path__.append(str(_checkout))
