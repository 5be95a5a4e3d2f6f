"""Turning one article's lines into title, date, source, caption, summary and body.

Every line gets a `Role`, so `show --explain` can account for the whole file and the
property "no body line is ever dropped" can be checked: a line is only left out of the
cleaned text when it is furniture or a repeat of text that is kept.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field, replace
from itertools import pairwise

from storyreader.search.ingest import dates, density
from storyreader.search.ingest.lines import Lines
from storyreader.search.ingest.segment import (
    HEADER_WINDOW,
    byline_like,
    caption_like,
    heading_text,
    label_like,
    title_like,
)
from storyreader.search.ingest.text import BULLET, body_key, ends_sentence, fold, norm
from storyreader.search.model import Article, Role, Segment

# A byline that names the outlet ("By Jane Doe | Outlet"): who, and where from.
_SOURCE_BYLINE = re.compile(
    r"^by\s+(?P<who>[^|,]+?)(?:\s*[|,–—-]\s*(?P<outlet>.+))?$", re.IGNORECASE
)
_SOURCE_LABEL = re.compile(r"^(?:source|via|from)\s*:\s*(?P<outlet>.+)$", re.IGNORECASE)
_OUTLET_WORD = re.compile(r"^(?:[A-Z][\w&'.-]*|of|the|and|for|de|al|&|[A-Z0-9]{2,})$")
# Wire agencies a dateline credits ("KHARTOUM (Reuters) -"). A photo caption's credit is
# not among the sources: it names who took the picture, not who wrote the article.
_AGENCIES = {
    "ap": "AP",
    "afp": "AFP",
    "reuters": "Reuters",
    "dpa": "dpa",
    "epa": "EPA",
    "upi": "UPI",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "xinhua": "Xinhua",
    "spa": "SPA",
    "wam": "WAM",
    "kuna": "KUNA",
    "ians": "IANS",
    "pti": "PTI",
    "ansa": "ANSA",
    "efe": "EFE",
    "tass": "TASS",
    "bloomberg": "Bloomberg",
    "sana": "SANA",
    "irna": "IRNA",
}
_DATELINE_CREDIT = re.compile(r"^[A-Z][A-Za-z .'-]{1,30}\s*\(([A-Za-z .]{2,20})\)\s*[-–—:]")

# Lines of a hard-wrapped body are cut at one column; a layout whose longest body line is
# this short and whose block lines mostly reach near it was wrapped by the scraper.
WRAP_MAX_WIDTH = 100
WRAP_SLACK = 20
WRAP_MIN_SHARE = 0.6
# Summaries printed without bullet marks run to a few lines; a longer first block is body.
SUMMARY_MAX_LINES = 4
# Outlet lines ("ICARO Media Group") and bylines are a few words.
SOURCE_MAX_WORDS = 7
SOURCE_MAX_CHARS = 60


def agency(credit: str) -> str | None:
    return _AGENCIES.get(" ".join(credit.split()).casefold().rstrip("."))


def _outlet_like(line: str) -> bool:
    tokens = line.split()
    return (
        0 < len(tokens) <= SOURCE_MAX_WORDS
        and len(line) <= SOURCE_MAX_CHARS
        and not ends_sentence(line)
        and all(_OUTLET_WORD.match(t) for t in tokens)
        and tokens[0][0].isupper()
    )


@dataclass(slots=True)
class _Work:
    normed: list[str]
    roles: list[Role | None]
    date: str | None = None
    source: str | None = None
    captions: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    folded: dict[int, str] = field(default_factory=dict)
    body_folded: list[str] = field(default_factory=list)

    def set(self, k: int, role: Role) -> None:
        self.roles[k] = role

    def fold(self, k: int) -> str:
        """Line k folded for comparison, computed once: lines are compared several times."""
        f = self.folded.get(k)
        if f is None:
            f = self.folded[k] = fold(self.normed[k])
        return f


# An article is cleaned from its own lines alone; scraped pages print the same article
# again and again, so the last this many are remembered (per process) and copied.
ARTICLES_REMEMBERED = 4096
_cleaned: dict[tuple[tuple[str, ...], frozenset[str]], Article] = {}


def clean(
    lines: list[str] | Lines, segment: Segment, path: str, furniture: Set[str] = frozenset()
) -> Article:
    """The cleaned article of `segment` (1-based inclusive range) of a file's lines."""
    lines = Lines.of(lines)
    span = slice(segment.start_line - 1, segment.end_line)
    key = (tuple(lines.normed[span]), frozenset(furniture))
    made = _cleaned.get(key)
    if made is None:
        made = _clean(lines.normed[span], lines.fixed[span], key[1])
        if len(_cleaned) >= ARTICLES_REMEMBERED:
            _cleaned.clear()
        _cleaned[key] = made
    return replace(
        made,
        path=path,
        start_line=segment.start_line,
        end_line=segment.end_line,
        opened_by=segment.opened_by,
        paragraphs=list(made.paragraphs),
        bullets=list(made.bullets),
    )


def _clean(
    normed: list[str], fixed: list[tuple[Role | None, str | None]], furniture: frozenset[str]
) -> Article:
    w = _Work(normed, [None] * len(normed))
    _mark_chrome(w, fixed, furniture)
    title, t = _title(w)
    body_start = (
        _header(w, t, title) if t is not None and title is not None else _untitled_header(w)
    )
    _summary_block(w, body_start)
    paragraphs = _body(w, body_start, title)
    if title is None:
        title = _derived_title(paragraphs)
    source = w.source
    if source is None and paragraphs and (m := _DATELINE_CREDIT.match(paragraphs[0])):
        source = agency(m.group(1))
    if w.date is None:
        # A caption that opens with a date dates the story; failing that, a date inside a
        # caption (when the photo was taken) is the best evidence left.
        w.date = next((d for c in w.captions if (d := dates.leading_date(c))), None) or next(
            (d for c in w.captions if (d := dates.any_date(c))), None
        )
    roles = "".join((r or Role.BODY).value for r in w.roles)
    return Article(
        path="",
        start_line=0,
        end_line=0,
        title=title,
        paragraphs=paragraphs,
        roles=roles,
        date=w.date,
        source=source,
        caption="\n".join(w.captions) or None,
        bullets=w.bullets,
        key=body_key(w.body_folded, fold(title)),
    )


def _mark_chrome(
    w: _Work, fixed: list[tuple[Role | None, str | None]], furniture: Set[str]
) -> None:
    for k, x in enumerate(w.normed):
        if not x:
            w.set(k, Role.BLANK)
            continue
        role, date = fixed[k]
        if role is None and x in furniture:
            role = Role.FURNITURE
        if role is not None:
            w.set(k, role)
            if date and w.date is None:
                w.date = date


def _first_open(w: _Work, k: int) -> int:
    while k < len(w.roles) and w.roles[k] is not None:
        k += 1
    return k


def _untitled_header(w: _Work) -> int:
    """Where the body of an article with no headline starts: past photo captions with a
    credit, which are not its lead (nor, then, its title); a lead may open with a date."""
    k = _first_open(w, 0)
    while (
        k < len(w.normed)
        and caption_like(w.normed[k])
        and not dates.CAPTION_DATE.match(w.normed[k])
    ):
        w.set(k, Role.CAPTION)
        w.captions.append(w.normed[k])
        k = _first_open(w, k + 1)
    return k


def _title(w: _Work) -> tuple[str | None, int | None]:
    t = _first_open(w, 0)
    # Splitting put the article's start at its title; a headline that other stories share
    # word for word ("Live updates") may have been learned as furniture, yet here, opening
    # the article, it is the title.
    first = next((k for k, x in enumerate(w.normed) if x), len(w.normed))
    if first < t and w.roles[first] is Role.FURNITURE and title_like(heading_text(w.normed[first])):
        t = first
    # Kickers ("POLITICS", "Exclusive:") and bylines printed above the title are not it.
    while t < len(w.normed) and (label_like(w.normed[t]) or byline_like(w.normed[t])):
        w.set(t, Role.SOURCE if byline_like(w.normed[t]) else Role.CHROME)
        t = _first_open(w, t + 1)
    if t >= len(w.normed):
        return None, None
    text = heading_text(w.normed[t])
    if not title_like(text):
        return None, None
    # A page's title is often its headline then the site's name ("Headline - Site"); the
    # headline printed below it (past any menus), on its own, is the article's title.
    # Compared as folded, dashes alike: the page's title and its headline may differ in
    # quotes, dashes and case ("'A' - B | Site" over "‘A’ – B").
    head = fold(text).translate(_DASHES)
    opening = _opening(text)
    for k in range(t + 1, len(w.normed)):
        y = w.normed[k]
        # Menus' short lines and lines that open with other words are settled unfolded.
        if len(y) < TITLE_MIN_SHARE * len(text) or len(y) >= len(text) or _opening(y) != opening:
            continue
        key = w.fold(k).translate(_DASHES)
        if head.startswith(key) and _SITE_SUFFIX.match(head[len(key) :]):
            text = y
            break
    w.set(t, Role.TITLE)
    return text, t


_SITE_SUFFIX = re.compile(r"\s+[-–—|:·•]\s+\S")
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_NOT_WORD = re.compile(r"\W+")
# The headline is at least this share of the page's title ("Headline | Site").
TITLE_MIN_SHARE = 0.3


def _opening(x: str) -> str:
    """A line's first letters, whatever its quotes and case."""
    return _NOT_WORD.sub("", x[:12]).casefold()[:4]


def _header(w: _Work, t: int, title: str) -> int:
    """Classify the header that follows the title; returns where the body starts."""
    normed, roles = w.normed, w.roles
    n = len(normed)
    # The header reaches the last repeat of the title, each within a window of the last.
    last_title = t
    k = t + 1
    while k < n and k <= last_title + HEADER_WINDOW:
        if roles[k] is None and heading_text(normed[k]) == title:
            last_title = k
        k += 1
    # What each header text was, so that a repeat is filed under the same heading.
    seen: dict[str, Role] = {fold(title): Role.TITLE_REPEAT}
    k = t + 1
    while k < n:
        if roles[k] is not None:
            k += 1
            continue
        x = normed[k]
        folded = w.fold(k)
        in_header = k < last_title
        if heading_text(x) == title:
            role = Role.TITLE_REPEAT
        elif folded in seen:
            role = seen[folded]
        elif BULLET.match(x):
            role = Role.BULLET
            w.bullets.append(BULLET.sub("", x, count=1).strip())
        elif _source_line(w, x):
            role = Role.SOURCE
        elif (d := dates.whole_date(x)) is not None:
            role = Role.DATELINE
            w.date = w.date or d
        elif in_header or caption_like(x) or _repeats_soon(w, k):
            role = Role.CAPTION
            w.captions.append(x)
        else:
            return k
        w.set(k, role)
        seen.setdefault(folded, _REPEAT.get(role, role))
        k += 1
    return k


_REPEAT = {
    Role.CAPTION: Role.CAPTION_REPEAT,
    Role.BULLET: Role.BULLET_REPEAT,
    Role.TITLE: Role.TITLE_REPEAT,
}


def _repeats_soon(w: _Work, k: int) -> bool:
    x = w.normed[k]
    return any(w.normed[j] == x for j in range(k + 1, min(len(w.normed), k + HEADER_WINDOW)))


def _source_line(w: _Work, x: str) -> bool:
    if w.source is not None and not _SOURCE_BYLINE.match(x):
        return False
    if m := _SOURCE_LABEL.match(x):
        w.source = w.source or m.group("outlet").strip()
        return True
    if (m := _SOURCE_BYLINE.match(x)) and len(x.split()) <= SOURCE_MAX_WORDS + 4:
        if m.group("outlet") and _outlet_like(m.group("outlet").strip()):
            w.source = w.source or m.group("outlet").strip()
        return True
    if _outlet_like(x) and w.source is None:
        w.source = x
        return True
    return False


def _summary_block(w: _Work, body_start: int) -> None:
    """Summary lines printed without bullet marks: the first block of the body, set off by
    a blank line, whose lines all recur inside longer body lines below."""
    normed, roles = w.normed, w.roles
    k = body_start
    block = []
    while k < len(normed) and roles[k] is not Role.BLANK:
        if roles[k] is None:
            block.append(k)
        k += 1
    if not block or len(block) > SUMMARY_MAX_LINES or k >= len(normed):
        return
    rest = [w.fold(j) for j in range(k, len(normed)) if roles[j] is None]
    if not rest:
        return
    folded = [w.fold(j).rstrip(".") for j in block]
    if all(any(f in r and len(f) < len(r) for r in rest) for f in folded):
        for j in block:
            w.set(j, Role.BULLET)
            w.bullets.append(normed[j])


# A run of this many lines with no prose among them (blank lines aside) in the body is a
# menu, a link list or a footer folded into the article, not its text.
FURNITURE_RUN_MIN_LINES = 6


def _drop_furniture_runs(w: _Work, body_start: int, prose: density.Prose) -> None:
    """Mark runs of lines that do not read as prose as furniture."""
    run: list[int] = []
    for k in [*range(body_start, len(w.normed)), len(w.normed)]:
        # Blank lines and furniture already known neither start nor break a run.
        if k < len(w.normed) and w.roles[k] in (Role.BLANK, Role.CHROME, Role.FURNITURE):
            continue
        if k < len(w.normed) and w.roles[k] is None and not prose.line(k):
            run.append(k)
            continue
        if len(run) >= FURNITURE_RUN_MIN_LINES:
            for j in run:
                w.set(j, Role.FURNITURE)
        run = []


# Paragraphs that are not prose, this many in a row, part the article's text from what is
# not (a share row, a list of other headlines, a footer); fewer sit inside an article
# (a subhead, a name, a photo's credit between paragraphs).
GAP_MIN_PARAGRAPHS = 3
# Prose parted from the longest run of prose by such a gap and shorter than this share of
# it is an aside (a cookie notice, an author's note, a newsletter pitch); two articles
# left in one segment are both kept, being of a size.
ASIDE_MAX_SHARE = 0.25


def _drop_off_text(w: _Work, body_start: int, prose: density.Prose) -> None:
    """Keep the article's prose and what sits among it; mark what the page's text
    statistics set apart as furniture (jusText's context pass, boilerpipe's main block):
    paragraphs that are not prose before the first and after the last paragraph of prose,
    runs of GAP_MIN_PARAGRAPHS of them, and prose that such runs part from a run of prose
    four times its size."""
    # The body's paragraphs in order, each with its class and its lines still open.
    units: list[tuple[int, list[int]]] = []
    for u, unit in enumerate(prose.units):
        open_lines = [k for k in unit if k >= body_start and w.roles[k] is None]
        if open_lines:
            units.append((prose.unit_class(u), open_lines))
    good = [i for i, (c, _) in enumerate(units) if c == density.GOOD]
    if not good:
        return
    # Runs of prose: good paragraphs not parted by a gap of other paragraphs.
    runs: list[list[int]] = [[good[0]]]
    for a, b in pairwise(good):
        others = sum(1 for c, _ in units[a + 1 : b] if c == density.OTHER)
        if others >= GAP_MIN_PARAGRAPHS:
            runs.append([])
        runs[-1].append(b)

    def size(run: list[int]) -> int:
        return sum(len(w.normed[k]) for i in run for k in units[i][1])

    largest = max(map(size, runs))
    keep = [False] * len(units)
    for run in runs:
        if size(run) < ASIDE_MAX_SHARE * largest:
            for i in range(run[0], run[-1] + 1):
                for k in units[i][1]:
                    w.set(k, Role.ASIDE if units[i][0] == density.GOOD else Role.NOT_PROSE)
            continue
        first, last = run[0], run[-1]
        # Sentences next to the prose belong to it; past a paragraph of another kind not.
        while first > 0 and units[first - 1][0] == density.SENTENCE:
            first -= 1
        while last + 1 < len(units) and units[last + 1][0] == density.SENTENCE:
            last += 1
        for i in range(first, last + 1):
            keep[i] = True
    # Inside a kept run, gaps are shorter than GAP_MIN_PARAGRAPHS by construction. A
    # Markdown heading is the page's own structure, not furniture, whatever its words.
    for i, (_, lines) in enumerate(units):
        heading = heading_text(w.normed[lines[0]]) != w.normed[lines[0]]
        if not keep[i] and not heading and all(w.roles[k] is None for k in lines):
            for k in lines:
                w.set(k, Role.NOT_PROSE)


# An item of a numbered list: "1) Name", "2. Name", "3 Name 5040 5" (a table's ranks).
_ITEM = re.compile(r"^(\d{1,3})(?:[.)]\s*|\s+)\S+\s+\S")
# A numbered list counts this many items at least, with at most this many lines of text
# between two items (a link, a price).
LIST_MIN_ITEMS = 3
LIST_ITEM_GAP = 2
# The list's first item is at most this many lines of text below the article's text (an
# introduction, a table's header row, a photo's credit).
LIST_ANCHOR_LINES = 4


def _numbered_lists(w: _Work, body_start: int) -> list[list[int]]:
    """Lines of the body numbered 1, 2, 3... in order (a ranking, a table, a list of
    offers): of each, the open lines from its first item to the blank line after its last."""
    normed, spans = w.normed, []
    n = body_start
    while n < len(normed):
        m = _ITEM.match(normed[n]) if normed[n][:1] == "1" else None
        if not (m and m.group(1) == "1" and w.roles[n] is None):
            n += 1
            continue
        items, k, between = [n], n + 1, 0
        while k < len(normed) and between <= LIST_ITEM_GAP:
            m = _ITEM.match(normed[k])
            if m and int(m.group(1)) == len(items) + 1 and w.roles[k] is None:
                items.append(k)
                between = 0
            elif normed[k]:
                between += 1
            k += 1
        if len(items) < LIST_MIN_ITEMS:
            n += 1
            continue
        end = items[-1] + 1
        while end < len(normed) and normed[end] and w.roles[end] is None:
            end += 1
        spans.append([j for j in range(n, end) if w.roles[j] is None])
        n = end
    return spans


def _keep_numbered_lists(w: _Work, spans: list[list[int]], body_start: int) -> None:
    """A numbered list right below the article's text is its content, however little it
    reads as prose: give back to the body the lines the text statistics took from it."""
    for span in spans:
        above = [k for k in range(body_start, span[0]) if w.normed[k]][-LIST_ANCHOR_LINES:]
        if not any(w.roles[k] is None for k in above):
            continue
        for k in span:
            w.roles[k] = None


def _body(w: _Work, body_start: int, title: str | None) -> list[str]:
    # One reading of the article's language and paragraphs serves both passes.
    prose = density.Prose(w.normed)
    lists = _numbered_lists(w, body_start)
    _drop_off_text(w, body_start, prose)
    _drop_furniture_runs(w, body_start, prose)
    _keep_numbered_lists(w, lists, body_start)
    normed, roles = w.normed, w.roles
    title_folded = fold(title) if title else None
    captions = {fold(c) for c in w.captions}
    blocks: list[list[int]] = [[]]
    for k in range(body_start, len(normed)):
        if roles[k] is Role.BLANK:
            if blocks[-1]:
                blocks.append([])
            continue
        if roles[k] is not None:
            continue
        folded = w.fold(k)
        if folded == title_folded or (
            normed[k].startswith("#") and fold(heading_text(normed[k])) == title_folded
        ):
            w.set(k, Role.TITLE_REPEAT)
        elif folded in captions:
            w.set(k, Role.CAPTION_REPEAT)
        else:
            blocks[-1].append(k)
    blocks = [b for b in blocks if b]
    if _wrapped(normed, blocks):
        units = [(b, text, fold(text)) for b in blocks for text in [" ".join(normed[k] for k in b)]]
    else:
        units = [([k], normed[k], w.fold(k)) for b in blocks for k in b]
    paragraphs: list[str] = []
    seen: set[str] = set()
    for members, text, folded in units:
        role = Role.BODY_REPEAT if folded in seen else Role.BODY
        for k in members:
            w.set(k, role)
        if role is Role.BODY:
            seen.add(folded)
            paragraphs.append(text)
            w.body_folded.append(folded)
    return paragraphs


def _wrapped(normed: list[str], blocks: list[list[int]]) -> bool:
    lines = [k for b in blocks for k in b]
    if len(lines) < 4:
        return False
    width = max(len(normed[k]) for k in lines)
    if width > WRAP_MAX_WIDTH:
        return False
    inner = [k for b in blocks for k in b[:-1]]
    if len(inner) < 3:
        return False
    full = sum(1 for k in inner if len(normed[k]) >= width - WRAP_SLACK)
    return full >= WRAP_MIN_SHARE * len(inner)


def _derived_title(paragraphs: list[str]) -> str:
    """A title for an article that printed none: its opening words."""
    if not paragraphs:
        return "(untitled)"
    first = paragraphs[0]
    cut = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    words = cut.split()
    return " ".join(words[:14]) + ("…" if len(words) > 14 else "")


def accounted(article: Article, lines: list[str]) -> list[tuple[int, Role, str]]:
    """(line number, role, text) for every line of the article: the --explain view."""
    raw = lines[article.start_line - 1 : article.end_line]
    return [(article.start_line + i, Role(article.roles[i]), line) for i, line in enumerate(raw)]


_DROPPED = frozenset(
    {Role.CHROME, Role.FURNITURE, Role.NOT_PROSE, Role.ASIDE, Role.DATELINE, Role.SOURCE}
)


def check_nothing_lost(article: Article, lines: list[str]) -> list[str]:
    """The lines whose text is neither kept nor furniture nor a repeat of kept text.
    Empty for every article; property tests hold clean() to it."""
    raw = lines[article.start_line - 1 : article.end_line]
    kept = " \n ".join(
        fold(t)
        for t in [article.title, article.caption or "", *article.bullets, *article.paragraphs]
    )
    lost = []
    for i, line in enumerate(raw):
        role = Role(article.roles[i])
        x = BULLET.sub("", norm(line), count=1)
        if not x or role in _DROPPED:
            continue
        if fold(heading_text(x)) not in kept and fold(x) not in kept:
            lost.append(line)
    return lost
