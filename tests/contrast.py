"""How legible the reader is: the colours of what the app actually renders, as a terminal
with a given colour system shows them, measured with the WCAG contrast ratio."""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color, ColorSystem, ColorTriplet
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.geometry import Region
from textual.strip import Strip

SYSTEMS = {
    "truecolor": ColorSystem.TRUECOLOR,
    "256 colours": ColorSystem.EIGHT_BIT,
    "16 colours": ColorSystem.STANDARD,
}


def _channel(c: int) -> float:
    c /= 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: ColorTriplet) -> float:
    r, g, b = (_channel(x) for x in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: ColorTriplet, b: ColorTriplet) -> float:
    """WCAG 2 contrast ratio, from 1 (the same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def shown(color: Color | None, system: ColorSystem, foreground: bool) -> ColorTriplet:
    """The colour a terminal of `system` shows for `color` (rich downgrades it on output;
    None and "default" are the terminal's own colours)."""
    if color is None:
        color = Color.default()
    return color.downgrade(system).get_truecolor(DEFAULT_TERMINAL_THEME, foreground=foreground)


def _blend(a: ColorTriplet, b: ColorTriplet, share: float) -> ColorTriplet:
    return ColorTriplet(*(round(x + (y - x) * share) for x, y in zip(a, b, strict=True)))


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    fg: ColorTriplet
    bg: ColorTriplet

    @property
    def ratio(self) -> float:
        return contrast(self.fg, self.bg)


def cell_colours(style: Style | None, system: ColorSystem) -> tuple[ColorTriplet, ColorTriplet]:
    style = style or Style()
    fg = shown(style.color, system, True)
    bg = shown(style.bgcolor, system, False)
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:  # terminals draw faint text about halfway to the background
        fg = _blend(fg, bg, 0.5)
    return fg, bg


def cells(lines: list[Strip], region: Region, system: ColorSystem) -> list[list[Cell]]:
    """The cells of `region` of the screen's lines, one list per line."""
    out = []
    for y in range(region.y, region.bottom):
        row: list[Cell] = []
        for text, style, _ in lines[y].crop(region.x, region.right):
            fg, bg = cell_colours(style, system)
            row.extend(Cell(ch, fg, bg) for ch in text)
        out.append(row)
    return out
