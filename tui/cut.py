"""Fitting text into a number of terminal cells, with an ellipsis where it was cut."""

from __future__ import annotations

from pathlib import PurePosixPath

from rich.cells import cell_len

ELLIPSIS = "…"


def _prefix(text: str, cells: int) -> str:
    """The longest start of `text` that fits in `cells` cells."""
    out, used = [], 0
    for ch in text:
        used += cell_len(ch)
        if used > cells:
            break
        out.append(ch)
    return "".join(out)


def _suffix(text: str, cells: int) -> str:
    return _prefix(text[::-1], cells)[::-1]


def cut_end(text: str, cells: int) -> str:
    """`text` in at most `cells` cells, cut at the end."""
    if cell_len(text) <= cells:
        return text
    return _prefix(text, max(0, cells - 1)) + ELLIPSIS


def cut_middle(name: str, cells: int) -> str:
    """A file name in at most `cells` cells, cut in the middle: its start and its end (the
    extension and the last characters before it) are what tell similar names apart."""
    if cell_len(name) <= cells:
        return name
    if cells <= 1:
        return ELLIPSIS[:cells]
    suffix = PurePosixPath(name).suffix
    tail = max(min(len(suffix) + 4, cells // 2), (cells - 1) // 3)
    head = cells - 1 - tail
    return _prefix(name, head) + ELLIPSIS + _suffix(name, tail)
