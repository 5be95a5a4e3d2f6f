"""The files that could not be read, each with its reason."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from storyreader.search import Skipped, visible


class SkippedScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close")]

    def __init__(self, skipped: list[Skipped]) -> None:
        super().__init__()
        self.skipped = skipped

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="skipped-box", classes="dialog"):
            n = len(self.skipped)
            yield Static(Text(f"{n} file{'s' if n != 1 else ''} skipped", style="bold"))
            if not self.skipped:
                yield Static(Text("Every file of the corpus was read.", style="dim"))
                return
            table = Table(box=None, show_header=True, header_style="bold", expand=True)
            table.add_column("file", overflow="fold", ratio=2)
            table.add_column("reason", overflow="fold", ratio=1)
            for s in self.skipped:
                table.add_row(Text(visible(s.path, keep_newlines=False)), Text(s.reason))
            yield Static(table)
