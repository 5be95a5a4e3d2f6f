"""Export prompts: where to write, and whether to replace a file that exists."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from storyreader.search import visible


@dataclass(frozen=True, slots=True)
class ExportTarget:
    directory: Path
    template: str


class ExportScreen(ModalScreen[ExportTarget | None]):
    """Ask for the folder (and file name template); Enter confirms, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, heading: str, directory: Path, template: str) -> None:
        super().__init__()
        self.heading = heading
        self.directory = directory
        self.template = template

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Text(visible(self.heading), style="bold"))
            yield Label("Folder")
            yield Input(str(self.directory), id="export-dir")
            yield Label("File name ({title} {date} {id} {source})")
            yield Input(self.template, id="export-template")
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-dir", Input).focus()

    def _submit(self) -> None:
        directory = self.query_one("#export-dir", Input).value.strip()
        template = self.query_one("#export-template", Input).value.strip() or "{title}"
        if not directory:
            self.notify("Give a folder to export to.", severity="warning")
            return
        self.dismiss(ExportTarget(Path(directory).expanduser(), template))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; y or Enter on Yes confirms, n or Esc declines."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(Text(visible(self.question)))
            with Horizontal(classes="buttons"):
                yield Button("Yes", variant="warning", id="yes")
                yield Button("No", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
