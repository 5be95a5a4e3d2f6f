"""The progress line shown while a corpus is being indexed or stories exported, and the
one-line error left when indexing failed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from storyreader.search import visible

# Each stage of a build: what it is called, and what its steps count.
PHASES = {
    "scanning": ("Looking for files", "found"),
    "sampling": ("Learning site furniture", "files"),
    "reading": ("Reading files", "files"),
    "cleaning": ("Cleaning files again", "files"),
    "linking": ("Finding copies, rewrites", "pairs"),
    "grouping": ("Grouping stories", "stories"),
    "indexing": ("Indexing for search", "stories"),
    "saving": ("Saving the search index", ""),
    "exporting": ("Exporting", "stories"),
}


def describe(phase: str, done: int, total: int) -> str:
    """`Reading files 4,210/10,000`: the stage and how far it is, in its own units."""
    name, unit = PHASES.get(phase, (phase, ""))
    if total:
        return f"{name} {done:,}/{total:,} {unit}".rstrip()
    if done:
        return f"{name} {done:,} {unit}".rstrip()
    return f"{name} …"


class IndexStatus(Horizontal):
    """Hidden when idle; `update` shows progress, `done` hides it, `failed` leaves an
    error in its place until the next build."""

    def compose(self) -> ComposeResult:
        yield Label("", id="status-label")
        yield ProgressBar(id="status-bar")

    def update(self, phase: str, done: int, total: int) -> None:
        self.display = True
        self.remove_class("error")
        label = self.query_one("#status-label", Label)
        label.update(describe(phase, done, total))
        bar = self.query_one(ProgressBar)
        bar.display = True
        # A stage without steps to count shows a pulsing bar (total None), not a full one.
        bar.update(total=total or None, progress=done)

    def done(self) -> None:
        self.display = False

    def failed(self, message: str) -> None:
        self.display = True
        self.add_class("error")
        self.query_one(ProgressBar).display = False
        text = visible(f"✗ {message} · r to try again", keep_newlines=False)
        self.query_one("#status-label", Label).update(Text(text, no_wrap=True, overflow="ellipsis"))
