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


# --- the event's date, from what the text says ----------------------------------------------
# Stories say when their event happened relative to the day they were written ("said on
# Thursday", "yesterday", "late Monday night"), or as a day of a month ("on Sept. 13"). Both
# are resolved against the date the text itself gives near its top ("Posted on Thu Jun 13,
# 2013"): a date from the file around the text would make one text's features depend on
# which of its copies was read first, and an update must equal a full rebuild.
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OFFSETS = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_WHEN = re.compile(
    r"\b(?:(?P<next>next|this coming)\s+)?(?P<weekday>" + "|".join(_DAYS) + r")\b"
    r"|\b(?P<offset>yesterday|last night|today|tonight|tomorrow)\b"
    rf"|\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\b\.?(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
# Where the text gives its own date: among its first few paragraphs.
_OWN_DATE_PARAGRAPHS = 3
# A day of a month with no year, more than this many days after the text's date, is last
# year's ("on Dec. 30" in a story of January 2).
_AHEAD_DAYS = 7


# A paragraph this short that gives the text's date is its date line, not its story.
_DATE_LINE_CHARS = 60


def own_date(paragraphs: list[str]) -> tuple[dt.date | None, int | None]:
    """The date a text gives itself near its top (a date stamp, "Updated 23 July 2024",
    or else the first full date written in its first paragraphs) and the paragraph that
    is its date line, if one is."""
    top = list(enumerate(paragraphs[:_OWN_DATE_PARAGRAPHS]))
    found = next(((i, d) for i, p in top if (d := stamp(p)[1])), None) or next(
        ((i, d) for i, p in top if (d := any_date(p))), None
    )
    if found is None:
        return None, None
    at, date = found
    return dt.date.fromisoformat(date), at if len(paragraphs[at]) <= _DATE_LINE_CHARS else None


def event_days(text: str, written: dt.date | None) -> set[dt.date]:
    """The days `text` says things happened on: weekdays and "yesterday", "tonight" resolved
    against the day it was `written` (a weekday is the last one on or before it, unless
    "next"), days of a month in that year, and full dates whatever `written` is."""
    out: set[dt.date] = set()
    for m in _WHEN.finditer(text):
        if (day := m.group("day") or m.group("day2")) is not None:
            year = m.group("year") or m.group("year2")
            month = _MONTHS[(m.group("month") or m.group("month2")).lower().rstrip(".")]
            if year is None and written is None:
                continue
            base = int(year) if year else written.year  # type: ignore[union-attr]
            try:
                when = dt.date(base, month, int(day))
                if not year and (when - written).days > _AHEAD_DAYS:  # type: ignore[operator]
                    when = dt.date(base - 1, month, int(day))
            except ValueError:  # "February 30", or the 29th in a year without it
                continue
            out.add(when)
        elif written is None:
            continue
        elif (offset := m.group("offset")) is not None:
            out.add(written + dt.timedelta(days=_OFFSETS[offset.lower()]))
        else:
            back = (written.weekday() - _DAYS.index(m.group("weekday").lower())) % 7
            ahead = (7 - back) % 7 or 7
            out.add(written + dt.timedelta(days=ahead if m.group("next") else -back))
    return out
