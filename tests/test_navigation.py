"""Moving about the reader: Esc one level back, the order changed under the cursor, the
command palette, and the export prompts' wording and memory (Pilot, on the seeds)."""

from __future__ import annotations

import pytest

from storyreader.tui.history import Settings
from storyreader.tui.rows import HitRows, LibraryRows
from storyreader.tui.screens.export import ExportScreen
from storyreader.tui.screens.help import HelpScreen
from storyreader.tui.widgets.article_view import ArticleView
from storyreader.tui.widgets.search_box import SearchBox
from storyreader.tui.widgets.sources_panel import SourcesPanel
from storyreader.tui.widgets.story_list import StoryList
from tests.pilot import SIZE, make_app, select, settle


async def test_changing_the_order_keeps_the_selected_story(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        stories = app.query_one(StoryList)
        select(app, "Italy Plans")
        await pilot.pause(0.1)
        for order in ("files", "title", "date"):
            await pilot.press("o")
            await pilot.pause(0.1)
            assert app.sort == order
            assert stories.current.title.startswith("Italy Plans"), order
            assert app.query_one(ArticleView).story.title.startswith("Italy Plans")
        # By title, Italy comes after four stories on Iraq and Israel: the cursor is on its
        # row, not back on the first.
        await pilot.press("o", "o")
        await pilot.pause(0.1)
        assert app.sort == "title" and stories.cursor == 4


@pytest.mark.slow
async def test_escape_backs_out_one_level_and_never_quits(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        stories = app.query_one(StoryList)
        await pilot.press("slash", *"Iraq", "enter")
        await settle(app, pilot)
        assert isinstance(stories.source, HitRows) and stories.has_focus
        await pilot.press("enter")  # read the story
        assert app.query_one(ArticleView).has_focus
        await pilot.press("question_mark")
        await pilot.pause(0.1)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")  # the dialog
        await pilot.pause(0.1)
        assert not isinstance(app.screen, HelpScreen)
        assert app.query_one(ArticleView).has_focus
        await pilot.press("escape")  # the article
        assert stories.has_focus and isinstance(stories.source, HitRows)
        await pilot.press("escape")  # the search
        await settle(app, pilot)
        assert stories.has_focus and isinstance(stories.source, LibraryRows)
        assert app.query_one(SearchBox).value == ""
        await pilot.press("escape", "escape")  # nothing left to leave: nothing happens
        await pilot.pause(0.1)
        assert app.is_running and stories.has_focus
        app.query_one(SourcesPanel).focus()
        await pilot.press("escape")
        assert stories.has_focus


async def test_the_palette_lists_each_command_once(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles.count("Keys") == 1
        assert len(titles) == len(set(titles))


async def _export_list_to(app, pilot, folder) -> None:
    await pilot.press("E")
    await pilot.pause(0.2)
    assert isinstance(app.screen, ExportScreen)
    app.screen.query_one("#export-dir").value = str(folder)
    await pilot.press("enter")
    await settle(app, pilot)


@pytest.mark.slow
async def test_export_prompts_count_right_and_remember_only_a_folder_that_worked(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    settings_file = tmp_path / "state" / "settings.json"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.settings.export_dir
        await pilot.press("slash", *"Tunisia", "enter")
        await settle(app, pilot)
        assert len(app.query_one(StoryList).source) == 1
        await pilot.press("E")
        await pilot.pause(0.2)
        assert app.screen.heading == "Export the 1 story found"
        await pilot.press("escape")
        await pilot.pause(0.1)

        await _export_list_to(app, pilot, blocker / "notes")
        assert app.settings.export_dir == first
        assert Settings(settings_file).export_dir == first

        # One story (e) into a folder that cannot be made: not remembered either.
        await pilot.press("e")
        await pilot.pause(0.2)
        assert app.screen.directory == first
        app.screen.query_one("#export-dir").value = str(blocker / "notes")
        await pilot.press("enter")
        await settle(app, pilot)
        assert Settings(settings_file).export_dir == first

        good = tmp_path / "exports"
        await _export_list_to(app, pilot, good)
        assert len(list(good.glob("*.md"))) == 1
        assert Settings(settings_file).export_dir == good
