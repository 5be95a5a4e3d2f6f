"""The search box: Whoosh queries as you type, with a history kept across runs."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from storyreader.tui.history import History

# Keys typed faster than this are one query: a burst of keys runs one search, while a
# typist's pace (100 ms and more between keys) still sees the list follow every key.
DEBOUNCE_SECONDS = 0.04


def runs_as_you_type(query: str) -> bool:
    """Phrases and wide fuzzy terms are slow on common words (ANCHORS: ~0.85 s and
    ~1.3 s at 20k stories); they run when Enter is pressed, not per keystroke."""
    return '"' not in query and "~2" not in query and "~3" not in query


class SearchBox(Input):
    BINDINGS = [
        Binding("escape", "clear", "Clear search"),
        Binding("up", "history(-1)", "Previous query", show=False),
        Binding("down", "history(1)", "Next query", show=False),
    ]

    class QueryChanged(Message):
        """A query to run; `submitted` when the user pressed Enter."""

        def __init__(self, query: str, submitted: bool) -> None:
            self.query = query
            self.submitted = submitted
            super().__init__()

    class Cleared(Message):
        pass

    def __init__(self, history: History, *, id: str | None = None) -> None:
        super().__init__(
            placeholder='/ search: words, "phrase", title:x, source:x, a OR b, fuzzy~', id=id
        )
        self.history = history
        self._position: int | None = None
        self._timer = None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        query = event.value.strip()
        if not query:
            self._timer = None
            self.post_message(self.Cleared())
            return
        if runs_as_you_type(query):
            self._timer = self.set_timer(
                DEBOUNCE_SECONDS, lambda: self.post_message(self.QueryChanged(query, False))
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        query = event.value.strip()
        self._position = None
        if query:
            self.history.add(query)
            self.post_message(self.QueryChanged(query, True))
        else:
            self.post_message(self.Cleared())

    def action_clear(self) -> None:
        self._position = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.value = ""
        self.post_message(self.Cleared())

    def action_history(self, step: int) -> None:
        entries = self.history.entries
        if not entries:
            return
        if self._position is None:
            self._position = len(entries)
        self._position = max(0, min(len(entries), self._position + step))
        self.value = entries[self._position] if self._position < len(entries) else ""
        self.cursor_position = len(self.value)
