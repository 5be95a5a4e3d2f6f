"""Site furniture: lines that belong to the page, not to the article.

Two sources. A fixed list of patterns every news site uses (share buttons, "Updated ..."
stamps, bare comment counts). And lines the corpus itself shows to be furniture: a short
line that recurs verbatim next to many unrelated articles (jusText's and trafilatura's
boilerplate idea, learned across the whole corpus instead of one page).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyreader.search.ingest import dates
from storyreader.search.model import Role

if TYPE_CHECKING:
    from storyreader.search.ingest.lines import Lines
from storyreader.search.ingest.text import digest, ends_sentence

_FIXED = frozenset(
    s.casefold()
    for s in (
        "Short Url",
        "Short link",
        "Follow",
        "Follow us",
        "Share",
        "Share this",
        "Share this article",
        "Share on Facebook",
        "Share on Twitter",
        "Share on X",
        "Share via Email",
        "Print",
        "Email",
        "Copy link",
        "Copy Link",
        "Comments",
        "Comment",
        "Advertisement",
        "Advertisements",
        "Sponsored",
        "Sponsored content",
        "Read more",
        "Read More",
        "Read more:",
        "Read next",
        "Read also",
        "Also read",
        "See also",
        "More",
        "Show more",
        "Load more",
        "Subscribe",
        "Sign up",
        "Sign in",
        "Log in",
        "Register",
        "Listen",
        "Listen to this article",
        "Facebook",
        "Twitter",
        "WhatsApp",
        "Telegram",
        "LinkedIn",
        "Reddit",
        "Instagram",
        "Youtube",
        "Pinterest",
        "Flipboard",
        "Whatsapp",
        "Messenger",
        "Skip to content",
        "Skip to main content",
        "Most Read",
        "Most read",
        "Most Popular",
        "Trending",
        "Related",
        "Related articles",
        "Related Articles",
        "Related stories",
        "Recommended",
        "Top stories",
        "Latest",
        "Latest news",
        "Breaking",
        "Breaking news",
        "Live",
        "Watch",
        "Video",
        "Photo",
        "Image",
        "Gallery",
        "Close",
        "Menu",
        "Search",
        "Home",
        "Back to top",
        "Font size",
        "A A",
        "A- A+",
        "Text size",
        "Save",
        "Bookmark",
        "Report",
        "Reply",
        "Like",
        "Tweet",
        "Pin",
        "Next",
        "Previous",
        "Next article",
        "Previous article",
        "Loading...",
        "Loading",
        "Cookie settings",
        "Accept cookies",
        "All rights reserved",
        "Tags",
        "Topics",
        "Sign up for our newsletter",
        "Newsletter",
        "Join the conversation",
    )
)
_COUNT = re.compile(
    r"^\d{1,7}(?:\s+(?:comments?|shares?|views?|reads?|likes?|replies))?$", re.IGNORECASE
)
_READ_TIME = re.compile(r"^\d{1,3}\s*(?:min|mins|minutes?)\s+read$", re.IGNORECASE)
_RULE = re.compile(r"^[=\-_*~#·•.|/\\+]{3,}$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)

# The longest line a fixed pattern matches ("Last updated: Wednesday, 27 September 2023,
# 14:05 GMT+3" is ~50 characters).
CHROME_MAX_CHARS = 80
# Tokens this short are icon labels ("TT" font-size toggle, "X", "|"), not words of a story.
_ICON_MAX_CHARS = 3


def _icon(line: str) -> bool:
    """Icon labels such as "TT", "X" and "|" are not words of a story."""
    if len(line) > _ICON_MAX_CHARS or " " in line or line.isdigit():
        return False
    return not line.isalpha() or line.isupper() or len(line) == 1


_CRUMB_SEP = re.compile(r"\s+[>»›/|]\s+")
# Breadcrumb parts are section names: a few words each.
CRUMB_PART_MAX_WORDS = 3
_ROW_SEP = re.compile(r"\s{2,}|\s*[|·•]\s*")


def breadcrumb(line: str) -> bool:
    """A trail of section names: "Home > World", "News / Politics / Europe"."""
    parts = _CRUMB_SEP.split(line)
    return 2 <= len(parts) <= 6 and all(
        0 < len(p.split()) <= CRUMB_PART_MAX_WORDS and not p.endswith((".", "?", "!"))
        for p in parts
    )


def _button_row(line: str) -> bool:
    """A row of buttons on one line: "Share on Facebook Share on Twitter Email": the words
    are covered, left to right, by furniture phrases."""
    words = line.casefold().split()
    if len(words) < 2 or len(words) > BUTTON_ROW_MAX_WORDS:
        return False
    covered = [True] + [False] * len(words)  # covered[k]: words[:k] is a run of phrases
    for k in range(len(words)):
        if covered[k]:
            for n in range(1, min(_PHRASE_MAX_WORDS, len(words) - k) + 1):
                if " ".join(words[k : k + n]) in _FIXED:
                    covered[k + n] = True
    return covered[-1]


BUTTON_ROW_MAX_WORDS = 16
_PHRASE_MAX_WORDS = max(len(p.split()) for p in _FIXED)


# Labels of links to other articles: "Related: <headline>", "Read more: <headline>".
_TEASER_LABELS = frozenset(
    s.casefold()
    for s in (
        "Related",
        "Related articles",
        "Related stories",
        "Related story",
        "Read more",
        "Read also",
        "Also read",
        "See also",
        "Read next",
        "More",
        "Recommended",
        "Watch",
        "Listen",
        "Advertisement",
        "Sponsored",
    )
)
# "Read more:", "Also read:", "Related articles:".
TEASER_LABEL_MAX_CHARS = 24


def _teaser(line: str) -> bool:
    """A link to another article behind a furniture label: "Related: <headline>",
    "Read more: <headline>"."""
    if ":" not in line[:TEASER_LABEL_MAX_CHARS]:
        return False
    label, colon, rest = line.partition(":")
    return bool(colon) and bool(rest.strip()) and label.strip().casefold() in _TEASER_LABELS


def fixed_role(line: str) -> tuple[Role | None, str | None]:
    """The role of a normalised line by the fixed patterns alone, and a date if it gives one."""
    if not line:
        return None, None
    if len(line) > CHROME_MAX_CHARS:
        # Every pattern below is a short line; most lines of a file are long.
        return (Role.CHROME, None) if _COPYRIGHT.match(line) or _teaser(line) else (None, None)
    if _teaser(line):
        return Role.CHROME, None
    if _icon(line):
        return Role.CHROME, None
    if line.casefold() in _FIXED or _COUNT.match(line) or _READ_TIME.match(line):
        return Role.CHROME, None
    if _RULE.match(line) or _COPYRIGHT.match(line) or breadcrumb(line) or _button_row(line):
        return Role.CHROME, None

    is_stamp, date = dates.stamp(line)
    if is_stamp:
        return Role.DATELINE, date
    return None, None


# --- Learning furniture from the corpus ---------------------------------------------------

# A furniture candidate is short and is not a sentence: real body lines that short end in
# punctuation ("He resigned."), while menus, buttons and labels do not.
CANDIDATE_MAX_CHARS = 48
CANDIDATE_MAX_WORDS = 6
# Context of a line = the nearest long line before and after it. Titles and subheads sit
# beside the same paragraphs in every copy of their article, so they keep one or two
# contexts however often the article is copied; furniture sits beside a different
# article every time. Five distinct contexts on both sides is far beyond what copies of
# one article produce (they rarely differ in the very paragraph next to a heading), and
# is reached by furniture within a handful of pages of a site.
CONTEXT_MIN_CHARS = 60
FURNITURE_MIN_CONTEXTS = 5
_NO_CONTEXT = "-"


def is_candidate(line: str, role: Role | None = None) -> bool:
    """A short line that is not a sentence and no fixed pattern claims (`role` is the
    line's fixed role when the caller has it already)."""
    return (
        0 < len(line) <= CANDIDATE_MAX_CHARS
        and not ends_sentence(line)
        and len(line.split()) <= CANDIDATE_MAX_WORDS
        and any(ch.isalpha() for ch in line)
        and (role if role is not None else fixed_role(line)[0]) is None
    )


@dataclass(frozen=True, slots=True)
class ShortLine:
    """One candidate line of one file with the fingerprints of its context."""

    line: str
    before: str
    after: str


def short_lines(lines: Lines) -> set[ShortLine]:
    """The furniture candidates of one file, each with its context; a pure function of the
    file's text, so it can be cached per file and summed across the corpus."""
    normed = lines.normed
    long_idx = [i for i, line in enumerate(normed) if len(line) >= CONTEXT_MIN_CHARS]
    found: set[ShortLine] = set()
    if not normed:
        return found
    # Walk once, keeping the last long line seen; the next long line comes from a pointer.
    nxt = 0
    prev = _NO_CONTEXT
    seen_at: dict[str, int] = {}
    for i, line in enumerate(normed):
        if len(line) >= CONTEXT_MIN_CHARS:
            prev = digest(line, 6)
            continue
        if len(line) > CANDIDATE_MAX_CHARS or not is_candidate(line, lines.fixed[i][0]):
            continue
        if _heading(normed, i, seen_at):
            continue
        while nxt < len(long_idx) and long_idx[nxt] <= i:
            nxt += 1
        after = digest(normed[long_idx[nxt]], 6) if nxt < len(long_idx) else _NO_CONTEXT
        found.add(ShortLine(line, prev, after))
    return found


# A title's repeats sit this close (see segment.HEADER_WINDOW).
_TITLE_REPEAT_LINES = 12


def _heading(normed: list[str], i: int, seen_at: dict[str, int]) -> bool:
    """Whether line i is a headline rather than furniture: marked as one (`# Title`, a
    `===` underline) or repeated just below or above, as titles are in page headers. A
    headline that other stories share word for word ("Borrowing costs climb as bank
    acts") sits beside many contexts, yet it is the title of each article it opens."""
    line = normed[i]
    before = seen_at.get(line)
    seen_at[line] = i
    if line.startswith("# ") or (i + 1 < len(normed) and normed[i + 1].startswith("===")):
        return True
    if before is not None and i - before <= _TITLE_REPEAT_LINES:
        return True
    return any(
        normed[j] == line for j in range(i + 1, min(len(normed), i + 1 + _TITLE_REPEAT_LINES))
    )


def learn_furniture(rows: Iterable[tuple[str, str, str]]) -> frozenset[str]:
    """Lines seen in at least FURNITURE_MIN_CONTEXTS distinct contexts on each side."""
    before: dict[str, set[str]] = defaultdict(set)
    after: dict[str, set[str]] = defaultdict(set)
    for line, b, a in rows:
        before[line].add(b)
        after[line].add(a)
    return frozenset(
        line
        for line, seen in before.items()
        if len(seen) >= FURNITURE_MIN_CONTEXTS and len(after[line]) >= FURNITURE_MIN_CONTEXTS
    )
