"""Keys typed in the search box stay in the search box: emptying it, Esc then `/`, and
Enter then a command, at a typist's pace and as one burst (as a terminal delivers keys
that arrive while the app is busy)."""

from __future__ import annotations

import pytest

from storyreader.tui.rows import HitRows, LibraryRows
from storyreader.tui.screens.export import ExportScreen
from storyreader.tui.widgets.article_view import ArticleView
from storyreader.tui.widgets.search_box import SearchBox
from storyreader.tui.widgets.sources_panel import SourcesPanel
from storyreader.tui.widgets.story_list import StoryList
from tests.pilot import SIZE, burst, listed, make_app, settle, typist


def untouched(app) -> None:
    """Nothing the typed letters are bound to elsewhere happened."""
    assert app.is_running  # `q`
    assert app.sort == "date"  # `o`
    assert app.query_one(SourcesPanel).display  # `s`
    assert not isinstance(app.screen, ExportScreen)  # `e`


EMPTYING = {
    "backspace": ["backspace"] * 4,
    "ctrl+u": ["ctrl+u"],
}


@pytest.mark.slow
@pytest.mark.parametrize("how", list(EMPTYING))
async def test_emptying_the_box_keeps_typing_in_it(seeds, tmp_path, how):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await typist(pilot, "slash", *"fire")
        await settle(app, pilot)
        box = app.query_one(SearchBox)
        await typist(pilot, *EMPTYING[how])
        await settle(app, pilot)
        # The box is empty: every story is listed again, and the box keeps the keys.
        assert isinstance(app.query_one(StoryList).source, LibraryRows)
        assert app.focused is box
        await typist(pilot, *"iraq")
        await settle(app, pilot)
        untouched(app)
        assert box.value == "iraq"
        await typist(pilot, *EMPTYING[how], *"rose")
        await settle(app, pilot)
        untouched(app)
        assert box.value == "rose" and app.focused is box


@pytest.mark.parametrize("how", list(EMPTYING))
async def test_emptying_the_box_in_one_burst(seeds, tmp_path, how):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        burst(app, "slash", *"fire", *EMPTYING[how], *"iraq")
        await settle(app, pilot)
        untouched(app)
        box = app.query_one(SearchBox)
        assert box.value == "iraq" and app.focused is box
        assert isinstance(app.query_one(StoryList).source, HitRows)
        assert all("Iraq" in t for t in listed(app)[:1])


@pytest.mark.slow
async def test_escape_then_slash_at_once_starts_a_new_query(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await typist(pilot, "slash", *"fire")
        await settle(app, pilot)
        for _ in range(3):
            burst(app, "escape", "slash", *"iraq")
            await settle(app, pilot)
            untouched(app)
            box = app.query_one(SearchBox)
            assert box.value == "iraq" and app.focused is box
            await typist(pilot, "escape", "slash", *"sudan")
            await settle(app, pilot)
            assert box.value == "sudan" and app.focused is box
            assert listed(app)[0] == "Sudan army advances on central Khartoum: military source"
        # Esc leaves the box for the list at once: a key right after it is the list's.
        burst(app, "escape", "j")
        await settle(app, pilot)
        assert box.value == "" and app.focused is app.query_one(StoryList)
        assert app.query_one(StoryList).cursor == 1


@pytest.mark.slow
async def test_enter_then_keys_at_once_go_to_the_list(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # (`iraq ` with its space: the word is whole, so Enter lists the same stories.)
        await typist(pilot, "slash", *"iraq ")
        await settle(app, pilot)
        app.query_one(StoryList).cursor = 0
        burst(app, "enter", "j")
        await settle(app, pilot)
        box = app.query_one(SearchBox)
        stories = app.query_one(StoryList)
        assert box.value == "iraq "
        assert app.focused is stories
        assert isinstance(stories.source, HitRows) and len(stories.source) >= 2
        assert stories.cursor == 1
        # ...and `/` right after a submitted search types into the box, whatever the
        # search's results do when they arrive.
        burst(app, "slash", "ctrl+u", *"sudan")
        await settle(app, pilot)
        untouched(app)
        assert box.value == "sudan" and app.focused is box


@pytest.mark.slow
async def test_slash_in_a_dialog_is_typed_there(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-dir")
        field.value = ""
        await pilot.press(*"/tmp/x")
        assert field.value == "/tmp/x"
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        await pilot.press("slash")  # on the help screen: nothing happens behind it
        await pilot.pause(0.1)
        assert app.query_one(SearchBox).value == ""


@pytest.mark.slow
async def test_a_new_query_starts_on_its_best_result(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        stories = app.query_one(StoryList)
        article = app.query_one(ArticleView)
        before = stories.current.title
        # The story highlighted before the search matches `fire` too, but not best: the
        # list starts on the best match, and the article shows it.
        await typist(pilot, "slash", *"fire")
        await settle(app, pilot)
        assert listed(app).index(before) > 0
        assert stories.cursor == 0 and article.story.title == listed(app)[0]
        # The same words run again (whole on Enter, or in the other order) keep the story
        # the user moved to.
        await typist(pilot, "enter", "j")
        await settle(app, pilot)
        assert stories.current.title == before
        await typist(pilot, "o")
        await settle(app, pilot)
        assert app.search_sort == "date" and stories.current.title == before
        # Out of the search, the whole list starts again at its first story.
        await typist(pilot, "escape")
        await settle(app, pilot)
        assert isinstance(stories.source, LibraryRows)
        assert stories.cursor == 0 and article.story.title == listed(app)[0]
