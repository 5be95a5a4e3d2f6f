"""Reading publication dates out of scraped chrome and captions.

Only absolute dates count: "Updated 31 sec ago" says when the page was scraped, not when
the story happened, so it gives no date.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DAY_MONTH_YEAR = rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})"
_MONTH_DAY_YEAR = rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
_ISO = r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
_TIME = r"(?:\s*(?:,|at|-|\|)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z)?)?"

_DATE_FORMS = [re.compile(form, re.IGNORECASE) for form in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO)]
_WHOLE_DATE = [
    re.compile(rf"^\s*{form}{_TIME}\s*$", re.IGNORECASE)
    for form in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO)
]
_LEADING_DATE = [
    re.compile(rf"^\s*{form}\s*[,:\-–—]", re.IGNORECASE)
    for form in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO)
]
# A photo caption opens with its date: a day, a month's name in any language, a year, a comma.
CAPTION_DATE = re.compile(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4},")

_STAMP = re.compile(
    r"^(?:last\s+|first\s+)?(?:updated|published|posted|modified|created|date)\b\s*(?:on|at)?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"^(?:(?:about|over|almost)\s+)?(?:an?|\d+)\s*(?:sec|secs|second|seconds|s|min|mins|minute|minutes|m|hr|hrs|hour|hours|h|day|days|d|week|weeks|wk|month|months|year|years|yr|yrs)\b"
    r"(?:\s*(?:and\s+)?\d+\s*(?:sec|secs|seconds?|s|min|mins|minutes?|m|hr|hrs|hours?|h|days?|d))*\s+ago$"
    r"|^(?:just now|now|today|yesterday|moments ago|an hour ago)$",
    re.IGNORECASE,
)


def _iso(match: re.Match[str]) -> str | None:
    month_text = match.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
    try:
        return dt.date(int(match.group("year")), month or 0, int(match.group("day"))).isoformat()
    except ValueError:
        return None


def whole_date(line: str) -> str | None:
    """ISO date when the line is nothing but a date (and perhaps a time)."""
    for form in _WHOLE_DATE:
        if m := form.match(line):
            return _iso(m)
    return None


def leading_date(text: str) -> str | None:
    """ISO date when the text opens with one, as in a caption
    "04 February 2024, Iraq, Baghdad: ..."."""
    for form in _LEADING_DATE:
        if m := form.match(text):
            return _iso(m)
    return None


_ANY_DATE = [
    re.compile(rf"\b{form}\b", re.IGNORECASE) for form in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR)
]


def any_date(text: str) -> str | None:
    """The first full date written anywhere in the text ("..., February 4, 2024. AFP/X"):
    a photo caption's date, the weakest evidence of when a story happened."""
    found = [(m.start(), d) for form in _ANY_DATE if (m := form.search(text)) and (d := _iso(m))]
    return min(found)[1] if found else None


def stamp(line: str) -> tuple[bool, str | None]:
    """Whether the line is a date stamp ("Updated 23 July 2024", "Published: Feb. 4, 2024",
    "Updated 35 min 7 sec ago", a bare date) and the ISO date it gives, if any."""
    if date := whole_date(line):
        return True, date
    return labelled_stamp(line)


def labelled_stamp(line: str) -> tuple[bool, str | None]:
    """`stamp` for a line that is not a bare date: a relative time, or a date after a
    label ("Updated", "Published: ...")."""
    if _RELATIVE.match(line):
        return True, None
    m = _STAMP.match(line)
    if not m:
        return False, None
    rest = m.group("rest").strip()
    if not rest:
        return False, None
    if _RELATIVE.match(rest):
        return True, None
    for form in _DATE_FORMS:
        if (d := form.match(rest)) and len(rest) <= d.end() + 24:
            return True, _iso(d)
    return False, None


def days_apart(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
