"""The story list: a virtual list that renders only the lines on screen.

ListView and OptionList build or measure every row up front (seconds at 10,000 rows); this
list asks its row source for the rows it draws, like Toolong's log view, so 100,000
stories open as fast as ten.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from storyreader.search import Snippet, StoryRow, visible
from storyreader.tui.colours import background, color_system, component, legible_strip, shown
from storyreader.tui.cut import cut_end
from storyreader.tui.rows import HitRows, RowSource, same_listing
from storyreader.tui.strips import text_strip

DATE_WIDTH = 10
# A title gets this many lines (a news headline is 60-120 characters; one line of a list
# beside an article holds 20-40 of them).
TITLE_LINES = 2
# Below this width the number of files is shown as "(4)", not "4 files".
NARROW = 40
# Snippets are requested in batches after a short pause, so fast scrolling through
# search results does not queue a snippet for every row flown past.
SNIPPET_DELAY = 0.05
# Characters of context kept before the first hit when a snippet has to be shifted.
SNIPPET_LEAD = 12


class StoryList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "open", "Read"),
        Binding("o", "cycle_sort", "Sort"),
        Binding("n", "next_match(1)", "Next matching story", show=False),
        Binding("N", "next_match(-1)", "Previous matching story", show=False),
    ]
    COMPONENT_CLASSES = {
        "story-list--cursor",
        "story-list--date",
        "story-list--badge",
        "story-list--snippet",
        "story-list--hit",
        "story-list--loading",
    }

    class Highlighted(Message):
        """The cursor moved to a story (the article pane follows it)."""

        def __init__(self, story_id: str) -> None:
            self.story_id = story_id
            super().__init__()

    class Opened(Message):
        """Enter on a story: read it."""

        def __init__(self, story_id: str) -> None:
            self.story_id = story_id
            super().__init__()

    class SortRequested(Message):
        pass

    cursor: reactive[int] = reactive(0, always_update=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._source: RowSource | None = None
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: dict[tuple[bool, bool], dict[str, Style]] = {}
        self._wanted_snippets: set[int] = set()
        self._snippet_timer = None
        self.snippet_fetcher = None  # set by the app: (story_id, query) -> Snippet

    # --- data -----------------------------------------------------------------------------

    @property
    def source(self) -> RowSource | None:
        return self._source

    def show(self, source: RowSource) -> None:
        """Display a new row source. The same listing again keeps the cursor on its story
        (`o` must not lose it); a new query starts on its best result, and the whole list,
        out of a search, on its first story."""
        current = self.current if same_listing(self._source, source) else None
        self._source = source
        self._cache.clear()
        self._wanted_snippets.clear()
        index = source.index_of(current.id) if current is not None else None
        self.virtual_size = Size(self.size.width, len(source) * self.row_height)
        self.cursor = index if index is not None else 0
        # set_scroll, not scroll_to: the new virtual size is not laid out yet, and scroll_to
        # would clamp the offset to the old one.
        top = max(0, self.cursor * self.row_height - self.size.height // 3)
        self.set_scroll(None, min(top, max(0, len(source) * self.row_height - self.size.height)))
        self.refresh()

    @property
    def row_height(self) -> int:
        return TITLE_LINES + 1 if isinstance(self._source, HitRows) else TITLE_LINES

    @property
    def current(self) -> StoryRow | None:
        return self._source.row(self.cursor) if self._source else None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._styles.clear()

    def on_resize(self) -> None:
        self._cache.clear()
        if self._source is not None:
            self.virtual_size = Size(self.size.width, len(self._source) * self.row_height)

    # --- cursor ---------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        if self._source is None or not len(self._source):
            return
        clamped = max(0, min(new, len(self._source) - 1))
        if clamped != new:
            self.cursor = clamped
            return
        h = self.row_height
        self.refresh_lines(old * h - int(self.scroll_offset.y), h)
        self.refresh_lines(new * h - int(self.scroll_offset.y), h)
        self._scroll_cursor_into_view()
        if (row := self._source.row(new)) is not None:
            self.post_message(self.Highlighted(row.id))

    def _scroll_cursor_into_view(self) -> None:
        h = self.row_height
        top = self.cursor * h
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif top + h > self.scroll_offset.y + self.size.height:
            self.scroll_to(y=top + h - self.size.height, animate=False)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height // self.row_height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        if self._source is not None:
            self.cursor = len(self._source) - 1

    def action_next_match(self, direction: int) -> None:
        source = self._source
        if not isinstance(source, HitRows):
            self.notify("No search: press / to search, then n and N go through the matches.")
            return
        if not len(source):
            self.notify("No story matches the search.", severity="warning", timeout=2)
            return
        target = self.cursor + direction
        if not 0 <= target < len(source):
            where = "first" if direction > 0 else "last"
            self.notify(f"Back to the {where} matching story.", timeout=2)
        self.cursor = target % len(source)

    def action_open(self) -> None:
        if (row := self.current) is not None:
            self.post_message(self.Opened(row.id))

    def action_cycle_sort(self) -> None:
        self.post_message(self.SortRequested())

    def on_click(self, event) -> None:
        index = (event.y + int(self.scroll_offset.y)) // self.row_height
        if self._source is not None and 0 <= index < len(self._source):
            self.cursor = index
            if event.chain == 2:
                self.action_open()

    # --- rendering ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_y = int(self.scroll_offset.y)
        # Not size.width: that counts the scrollbar's column, which covered the badge.
        width = self.scrollable_content_region.width
        base = self.rich_style
        if self._source is None:
            return Strip.blank(width, base)
        h = self.row_height
        index, sub = divmod(scroll_y + y, h)
        if index >= len(self._source):
            return Strip.blank(width, base)
        selected = index == self.cursor
        key = (index, sub, width, selected, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(index, sub, width, selected)
            if strip is not None:
                self._cache[key] = strip
            else:
                strip = self._placeholder(width, selected)
        return strip.apply_offsets(0, scroll_y + y)

    def _row_styles(self, selected: bool) -> dict[str, Style]:
        """The styles of a row's parts, resolved over the colour they are drawn on. On the
        selected row every part takes the cursor's colours, so none can vanish into it."""
        key = (selected, self.has_focus)
        styles = self._styles.get(key)
        if styles is None:
            under: Color = background(self)
            row = self.rich_style
            if selected and self.app.no_color:
                # Without colours the selection is drawn in reverse, as terminals always did.
                row += Style(reverse=True, bold=self.has_focus)
            elif selected:
                cursor, under = component(self, "story-list--cursor", under)
                row += cursor
                system = color_system(self.app.console)
                if shown(row.bgcolor, system, False) == shown(
                    self.rich_style.bgcolor, system, False
                ):
                    # The terminal's palette rounds the cursor to the list's own colour.
                    row += Style(reverse=True)
            styles = {"row": row}
            for part in ("date", "badge", "snippet", "hit", "loading"):
                style, _ = component(self, f"story-list--{part}", under)
                if selected:
                    style = Style(bold=style.bold, italic=style.italic, underline=style.underline)
                styles[part] = style
            self._styles[key] = styles
        return styles

    def _placeholder(self, width: int, selected: bool) -> Strip:
        styles = self._row_styles(selected)
        return Strip([Segment(" " * width, styles["row"] + styles["loading"])], width)

    def _legible(self, strip: Strip) -> Strip:
        return legible_strip(strip, color_system(self.app.console))

    def _render_row(self, index: int, sub: int, width: int, selected: bool) -> Strip | None:
        row = self._source.row(index)
        if row is None:
            return None
        styles = self._row_styles(selected)
        if sub < TITLE_LINES:
            text = self._title_lines(row, width, styles)[sub]
        else:
            snippet = self._source.snippet(index)
            if snippet is None:
                self._want_snippet(index)
                return None
            text = self._snippet_line(snippet, width, styles)
        strip = text_strip(text, self.app.console, styles["row"])
        return self._legible(strip.crop_extend(0, width, styles["row"]))

    def _title_lines(self, row: StoryRow, width: int, styles: dict[str, Style]) -> list[Text]:
        """The date and the title, wrapped over TITLE_LINES lines; the number of files
        holding the story at the end of the last line."""
        files = f"{row.n_files} file{'s' if row.n_files != 1 else ''}"
        if width < NARROW:
            files = f"({row.n_files})"
        room = max(4, width - DATE_WIDTH - 1)
        title = Text(visible(row.title, keep_newlines=False))
        wrapped = [line.plain.rstrip() for line in title.wrap(self.app.console, room)]
        lines = wrapped[: TITLE_LINES - 1]
        rest = " ".join(wrapped[TITLE_LINES - 1 :])
        last_room = room - len(files) - 1
        if cell_len(rest) > last_room:
            rest = cut_end(rest, max(1, last_room))
        lines.append(rest + " " * (last_room - cell_len(rest)))
        lines += [""] * (TITLE_LINES - len(lines))
        out = []
        for i, line in enumerate(lines):
            date = (row.date or "") if i == 0 else ""
            text = Text.assemble((date.ljust(DATE_WIDTH), styles["date"]), " ", line, no_wrap=True)
            if i == TITLE_LINES - 1:
                text.append(" ")
                text.append(files, styles["badge"])
            out.append(text)
        return out

    def _snippet_line(self, snippet: Snippet, width: int, styles: dict[str, Style]) -> Text:
        """The snippet, started a little before its first hit so the hit is on screen."""
        shown = visible(snippet.text, keep_newlines=False)
        shift = 0
        if snippet.spans and snippet.spans[0][1] > width - 6:
            shift = max(0, snippet.spans[0][0] - SNIPPET_LEAD)
        prefix = "  …" if shift else "  "
        text = Text(prefix + shown[shift:], style=styles["snippet"], no_wrap=True)
        offset = len(prefix) - shift
        for start, end in snippet.spans:
            if start >= shift:
                text.stylize(styles["hit"], start + offset, end + offset)
        return text

    # --- lazy snippets --------------------------------------------------------------------

    def _want_snippet(self, index: int) -> None:
        self._wanted_snippets.add(index)
        if self._snippet_timer is None:
            self._snippet_timer = self.set_timer(SNIPPET_DELAY, self._fetch_snippets)

    def _fetch_snippets(self) -> None:
        self._snippet_timer = None
        source = self._source
        wanted = sorted(self._wanted_snippets)
        self._wanted_snippets.clear()
        if isinstance(source, HitRows) and wanted and self.snippet_fetcher is not None:
            self._snippet_worker(source, wanted)

    @work(thread=True, group="snippets")
    def _snippet_worker(self, source: HitRows, wanted: list[int]) -> None:
        for index in wanted:
            row = source.row(index)
            if row is None or source.snippet(index) is not None:
                continue
            source.set_snippet(index, self.snippet_fetcher(row.id, source.query))
        self.app.call_from_thread(self._snippets_ready, source)

    def _snippets_ready(self, source: HitRows) -> None:
        if source is self._source:
            self._cache.clear()
            self.refresh()
