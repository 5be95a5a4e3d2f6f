"""The sources panel: every file that held the story, with its line range, how it
relates to the text shown (canonical, exact, near, rewrite) and how similar it is."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from storyreader.search import Occurrence, Relation, Story, visible
from storyreader.tui.colours import color_system, legible_strip
from storyreader.tui.cut import cut_middle

# Told apart by text style, not colour: a fixed colour (green, yellow) was unreadable on
# light themes and on the highlighted row.
_RELATION_STYLE = {
    Relation.CANONICAL: "bold",
    Relation.EXACT: "",
    Relation.NEAR: "",
    Relation.REWRITE: "italic",
}
# Cells an option's text does not get: its mark ("● ") and the option's padding.
_OPTION_MARGIN = 4


class SourcesPanel(OptionList):
    BINDINGS = [
        Binding("enter", "open_raw", "View file"),
        Binding("O", "open_external", "Open in your editor"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class OpenSource(Message):
        """Show a file's raw text at the story's lines (inside the app, or outside in
        the user's pager when `external`)."""

        def __init__(self, occurrence: Occurrence, external: bool = False) -> None:
            self.occurrence = occurrence
            self.external = external
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._occurrences: list[Occurrence] = []
        self._shown: tuple[Story | None, int] = (None, 0)
        self._width = 0
        self.border_title = "Found in"

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            highlighted = self.highlighted
            self.show(*self._shown)
            if highlighted is not None and highlighted < self.option_count:
                self.highlighted = highlighted

    def show(self, story: Story | None, version: int = 0) -> None:
        self._shown = (story, version)
        self._width = self.scrollable_content_region.width
        room = max(8, self._width - _OPTION_MARGIN)
        self.clear_options()
        self._occurrences = list(story.occurrences) if story else []
        if story is None:
            self.border_subtitle = ""
            return
        shown = set(story.versions[min(version, len(story.versions) - 1)].paths)
        options = []
        for i, o in enumerate(self._occurrences):
            mark = "● " if o.path in shown else "  "
            prompt = Text.assemble(
                mark,
                (cut_middle(visible(o.path, keep_newlines=False), room), "bold"),
                f"\n  lines {o.start_line}–{o.end_line}\n  ",
                (o.relation.value, _RELATION_STYLE[o.relation]),
                f" {o.similarity:.2f}",
            )
            if o.source:
                prompt.append(f"\n  {visible(o.source)}", style="italic")
            options.append(Option(prompt, id=str(i)))
        self.add_options(options)
        files = len({o.path for o in self._occurrences})
        self.border_subtitle = f"{files} file{'s' if files != 1 else ''}"
        if options:
            self.highlighted = 0

    def render_line(self, y: int) -> Strip:
        return legible_strip(super().render_line(y), color_system(self.app.console))

    @property
    def current(self) -> Occurrence | None:
        if self.highlighted is None or not self._occurrences:
            return None
        return self._occurrences[self.highlighted]

    def action_open_raw(self) -> None:
        if (o := self.current) is not None:
            self.post_message(self.OpenSource(o))

    def action_open_external(self) -> None:
        if (o := self.current) is not None:
            self.post_message(self.OpenSource(o, external=True))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_raw()
