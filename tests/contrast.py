"""How legible the reader is: the colours of what the app actually rendered, as a terminal
with a given colour system shows them, measured with the WCAG contrast ratio."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.color import ColorSystem, ColorTriplet
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from storyreader.tui.colours import contrast, shown


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    fg: ColorTriplet
    bg: ColorTriplet
    # Drawn in the terminal's own colours (ANSI themes, NO_COLOR on them): the user chose them.
    default: bool

    @property
    def ratio(self) -> float:
        return _contrast(self.fg, self.bg)


_contrast = lru_cache(maxsize=4096)(contrast)


def _blend(a: ColorTriplet, b: ColorTriplet, share: float) -> ColorTriplet:
    return ColorTriplet(*(round(x + (y - x) * share) for x, y in zip(a, b, strict=True)))


def cell(text: str, style: Style | None, system: ColorSystem) -> Cell:
    fg, bg, default = _colours(style or Style(), system)
    return Cell(text, fg, bg, default)


@lru_cache(maxsize=4096)
def _colours(style: Style, system: ColorSystem) -> tuple[ColorTriplet, ColorTriplet, bool]:
    """What a terminal of `system` shows for `style`: a screen has a few dozen styles and
    thousands of cells."""
    fg = shown(style.color, system, True)
    bg = shown(style.bgcolor, system, False)
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:  # terminals draw faint text about halfway to the background
        fg = _blend(fg, bg, 0.5)
    default = any(c is None or c.is_default for c in (style.color, style.bgcolor))
    return fg, bg, default


def cells(lines: list[Strip], region: Region, system: ColorSystem) -> list[list[Cell]]:
    """The cells of `region` of the screen's lines, one list per line."""
    return [
        [
            cell(ch, style, system)
            for text, style, _ in lines[y].crop(region.x, region.right)
            for ch in text
        ]
        for y in range(region.y, region.bottom)
    ]
