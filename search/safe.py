"""Text from files is data. Before any of it reaches a terminal, a markup parser or an
exported file, control characters are made visible instead of being obeyed.

An ESC byte would start an ANSI or OSC sequence (colours, cursor moves, window titles,
OSC 52 clipboard writes, OSC 8 links); bidirectional overrides reorder what the reader
sees. They are shown, not dropped, so nothing in the file is hidden from its reader.
"""

from __future__ import annotations

import json
import re

# C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidi controls.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(ch: str) -> str:
    code = ord(ch)
    if code == 0x1B:
        return "␛"
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␀ ␁ ... ␟
    if code == 0x7F:
        return "␡"
    if code <= 0x9F:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str, keep_newlines: bool = True) -> str:
    """`text` with every control character replaced by a visible stand-in. Tabs become
    spaces so they cannot move the cursor; newlines stay unless asked otherwise."""
    if not keep_newlines:
        text = text.replace("\r", "␍").replace("\n", "␤")
    text = text.replace("\t", "    ")
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE.sub(lambda m: _visible(m.group()), text)


def has_controls(text: str) -> bool:
    return bool(_UNSAFE.search(text))


def json_line(record: object) -> str:
    """`record` as one line of JSON, with every character `visible` would replace written
    as a \\u escape: JSON is data, but a `jq` printing it to a terminal must not obey it."""
    text = json.dumps(record, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
