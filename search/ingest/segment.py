"""Cutting a file into the articles it holds.

News pages announce each article with a header: the title, often repeated two to four
times around a photo caption and share buttons. That repetition is the strongest signal
there is, and it survives every layout in the seeds, including articles glued together
with no blank line between them. Runs of blank lines before a heading are the second
signal, for layouts that print the title once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass

from storyreader.search.ingest import dates
from storyreader.search.ingest.lines import Lines
from storyreader.search.ingest.text import ends_sentence
from storyreader.search.model import Segment

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
_LEADING_DATE = re.compile(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4},")
_BULLET = re.compile(r"^[•·▪◦●■►\-–*]\s")
_H1 = re.compile(r"^#\s+\S")
# Headlines end without a full stop, except when they end with an abbreviation ("... U.S.").
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Jr|Sr|Inc|Co|Ltd|St|Dr|Gen|Gov|Sen|Rep)\.)$"
)
_SETEXT = re.compile(r"^={3,}$")
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*(?:\s*[|,]\s*\S.*)?$")


def caption_like(line: str) -> bool:
    """Photo captions end with a credit ("(dpa)", "REUTERS/Name") or open with a date."""
    return bool(_CREDIT.search(line) or _LEADING_DATE.match(line)) and len(line.split()) >= 6


def title_like(line: str) -> bool:
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and (not line.endswith((".", ",", ";", ":")) or bool(_ABBREVIATION_END.search(line)))
        and not _BULLET.match(line)
        and any(ch.isalpha() for ch in line)
        and not caption_like(line)
    )


def heading_text(line: str) -> str:
    """A heading without its Markdown marker."""
    return line[2:].strip() if _H1.match(line) else line


@dataclass(slots=True)
class _Lines:
    normed: list[str]
    chrome: list[bool]
    repeats_at: dict[str, list[int]]

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
    chrome = [
        bool(x) and (f[0] is not None or x in furniture)
        for x, f in zip(normed, lines.fixed, strict=True)
    ]
    repeats_at: dict[str, list[int]] = defaultdict(list)
    for i, x in enumerate(normed):
        if x and not chrome[i] and len(x) <= 2 * TITLE_MAX_CHARS:
            repeats_at[x].append(i)
    return _Lines(normed, chrome, {k: v for k, v in repeats_at.items() if len(v) > 1})


def split(lines: list[str] | Lines, furniture: Set[str] = frozenset()) -> list[Segment]:
    """The articles of a file as line ranges. Every non-blank line falls inside exactly
    one range; the ranges are in file order and do not overlap."""
    info = _prepare(lines, furniture)
    normed = info.normed
    n = len(normed)
    first = next((i for i, x in enumerate(normed) if x), None)
    if first is None:
        return []
    starts = [first]
    i = _header_end(info, first) + 1
    blanks = 0
    while i < n:
        x = normed[i]
        if not x:
            blanks += 1
            i += 1
            continue
        start = None
        if not info.chrome[i]:
            if _repeated_header(info, i):
                start = _backtrack(info, i, starts[-1])
            elif _is_heading(info, i) or (blanks >= GAP_MIN_BLANKS and title_like(x)):
                start = i
        blanks = 0
        if start is not None and start > starts[-1]:
            starts.append(start)
            i = _header_end(info, i) + 1
            continue
        i += 1
    return _ranges(normed, _merge_bodiless(normed, starts))


def _repeated_header(info: _Lines, i: int) -> bool:
    """A title (or caption) line that repeats just below and not just above: the first
    line of an article header."""
    if info.normed[i] not in info.repeats_at or info.next_repeat(i) is None:
        return False
    x = info.normed[i]
    return not info.prev_repeat(i) and _opens_block(info, i) and (title_like(x) or caption_like(x))


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


def _is_heading(info: _Lines, i: int) -> bool:
    """Markdown `# Title`, a title underlined with `===`, or a title over a byline or a
    date line, set off from what precedes it."""
    x = info.normed[i]
    if x.startswith("#"):
        return bool(_H1.match(x))
    following = info.normed[i + 1] if i + 1 < len(info.normed) else ""
    if following.startswith("==="):
        return bool(_SETEXT.match(following)) and title_like(x)
    before = info.normed[i - 1] if i > 0 else ""
    if before and not info.chrome[i - 1]:
        return False
    if not following or len(following) > 80:
        return False
    return bool(_BYLINE.match(following) or dates.stamp(following)[1]) and title_like(x)


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
        prose = sum(1 for x in block if len(x) >= BODY_WRAPPED_CHARS and not _BULLET.match(x))
        if any(len(x) >= BODY_MIN_CHARS for x in block) or prose >= BODY_WRAPPED_LINES:
            kept.append(start)
    return kept


def _ranges(normed: list[str], starts: list[int]) -> list[Segment]:
    segments = []
    for idx, start in enumerate(starts):
        stop = starts[idx + 1] if idx + 1 < len(starts) else len(normed)
        end = stop - 1
        while end > start and not normed[end]:
            end -= 1
        segments.append(Segment(start + 1, end + 1))
    return segments
