"""What the query language adds to Whoosh's parser: calendar date ranges, plain-language
messages for queries that cannot mean what they say, and the unfinished last word of a
query typed so far.

Whoosh's own date parsing reads `date:>2024-12-31` as "from 2024-01-01" (its range syntax
stops the date at the first `-`, and `>` keeps the period's start): dates are read here.
"""

from __future__ import annotations

import datetime as dt
import re

from whoosh.qparser import syntax
from whoosh.qparser.plugins import TaggingPlugin
from whoosh.query import DateRange, Or, Query

from storyreader.search.storage.errors import QueryError

DATE_FIELD = "date"
# Fields a user may name, for the message on `title:` with nothing after it.
FIELDS = ("title", "body", "source", "path", DATE_FIELD)
# The words Whoosh's parser reads as operators.
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_DATE_EXAMPLES = "write 2024, 2024-02 or 2024-02-04"


class UnfinishedQuery(QueryError):
    """A query being typed that holds nothing to search for yet (one letter)."""


# --- dates ---------------------------------------------------------------------------------

_PERIOD = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?|(\d{4})(\d{2})(\d{2})")
_OPERATOR = re.compile(r"(>=|=>|<=|=<|>|<|=)?(.*)", re.S)
_RANGE = re.compile(r"(.*?)\s*\bto\b\s*(.*)", re.I | re.S)


def period(text: str) -> tuple[dt.datetime, dt.datetime | None]:
    """The calendar period a date names (a year, a month or a day): its first moment and
    the first moment after it (None past year 9999)."""
    m = _PERIOD.fullmatch(text)
    if not m:
        raise QueryError(f"cannot read the date {text!r}: {_DATE_EXAMPLES}")
    year, month, day = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
    try:
        start = dt.datetime(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise QueryError(f"there is no date {text!r}") from None
    try:
        if day:
            end = start + dt.timedelta(days=1)
        elif month:
            end = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
        else:
            end = start.replace(year=start.year + 1)
    except (ValueError, OverflowError):
        end = None
    return start, end


def date_query(spec: str, fieldname: str = DATE_FIELD) -> Query:
    """`date:SPEC` as a query over whole calendar periods: `2024-07` is all of July,
    `>2024-07` from August on, `<=2024` to the end of 2024, `[2024-03 TO 2024-05]` March to
    May inclusive, `{2024-03 TO 2024-05}` April only (`[a TO}` and `{a TO]` mix them; an
    end left out is open)."""
    if not spec:
        raise QueryError(f"{fieldname}: needs a date right after it: {_DATE_EXAMPLES}")
    if spec[0] in "[{":
        opener, closer = spec[0], spec[-1]
        if closer not in "]}" or len(spec) < 2:
            raise QueryError(f"the date range {spec!r} is not closed with ] or }}")
        m = _RANGE.fullmatch(spec[1:-1].strip())
        if not m:
            raise QueryError(f"write a date range as {fieldname}:[2024-01 TO 2024-06]")
        a, b = m.groups()
        if not a and not b:
            raise QueryError(f"the date range {spec!r} has no dates")
        start = end = None
        if a:
            first, after = period(a)
            start = first if opener == "[" else after
        if b:
            first, after = period(b)
            end = after if closer == "]" else first
        return _range(fieldname, start, end)
    match = _OPERATOR.fullmatch(spec)
    if match is None:
        raise QueryError(f"cannot read the date {spec!r}")
    op, value = match.groups()
    first, after = period(value)
    if op in (None, "="):
        return _range(fieldname, first, after)
    if op == ">":
        return _range(fieldname, after, None) if after else _nothing(fieldname)
    if op in (">=", "=>"):
        return _range(fieldname, first, None)
    if op == "<":
        return _range(fieldname, None, first)
    return _range(fieldname, None, after)  # <=


def _range(fieldname: str, start: dt.datetime | None, end: dt.datetime | None) -> Query:
    if start is not None and end is not None and start >= end:
        return _nothing(fieldname)
    # The end is exclusive: the first moment after the period.
    return DateRange(fieldname, start, end, startexcl=False, endexcl=end is not None)


def _nothing(fieldname: str) -> Query:
    return DateRange(fieldname, dt.datetime(1, 1, 1), dt.datetime(1, 1, 1), False, True)


class _DateNode(syntax.SyntaxNode):
    def __init__(self, spec: str) -> None:
        self.spec = spec

    def r(self) -> str:
        return f"{DATE_FIELD}:{self.spec}"

    def query(self, parser: object) -> Query:
        return date_query(self.spec)


class DatePlugin(TaggingPlugin):
    """Reads `date:` and what follows it (a date, an operator and a date, or a bracketed
    range) before Whoosh's field, comparison and range syntax see it."""

    # Before the field tagger (priority 0), which would take `date:` alone.
    priority = -1
    expr = rf"{DATE_FIELD}:(?P<spec>[\[{{][^\]}}]*[\]}}]?|[^\s()]*)"
    nodetype = _DateNode


# --- messages for queries that cannot be read ----------------------------------------------

_TOKEN = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
# A field name with nothing right after it: Whoosh would search for the word "title".
_FIELD_ALONE = re.compile(
    rf"(?<![\w:])({'|'.join(f for f in FIELDS if f != DATE_FIELD)}):(?=\s|\)|$)"
)


def check(text: str) -> None:
    """Raise QueryError with a one-line message when Whoosh would read `text` as something
    else than it says (Whoosh closes a lone `(` silently, searches `title:` as the word
    "title", and drops a dangling `AND`)."""
    if text.count('"') % 2:
        raise QueryError('a " is not closed: a phrase goes between two quotes')
    tokens = _TOKEN.findall(text)
    depth = 0
    for i, token in enumerate(tokens):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("a ) closes nothing: it needs a ( before it")
        elif token in OPERATORS:
            before = tokens[i - 1] if i else None
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if after is None or after == ")" or (after in OPERATORS and after != "NOT"):
                raise QueryError(f"{token} needs a word after it")
            if token != "NOT" and (before is None or before == "(" or before in OPERATORS):
                raise QueryError(f"{token} needs a word before it")
    if depth > 0:
        raise QueryError("a ( is not closed: it needs a ) after it")
    if m := _FIELD_ALONE.search(text):
        field = m.group(1)
        raise QueryError(f"{field}: needs a word right after it ({field}:khartoum)")


# --- the word being typed ------------------------------------------------------------------

# The last word of a query, alone or after a field name, when nothing follows it.
_LAST_WORD = re.compile(r"(?:(?<=[\s(])|^)(?:(?P<field>\w+):)?(?P<word>\w+)$")


def last_word(text: str, fields: tuple[str, ...]) -> tuple[int, str] | None:
    """Where the word being typed starts and the word, when `text` ends in a plain word
    (not in a phrase, not an operator, not fuzzy or boosted) of one of `fields` or of no
    field: the word that may be unfinished."""
    if text.count('"') % 2:
        return None
    m = _LAST_WORD.search(text)
    if m is None or m.group("word") in OPERATORS:
        return None
    if m.group("field") is not None and m.group("field") not in fields:
        return None
    return m.start("word"), m.group("word")


class _PreloadedOr(Or):
    """The words a fuzzy term, a prefix or a wildcard stands for, their matches read into
    arrays at once: cheaper than a tree of union matchers stepping through several long
    posting lists together."""

    matcher_type = Or.ARRAY_MATCHER
