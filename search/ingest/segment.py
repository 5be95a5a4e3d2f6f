"""Cutting a file into the articles it holds.

News pages announce each article with a header: the title, often repeated two to four
times around a photo caption and share buttons. That repetition is the strongest signal
there is, and it survives every layout in the seeds, including articles glued together
with no blank line between them. Runs of blank lines before a heading are the second
signal, for layouts that print the title once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field
from functools import lru_cache

from storyreader.search.ingest import chrome, dates, density
from storyreader.search.ingest.lines import Lines
from storyreader.search.ingest.text import SENTENCE_END, ends_sentence, spaced_bullet
from storyreader.search.model import Opened, Segment

# The repeats of a title sit within a few lines of each other (six to eight apart in the
# seeds: title, caption x2, share buttons, title again); twelve leaves room for longer
# chrome blocks without reaching into the body, where paragraphs are far apart.
HEADER_WINDOW = 12
# Headlines are short; anything longer is a paragraph or a caption.
TITLE_MAX_CHARS = 250
TITLE_MAX_WORDS = 40
# Two or more blank lines end an article in the layouts that print the title only once;
# single blank lines separate paragraphs.
GAP_MIN_BLANKS = 2
# A block with no body is trailing furniture (a list of related headlines, a share bar) of
# the article before it, not an article of its own. Body is a line this long, or (for text
# hard-wrapped at ~72-79 columns) several lines of prose of at least BODY_WRAPPED_CHARS.
BODY_MIN_CHARS = 80
BODY_WRAPPED_CHARS = 40
BODY_WRAPPED_LINES = 3

_CREDIT = re.compile(
    r"(?:\((?:[^()]{1,40})\)|\b[A-Z][A-Za-z.]*(?:\s+Photo)?/[A-Z][\w .'-]{1,40}|\bGetty Images|\bFile photo)$"
)
_H1 = re.compile(r"^#\s+\S")
# Headlines end without a full stop, except when they end with an abbreviation ("... U.S.").
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Jr|Sr|Inc|Co|Ltd|St|Dr|Gen|Gov|Sen|Rep)\.)$"
)
_SETEXT = re.compile(r"^={3,}$")
# Bylines come in many shapes ("By Staff reporter | 12 May 2018", "By A, B and C",
# "Reporting by A; Editing by B", "A Name - Nov 19, 2019, 10:31 pm CST"): what they share
# is a short line that is not a sentence and opens with "by" or names a person and a date.
_BYLINE = re.compile(
    r"^(?:by|(?:additional\s+)?(?:reporting|writing|editing|text|words|compiled|written)\s+by)\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
# Credits that close an article rather than open one.
_TRAILER = re.compile(r"^(?:additional\s+)?(?:reporting|writing|editing)\s+by\b", re.IGNORECASE)
_NAME_DATE = re.compile(r"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*[-–—|,]\s*\S")
BYLINE_MAX_WORDS = 16
# Labels printed above a title (a kicker "POLITICS", "Exclusive:") are a few words.
LABEL_MAX_WORDS = 3
# Splitting asks the same questions of a line many times (looking ahead from each blank
# line, then again as it reaches it): the pure tests of one line are remembered.
_MEMO = lru_cache(maxsize=16384)
_whole_date = _MEMO(dates.whole_date)


@_MEMO
def byline_like(line: str) -> bool:
    """A byline or credit line: "By ...", "Reporting by ...", or a name then a date."""
    words = line.split()
    # A line opening in lower case goes on from the line above ("by Friday, ...").
    if not words or len(words) > BYLINE_MAX_WORDS or ends_sentence(line) or line[0].islower():
        return False
    if _BYLINE.match(line):
        return True
    return bool(_NAME_DATE.match(line)) and dates.any_date(line) is not None


@_MEMO
def label_like(line: str) -> bool:
    """A kicker or section label: a few words in capitals, or ending with a colon."""
    words = line.split()
    return 0 < len(words) <= LABEL_MAX_WORDS and (
        line.endswith(":") or (line.isupper() and any(c.isalpha() for c in line))
    )


@_MEMO
def caption_like(line: str) -> bool:
    """Photo captions end with a credit ("(dpa)", "REUTERS/Name") or open with a date."""
    return bool(_credit(line) or dates.CAPTION_DATE.match(line)) and len(line.split()) >= 6


def _credit(line: str) -> bool:
    # Every credit ends the line, and the text after a "/" credit is short: searching a
    # long line for one from each of its characters is the slow part.
    if not (line.endswith((")", "Getty Images", "File photo")) or "/" in line[-42:]):
        return False
    return bool(_CREDIT.search(line))


@_MEMO
def title_like(line: str) -> bool:
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and (not line.endswith((".", ",", ";", ":")) or bool(_ABBREVIATION_END.search(line)))
        and not spaced_bullet(line)
        and any(ch.isalpha() for ch in line)
        and not caption_like(line)
        and not label_like(line)
        and not byline_like(line)
        and _whole_date(line) is None
    )


def heading_text(line: str) -> str:
    """A heading without its Markdown marker."""
    return line[2:].strip() if _H1.match(line) else line


@dataclass(slots=True)
class _Lines:
    normed: list[str]
    chrome: list[bool]
    repeats_at: dict[str, list[int]]
    width: int | None = None  # the column a hard-wrapped file's lines are broken at
    ran_on: dict[int, bool] = field(default_factory=dict)

    def runs_on(self, i: int) -> bool:
        found = self.ran_on.get(i)
        if found is None:
            found = self.ran_on[i] = self._runs_on(i)
        return found

    def _runs_on(self, i: int) -> bool:
        """Whether line i is a hard-wrapped line whose paragraph goes on at line i + 1: the
        next line's first word would not have fitted on it, or the next line starts in
        lower case or with punctuation that goes on a clause."""
        nxt = self.normed[i + 1] if i + 1 < len(self.normed) else ""
        if not nxt or self.chrome[i + 1]:
            return False
        if nxt[0].islower():
            return True
        if self.width is None:
            return False
        # Articles pasted together may be wrapped at different widths: measure below.
        near = [
            len(x)
            for k, x in enumerate(self.normed[i + 1 : i + WRAP_NEAR], i + 1)
            if BODY_WRAPPED_CHARS <= len(x) <= WRAP_MAX_COLUMNS
            and k + 1 < len(self.normed)
            and self.normed[k + 1]
        ]
        width = max(near) if len(near) >= WRAP_MIN_LINES else self.width
        return len(self.normed[i]) + 1 + len(nxt.split()[0]) > width

    def next_repeat(self, i: int) -> int | None:
        """Where the line at i occurs again within the header window, if it does."""
        for j in self.repeats_at.get(self.normed[i], ()):
            if i < j <= i + HEADER_WINDOW:
                return j
        return None

    def prev_repeat(self, i: int) -> bool:
        return any(i - HEADER_WINDOW <= j < i for j in self.repeats_at.get(self.normed[i], ()))


def _prepare(lines: list[str] | Lines, furniture: Set[str]) -> _Lines:
    lines = Lines.of(lines)
    normed = lines.normed
    if furniture:
        chromed = [
            bool(x) and (f[0] is not None or x in furniture)
            for x, f in zip(normed, lines.fixed, strict=True)
        ]
    else:
        chromed = [role is not None for role, _ in lines.fixed]  # a blank line has no role
    # Whether a line is chrome depends on its text alone, so a text is chrome at every
    # position or at none: count texts first, then place only those that repeat.
    repeats: dict[str, list[int]] = {
        x: []
        for x, count in Counter(normed).items()
        if count > 1 and x and len(x) <= 2 * TITLE_MAX_CHARS
    }
    if repeats:
        for i, x in enumerate(normed):
            if x in repeats:
                repeats[x].append(i)
        for x in [x for x, at in repeats.items() if chromed[at[0]]]:
            del repeats[x]
    return _Lines(normed, chromed, repeats, _wrap_width(normed, chromed))


# Hard wrapping breaks lines at a terminal's width; a file whose broken lines run longer
# holds one paragraph per line.
WRAP_MAX_COLUMNS = 120
WRAP_MIN_LINES = 3
WRAP_NEAR = 20
WRAP_MIN_SHARE = 0.8


def _wrap_width(normed: list[str], chromed: list[bool]) -> int | None:
    """The width a file's text is hard-wrapped at, if it is: the longest line broken
    before a line of the same text, when most such lines fit a terminal."""
    broken = [
        len(x)
        for x, below, chromed_x, chromed_below in zip(
            normed[:-1], normed[1:], chromed[:-1], chromed[1:], strict=True
        )
        if below and len(x) >= BODY_WRAPPED_CHARS and not chromed_x and not chromed_below
    ]
    fits = [w for w in broken if w <= WRAP_MAX_COLUMNS]
    if len(fits) < WRAP_MIN_LINES or len(fits) < WRAP_MIN_SHARE * len(broken):
        return None
    return max(fits)


def split(lines: list[str] | Lines, furniture: Set[str] = frozenset()) -> list[Segment]:
    """The articles of a file as line ranges. Every non-blank line falls inside exactly
    one range; the ranges are in file order and do not overlap."""
    info = _prepare(lines, furniture)
    normed, chromed, repeats_at = info.normed, info.chrome, info.repeats_at
    n = len(normed)
    first = next((i for i, x in enumerate(normed) if x), None)
    if first is None:
        return []
    tight = _tight(info)
    # A file that sets some blocks apart with several blank lines uses one blank line
    # between paragraphs: a title printed once then needs the wider gap.
    wide = _gap_between(normed, GAP_MIN_BLANKS)
    # Likewise a file whose articles repeat their titles (one site, one layout).
    repeats = _repeated_header(info, first)
    starts = [first]
    why: dict[int, Opened | None] = {first: Opened.FIRST}  # the evidence of each start
    i = _header_end(info, first) + 1
    blanks = 0
    body = False  # whether the article begun last has body text yet
    body_chars = 0  # how much, from its first line of body on
    # The first line after the last gap while only furniture lines have followed it: a
    # header may open with furniture (a share row, a read time, a kicker the corpus
    # learned), and the gap above them is the gap above the line judged after them.
    top: int | None = None
    while i < n:
        x = normed[i]
        if not x:
            if top is not None:
                blanks, top = 0, None
            blanks += 1
            i += 1
            continue
        if blanks and top is None:
            top = i
        start = None
        opened: Opened | None = None
        if not chromed[i]:
            if x in repeats_at and _repeated_header(info, i):
                start, opened = _backtrack(info, i, starts[-1]), Opened.REPEAT
                repeats = True
            elif _may_be_heading(info, i) and _is_heading(info, i):
                start, opened = i, Opened.HEADING
            elif blanks >= GAP_MIN_BLANKS and _kind(x) & TITLE:
                start, opened = i, Opened.GAP_TITLE
        # A few lines into an article, a date line or a headline set apart is its own (a
        # dateline under a standfirst, a headline under a caption): a new article opens
        # this way only after a body.
        if (
            start is None
            and blanks
            and body_chars >= (DATELINE_MIN_BODY_CHARS if _kind(x) & DATE else GAP_MIN_BODY_CHARS)
        ):
            opened = _opens_after_gap(
                info, i, tight, repeats or (wide and blanks < GAP_MIN_BLANKS), blanks, top
            )
            start = i if opened else None
        if start is None and chromed[i] and top is not None:
            i += 1  # furniture after a gap: judge the line below as if it followed the gap
            continue
        if start == i and top is not None:
            start = top
        blanks, top = 0, None
        if start is not None:
            start = _with_labels(info, start, starts[-1])
        # A header with no body below it yet is still the header of the article begun
        # last (a breadcrumb over a title, a date line over a byline), not an article.
        if start is not None and start > starts[-1] and body:
            starts.append(start)
            why[start] = opened
            i = _header_end(info, i) + 1
            body = False
            body_chars = 0
            continue
        # Summary bullets sit in the header; only paragraphs below them are body.
        # A title printed again just below (as a Markdown heading, say) is header too.
        # So is a hard-wrapped line whose sentence goes on in lower case on the next line
        # (a page's menus and lists of links break where their items end).
        if not body and not chromed[i]:
            kind = _kind(x)
            if kind & (PROSE | BULLET) == PROSE or (
                not kind & BULLET and len(x) >= BODY_WRAPPED_CHARS and _goes_on(info, i)
            ):
                body = not _shown_again(info, i)
        if body and not chromed[i]:
            body_chars += len(x)
        i += 1
    return _ranges(normed, _fold_furniture(info, _merge_bodiless(normed, starts)), why)


# A header after a gap opens an article only below this much body of the one before (a
# standfirst or a caption may stand between a header and the article's dateline or headline).
GAP_MIN_BODY_CHARS = BODY_MIN_CHARS
DATELINE_MIN_BODY_CHARS = 3 * BODY_MIN_CHARS
# A title printed once opens an article only when body follows within this many lines
# (byline, date, read time, share row and caption between them).
HEADER_PARTS_MAX = 8
# A headline has a few words; a one- or two-word line after a gap is a subhead or a label.
TITLE_MIN_WORDS = 3
# A title printed once, with nothing but a blank line to set it off, must look the part:
# no sentence end (quotes included) and no longer than headlines run.
HEADLINE_MAX_WORDS = 18


# A sentence ending inside a line, then another starting: prose, not a headline.
_INNER_SENTENCE = re.compile(r"\b[a-z][a-z0-9]*[.!?][\"”’']?\s+[A-Z][a-z]")


def _prose(x: str) -> bool:
    """A line of body text: long, or a wrapped line of a sentence."""
    return bool(_kind(x) & PROSE)


def _headline(x: str) -> bool:
    """A title printed once must look the part: a few words, no sentence end."""
    return bool(_kind(x) & HEADLINE)


# What splitting asks of one normalised line, as bits of one number computed once per
# distinct line: most lines are asked several of these questions, and most are long.
TITLE, HEADLINE, LABEL, BYLINE, CAPTION, DATE, STAMP, STAMP_DATE = (1 << k for k in range(8))
CRUMB, TRAILER, PROSE, ENDS, BULLET = (1 << k for k in range(8, 13))
HEADER_PART = BYLINE | LABEL | CAPTION | STAMP
# A line of more words than this is neither a date line nor a breadcrumb (at most six
# parts of three words and their separators).
_DATE_MAX_WORDS = 10
_CRUMB_MAX_WORDS = 6 * (chrome.CRUMB_PART_MAX_WORDS + 1)
# The characters a list item's mark (text.BULLET) opens with, and a breadcrumb's separator
# in a normalised line (chrome._CRUMB_SEP).
_BULLET_MARKS = "•·▪◦●■►*-–"
_CRUMB_SEPARATOR = re.compile(r" [>»›/|] ")


@lru_cache(maxsize=1 << 16)
def _kind(x: str) -> int:
    """The bits above for a normalised line (single spaces, none at the ends): the tests
    of byline_like, label_like, caption_like, title_like, _headline, _prose, dates.stamp,
    chrome.breadcrumb and the rest, each skipped where the line's length already decides."""
    if not x:
        return 0
    words = x.count(" ") + 1
    ends = x.endswith(SENTENCE_END)
    size = len(x)
    kind = ENDS if ends else 0
    if size >= BODY_MIN_CHARS or (size >= BODY_WRAPPED_CHARS and ends):
        kind |= PROSE
    # Each test below runs only where the first or last characters or the number of
    # words leave it open: a regular expression tried on every line is the slow part.
    first = x[0]
    if first in _BULLET_MARKS and spaced_bullet(x):
        kind |= BULLET
    if first in "aArRwWeE" and _TRAILER.match(x):
        kind |= TRAILER
    if words <= LABEL_MAX_WORDS and label_like.__wrapped__(x):
        kind |= LABEL
    if words <= BYLINE_MAX_WORDS and byline_like.__wrapped__(x):
        kind |= BYLINE
    if words >= 6 and (_credit(x) or (first.isdigit() and dates.CAPTION_DATE.match(x))):
        kind |= CAPTION
    day = dates.whole_date(x) if words <= _DATE_MAX_WORDS else None
    if day is not None:
        kind |= DATE | STAMP | STAMP_DATE
    elif words <= _DATE_MAX_WORDS or first in "lLfFuUpPmMcCdD" or x[-3:].lower() == "ago":
        # A relative time ends with "ago" or is a few words; a labelled one opens with
        # "last", "first", "updated", "published", "posted", "modified", "created", "date".
        is_stamp, day = dates.labelled_stamp(x)
        if is_stamp:
            kind |= STAMP
        if day:
            kind |= STAMP_DATE
    if words <= _CRUMB_MAX_WORDS and _CRUMB_SEPARATOR.search(x) and chrome.breadcrumb(x):
        kind |= CRUMB
    # title_like and _headline, from the bits already found.
    if (
        size <= TITLE_MAX_CHARS
        and words <= TITLE_MAX_WORDS
        and not kind & (BULLET | CAPTION | LABEL | BYLINE | DATE)
        and (not x.endswith((".", ",", ";", ":")) or _ABBREVIATION_END.search(x))
        and any(ch.isalpha() for ch in x)
    ):
        kind |= TITLE
        if (
            TITLE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS
            and (not ends_sentence(x.rstrip(" \"'”’")) or _ABBREVIATION_END.search(x))
            and not (("." in x or "!" in x or "?" in x) and _INNER_SENTENCE.search(x))
        ):
            kind |= HEADLINE
    return kind


def _header_part(info: _Lines, k: int) -> bool:
    return info.chrome[k] or bool(_kind(info.normed[k]) & HEADER_PART)


def _body_follows(info: _Lines, k: int, titles: int = 0) -> bool:
    """Whether body text follows from line k on, past header parts (and up to `titles`
    headlines) only: a title over a list of other headlines (a "related" block) opens
    nothing."""
    seen = 0
    normed, chromed = info.normed, info.chrome
    first = k
    while k < len(normed) and seen < HEADER_PARTS_MAX:
        x = normed[k]
        k += 1
        if not x:
            continue
        seen += 1
        if _repeats_above(info, k - 1, first):
            continue  # the title printed again (as a Markdown heading, say) is header
        kind = _kind(x)
        if not chromed[k - 1] and (
            kind & PROSE or (len(x) >= BODY_WRAPPED_CHARS and info.runs_on(k - 1))
        ):
            return True  # a paragraph, or the first line of a wrapped one
        if chromed[k - 1] or kind & HEADER_PART:
            continue
        if kind & ENDS and not kind & HEADLINE:
            continue  # a short sentence of body ("She was 85."): look on for a paragraph
        if titles and kind & HEADLINE:
            titles -= 1
            continue
        return False
    return False


def _repeats_above(info: _Lines, k: int, first: int) -> bool:
    """Whether line k prints again, as it is or as a heading, a line of the few just above
    line `first` or between it and k."""
    x = heading_text(info.normed[k])
    if x not in info.repeats_at and x == info.normed[k]:
        return False  # neither a heading nor a line printed twice: nothing to look for
    return any(info.normed[j] == x for j in range(max(0, first - SUMMARY_MAX_LINES), k))


def _opener(info: _Lines, i: int, kind: int) -> bool:
    """A line that can open an article's header: a breadcrumb, a kicker, a byline or a
    date line with nothing else on it (`kind`: the line's _kind)."""
    return bool(
        kind & (CRUMB | DATE)
        or (kind & LABEL and not info.chrome[i])
        or (kind & BYLINE and not kind & TRAILER and not info.runs_on(i))
    )


def _shown_again(info: _Lines, i: int) -> bool:
    """Whether line i is printed again, as it is or as a heading, within the header window."""
    x = info.normed[i]
    return any(heading_text(y) == x for y in info.normed[i + 1 : i + 1 + HEADER_WINDOW] if y)


def _gap_between(normed: list[str], blanks: int) -> bool:
    """Whether a run of at least `blanks` blank lines stands between two lines of text."""
    filled = bytes(map(bool, normed))  # one byte a line: 1 for text, 0 for blank
    return b"\x00" * blanks in filled.strip(b"\x00")


def _opens_after_gap(
    info: _Lines,
    i: int,
    tight: bool,
    set_apart: bool = False,
    blanks: int = 1,
    top: int | None = None,
) -> Opened | None:
    """Whether an article opens at line i after a blank line (and any furniture lines from
    `top` on), and on what evidence: a title printed once with body below it; a
    breadcrumb, kicker, byline or date line over a header with body below it; or, in a
    file whose paragraphs are not blank-separated, any block with body (the blank is the
    boundary)."""
    kind = _kind(info.normed[i])
    top = i if top is None else top
    if kind & LABEL and not info.chrome[i]:
        # A kicker stands over a headline or a date line (and a title may follow the date).
        k = next((j for j in range(i + 1, len(info.normed)) if info.normed[j]), None)
        below = _kind(info.normed[k]) if k is not None else 0
        if k is None:
            return None
        if below & (HEADLINE | DATE):
            opens = _body_follows(info, k + 1, titles=int(not below & HEADLINE)) or (
                tight and _body_follows(info, i)
            )
            return Opened.KICKER if opens else None
        if not tight and not below & (BYLINE | STAMP_DATE):
            # A label alone over text ("UPDATE:") is part of the body where blank lines
            # part paragraphs; where they part articles, the blank decides.
            return None
    if _opener(info, i, kind):
        # A title and a subtitle may stand between a breadcrumb and the body.
        return Opened.OPENER if _body_follows(info, i + 1, titles=2) else None
    if info.chrome[i]:
        return None
    if (
        kind & HEADLINE
        and not set_apart
        and not info.runs_on(i)
        and not _introduced(info, top)
        and _body_follows(info, i + 1)
    ):
        # A title with a byline, date or other header part below it is a title; one set
        # straight over prose may be a subhead, so the text must change subject there.
        nxt = next((k for k in range(i + 1, len(info.normed)) if info.normed[k]), i)
        if _header_part(info, nxt):
            return Opened.TITLE_HEADER
        return Opened.SUBJECT if _after_body(info, top) and not _cohesive(info, i) else None
    # After a closing credit ("Reporting by ..."), a gap ends the article in any regime;
    # so does a gap wider than the file's paragraphs' after a closing sentence.
    k = top - 1 - blanks  # the last line of text above the gap
    opened = Opened.TIGHT
    if not tight:
        if k < 0:
            return None
        above = info.normed[k]
        closed = info.chrome[k] or ends_sentence(above)
        wider = blanks >= GAP_MIN_BLANKS and closed and not _introduced(info, top)
        if not wider and not _TRAILER.match(above):
            return None
        opened = Opened.WIDER_GAP if wider else Opened.CREDIT
    return opened if _body_follows(info, i) and not _summary_before(info, top) else None


# Summaries printed without bullet marks run to a few lines (see clean.SUMMARY_MAX_LINES).
SUMMARY_MAX_LINES = 4
SUMMARY_LOOKAHEAD = 40


def _summary_before(info: _Lines, i: int) -> bool:
    """Whether the block just above the gap before line i is a summary of the body below
    it: a few lines, each found inside a longer line that follows."""
    k = i - 1
    while k >= 0 and not info.normed[k]:
        k -= 1
    block: list[str] = []
    while k >= 0 and info.normed[k] and len(block) <= SUMMARY_MAX_LINES:
        # A repeat of the title above the summary is part of the header, not of it.
        if not info.chrome[k] and not info.prev_repeat(k):
            block.append(info.normed[k].rstrip("."))
        k -= 1
    if not block or len(block) > SUMMARY_MAX_LINES:
        return False
    below = [x for x in info.normed[i : i + SUMMARY_LOOKAHEAD] if x]
    return all(any(b in x and len(b) < len(x) for x in below) for b in block)


def _after_body(info: _Lines, i: int) -> bool:
    """Whether the last text above line i closes an article: a sentence of body, or
    furniture (a teaser, a share row) trailing one; not a menu or a list of links."""
    k = i - 1
    while k >= 0 and not info.normed[k]:
        k -= 1
    if _introduced(info, i):
        return False
    if k < 0 or info.chrome[k]:
        return True
    # The last line of a wrapped paragraph may be short: the line above runs on into it.
    tail = k > 0 and bool(info.normed[k - 1]) and info.runs_on(k - 1)
    return (_prose(info.normed[k]) or tail) and ends_sentence(info.normed[k])


def _introduced(info: _Lines, i: int) -> bool:
    """Whether the text above line i ends in a colon: it introduces what follows."""
    k = i - 1
    while k >= 0 and not info.normed[k]:
        k -= 1
    return k >= 0 and info.normed[k].endswith(":") and not label_like(info.normed[k])


# Words this long are mostly content words (a stop list without a language); a subhead's
# sections share several of them, unrelated articles few.
COHESION_WORD_MIN_CHARS = 6
COHESION_WINDOW = 12
COHESION_MIN_SHARE = 0.2
_WORD = re.compile(r"\w+")


def _words(lines: list[str]) -> set[str]:
    return {
        w for x in lines for w in _WORD.findall(x.casefold()) if len(w) >= COHESION_WORD_MIN_CHARS
    }


def _cohesive(info: _Lines, i: int) -> bool:
    """Whether the prose just above line i and just below it share their subject: the
    share of the smaller side's long words found on the other side."""
    above = [x for x in info.normed[max(0, i - COHESION_WINDOW) : i] if _prose(x)]
    below = [x for x in info.normed[i + 1 : i + 1 + COHESION_WINDOW] if _prose(x)]
    a, b = _words(above), _words(below)
    if not a or not b:
        return False
    return len(a & b) >= COHESION_MIN_SHARE * min(len(a), len(b))


def _tight(info: _Lines) -> bool:
    """Whether the file's paragraphs follow each other with no blank line between them:
    then a blank line is where one article ends. Counted at sentence ends only, so that
    the wrapped lines of one paragraph do not count as paragraphs."""
    direct = gapped = 0
    normed, chromed = info.normed, info.chrome
    lengths = list(map(len, normed))
    prev = -1  # the last line that could be prose (shorter lines never are)
    prev_end = False  # it is prose ending a sentence
    for k in [k for k, size in enumerate(lengths) if size >= BODY_WRAPPED_CHARS]:
        if chromed[k]:
            prev_end = False
            continue
        # _prose, inlined: this loop visits most lines of every file.
        ends = normed[k].endswith(SENTENCE_END)
        prose = ends or lengths[k] >= BODY_MIN_CHARS
        # Only a pair with nothing but blank lines between counts.
        if prose and prev_end:
            if k == prev + 1:
                if not info.runs_on(prev):
                    direct += 1
            elif not any(lengths[prev + 1 : k]):
                gapped += 1
        prev, prev_end = k, prose and ends
    return direct >= TIGHT_MIN_PARAGRAPHS and direct > TIGHT_RATIO * gapped


TIGHT_MIN_PARAGRAPHS = 3
TIGHT_RATIO = 2


def _with_labels(info: _Lines, start: int, floor: int) -> int:
    """Kickers and breadcrumbs printed just above a title open its article with it."""
    k = start
    while k - 1 > floor and info.normed[k - 1] and _kind(info.normed[k - 1]) & (LABEL | CRUMB):
        k -= 1
    return k


def _repeated_header(info: _Lines, i: int) -> bool:
    """A title (or caption) line that repeats just below and not just above: the first
    line of an article header."""
    if info.normed[i] not in info.repeats_at or info.next_repeat(i) is None:
        return False
    x = info.normed[i]
    return (
        not info.prev_repeat(i)
        and _opens_block(info, i)
        and (title_like(x) or caption_like(x) or _sentence_title(info, i))
    )


def _sentence_title(info: _Lines, i: int) -> bool:
    """Some pages print a lead sentence as the title, repeated like any title: a short
    sentence, repeated with nothing but blank or chrome lines between (a paragraph quoted
    twice in a body has other text between)."""
    x = info.normed[i]
    j = info.next_repeat(i)
    return (
        j is not None
        and len(x.split()) <= HEADLINE_MAX_WORDS * 2
        and len(x) <= TITLE_MAX_CHARS
        and all(not info.normed[k] or info.chrome[k] for k in range(i + 1, j))
    )


def _opens_block(info: _Lines, i: int) -> bool:
    """A line can open an article only where a block can start: after a blank or chrome
    line or the end of a sentence, or when it stands alone itself (a blank or chrome line
    follows it, as after a title). Not in the middle of a hard-wrapped paragraph, whose
    wrapped lines repeat when a summary bullet quotes the body."""
    if i == 0:
        return True
    before = info.normed[i - 1]
    if (
        not before
        or info.chrome[i - 1]
        or ends_sentence(before)
        or before.endswith(("”", '"', "’", "'"))
    ):
        return True
    after = i + 1
    return after >= len(info.normed) or not info.normed[after] or info.chrome[after]


def _goes_on(info: _Lines, i: int) -> bool:
    """Whether the line after line i is text that goes on in lower case."""
    nxt = info.normed[i + 1] if i + 1 < len(info.normed) else ""
    return bool(nxt) and nxt[0].islower() and not info.chrome[i + 1]


def _may_be_heading(info: _Lines, i: int) -> bool:
    """What _is_heading needs at the least, tested without a call: a mark at either end,
    or a short line below and none above."""
    normed = info.normed
    if normed[i][0] == "#":
        return True
    below = normed[i + 1] if i + 1 < len(normed) else ""
    if not below:
        return False
    return below[0] == "=" or (
        len(below) <= 80 and (i == 0 or not normed[i - 1] or info.chrome[i - 1])
    )


def _is_heading(info: _Lines, i: int) -> bool:
    """Markdown `# Title`, a title underlined with `===`, or a title over a byline or a
    date line, set off from what precedes it."""
    x = info.normed[i]
    if x.startswith("#"):
        return bool(_H1.match(x))
    following = info.normed[i + 1] if i + 1 < len(info.normed) else ""
    if following.startswith("==="):
        return bool(_SETEXT.match(following)) and title_like(x)
    if i > 0 and info.normed[i - 1] and not info.chrome[i - 1]:
        return False
    if not following or len(following) > 80 or info.runs_on(i):
        return False
    return bool(_kind(following) & (BYLINE | STAMP_DATE) and _kind(x) & TITLE)


def _backtrack(info: _Lines, i: int, floor: int) -> int:
    """When a repeated caption opened the header, a title printed once just above it
    belongs to the same article."""
    if not caption_like(info.normed[i]):
        return i
    p = i - 1
    if p > floor and not info.normed[p]:
        p -= 1
    if p > floor and title_like(info.normed[p]) and not info.chrome[p]:
        before = info.normed[p - 1] if p - 1 >= 0 else ""
        if not before or ends_sentence(before):
            return p
    return i


def _header_end(info: _Lines, i: int) -> int:
    """The last line of the header that starts at i: title and caption repeats, chrome
    and blank lines. Candidates inside it are repeats, not new articles."""
    normed = info.normed
    texts = {normed[i]}
    last = i
    k = i + 1
    while k < len(normed) and k <= last + HEADER_WINDOW:
        x = normed[k]
        if not x or info.chrome[k]:
            k += 1
            continue
        if x in texts:
            last = k
        elif info.next_repeat(k) is not None:
            texts.add(x)
            last = k
        else:
            break
        k += 1
    return last


def _merge_bodiless(normed: list[str], starts: list[int]) -> list[int]:
    """Drop starts whose block has no body: such a block is furniture trailing the
    article before it (related headlines, a share bar), not an article."""
    kept = [starts[0]]
    bounds = [*starts[1:], len(normed)]
    for start, stop in zip(starts[1:], bounds[1:], strict=True):
        block = normed[start:stop]
        if max(map(len, block)) >= BODY_MIN_CHARS or (
            sum(1 for x in block if len(x) >= BODY_WRAPPED_CHARS and not spaced_bullet(x))
            >= BODY_WRAPPED_LINES
        ):
            kept.append(start)
    return kept


# A block whose text is mostly not prose (menus, share rows, login forms, link lists and
# footers of a page whose site appears once) is the page's furniture, not an article.
FURNITURE_MAX_PROSE = 0.3
# On a page dumped whole (at least this share of its lines, and this many, in paragraphs
# that are not prose: a site's menus, link lists and footer), a block with less than this
# share of the largest block's prose is an aside (teasers, comments, a notice), not an
# article. Pages that hold articles one after another are mostly prose, their furniture a
# few header lines per article, and their articles may be short.
PAGE_MIN_FURNITURE = 0.6
PAGE_MIN_FURNITURE_LINES = 35
ASIDE_MAX_SHARE = 0.5


def _fold_furniture(info: _Lines, starts: list[int]) -> list[int]:
    """Drop the starts of blocks that are furniture by their text alone (few of their
    characters in paragraphs that read as prose): such a block joins the article before
    it, or, at the top of the file, the article after it."""
    if len(starts) < 2:
        return starts
    normed = info.normed
    prose = density.Prose(normed)
    bounds = [*starts[1:], len(normed)]
    furniture = [
        prose.share_below(start, stop, FURNITURE_MAX_PROSE)
        for start, stop in zip(starts, bounds, strict=True)
    ]
    kept = _fold(starts, furniture)
    if len(kept) < 2 or not prose.mostly_furniture(PAGE_MIN_FURNITURE_LINES, PAGE_MIN_FURNITURE):
        return kept
    masses = [
        prose.good_chars(start, stop)
        for start, stop in zip(kept, [*kept[1:], len(normed)], strict=True)
    ]
    largest = max(masses)
    kept = _fold(kept, [m < ASIDE_MAX_SHARE * largest for m in masses])
    # Sections of one article (a subhead between paragraphs) are not parted by furniture;
    # two articles of one page are, by a header, a share row or a list of links, or by a
    # title printed twice (a page of briefs is mostly headers, and each opens an article).
    return [
        s
        for idx, s in enumerate(kept)
        if idx == 0 or _titled_twice(info, s) or not _prose_runs_on(prose, s)
    ]


def _titled_twice(info: _Lines, start: int) -> bool:
    """Whether the header of the block at `start` prints its title twice."""
    return any(
        info.normed[k] in info.repeats_at and _repeated_header(info, k)
        for k in range(start, min(start + HEADER_WINDOW, len(info.normed)))
    )


# Lines of paragraphs that are not prose, this many between two runs of prose, part two
# texts: a headline, a byline and a date line do; a subhead does not.
SECTION_GAP = 3


def _prose_runs_on(prose: density.Prose, start: int) -> bool:
    """Whether fewer than SECTION_GAP lines of paragraphs that are not prose stand between
    the last paragraph of prose above line `start` and the first one from it on."""
    others = 0
    for step, k in ((-1, start - 1), (1, start)):
        seen: set[int] = set()
        while 0 <= k < len(prose.normed):
            u = prose.unit_of[k]
            if u is not None and u not in seen:
                seen.add(u)
                kind = prose.unit_class(u)
                if kind == density.GOOD:
                    break
                if kind == density.OTHER:
                    others += len(prose.units[u])
                if others >= SECTION_GAP:
                    return False
            k += step
        else:
            return False
    return True


def _fold(starts: list[int], folded: list[bool]) -> list[int]:
    """The starts left when each block marked folded joins the block before it, or, at
    the top of the file, the block after it."""
    kept = [s for idx, s in enumerate(starts) if idx == 0 or not folded[idx]]
    if folded[0] and len(kept) > 1:
        del kept[1]
    return kept


def _ranges(normed: list[str], starts: list[int], why: dict[int, Opened | None]) -> list[Segment]:
    segments = []
    for idx, start in enumerate(starts):
        stop = starts[idx + 1] if idx + 1 < len(starts) else len(normed)
        end = stop - 1
        while end > start and not normed[end]:
            end -= 1
        segments.append(Segment(start + 1, end + 1, why.get(start)))
    return segments
