"""Small text helpers shared by the stages: how lines are compared and hashed."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Invisible characters that scrapers leave in or around lines; they must not make two
# otherwise equal lines differ.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "–": "-",
        "—": "-",
    }
)
_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")
# A list item's mark: a bullet sign, or a dash or star followed by a space; with the spaces after it.
BULLET = re.compile(r"^(?:[•·▪◦●■►]|[*\-–](?=\s))\s*")


def spaced_bullet(line: str) -> bool:
    """Whether a line opens with a bullet mark and then a space ("•word" run together is
    not taken for a list item when splitting)."""
    mark = BULLET.match(line)
    return mark is not None and mark.end() > 1


def norm(line: str) -> str:
    """A line as compared with other lines: no invisible characters, whitespace (including
    no-break spaces) collapsed, no leading or trailing space."""
    if line.isascii():
        return " ".join(line.split())
    return " ".join(line.translate(_INVISIBLE).split())


def fold(text: str) -> str:
    """Text as compared across copies: also case, quote style and Unicode form ignored."""
    return unicodedata.normalize("NFKC", norm(text)).translate(_QUOTES).casefold()


def words(text: str) -> list[str]:
    """Lower-case word tokens; numbers such as 2,500 and U.S. stay one token."""
    return _WORD.findall(text.casefold())


def digest(text: str, size: int = 8) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=size).hexdigest()


def body_key(folded_paragraphs: list[str], folded_title: str) -> str:
    """Exact copies share this key: equal title and body once folded (see `fold`). Copies
    that differ in the title only are near copies, found by their shingles."""
    return digest("\n".join([folded_title, *folded_paragraphs]))


SENTENCE_END = (".", "!", "?", "…", '."', ".”", "?”", '?"', "!”", '!"', ".’", ".'", ":")


def ends_sentence(line: str) -> bool:
    return line.endswith(SENTENCE_END)
