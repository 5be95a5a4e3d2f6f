"""How many: the numbers a text gives with their units ("7.2 magnitude", "12 people",
"$3 million", "4 killed"), a field of the event signature (rewrite.py).

Two rewrites of one event give the same counts and measures; two events of one kind (two
earthquakes, two crashes) give other values of the same units. A value is normalised
("2,500" and "2500", "$3 million" and "$3,000,000" alike) and its unit is the word after it,
or before it for the few measures written first ("magnitude 7.2", "Flight 447").
"""

from __future__ import annotations

import re
import zlib

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "m": 1e6, "mn": 1e6, "bn": 1e9}
_CURRENCIES = {"$": "usd", "€": "eur", "£": "gbp"}
# Measures named before their value.
_UNIT_FIRST = frozenset({"magnitude", "flight", "route", "interstate", "highway", "number"})
# Words after a number that are not its unit.
_NOT_UNITS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "per",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "were",
        "who",
        "with",
        "am",
        "pm",
        "more",
        "less",
        "over",
        "under",
        "about",
        "nearly",
        "some",
    ]
)
# `before` begins where a word does (no match ends mid-word, so none is lost), not at
# each of a word's letters in turn.
_QUANTITY = re.compile(
    r"(?:(?<![A-Za-z])(?P<before>[A-Za-z]+)[\s-]+)?(?P<cur>[$€£])?\s?"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")\b"
    r"(?:\s*(?P<scale>thousand|million|billion|mn|bn|m)\b)?"
    r"(?:[\s-]+(?P<unit>[A-Za-z]+))?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _value(num: str, scale: str | None) -> str:
    n = _NUMBER_WORDS.get(num.lower())
    x = float(n) if n is not None else float(num.replace(",", ""))
    if scale:
        x *= _SCALES[scale.lower()]
    return f"{x:g}"


def quantities(text: str) -> set[tuple[str, str]]:
    """(unit, value) for each number `text` gives with a unit; years are left to the
    signature's own field, and bare numbers (no unit) say nothing."""
    out = set()
    for m in _QUANTITY.finditer(text):
        num, before, unit = m.group("num"), m.group("before"), m.group("unit")
        if m.group("cur"):
            unit = _CURRENCIES[m.group("cur")]
        elif _YEAR.fullmatch(num) and not m.group("scale"):
            continue
        elif before and before.lower() in _UNIT_FIRST:
            unit = before
        elif not unit or len(unit) < 3 or unit.lower() in _NOT_UNITS:
            continue
        unit = unit.lower()
        if unit.endswith("s") and not unit.endswith("ss") and len(unit) > 3:
            unit = unit[:-1]
        out.add((unit, _value(num, m.group("scale"))))
    return out


def hashes(found: set[tuple[str, str]]) -> tuple[set[int], set[int]]:
    """The units and the (unit, value) pairs of `quantities`, as 32-bit hashes."""
    units = {zlib.crc32(u.encode()) for u, _ in found}
    values = {zlib.crc32(f"{u}={v}".encode()) for u, v in found}
    return units, values
