"""Turning Rich text into Textual strips for the line-based views."""

from __future__ import annotations

from rich.console import Console
from rich.style import Style
from rich.text import Span, Text
from textual.strip import Strip


def text_strip(text: Text, console: Console, base: Style) -> Strip:
    """`text` as one strip with `base` (the widget's colours) under every other style.

    Text.render() ignores the text's own style and yields unstyled segments when the text
    has no spans, so the base goes in as the first span instead."""
    text = text.copy()
    text.spans.insert(
        0, Span(0, len(text), base + (console.get_style(text.style) if text.style else Style()))
    )
    return Strip(list(text.render(console)), text.cell_len)
