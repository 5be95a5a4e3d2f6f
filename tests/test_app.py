"""The reader, driven with Textual's Pilot as a user drives it."""

from __future__ import annotations

import pytest

from storyreader.search.model import Relation
from storyreader.tui.rows import HitRows, LibraryRows
from storyreader.tui.screens.export import ConfirmScreen, ExportScreen
from storyreader.tui.screens.help import HelpScreen
from storyreader.tui.screens.raw_file import RawFileScreen, RawFileView
from storyreader.tui.widgets.article_view import ArticleView
from storyreader.tui.widgets.search_box import SearchBox
from storyreader.tui.widgets.sources_panel import SourcesPanel
from storyreader.tui.widgets.story_list import StoryList
from tests.pilot import SIZE, make_app, select, settle, shown


async def test_seeds_in_the_reader(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        stories = app.query_one(StoryList)
        assert isinstance(stories.source, LibraryRows)
        assert len(stories.source) == 10
        assert app.sub_title == "10 stories · 5 files · 3 copies folded"

        select(app, "Iraq Says US Troop")
        await pilot.pause(0.1)
        article = app.query_one(ArticleView)
        story = article.story
        assert story.title.startswith("Iraq Says US Troop Drawdown Talks")
        rendered = shown(article)
        assert rendered.count("Iraq and the US-led military coalition resumed") == 1
        assert " TT " not in rendered and " 20 " not in rendered
        assert rendered.count("04 February 2024, Iraq, Baghdad") == 1
        assert rendered.count("Iraq Says US Troop Drawdown Talks Will Go on") == 1

        sources = app.query_one(SourcesPanel)
        assert sources.option_count == 4
        relations = {o.path[:3]: o.relation for o in sources._occurrences}
        assert relations["003"] is Relation.REWRITE
        assert {relations[p] for p in ("000", "001", "002")} == {Relation.CANONICAL, Relation.EXACT}

        # v cycles to the rewrite and back
        article.focus()
        await pilot.press("v")
        await pilot.pause(0.1)
        assert article.version == 1
        assert "Version 2 of 2" in shown(article)
        await pilot.press("v")
        assert article.version == 0

        await pilot.press("q")
        await pilot.pause(0.1)
    assert app.return_code in (0, None)


@pytest.mark.slow
async def test_search_narrows_highlights_and_clears(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, SearchBox)
        await pilot.press(*"Khartoum")
        await settle(app, pilot, 0.4)
        stories = app.query_one(StoryList)
        assert isinstance(stories.source, HitRows)
        assert [r.title for r in (stories.source.row(i) for i in range(len(stories.source)))] == [
            "Sudan army advances on central Khartoum: military source"
        ]
        status = str(app.query_one("#search-status").render())
        assert status.startswith("1 story matches")
        article = app.query_one(ArticleView)
        assert article.story.title.startswith("Sudan army")
        assert len(article.hit_lines) >= 5  # the word is highlighted wherever it occurs
        # snippets arrive lazily and carry the hit
        await settle(app, pilot, 0.3)
        snippet = stories.source.snippet(0)
        assert snippet is not None and snippet.spans
        assert snippet.text[snippet.spans[0][0] : snippet.spans[0][1]].startswith("Khartoum")

        # n jumps to the next highlighted line
        await pilot.press("enter")
        assert app.focused is stories
        article.focus()
        await pilot.press("n")
        first = article.scroll_offset.y
        await pilot.press("n")
        assert article.scroll_offset.y != first or len(set(article.hit_lines)) == 1

        # Esc in the box restores the full list
        await pilot.press("slash", "escape")
        await settle(app, pilot)
        assert isinstance(stories.source, LibraryRows) and len(stories.source) == 10
        assert article.hit_lines == []


@pytest.mark.slow
async def test_malformed_and_empty_queries_never_crash(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for query in [
            '"unbalanced',
            "AND",
            "title:(",
            "*",
            "date:[2024 TO",
            "~~~",
            "nosuchwordanywhere",
        ]:
            box = app.query_one(SearchBox)
            box.value = ""
            await pilot.press("slash", *query, "enter")
            await settle(app, pilot)
            status = str(app.query_one("#search-status").render())
            assert status, query
        assert app.is_running


@pytest.mark.slow
async def test_history_is_kept_across_runs(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Tunisia", "enter")
        await settle(app, pilot)
    again = make_app(seeds, tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        await pilot.press("slash", "up")
        assert again.query_one(SearchBox).value == "Tunisia"


async def test_open_source_shows_raw_file_at_the_range(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        select(app, "Sudan army")
        await pilot.pause(0.1)
        sources = app.query_one(SourcesPanel)
        sources.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RawFileScreen)
        view = app.screen.query_one(RawFileView)
        assert len(view.lines) == 133
        assert (view.start, view.end) == (57, 79)
        assert view.scroll_offset.y <= 57 <= view.scroll_offset.y + view.size.height
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, RawFileScreen)


@pytest.mark.slow
async def test_export_writes_markdown_and_asks_before_replacing(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    out = tmp_path / "notes"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        select(app, "Tunisia president")
        await pilot.pause(0.1)
        await pilot.press("e")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-dir").value = str(out)
        await pilot.press("enter")
        await pilot.pause(0.2)
        written = out / "Tunisia president fires finance minister.md"
        assert written.exists()
        text = written.read_text()
        assert text.startswith(
            '---\ntitle: "Tunisia president fires finance minister"\ndate: 2025-02-06\n'
        )
        written.write_text("my notes")
        # again: the file exists, so the app asks; "n" keeps it
        await pilot.press("e")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause(0.1)
        assert written.read_text() == "my notes"
        # and "y" replaces it
        await pilot.press("e")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause(0.2)
        await pilot.press("y")
        await pilot.pause(0.2)
        assert written.read_text() == text


@pytest.mark.slow
async def test_export_all_search_results(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    out = tmp_path / "all"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Iraq", "enter")
        await settle(app, pilot)
        n = len(app.query_one(StoryList).source)
        assert n >= 2
        await pilot.press("E")
        await pilot.pause(0.2)
        app.screen.query_one("#export-dir").value = str(out)
        await pilot.press("enter")
        await settle(app, pilot, 0.3)
        assert len(list(out.glob("*.md"))) == n


async def test_help_lists_every_key(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)
        shown = {b.key for _, bindings in app.screen.sections for b in bindings}
        for key in (
            "slash",
            "q",
            "e",
            "E",
            "s",
            "o",
            "n",
            "N",
            "v",
            "O",
            "space,pagedown",
            "escape",
        ):
            assert any(key == k or key in k.split(",") for k in shown), key
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, HelpScreen)


async def test_sort_cycles_and_sources_toggle(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        stories = app.query_one(StoryList)
        stories.focus()
        await pilot.press("o")
        await pilot.pause(0.1)
        assert app.sort == "files"
        assert stories.source.row(0).title.startswith("Iraq Says")  # four files
        await pilot.press("o")
        await pilot.pause(0.1)
        assert app.sort == "title"
        titles = [stories.source.row(i).title.casefold() for i in range(len(stories.source))]
        assert titles == sorted(titles)
        await pilot.press("s")
        assert not app.query_one(SourcesPanel).display
        await pilot.press("s")
        assert app.query_one(SourcesPanel).display


async def test_markup_and_escapes_in_files_are_shown_literally(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    title = "Council [bold]votes[/bold] on [@click=app.quit]budget[/]"
    body = [
        "The council met on Monday. [link=https://example.com]Click[/link] was printed in the page.",
        "An escape \x1b[31mred\x1b[0m and a title change \x1b]0;pwned\x07 arrived in the scrape.",
    ]
    (corpus / "a.txt").write_text("\n".join([title, "", *body]) + "\n")
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        article = app.query_one(ArticleView)
        text = shown(article)
        assert "[bold]votes[/bold]" in text and "[@click=app.quit]budget[/]" in text
        # (a word longer than the pane is folded across lines; shown() joins them with a space)
        assert "[link=https://example.com]Click[/link]" in text.replace(" ", "")
        assert "\x1b" not in text and "␛[31mred" in text
        row_text = app.query_one(StoryList).render_line(0).text
        assert "[bold]" in row_text
        await pilot.click(ArticleView)
        await pilot.pause(0.1)
        assert app.is_running


async def test_builds_index_in_the_background_on_first_open(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        # The first frame comes before indexing finishes.
        await pilot.pause(0)
        assert app.query_one(StoryList).source is None or len(app.query_one(StoryList).source) in (
            0,
            10,
        )
        await settle(app, pilot)
        assert len(app.query_one(StoryList).source) == 10
