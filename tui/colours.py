"""Component-class colours as the terminal will show them.

Textual's partial component styles drop a colour's alpha and leave `auto` unresolved, so
`$foreground 60%` came out as full foreground and `$text-muted` (auto 60%) as white even on
a light theme's white. The views that draw their own lines resolve them here instead, over
the background they are drawn on."""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.color_triplet import ColorTriplet
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.color import Color
from textual.strip import Strip
from textual.widget import Widget


def component(widget: Widget, name: str, background: Color) -> tuple[Style, Color]:
    """The style of `widget`'s component class `name` over `background`, and the background
    under its text (the component's own, if it has one)."""
    styles = widget.get_component_styles(name)
    has_background = styles.has_rule("background")
    if widget.app.no_color:
        # NO_COLOR: parts differ by text style alone, and a highlight is reverse video.
        return styles.text_style + Style(reverse=has_background or None), background
    under = background + styles.background if has_background else background
    color = under + styles.color if styles.has_rule("color") else None
    style = Style(
        color=color.rich_color if color is not None else None,
        bgcolor=under.rich_color if has_background else None,
    )
    return style + styles.text_style, under


def background(widget: Widget) -> Color:
    """The colour `widget` is drawn on, its ancestors' colours blended in."""
    return widget.background_colors[1]


# WCAG's minimum for body text; the themes' own pairs fall below it in places (a muted date
# on a light surface, white on a mid-tone cursor), and more so once a terminal of 256 or 16
# colours has rounded them to its palette.
MIN_CONTRAST = 4.5
_SYSTEMS = {
    "truecolor": ColorSystem.TRUECOLOR,
    "256": ColorSystem.EIGHT_BIT,
    "standard": ColorSystem.STANDARD,
    "windows": ColorSystem.WINDOWS,
}
_BLACK = ColorTriplet(0, 0, 0)
_WHITE = ColorTriplet(255, 255, 255)


def _channel(c: int) -> float:
    c /= 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: ColorTriplet) -> float:
    r, g, b = (_channel(x) for x in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: ColorTriplet, b: ColorTriplet) -> float:
    """WCAG 2 contrast ratio: 1 (the same colour) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def shown(color: RichColor | None, system: ColorSystem, foreground: bool) -> ColorTriplet:
    """The colour a terminal of `system` shows for `color`: rich rounds it to the
    terminal's palette on output; None and "default" are the terminal's own colours."""
    color = color or RichColor.default()
    return color.downgrade(system).get_truecolor(DEFAULT_TERMINAL_THEME, foreground=foreground)


def color_system(console: Console) -> ColorSystem:
    return _SYSTEMS.get(console.color_system or "", ColorSystem.TRUECOLOR)


@lru_cache(maxsize=4096)
def legible(style: Style, system: ColorSystem) -> Style:
    """`style`, its text colour moved toward black or white until it stands out from its
    background by MIN_CONTRAST as the terminal shows them. Colours left to the terminal
    (none, "default") are its own business."""
    if any(c is not None and c.is_default for c in (style.color, style.bgcolor)):
        # "No colour" rather than "the default colour": the same on screen, but NO_COLOR's
        # monochrome filter turns an explicit default into black, and both into black on black.
        return style.without_color + Style(
            color=None if style.color is None or style.color.is_default else style.color,
            bgcolor=None if style.bgcolor is None or style.bgcolor.is_default else style.bgcolor,
        )
    fg, bg = style.color, style.bgcolor
    if style.reverse:
        fg, bg = bg, fg
    if fg is None or bg is None:
        return style
    under = shown(bg, system, False)
    if contrast(shown(fg, system, True), under) >= MIN_CONTRAST:
        return style
    start = fg.get_truecolor()
    end = max((_BLACK, _WHITE), key=lambda x: contrast(x, under))
    for step in range(1, 11):
        share = step / 10
        mixed = ColorTriplet(*(round(a + (b - a) * share) for a, b in zip(start, end, strict=True)))
        candidate = RichColor.from_triplet(mixed)
        if contrast(shown(candidate, system, True), under) >= MIN_CONTRAST or step == 10:
            break
    key = "bgcolor" if style.reverse else "color"
    return style + Style(**{key: candidate})


def legible_strip(strip: Strip, system: ColorSystem) -> Strip:
    segments = [Segment(t, legible(s, system) if s else s, c) for t, s, c in strip]
    return Strip(segments, strip.cell_length)
