"""What the reader shows: legible in every built-in theme and colour system, the story list
wide enough to read titles, its badge whole, file names cut in the middle (Pilot)."""

from __future__ import annotations

import pytest
from rich.color import ColorSystem
from textual import constants

from screenshots.scenes import demo_app
from screenshots.scenes import settle as settle_scene
from storyreader.tui.cut import cut_middle
from storyreader.tui.history import Settings
from storyreader.tui.widgets.article_view import ArticleView
from storyreader.tui.widgets.sources_panel import SourcesPanel
from storyreader.tui.widgets.story_list import StoryList
from tests.contrast import Cell, cells
from tests.pilot import make_app, select, settle

# WCAG asks 4.5 of body text and 3 of large text and of what marks a control's state.
MIN_CONTRAST = 3
_BORDERS = set("▁▔▎▊▏▕│╭╮╰╯─▂▃▄▅▆▇█")


def _text_cells(rows: list[list[Cell]]) -> list[Cell]:
    return [c for row in rows for c in row if c.text.strip() and c.text not in _BORDERS]


async def _problems(app, pilot, system: ColorSystem) -> list[str]:
    """Every place, in every built-in theme, where text is hard to read or the selected
    story cannot be told from the others."""
    problems = []
    stories = app.query_one(StoryList)
    for theme in sorted(app.available_themes):
        app.theme = theme
        for focus in (stories, app.query_one(ArticleView)):
            focus.focus()
            await pilot.pause(0.05)
            lines = app.screen._compositor.render_strips()
            for widget in (stories, app.query_one(ArticleView), app.query_one(SourcesPanel)):
                region = widget.scrollable_content_region
                for c in _text_cells(cells(lines, region, system)):
                    if not c.default and c.ratio < MIN_CONTRAST:
                        problems.append(
                            f"{theme}, {type(focus).__name__} focused: {widget.id} {c.text!r}"
                            f" {tuple(c.fg)} on {tuple(c.bg)}, contrast {c.ratio:.2f}"
                        )
                        break
            region = stories.scrollable_content_region
            rows = cells(lines, region, system)
            top = stories.cursor * stories.row_height - int(stories.scroll_offset.y)
            selected, other = rows[top][0], rows[top - stories.row_height][0]
            if not (selected.default and other.default) and selected.bg == other.bg:
                problems.append(f"{theme}: the selected story looks like the others")
    return problems


@pytest.mark.slow
@pytest.mark.parametrize(
    ("system", "no_color"),
    [
        (ColorSystem.TRUECOLOR, False),
        (ColorSystem.EIGHT_BIT, False),
        (ColorSystem.STANDARD, False),
        (ColorSystem.TRUECOLOR, True),
    ],
    ids=["truecolor", "256 colours", "16 colours", "NO_COLOR"],
)
async def test_every_theme_is_legible(seeds, tmp_path, monkeypatch, system, no_color):
    name = {ColorSystem.TRUECOLOR: "truecolor", ColorSystem.EIGHT_BIT: "256"}
    # The terminal the app believes it writes to (it rounds colours to that palette).
    monkeypatch.setattr(constants, "COLOR_SYSTEM", name.get(system, "standard"))
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        # Search results draw every part the plain list draws, plus snippets and their
        # highlighted words: one sweep of the themes there covers both.
        await pilot.press("slash", *"Syria", "enter")
        await settle(app, pilot)
        await pilot.press("j")  # the cursor below a story, to tell the selected one apart
        await settle(app, pilot)
        assert await _problems(app, pilot, system) == []


async def test_the_file_count_is_whole_beside_a_scrollbar(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle_scene(pilot)
        stories = app.query_one(StoryList)
        assert stories.virtual_size.height > stories.size.height  # it scrolls
        assert stories.scrollbars_enabled[0]
        region = stories.scrollable_content_region
        lines = app.screen._compositor.render_strips()
        shown = [lines[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]
        for i in range(len(shown) // 2):
            row = stories.source.row(i)
            expected = f"{row.n_files} file{'s' if row.n_files != 1 else ''}"
            assert shown[2 * i + 1].endswith(expected), shown[2 * i + 1]


@pytest.mark.parametrize(("size", "least"), [((120, 40), 48), ((80, 24), 32)])
async def test_the_list_shows_whole_titles(seeds, tmp_path, size, least):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        stories = app.query_one(StoryList)
        assert app.query_one("#left").outer_size.width >= least
        # A title runs over two lines: 40 and more of its characters are on screen.
        select(app, "Italy Plans")
        await pilot.pause(0.1)
        region = stories.scrollable_content_region
        lines = app.screen._compositor.render_strips()
        top = region.y + stories.cursor * stories.row_height - int(stories.scroll_offset.y)
        both = " ".join(lines[y].crop(region.x, region.right).text[11:] for y in (top, top + 1))
        title = " ".join(both.split()).split(" (1)")[0].split(" 1 file")[0].rstrip("…")
        assert len(title) >= 40 if size[0] >= 120 else len(title) >= 25
        assert stories.current.title.startswith(title)


async def test_the_list_width_is_changed_with_keys_and_remembered(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        before = app.query_one("#left").outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause(0.1)
        assert app.query_one("#left").outer_size.width == before + 12  # 40% -> 50% of 120
        await pilot.press("less_than_sign")
        await pilot.pause(0.1)
        wider = app.query_one("#left").outer_size.width
        assert wider == before + 6
    assert Settings(tmp_path / "state" / "settings.json").list_width == 45
    again = make_app(seeds, tmp_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert again.query_one("#left").outer_size.width == wider


def test_file_names_are_cut_in_the_middle():
    name = "004_36ac3283226cc475.txt"
    assert cut_middle(name, 40) == name
    short = cut_middle(name, 16)
    assert len(short) == 16
    assert short.startswith("004_") and short.endswith("c475.txt") and "…" in short
    long = "realweb/aljazeera/2024/03/some-long-article-name_ab12cd34.txt"
    assert cut_middle(long, 24).startswith("realweb/") and cut_middle(long, 24).endswith(".txt")


async def test_long_file_names_are_cut_in_the_middle_not_wrapped(seeds, tmp_path):
    corpus = tmp_path / "corpus"
    deep = corpus / "www.example-news-site.com" / "2024" / "07"
    deep.mkdir(parents=True)
    name = "italy-plans-to-return-ambassador-to-syria_71fcbdabdf3d08e9.txt"
    (deep / name).write_bytes(next(seeds.glob("002_*.txt")).read_bytes())
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        select(app, "Italy Plans")
        await pilot.pause(0.2)
        panel = app.query_one(SourcesPanel)
        region = panel.scrollable_content_region
        lines = app.screen._compositor.render_strips()
        text = [
            lines[y].crop(region.x, region.right).text.strip()
            for y in range(region.y, region.bottom)
        ]
        # One line: the start of the path, an ellipsis, the end of the hash and the extension.
        assert text[0].startswith("● www.example") and text[0].endswith("08e9.txt")
        assert "…" in text[0]
        assert text[1].startswith("lines 36–67")
