"""A file's raw text, read-only, scrolled to the story's lines and with them marked."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer, Static

from storyreader.search import Unreadable, read_text, visible
from storyreader.tui.colours import background, color_system, component, legible_strip
from storyreader.tui.strips import text_strip
from storyreader.tui.widgets.pager import PagerView

# Lines are cut for display at this many characters (a 20 MB single line stays usable);
# horizontal scrolling moves through the shown part.
MAX_LINE_CHARS = 4000


class RawFileView(PagerView):
    BINDINGS = [
        Binding("right,l", "scroll_cols(8)", "Right", show=False),
        Binding("left,h", "scroll_cols(-8)", "Left", show=False),
    ]
    COMPONENT_CLASSES = {"raw--gutter", "raw--range", "raw--range-gutter"}

    def __init__(self, start: int, end: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: list[str] = []
        self.start = start
        self.end = end

    def load(self, lines: list[str]) -> None:
        self.lines = [visible(line[:MAX_LINE_CHARS], keep_newlines=False) for line in lines]
        width = max((cell_len(line) for line in self.lines), default=0) + self._gutter_width
        self.virtual_size = Size(width, len(self.lines))
        # set_scroll, not scroll_to: the new virtual size is not laid out yet, and scroll_to
        # would clamp the offset to the old, empty one.
        self.set_scroll(
            None, min(max(0, self.start - 4), max(0, len(self.lines) - self.size.height))
        )
        self.refresh()

    @property
    def _gutter_width(self) -> int:
        return len(str(len(self.lines))) + 3

    def action_scroll_cols(self, n: int) -> None:
        self.scroll_to(x=self.scroll_offset.x + n, animate=False)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        base = self.rich_style
        if index >= len(self.lines):
            return Strip.blank(width, base)
        number = index + 1
        in_range = self.start <= number <= self.end
        under = background(self)
        gutter_style = component(self, "raw--range-gutter" if in_range else "raw--gutter", under)[0]
        line_style = component(self, "raw--range", under)[0] if in_range else None
        gutter = Text(f"{number:>{self._gutter_width - 3}} │ ", style=gutter_style)
        line_base = base + line_style if line_style else base
        body_strip = text_strip(Text(self.lines[index], no_wrap=True), self.app.console, line_base)
        body_strip = body_strip.crop_extend(scroll_x, scroll_x + width - gutter.cell_len, line_base)
        gutter_strip = text_strip(gutter, self.app.console, base)
        strip = Strip.join([gutter_strip, body_strip])
        return legible_strip(strip, color_system(self.app.console)).apply_offsets(scroll_x, index)


class RawFileScreen(Screen):
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, path: Path, display_path: str, start: int, end: int, relation: str) -> None:
        super().__init__()
        self.path = path
        self.display_path = display_path
        self.start = start
        self.end = end
        self.relation = relation

    def compose(self) -> ComposeResult:
        yield Static(
            Text.assemble(
                (visible(self.display_path, keep_newlines=False), "bold"),
                f"  lines {self.start}–{self.end} ({self.relation}) · read-only · Esc to go back",
            ),
            id="raw-title",
        )
        yield RawFileView(self.start, self.end, id="raw-view")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RawFileView).focus()
        self._load()

    @work(thread=True)
    def _load(self) -> None:
        try:
            lines = read_text(self.path).lines
        except (Unreadable, OSError) as exc:
            self.app.call_from_thread(
                self.notify, f"Cannot read {self.display_path}: {exc}", severity="error"
            )
            return
        self.app.call_from_thread(self.query_one(RawFileView).load, lines)
