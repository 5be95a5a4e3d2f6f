"""The search box: Whoosh queries as you type, with a history kept across runs."""

from __future__ import annotations

import re

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from storyreader.tui.history import History

# Keys typed faster than this are one query: a burst of keys runs one search, while a
# typist's pace (100 ms and more between keys) still sees the list follow every key.
DEBOUNCE_SECONDS = 0.04


def waits_for_enter(query: str) -> str | None:
    """What in `query` runs only on Enter, or None. Phrases and wide fuzzy terms are slow
    on common words (ANCHORS: ~0.85 s and ~1.3 s at 20k stories): not per keystroke."""
    if '"' in query:
        return "the phrase"
    if re.search(r"~[2-9]", query):
        return "the fuzzy search"
    return None


class SearchBox(Input):
    """The keys that leave the box are priority bindings, and move the focus before they
    return: Textual sends each key to the widget focused when the key is read, so keys
    typed right after Esc or Enter (one burst when the app is busy) would otherwise still
    land here, and keys right after `/` in the list, where `q` quits."""

    BINDINGS = [
        Binding("escape", "clear", "Clear search", priority=True),
        Binding("enter", "submit", "Run the search, go to the list", show=False, priority=True),
        Binding("up", "history(-1)", "Previous query", show=False),
        Binding("down", "history(1)", "Next query", show=False),
    ]

    class QueryChanged(Message):
        """A query to run; `submitted` when the user pressed Enter (until then the last
        word may be unfinished). `waiting` says what waits for Enter, if the query does."""

        def __init__(self, query: str, submitted: bool, waiting: str | None = None) -> None:
            self.query = query
            self.submitted = submitted
            self.waiting = waiting
            super().__init__()

    class Cleared(Message):
        """The box is empty: list every story again (the focus stays where it is)."""

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
        # Trailing spaces kept: a word followed by a space is finished, not a prefix.
        query = event.value.lstrip()
        if not query.strip():
            self._timer = None
            self.post_message(self.Cleared())
            return
        message = self.QueryChanged(query, False, waits_for_enter(query))
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self.post_message(message))

    async def on_key(self, event: events.Key) -> None:
        # Textual runs a focused widget's bindings only when the key has bubbled up to the
        # app, after the letters typed next, which Input inserts at once: in one burst of
        # keys `fire⌫⌫⌫⌫iraq` left `fire`. The box's own keys run here, in typing order.
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority:
                event.stop()
                event.prevent_default()
                await self.run_action(binding.action)
                return

    def _leave(self) -> None:
        # Synchronously (Widget.focus() waits for the next turn of the message loop): the
        # next key read must already go to the pane after the box, the story list. Cleared
        # from elsewhere (Esc in the list), focus stays where it is.
        if self.has_focus:
            self.screen.focus_next()

    async def action_submit(self) -> None:
        self._leave()
        await super().action_submit()

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
        self._leave()
        if self.value:
            self.value = ""  # Input.Changed follows, and posts Cleared

    def action_history(self, step: int) -> None:
        entries = self.history.entries
        if not entries:
            return
        if self._position is None:
            self._position = len(entries)
        self._position = max(0, min(len(entries), self._position + step))
        self.value = entries[self._position] if self._position < len(entries) else ""
        self.cursor_position = len(self.value)
