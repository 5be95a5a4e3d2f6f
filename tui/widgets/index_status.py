"""The progress line shown while a corpus is being indexed or stories exported."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

PHASES = {
    "scanning": "Looking for files",
    "reading": "Reading files",
    "cleaning": "Splitting and cleaning",
    "grouping": "Grouping stories",
    "indexing": "Indexing for search",
    "exporting": "Exporting",
}


class IndexStatus(Horizontal):
    """Hidden when idle; `update` shows it, `done` hides it."""

    def compose(self) -> ComposeResult:
        yield Label("", id="status-label")
        yield ProgressBar(show_eta=False, id="status-bar")

    def update(self, phase: str, done: int, total: int) -> None:
        self.display = True
        self.query_one("#status-label", Label).update(PHASES.get(phase, phase))
        bar = self.query_one(ProgressBar)
        bar.update(total=total or None, progress=done)

    def done(self) -> None:
        self.display = False
