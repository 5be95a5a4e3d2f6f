"""A read-only scrolling text view driven like a pager (less, mutt's pager)."""

from __future__ import annotations

from textual.binding import Binding
from textual.scroll_view import ScrollView


class PagerView(ScrollView, can_focus=True):
    """Pager keys for a view that renders its lines itself (`render_line`); subclasses
    add their own keys on top."""

    BINDINGS = [
        Binding("down,j", "scroll_lines(1)", "Down", show=False),
        Binding("up,k", "scroll_lines(-1)", "Up", show=False),
        Binding("space,pagedown", "scroll_pages(1)", "Page down", show=False),
        Binding("b,pageup", "scroll_pages(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
    ]

    def action_scroll_lines(self, n: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + n, animate=False)

    def action_scroll_pages(self, n: int) -> None:
        # Two lines of the old page stay in view, so the eye keeps its place.
        self.scroll_to(y=self.scroll_offset.y + n * max(1, self.size.height - 2), animate=False)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.virtual_size.height, animate=False)
