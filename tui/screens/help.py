"""`?`: every key of every pane, read from the bindings themselves so it cannot drift."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "escape": "Esc",
    "enter": "Enter",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "tab": "Tab",
    "ctrl+p": "Ctrl+P",
    "ctrl+q": "Ctrl+Q",
}


def _keys(binding: Binding) -> str:
    return " ".join(_KEY_NAMES.get(k, k) for k in binding.key.split(","))


def _description(binding: Binding) -> str:
    if binding.description:
        return binding.description
    return binding.action.replace("_", " ").split("(")[0]


def key_table(sections: list[tuple[str, list[Binding]]]) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column("keys", style="bold", no_wrap=True, min_width=14)
    table.add_column("action")
    for title, bindings in sections:
        table.add_row(Text(title, style="bold underline"), "")
        for b in bindings:
            table.add_row(_keys(b), _description(b))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("storyreader keys", style="bold"), id="help-title")
            yield Static(key_table(self.sections), id="help-table")
            yield Static(
                Text(
                    "Every action is also in the command palette (Ctrl+P). Search syntax: words, "
                    '"a phrase", title:word, source:reuters, path:004, date:2024-02, a OR b, '
                    "a NOT b, fuzzy~ (Enter runs phrases and fuzzy~2).",
                    style="dim",
                ),
                id="help-note",
            )
