"""Searching in the reader: the list narrows while a word is typed, the status line says
what waits for Enter and what cannot be read, and n/N go through matching stories and
through the hits of the article."""

from __future__ import annotations

import pytest
from rich.style import Style
from textual.command import CommandPalette

from storyreader.tui.rows import HitRows, LibraryRows
from storyreader.tui.screens.help import HelpScreen
from storyreader.tui.widgets.article_view import ArticleView
from storyreader.tui.widgets.search_box import SearchBox
from storyreader.tui.widgets.story_list import StoryList
from tests.pilot import SIZE, listed, make_app, settle, typist

SUDAN = "Sudan army advances on central Khartoum: military source"


def status(app) -> str:
    return str(app.query_one("#search-status").render())


def status_is_error(app) -> bool:
    return app.query_one("#search-status").has_class("error")


@pytest.mark.slow
async def test_the_list_narrows_while_a_word_is_typed(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await typist(pilot, "slash", *"kha")
        await settle(app, pilot)
        stories = app.query_one(StoryList)
        assert isinstance(stories.source, HitRows)
        assert SUDAN in listed(app)
        await typist(pilot, *"rt")
        await settle(app, pilot)
        assert listed(app) == [SUDAN]
        assert status(app).startswith("1 story matches so far")
        # the words the prefix stands for are highlighted whole
        article = app.query_one(ArticleView)
        assert article.story.title == SUDAN and article.hit_count >= 5
        # Enter runs whole words: `khart` is no word of the corpus.
        await pilot.press("enter")
        await settle(app, pilot)
        assert listed(app) == [] and status(app).startswith("0 stories match")
        # A space ends the word: it is no longer a prefix.
        await typist(pilot, "slash", "ctrl+u", *"khart ")
        await settle(app, pilot)
        assert listed(app) == []
        await typist(pilot, "backspace")
        await settle(app, pilot)
        assert listed(app) == [SUDAN]


@pytest.mark.slow
async def test_phrases_and_wide_fuzzy_wait_for_enter_and_say_so(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await typist(pilot, "slash", *'"drawdown talks')
        await settle(app, pilot)
        assert status(app) == "press Enter to run the phrase"
        assert isinstance(app.query_one(StoryList).source, LibraryRows | HitRows)
        await typist(pilot, '"')
        await settle(app, pilot)
        assert status(app) == "press Enter to run the phrase"
        await pilot.press("enter")
        await settle(app, pilot)
        assert status(app).startswith("1 story matches")
        assert listed(app)[0].startswith("Iraq Says US Troop Drawdown Talks")
        await typist(pilot, "slash", "ctrl+u", *"khartum~2")
        await settle(app, pilot)
        assert status(app) == "press Enter to run the fuzzy search"
        await pilot.press("enter")
        await settle(app, pilot)
        assert listed(app) == [SUDAN]


BAD = {
    "(": "( is not closed",
    "title:": "title: needs a word",
    "date:garbage": "cannot read the date 'garbage'",
    '"iraq': '" is not closed',
    "iraq AND": "AND needs a word after it",
}


@pytest.mark.slow
async def test_bad_syntax_is_a_one_line_message_not_an_empty_list(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for query, message in BAD.items():
            await typist(pilot, "slash", "ctrl+u", *"iraq ", *query[:-1])
            await settle(app, pilot)
            before = listed(app)
            await typist(pilot, query[-1])
            await settle(app, pilot)
            if '"' not in query:
                # While typed: a quiet note, and the list as it was.
                assert message in status(app) and not status_is_error(app), query
                assert listed(app) == before, query
            await pilot.press("enter")
            await settle(app, pilot)
            assert status(app).startswith("✗ ") and message in status(app), query
            assert status_is_error(app), query
            assert listed(app) == before, query


@pytest.mark.slow
async def test_n_and_N_in_the_list_go_through_the_matching_stories(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        stories = app.query_one(StoryList)
        stories.focus()
        await pilot.pause()
        # No search: n says how it works and moves nothing.
        await pilot.press("n")
        await pilot.pause(0.1)
        assert stories.cursor == 0
        assert any("press / to search" in n.message for n in app._notifications)
        await typist(pilot, "slash", *"iraq", "enter")
        await settle(app, pilot)
        assert app.focused is stories
        n = len(stories.source)
        assert n >= 3
        stories.cursor = 0
        await pilot.press("n")
        assert stories.cursor == 1
        await pilot.press("n")
        assert stories.cursor == 2
        await pilot.press("N", "N")
        assert stories.cursor == 0
        await pilot.press("N")  # wraps to the last match
        assert stories.cursor == n - 1
        await pilot.press("n")  # and back to the first
        assert stories.cursor == 0
        await pilot.pause(0.1)
        assert app.query_one(ArticleView).story.id == stories.current.id


def _current_mark_lines(article: ArticleView) -> list[int]:
    """The lines drawn with the current-hit mark."""
    mark = article.get_component_rich_style("article--current-hit", partial=True)
    return [
        y
        for y, strip in enumerate(article._lines)
        if any(seg.style and _has(seg.style, mark) for seg in strip)
    ]


def _has(style: Style, mark: Style) -> bool:
    return bool(mark.reverse) and bool(style.reverse)


@pytest.mark.slow
async def test_n_in_the_article_marks_the_current_hit_and_counts(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await typist(pilot, "slash", *"khartoum", "enter")
        await settle(app, pilot)
        await pilot.press("enter")  # read the story
        await pilot.pause(0.2)
        article = app.query_one(ArticleView)
        assert app.focused is article
        total = article.hit_count
        assert total >= 5
        assert article.has_class("-hits")
        assert article.border_subtitle == f"{total} hits · n: go to the next"
        assert _current_mark_lines(article) == []
        await pilot.press("n")
        assert article.current_hit == 0
        assert article.border_subtitle.startswith(f"hit 1/{total}")
        first_line = article._hits[0][0]
        assert _current_mark_lines(article) == [first_line]
        await pilot.press("n")
        assert article.border_subtitle.startswith(f"hit 2/{total}")
        assert _current_mark_lines(article) == [article._hits[1][0]]
        # The current hit is on screen.
        y = article._hits[1][0]
        assert article.scroll_offset.y <= y < article.scroll_offset.y + article.size.height
        await pilot.press("N", "N")  # back to the first, then round to the last
        assert article.border_subtitle.startswith(f"hit {total}/{total}")
        assert _current_mark_lines(article) == [article._hits[-1][0]]
        # The mark is in the drawn screen, not only in the pane's lines.
        await pilot.pause(0.1)
        # A new search forgets the current hit; clearing it hides the count.
        await pilot.press("slash", "escape")
        await settle(app, pilot)
        assert article.hit_count == 0 and not article.has_class("-hits")


@pytest.mark.slow
async def test_help_and_palette_list_the_search_keys(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen.sections)
        for section in ("Story list", "Article"):
            keys = {b.key: b.description for b in sections[section]}
            assert "n" in keys and "N" in keys, section
        assert "matching story" in {b.key: b.description for b in sections["Story list"]}["n"]
        box_keys = [b.key for b in sections["Search box"]]
        assert box_keys.count("enter") == 1 and "escape" in box_keys
        await pilot.press("escape")
        await pilot.pause(0.1)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "Next matching story",
            "Previous matching story",
            "Next hit",
            "Previous hit",
        ):
            assert title in titles
        # The palette runs them: a search, then "Next matching story" moves the list.
        await typist(pilot, "slash", *"iraq", "enter")
        await settle(app, pilot)
        app.query_one(StoryList).cursor = 0
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Next matching story")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.query_one(StoryList).cursor == 1
        assert app.query_one(SearchBox).value == "iraq"
