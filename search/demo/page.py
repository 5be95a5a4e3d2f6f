"""Pages as scrapers save them: articles rendered into one file's lines in one of five site
layouts (`render_page`), and the writer of a corpus's files and JSON Lines truth records
(`CorpusWriter`). The demo corpus is rendered with these; the benchmark generator
(`bench/synth.py`) writes its corpora with them too."""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# Layouts of the seed files (asharq: seeds 000-002, arabnews: 004, plain: 003) and two more
# that real scrapes have: a byline/advertisement page and a hard-wrapped plain-text export.
SEED_LAYOUTS: tuple[str, ...] = ("asharq", "arabnews", "plain")
LAYOUTS: tuple[str, ...] = (*SEED_LAYOUTS, "byline", "wrapped")


# Per-line roles in truth records. The letters match search/model.py's Role so that an
# evaluation can compare them directly, but nothing here imports that module.
R_BLANK = " "
R_TITLE = "T"
R_TITLE_REPEAT = "t"
R_CAPTION = "C"
R_CAPTION_REPEAT = "c"
R_CHROME = "X"
R_FURNITURE = "F"
R_DATELINE = "D"
R_SOURCE = "S"
R_BULLET = "U"
R_BODY = "B"


_SMALL_WORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    )
)


def title_case(title: str) -> str:
    """Headline capitalisation as the asharq site uses it: small words stay lower case
    ("Talks Resume on Water Rights as Deadline Nears")."""
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        j = next((k for k, c in enumerate(word) if c.isalpha()), None)
        if j is None:
            out.append(word)
            continue
        bare = word[j:].lower().strip(",:;.!?’'\"”")
        if i > 0 and j == 0 and bare in _SMALL_WORDS:
            out.append(word[:j] + word[j : j + 1].lower() + word[j + 1 :])
        else:
            out.append(word[:j] + word[j].upper() + word[j + 1 :])
    return " ".join(out)


_QUOTE_OPEN_RE = re.compile(r"(^|[\s(\[—-])([\"'])")


def curly_quotes(text: str) -> str:
    """Typographic quotes, as two of the seed sites print them. An opening quote follows a
    space or a bracket; every other straight quote closes, or is an apostrophe."""
    text = _QUOTE_OPEN_RE.sub(lambda m: m.group(1) + ("“" if m.group(2) == '"' else "‘"), text)
    return text.replace('"', "”").replace("'", "’")


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBR = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


@dataclass(slots=True)
class ArticleText:
    """One article version as pages show it. Every copy of the version renders this object;
    only page chrome (comment counts, "Updated ... ago", ads) differs between copies."""

    article_id: str
    story_id: str
    title: str
    outlet: str
    paragraphs: list[str]
    date: date | None = None
    caption: str | None = None
    bullets: list[str] = field(default_factory=list)
    bullet_style: str = "bullet"  # "bullet": marked lines; "plain": unmarked body prefixes
    glue: int = -1  # blank-separated layouts drop the blank after this paragraph (a scrape quirk)
    author: str | None = None
    time: str | None = None  # "14:05"
    updated: str | None = None  # a later "14:40" once a near copy changed the text
    kind: str = "base"  # "base" | "rewrite" | "near"
    copy_of: str | None = None
    topic_id: str = ""
    root_id: str = ""  # the article_id near copies descend from


@dataclass(frozen=True, slots=True)
class Site:
    """A scraped site: where its files go, its outlet name and how its pages look."""

    name: str
    outlet: str
    layout: str
    weight: float = 1.0
    title_case: bool = False
    curly: bool = False
    dateline: str = "none"  # "upper_colon" | "cap_colon" | "dash" | "wire" | "none"
    dateline_prob: float = 0.0
    caption_prob: float = 0.6
    caption_style: str = "mixed"  # "dated" | "credit" | "short" | "mixed"
    bullet_prob: float = 0.0
    max_appended: int = 5
    nested: bool = False  # files under <site>/<YYYY-MM>/
    wrap: int = 76
    agency: str = "CWS"
    # arabnews: share of date lines that only say "Updated 31 sec ago". The seed scrape
    # shows about 0.45 (kept for pages built by hand, such as the demo); real pages mostly
    # show an absolute date, and the default sites below use 0.22.
    relative_dates: float = 0.45


@dataclass(frozen=True, slots=True)
class Segment:
    start_line: int  # 1-based, inclusive
    end_line: int
    roles: str  # one role letter per line start_line..end_line


@dataclass(slots=True)
class Page:
    text: str
    segments: list[Segment]


@dataclass(slots=True)
class _Out:
    lines: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def add(self, line: str, role: str) -> None:
        self.lines.append(line)
        self.roles.append(role)

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.lines.append("")
            self.roles.append(R_BLANK)


@dataclass(slots=True)
class _PageChrome:
    """Chrome shared by all articles of one page (seed 001 shows the same comment count on
    both of its articles)."""

    comments: int | None
    related: list[str]


def _long_date(d: date) -> str:
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"


def _render_asharq(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    title = art.title + ("\xa0" if rng.random() < 0.3 else " " if rng.random() < 0.1 else "")
    out.add(title, R_TITLE)
    group: list[tuple[str, str]] = []
    if art.caption:
        group += [(art.caption, R_CAPTION), (art.caption, R_CAPTION_REPEAT)]
    furniture = []
    if rng.random() < 0.85:
        furniture.append(("TT", R_CHROME))
    if chrome.comments is not None:
        furniture.append((str(chrome.comments), R_CHROME))
    if len(furniture) == 2 and rng.random() < 0.15:
        furniture.reverse()
    group += furniture
    if group:
        out.blank()
        for line, role in group:
            out.add(line, role)
    out.blank()
    out.add(title, R_TITLE_REPEAT)
    out.blank()
    if art.caption:
        out.add(art.caption, R_CAPTION_REPEAT)
        out.add(art.caption, R_CAPTION_REPEAT)
        out.blank()
    last = len(art.paragraphs) - 1
    for i, p in enumerate(art.paragraphs):
        out.add(p, R_BODY)
        if i != last and i != art.glue:
            out.blank()


def _updated_line(rng: random.Random, art: ArticleText, relative: float) -> str:
    """The arabnews date line: "Updated 31 sec ago" or "... 4 min 12 sec ago" for a share
    `relative` of articles, else an absolute date (the next day's for one in ten, once the
    page was updated)."""
    r = rng.random()
    if r < relative * 4 / 9:
        return f"Updated {rng.randint(1, 59)} sec ago"
    if r < relative:
        return f"Updated {rng.randint(1, 59)} min {rng.randint(1, 59)} sec ago"
    d = art.date or date(2024, 1, 1)
    if r < relative + 0.1:
        d += timedelta(days=1)
    return f"Updated {_long_date(d)}"


def _render_arabnews(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    out.add(art.title, R_TITLE)
    out.blank()
    if art.caption:
        out.add(art.caption, R_CAPTION)
        out.add(art.caption, R_CAPTION_REPEAT)
    elif rng.random() < 0.6:
        out.add(art.title, R_TITLE_REPEAT)  # seed 004 articles 3-6: title where a caption was
    if rng.random() < 0.4:
        out.add("Short Url", R_CHROME)
    out.add(_updated_line(rng, art, site.relative_dates), R_DATELINE)
    out.add("Follow", R_CHROME)
    out.blank()
    out.add(art.title, R_TITLE_REPEAT)
    out.blank()
    out.add(art.title, R_TITLE_REPEAT)
    for b in art.bullets:
        out.add(f"  • {b}" if art.bullet_style == "bullet" else b, R_BULLET)
    out.blank()
    for p in art.paragraphs:
        out.add(p, R_BODY)


def _render_plain(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    out.add(art.title, R_TITLE)
    out.add(art.outlet, R_SOURCE)
    for p in art.paragraphs:
        out.add(p, R_BODY)


_ADVERT = "Advertisement"
_SHARE = "Share this article"
_NEWSLETTER = "Sign up for our newsletter"
_READ_MORE = "Read more"


def _byline_date(rng: random.Random, art: ArticleText) -> str:
    d = art.date or date(2024, 1, 1)
    time_ = art.updated or art.time or "12:00"
    h, m = map(int, time_.split(":"))
    r = rng.random()
    verb = "Updated" if art.updated else "Published"
    if r < 0.45:
        return f"{verb} {d.isoformat()} {time_}"
    if r < 0.75:
        return f"{MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"
    ampm = "a.m." if h < 12 else "p.m."
    return f"{verb} {MONTH_ABBR[d.month - 1]} {d.day}, {d.year} {(h - 1) % 12 + 1}:{m:02d} {ampm}"


def _render_byline(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    # Markdown-style "# Title" on sites without headline case, a bare title on the others.
    out.add(("" if site.title_case else "# ") + art.title, R_TITLE)
    author = art.author or "Staff"
    r = rng.random()
    if r < 0.5:
        out.add(f"By {author} | {art.outlet}", R_SOURCE)
    elif r < 0.8:
        out.add(f"By {author}, {art.outlet}", R_SOURCE)
    else:
        out.add(f"By {author.upper()}", R_SOURCE)
    out.add(_byline_date(rng, art), R_DATELINE)
    out.blank()
    if art.caption:
        out.add(f"Photo: {art.caption}", R_CAPTION)
        out.blank()
    every = rng.randint(3, 5)
    last = len(art.paragraphs) - 1
    for i, p in enumerate(art.paragraphs):
        out.add(p, R_BODY)
        if i != last:
            out.blank()
            if (i + 1) % every == 0:
                out.add(_ADVERT, R_FURNITURE)
                out.blank()
    out.blank()
    if rng.random() < 0.85:
        out.add(_SHARE, R_FURNITURE)
    if rng.random() < 0.35:
        out.add(_NEWSLETTER, R_FURNITURE)
    related = [t for t in chrome.related if t != art.title][:3]
    if related and rng.random() < 0.6:
        out.add("Related:", R_FURNITURE)
        for t in related:
            out.add(f"- {t}", R_FURNITURE)
    if out.roles[-1] == R_BLANK:
        out.add(_READ_MORE, R_FURNITURE)


def _wrap(text: str, width: int) -> list[str]:
    # Greedy wrap: textwrap is several times slower and we wrap megabytes.
    lines: list[str] = []
    cur: list[str] = []
    n = 0
    for word in text.split(" "):
        if cur and n + 1 + len(word) > width:
            lines.append(" ".join(cur))
            cur, n = [word], len(word)
        else:
            n += len(word) + (1 if cur else 0)
            cur.append(word)
    if cur:
        lines.append(" ".join(cur))
    return lines


def _render_wrapped(
    out: _Out, art: ArticleText, site: Site, rng: random.Random, chrome: _PageChrome
) -> None:
    width = site.wrap
    out.add(art.title, R_TITLE)
    out.add("=" * min(len(art.title), width), R_CHROME)
    out.add(f"Source: {art.outlet}", R_SOURCE)
    d = art.date or date(2024, 1, 1)
    if rng.random() < 0.5:
        out.add(
            f"Date: {WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}", R_DATELINE
        )
    else:
        out.add(f"Date: {d.isoformat()} {art.updated or art.time or ''}".rstrip(), R_DATELINE)
    out.blank()
    if art.caption:
        for line in _wrap(f"[Photo: {art.caption}]", width):
            out.add(line, R_CAPTION)
        out.blank()
    if art.bullets:
        for b in art.bullets:
            for j, line in enumerate(_wrap(b, width - 4)):
                out.add(("  * " if j == 0 else "    ") + line, R_BULLET)
        out.blank()
    last = len(art.paragraphs) - 1
    for i, p in enumerate(art.paragraphs):
        for line in _wrap(p, width):
            out.add(line, R_BODY)
        if i != last:
            out.blank()
    r = rng.random()
    if r < 0.3:
        out.blank()
        out.add(_READ_MORE, R_FURNITURE)
    elif r < 0.5:
        out.blank()
        out.add(_NEWSLETTER, R_FURNITURE)


_RENDERERS: dict[str, Callable[[_Out, ArticleText, Site, random.Random, _PageChrome], None]] = {
    "asharq": _render_asharq,
    "arabnews": _render_arabnews,
    "plain": _render_plain,
    "byline": _render_byline,
    "wrapped": _render_wrapped,
}


def _separator(out: _Out, layout: str, rng: random.Random) -> None:
    if layout == "asharq":
        out.blank(3 if rng.random() < 0.8 else rng.choice((2, 4)))
    elif layout == "arabnews":
        r = rng.random()
        if r < 0.2:  # seed 004 after its first article: blanks and no-break-space lines
            for line in ("", "\xa0", "", "\xa0", "", ""):
                out.add(line, R_BLANK)
        elif r < 0.3:
            for line in ("", " ", ""):
                out.add(line, R_BLANK)
        elif r < 0.55:
            out.blank()
        elif r < 0.85:
            out.blank(2)
        # else: nothing; only the next article's repeated title marks the boundary
    elif layout == "byline":
        out.blank(rng.choice((1, 2, 2, 3)))
    else:
        out.blank(rng.choice((2, 2, 3)))


def render_page(
    layout: str,
    articles: Sequence[ArticleText],
    site: Site,
    rng: random.Random,
    *,
    related: Sequence[str] = (),
    comments: int | None = None,
    trailing_newline: bool | None = None,
) -> Page:
    """Render `articles` (the page's main article, then the appended ones) in `layout`.

    `related` feeds the byline layout's "Related:" block; `comments` is the asharq bare
    comment count (None: drawn at random). The segments give each article's line range."""
    if layout not in _RENDERERS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    if layout == "plain" and len(articles) > 1:
        raise ValueError("the plain layout holds one article per file")
    if comments is None and layout == "asharq" and rng.random() < 0.3:
        comments = rng.choice((rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 400)))
    if trailing_newline is None:
        trailing_newline = rng.random() < 0.3
    chrome = _PageChrome(comments, list(related))
    render = _RENDERERS[layout]
    out = _Out()
    segments: list[Segment] = []
    for n, art in enumerate(articles):
        if n:
            _separator(out, layout, rng)
        start = len(out.lines)
        render(out, art, site, rng, chrome)
        end = len(out.lines)
        while end > start and not out.lines[end - 1].strip():
            end -= 1
        segments.append(Segment(start + 1, end, "".join(out.roles[start:end])))
    # Trailing blank lines belong to no article; files end on the last article's last line.
    end = segments[-1].end_line if segments else 0
    text = "\n".join(out.lines[:end])
    if trailing_newline:
        text += "\n"
    return Page(text, segments)


@dataclass(slots=True)
class CorpusStats:
    out_dir: Path
    truth_path: Path
    files: int = 0
    bytes: int = 0
    segments: int = 0  # truth records
    articles: int = 0  # distinct article_ids (text versions)
    stories: int = 0
    seconds: float = 0.0

    @property
    def mb(self) -> float:
        return self.bytes / 1e6

    def summary(self) -> str:
        rate = self.files / self.seconds if self.seconds else float("inf")
        return (
            f"{self.files} files, {self.mb:.1f} MB, {self.segments} article segments, "
            f"{self.articles} distinct articles, {self.stories} stories in "
            f"{self.seconds:.2f} s ({rate:,.0f} files/s, "
            f"{self.mb / max(self.seconds, 1e-9):.1f} MB/s) -> {self.out_dir}; "
            f"truth {self.truth_path}"
        )


class CorpusWriter:
    """Writes files and truth records as they are produced, so memory stays flat."""

    def __init__(self, out_dir: Path, truth_path: Path, rng: random.Random) -> None:
        self.out_dir = out_dir
        self.rng = rng
        out_dir.mkdir(parents=True, exist_ok=True)
        truth_path.parent.mkdir(parents=True, exist_ok=True)
        self.truth = truth_path.open("w", encoding="utf-8", newline="\n")
        self.stats = CorpusStats(out_dir, truth_path)
        self.seen_articles: set[str] = set()
        self.seen_stories: set[str] = set()
        self._dirs: set[str] = set()

    def write(self, subdir: str, page: Page, site: Site, articles: Sequence[ArticleText]) -> str:
        n = self.stats.files
        rel = f"{subdir}/{n:06d}_{self.rng.getrandbits(64):016x}.txt"
        if subdir not in self._dirs:
            (self.out_dir / subdir).mkdir(parents=True, exist_ok=True)
            self._dirs.add(subdir)
        data = page.text.encode("utf-8")
        with open(f"{self.out_dir}/{rel}", "wb") as fh:
            fh.write(data)
        self.stats.files += 1
        self.stats.bytes += len(data)
        records = []
        for pos, (art, seg) in enumerate(zip(articles, page.segments, strict=True)):
            first = art.article_id not in self.seen_articles
            if first:
                self.seen_articles.add(art.article_id)
            self.seen_stories.add(art.story_id)
            records.append(
                json.dumps(
                    {
                        "path": rel,
                        "start_line": seg.start_line,
                        "end_line": seg.end_line,
                        "article_id": art.article_id,
                        "story_id": art.story_id,
                        "topic_id": art.topic_id,
                        "layout": site.layout,
                        "site": site.name,
                        "outlet": art.outlet,
                        "kind": art.kind if first else "exact",
                        "version_kind": art.kind,
                        "copy_of": art.copy_of,
                        "position": pos,
                        "title": art.title,
                        "date": art.date.isoformat() if art.date else None,
                        "roles": seg.roles,
                    },
                    ensure_ascii=False,
                )
            )
        self.truth.write("\n".join(records) + "\n")
        self.stats.segments += len(records)
        return rel

    def close(self, started: float) -> CorpusStats:
        self.truth.close()
        self.stats.articles = len(self.seen_articles)
        self.stats.stories = len(self.seen_stories)
        self.stats.seconds = time.perf_counter() - started
        return self.stats
