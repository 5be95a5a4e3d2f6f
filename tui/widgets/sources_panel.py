"""The sources panel: every file that held the story, with its line range, how it
relates to the text shown (canonical, exact, near, rewrite) and how similar it is."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from search.model import Occurrence, Relation, Story
from search.safe import visible

_RELATION_STYLE = {
    Relation.CANONICAL: "bold green",
    Relation.EXACT: "green",
    Relation.NEAR: "yellow",
    Relation.REWRITE: "magenta",
}


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
        self.border_title = "Found in"

    def show(self, story: Story | None, version: int = 0) -> None:
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
                (visible(o.path, keep_newlines=False), "bold"),
                "\n  ",
                f"lines {o.start_line}–{o.end_line} ",
                (o.relation.value, _RELATION_STYLE[o.relation]),
                f" {o.similarity:.2f}",
            )
            if o.source:
                prompt.append(f"\n  {visible(o.source)}", style="dim")
            options.append(Option(prompt, id=str(i)))
        self.add_options(options)
        files = len({o.path for o in self._occurrences})
        self.border_subtitle = f"{files} file{'s' if files != 1 else ''}"
        if options:
            self.highlighted = 0

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
