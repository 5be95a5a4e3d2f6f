"""Driving the reader with Textual's Pilot: an app on a corpus, waiting for its workers,
keys as a typist and as a terminal's burst, and what the list and article pane show."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from textual import events
from textual.keys import _character_to_key

from storyreader.tui.app import StoryReaderApp
from storyreader.tui.widgets.article_view import ArticleView
from storyreader.tui.widgets.story_list import StoryList

SIZE = (120, 40)


async def settle(app, pilot, seconds: float = 0.2) -> None:
    """Let workers finish and the messages they post be handled."""
    for _ in range(50):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if not any(w.is_running for w in app.workers):
            break
    await pilot.pause(seconds)


def make_app(corpus: Path, tmp_path: Path) -> StoryReaderApp:
    return StoryReaderApp(corpus, tmp_path / "index", state=tmp_path / "state", workers=1)


def shown(article: ArticleView) -> str:
    """The article pane's text as a reader sees it, wrapping undone."""
    return " ".join(" ".join(strip.text for strip in article._lines).split())


def select(app, prefix: str) -> None:
    stories = app.query_one(StoryList)
    source = stories.source
    for i in range(len(source)):
        if source.row(i).title.startswith(prefix):
            stories.cursor = i
            return
    raise AssertionError(f"no story {prefix!r} in the list")


def _key(name: str) -> events.Key:
    if len(name) == 1 and not name.isalnum():
        name = _character_to_key(name)
    try:
        char = unicodedata.lookup(name.upper().replace("_", " "))
    except KeyError:
        char = name if len(name) == 1 else None
    return events.Key(name, char)


def burst(app, *keys: str) -> None:
    """Keys delivered all at once, with no pause between them, the way the terminal
    driver hands the app every key of one read."""
    for name in keys:
        event = _key(name)
        event.set_sender(app)
        app._driver.send_message(event)


async def typist(pilot, *keys: str, pause: float = 0.08) -> None:
    """Keys at a quick typist's pace."""
    for name in keys:
        await pilot.press(name)
        await pilot.pause(pause)


def listed(app) -> list[str]:
    source = app.query_one(StoryList).source
    return [source.row(i).title for i in range(len(source))]
