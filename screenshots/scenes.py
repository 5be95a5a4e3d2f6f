"""The reader's main screens, driven from the demo corpus: used both to make the README
screenshots (`python screenshots/make.py`) and to pin them in snapshot tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from textual import constants

from storyreader.search.demo.corpus import ensure_demo_corpus
from storyreader.tui.app import StoryReaderApp
from storyreader.tui.widgets.search_box import SearchBox
from storyreader.tui.widgets.sources_panel import SourcesPanel
from storyreader.tui.widgets.story_list import StoryList

SIZE = (120, 40)
# The story shown on the main screen: one that was copied, near-copied and rewritten.
FEATURED = "Valdorian Rail Workers Walk Out"

Scene = Callable[[object], Awaitable[None]]


def demo_app(workdir: Path) -> StoryReaderApp:
    """The reader on a fresh copy of the demo corpus, with state kept in `workdir`, drawing
    for a true-colour terminal whatever terminal runs it (the reader keeps its text legible
    in the colours the terminal has, so pictures taken under TERM=xterm would differ)."""
    corpus = ensure_demo_corpus(workdir / "demo")
    # The app reads the setting when it is made; others made later keep the terminal's.
    terminal, constants.COLOR_SYSTEM = constants.COLOR_SYSTEM, "truecolor"
    try:
        return StoryReaderApp(corpus, workdir / "index", state=workdir / "state", workers=1)
    finally:
        constants.COLOR_SYSTEM = terminal


async def settle(pilot) -> None:
    app = pilot.app
    for _ in range(100):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        if not any(w.is_running for w in app.workers):
            break
    await pilot.pause(0.3)
    for box in app.query(SearchBox):
        box.cursor_blink = False


async def _feature(pilot) -> None:
    await settle(pilot)
    stories = pilot.app.query_one(StoryList)
    source = stories.source
    for i in range(len(source)):
        if source.row(i).title.startswith(FEATURED):
            stories.cursor = i
            break
    await settle(pilot)


async def main(pilot) -> None:
    await _feature(pilot)


async def search(pilot) -> None:
    await settle(pilot)
    await pilot.press("slash", *"strike")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def raw_file(pilot) -> None:
    await _feature(pilot)
    pilot.app.query_one(SourcesPanel).focus()
    await pilot.press("down", "enter")
    await settle(pilot)


async def help_screen(pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)


SCENES: dict[str, Scene] = {
    "main": main,
    "search": search,
    "raw-file": raw_file,
    "help": help_screen,
}
