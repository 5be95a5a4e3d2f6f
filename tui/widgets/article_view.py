"""The article pane: one story read once, with search hits highlighted.

Text is wrapped here, once per width, into lines kept as strips; the pane draws only the
lines on screen and knows where every hit fell, for `n` and `N`: the current hit is
marked, and the pane's bottom edge says which it is (`hit 2/7`).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from storyreader.search import Relation, Story, visible
from storyreader.tui.colours import background, color_system, component, legible_strip
from storyreader.tui.cut import cut_middle
from storyreader.tui.strips import text_strip
from storyreader.tui.widgets.pager import PagerView

# Paragraphs longer than this are shown cut, with a note: a 20 MB line would otherwise be
# wrapped into a million screen lines. The whole text stays in the file and the export.
MAX_SHOWN_CHARS = 100_000
PADDING = 2

Spans = Callable[[str], list[tuple[int, int]]]


class ArticleView(PagerView):
    BINDINGS = [
        Binding("n", "next_hit(1)", "Next hit"),
        Binding("N", "next_hit(-1)", "Previous hit"),
        Binding("v", "next_version", "Versions"),
    ]
    COMPONENT_CLASSES = {
        "article--title",
        "article--meta",
        "article--version",
        "article--caption",
        "article--bullet",
        "article--hit",
        "article--current-hit",
        "article--note",
        "article--empty",
    }

    class VersionChanged(Message):
        """The reader switched to another version of the story (the sources panel marks
        where that version came from)."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    version: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._story: Story | None = None
        self._spans: Spans | None = None
        self._lines: list[Strip] = []
        # Every hit in reading order: (line, start, end) in that line's wrapped text.
        self._hits: list[tuple[int, int, int]] = []
        # The wrapped text of the lines holding hits, to mark the current hit again.
        self._hit_texts: dict[int, Text] = {}
        self._current: int | None = None
        self._width = 0
        self.empty_message = "No story selected."

    # --- data -----------------------------------------------------------------------------

    @property
    def story(self) -> Story | None:
        return self._story

    def show(self, story: Story | None, spans: Spans | None = None) -> None:
        keep_version = self._story is not None and story is not None and self._story.id == story.id
        self._story = story
        self._spans = spans
        self._current = None
        if not keep_version:
            self.set_reactive(ArticleView.version, 0)
        self._layout()
        if not keep_version:
            self.scroll_to(y=0, animate=False)

    def set_highlighter(self, spans: Spans | None) -> None:
        self._spans = spans
        self._current = None
        self._layout()

    @property
    def hit_lines(self) -> list[int]:
        """The lines holding hits, top to bottom."""
        return sorted({line for line, _, _ in self._hits})

    @property
    def hit_count(self) -> int:
        return len(self._hits)

    @property
    def current_hit(self) -> int | None:
        """The hit `n` or `N` moved to (0-based), None before either is pressed."""
        return self._current

    def watch_version(self) -> None:
        self._current = None
        self._layout()
        self.scroll_to(y=0, animate=False)
        self.post_message(self.VersionChanged(self.version))

    def on_resize(self) -> None:
        self._layout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._layout()

    # --- actions --------------------------------------------------------------------------

    def action_next_hit(self, direction: int) -> None:
        if not self._hits:
            self.notify("No highlighted words in this story.", severity="warning", timeout=2)
            return
        if self._current is not None:
            index = (self._current + direction) % len(self._hits)
        else:
            # The first move goes to the first hit from where the reader is on the page.
            top = int(self.scroll_offset.y)
            below = [i for i, (y, _, _) in enumerate(self._hits) if y >= top]
            above = [i for i, (y, _, _) in enumerate(self._hits) if y < top + self.size.height]
            if direction > 0:
                index = below[0] if below else 0
            else:
                index = above[-1] if above else len(self._hits) - 1
        self._set_current(index)
        # The current hit sits on the third screen line, with a little context above it.
        self.scroll_to(y=max(0, self._hits[index][0] - 2), animate=False)

    def action_next_version(self) -> None:
        if self._story is None or len(self._story.versions) < 2:
            self.notify("This story has one version.", timeout=2)
            return
        self.version = (self.version + 1) % len(self._story.versions)

    # --- layout ---------------------------------------------------------------------------

    def _layout(self) -> None:
        width = self.size.width
        if width <= 0:
            return
        self._width = width
        console = self.app.console
        lines: list[Strip] = []
        hits: list[tuple[int, int, int]] = []
        hit_texts: dict[int, Text] = {}
        text_width = max(10, width - 2 * PADDING)
        hit_style = self._style("article--hit")
        for block in self._blocks(text_width):
            if block is None:
                lines.append(Strip.blank(width, self.rich_style))
                continue
            for line in block.wrap(console, text_width):
                spans = sorted(
                    (span.start, span.end) for span in line.spans if span.style == hit_style
                )
                if spans:
                    hits += [(len(lines), start, end) for start, end in spans]
                    hit_texts[len(lines)] = line.copy()
                lines.append(self._strip(console, line, width))
        self._lines = lines
        self._hits = hits
        self._hit_texts = hit_texts
        if self._current is not None and self._current >= len(hits):
            self._current = None
        self._set_current(self._current)
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def _set_current(self, index: int | None) -> None:
        """Mark hit `index` (unmark the one before) and say which it is."""
        old = self._current
        self._current = index
        for hit in {old, index} - {None}:
            if hit < len(self._hits):
                self._redraw_hit_line(self._hits[hit][0])
        total = len(self._hits)
        if index is not None:
            self.border_subtitle = f"hit {index + 1}/{total} · n next · N previous"
        else:
            self.border_subtitle = f"{total} hit{'s' if total != 1 else ''} · n: go to the next"
        self.set_class(total > 0, "-hits")

    def _redraw_hit_line(self, y: int) -> None:
        text = self._hit_texts.get(y)
        if text is None or y >= len(self._lines):
            return
        text = text.copy()
        if self._current is not None and self._hits[self._current][0] == y:
            _, start, end = self._hits[self._current]
            text.stylize(self._style("article--current-hit"), start, end)
        self._lines[y] = self._strip(self.app.console, text, self._width)
        self.refresh_line(y)

    def _strip(self, console: Console, line: Text, width: int) -> Strip:
        base = self.rich_style
        line.rstrip()
        strip = text_strip(Text(" " * PADDING) + line, console, base)
        return legible_strip(strip.crop_extend(0, width, base), color_system(console))

    def _style(self, name: str) -> Style:
        return component(self, name, background(self))[0]

    def _para(self, text: str, style: Style | None = None) -> Text:
        shown = visible(text, keep_newlines=False)
        note = None
        if len(shown) > MAX_SHOWN_CHARS:
            note = f" … [{len(shown) - MAX_SHOWN_CHARS:,} more characters: press O in the sources panel to open the file]"
            shown = shown[:MAX_SHOWN_CHARS]
        para = Text(shown, style=style or Style())
        if self._spans is not None:
            hit = self._style("article--hit")
            for start, end in self._spans(shown):
                para.stylize(hit, start, end)
        if note:
            para.append(note, style=self._style("article--note"))
        return para

    def _blocks(self, text_width: int) -> list[Text | None]:
        story = self._story
        if story is None:
            return [None, Text(self.empty_message, style=self._style("article--empty"))]
        index = min(self.version, len(story.versions) - 1)
        version = story.versions[index]
        blocks: list[Text | None] = [None, self._para(version.title, self._style("article--title"))]
        meta = " · ".join(
            x for x in (version.date or story.date or "undated", ", ".join(version.sources)) if x
        )
        blocks.append(Text(visible(meta), style=self._style("article--meta")))
        if len(story.versions) > 1:
            label = (
                "main version"
                if version.relation is Relation.CANONICAL
                else f"rewrite, similarity {version.similarity:.2f}"
            )
            # File names are cut in the middle, never wrapped through their hash.
            name_cells = max(12, min(40, text_width // 2))
            where = ", ".join(
                cut_middle(visible(p, keep_newlines=False), name_cells) for p in version.paths[:3]
            ) + (" …" if len(version.paths) > 3 else "")
            blocks.append(
                Text(
                    f"Version {index + 1} of {len(story.versions)} ({label}) · {where} · v: next version",
                    style=self._style("article--version"),
                )
            )
        blocks.append(None)
        if version.caption:
            for caption in version.caption.split("\n"):
                blocks += [self._para(caption, self._style("article--caption")), None]
        if version.bullets:
            for bullet in version.bullets:
                blocks.append(Text("• ", style=self._style("article--bullet")) + self._para(bullet))
            blocks.append(None)
        for paragraph in version.paragraphs:
            blocks += [self._para(paragraph), None]
        return blocks

    def render_line(self, y: int) -> Strip:
        scroll_y = int(self.scroll_offset.y)
        index = scroll_y + y
        width = self.size.width
        if index >= len(self._lines) or width != self._width:
            return Strip.blank(width, self.rich_style)
        return self._lines[index].apply_offsets(0, index)
