"""Recognising rewrites: another outlet's version of the same event in its own words.

Word shingles cannot see these (seed 003 against 000: 5-shingle Jaccard 0.05). What
rewrites keep is the event: its names, numbers and rare words, its quotations, the day it
happened. So

    score = 0.5·cos(whole article) + 0.5·cos(lead: title + first ~150 words)
          + up to 0.06 when both quote the same 5-word sequences
          ± 0.03 when both leads name weekdays that agree / disagree
          = 0 when the two share fewer than 6 informative terms (half of a short one's),
              (a pair judged by the fields keeps its score from GATE_RESCUE up), or
              name different people and places (unless near-identical)
          − the event signature's say, unless both texts are dated: names one text gives
              in its lead that the other never mentions (who, where), years named by both
              with none in common (when)

over words weighted by how rare they are in English at large (wordfreq), never by how rare
they are in the corpus: the score of a pair depends on those two texts only, so an
incremental update gives exactly what a full rebuild gives. On BASIL (100 events told by
three outlets each) this reaches pair precision 0.976 / recall 0.827 with no dates at all,
against 0.62 for corpus TF-IDF at that precision; with dates, 0.996 / 0.910. Dates are
applied when stories are grouped (cluster.py), since one text can be found under several.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import sys
import zlib
from collections import Counter
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from storyreader.search.dedup import quantities
from storyreader.search.ingest import dates

# Weight of a term: max(0, ln(RARITY_REF / wordfreq frequency)). 1e-3 is about one use per
# article in general English: "the", "said" weigh 0 and act as stop words; "obama" 2.6,
# "hezbollah" 6.2. (3e-3 gave the same result on BASIL; 1e-2 and 1e-4 were worse.)
RARITY_REF = 1e-3
# Words wordfreq does not know (rare names) count as this frequency: weight 11.5.
FREQ_FLOOR = 1e-8
# The lead: title and first paragraphs up to this many words, where the event is told.
# Averaging lead and whole-text cosines beats either alone by ~10 recall points.
LEAD_WORDS = 150
LEAD_MIX = 0.5
# Vectors keep their heaviest terms only (full vectors are < 0.02 recall better).
TOP_TERMS = 120
LEAD_TOP_TERMS = 60
# Shared quotations: both outlets quote the same words. In BASIL's ambiguous band 52 of 112
# true pairs share a quoted 5-gram against 4 of 90 false ones.
QUOTE_SHINGLE = 5
QUOTE_BONUS = 0.06
QUOTE_SATURATION = 3
# The event's weekday ("said on Thursday"): rewrites agree, a saga's next episode does not.
WEEKDAY_ADJUST = 0.03
# Evidence floor: two short articles sharing a couple of names ("Syria", "Sweden") must not
# score like rewrites; copies of a short brief (cosine >= NEAR_COPY_COS) still match.
MIN_SHARED_TERMS = 6
MIN_SHARED_WEIGHT = 2.0
# Texts with few informative terms (leads of a few sentences) need this share of the
# smaller one's, never fewer than MIN_SHARED_SHORT.
SHORT_SHARED_SHARE = 0.5
MIN_SHARED_SHORT = 3
NEAR_COPY_COS = 0.8

# Names: the capitalised words inside sentences (people, places, bodies). Rewrites of one
# event name the same people and places: of their names, the smaller side shares at least
# 0.21 with the other in 99% of BASIL's same-event pairs (0.17 of generated rewrites). Two
# different events of one kind told in the same stock phrases ("emergency workers carrying
# stretchers") share almost none.
# Below NAMES_OVERLAP the texts are different events, unless near copies or too short to
# name NAMES_MIN things each.
NAMES_OVERLAP = 0.15
NAMES_MIN = 3
# The event signature, compared field by field (issue 16). Who: the names a text gives in
# its lead (title and first SALIENT_WORDS words), the actors of its event. A rewrite
# mentions its source's actors somewhere; the same kind of event with other actors (another
# boxer beaten, another coach fired) names in its lead people its rival never mentions.
# Each salient name of one side that the other never mentions costs EXCLUSIVE_ANY (the
# larger count, up to EXCLUSIVE_ANY_CAP) and, when both sides have such names,
# EXCLUSIVE_BOTH each (the smaller count, up to EXCLUSIVE_BOTH_CAP). When: two texts that
# both name years but no year in common are told about different times (YEARS_DIFFER).
# Fitted as a logistic model on one half of ECB+'s topics and checked on the other
# (bench/RESULTS.md).
SALIENT_WORDS = 100
SALIENT_MIN_WEIGHT = 3.0
EXCLUSIVE_BOTH = 0.05
EXCLUSIVE_BOTH_CAP = 3
EXCLUSIVE_ANY = 0.03
EXCLUSIVE_ANY_CAP = 5
YEARS_DIFFER = 0.05
# When, to the day: the days the leads name ("on Thursday", "yesterday", "on Sept. 13"),
# resolved against the date the text gives itself (dates.event_days). Texts that both
# name days agree within a day (DAYS_AGREE) or not (DAYS_DIFFER).
DAYS_AGREE = 0.03
DAYS_DIFFER = 0.03
# How many: numbers with their units in the leads (quantities.py): the same units with no
# value in common cost NUMBERS_DIFFER. Shared numbers earn nothing: as a bonus they joined
# one champion's two bouts (tests/test_cluster.py; bench/RESULTS.md).
NUMBERS_DIFFER = 0.05
# The shared-terms floor is the evidence of a pair scored on its words alone. A pair
# judged by the fields and scoring this much before the gate is scored as if it had cleared
# it: the fields, not the floor, tell its events apart (two outlets' leads of one event
# share few terms, but rare ones). Names that do not overlap still refuse it: a flood told
# in the same stock phrases with other towns named is another flood (tests/test_cluster.py).
GATE_RESCUE = 0.35
_YEAR = re.compile(r"(?:19|20)\d\d")
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")

# Rewrites of one event appear within days of each other: BASIL's same-event pairs are 0-3
# days apart (194, 74, 23, 8) but for one at 4. Texts dated within this window are scored
# on their words alone.
DATE_WINDOW_DAYS = 3
# Some events are reported for days on end (an escape, nights of riots), so dates a few
# days beyond the window prove nothing either way: such pairs are judged by the event
# signature's fields, as undated pairs are. Groups dated further apart than this are
# different events however alike their words.
DATE_WINDOW_JUDGED_DAYS = 7
# Scores that make two texts rewrites of one story. When both are dated and within the
# window, the window has already removed most related-but-different stories (BASIL at 0.25:
# pair precision 0.996, recall 0.91). Without usable dates the text carries all the
# evidence, and the next episode of a saga can read much like a rewrite: undated pairs are
# judged by the event signature's fields too, which lets them use the same bar (0.35 was
# needed without them; bench/RESULTS.md has the figures). The seeds' related stories
# score 0.19-0.22 and stay apart either way.
THRESHOLD_UNDATED = 0.25
THRESHOLD_DATED = 0.25
# Pairs scoring below this before the fields are compared clear no bar either way.
FIELDS_FROM = min(THRESHOLD_DATED, THRESHOLD_UNDATED)
# Single link chains the episodes of a saga through one strong edge; a merge also needs
# this share of the pairs of representatives across the two groups to clear their bar.
# A mean over all pairs instead let weak pairs of one event (short texts, other angles)
# veto its strong ones.
LINK_SHARE = 0.25

# Candidates: a pair must share at least BLOCK_MIN_SHARED of each text's BLOCK_KEYS heaviest
# rare terms (names, rare words, specific numbers; weight >= 3.0 excludes "trump" or
# "said"). On BASIL this finds 0.98 of same-event pairs and 0.99 of the pairs accepted.
BLOCK_KEYS = 20
BLOCK_MIN_SHARED = 2
BLOCK_MIN_KEY_WEIGHT = 3.0
# A key held by more texts than this is a hub: a country, a party, the name of a saga. It
# says which topic a text is on, not which event, and would propose every pair of its
# hundreds of texts as candidates. Rewrites share event-specific keys (people, numbers,
# rare words) besides the hubs.
HUB_TEXTS = 200

_TOKEN = re.compile(r"\w+(?:[.'’,]\w+)*\.?")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = "January February March April May June July August September October November December"
_CALENDAR = frozenset(w.lower() for w in (*_WEEKDAYS, *_MONTHS.split()))
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_QUOTE = re.compile(r'[“"]([^”“"]{12,}?)(?:[”"]|$)')


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    import wordfreq  # loaded only when texts are prepared (building), never for queries

    return wordfreq.get_frequency_dict("en")


@lru_cache(maxsize=1 << 19)
def term_weight(term: str) -> float:
    """General-language rarity of a normalised term; 0 for very common words."""
    f = _frequencies().get(term)
    if f is None and any(c.isdigit() for c in term):
        import wordfreq

        f = wordfreq.word_frequency(term, "en")  # digit-aware: "2024" common, "2500" rare
    return max(0.0, math.log(RARITY_REF / max(f or 0.0, FREQ_FLOOR)))


@lru_cache(maxsize=1 << 19)
def _norm(tok: str) -> str | None:
    tok = tok.replace("’", "'").rstrip(".")
    if tok.endswith("'s"):
        tok = tok[:-2]
    has_digit = any(c.isdigit() for c in tok)
    if "." in tok and not has_digit:
        tok = tok.replace(".", "")  # U.S. -> us
    if "," in tok:
        if not (has_digit and all(p.isdigit() for p in tok.split(","))):
            return None
        tok = tok.replace(",", "")  # 2,500 -> 2500
    tok = tok.strip("'_").lower()
    return sys.intern(tok) if tok else None


def tokenize(text: str) -> list[str]:
    """Lower-case terms; hyphenated words split ("Iran-backed" -> iran, backed)."""
    out = []
    for raw in _TOKEN.findall(text):
        for part in raw.split("-") if "-" in raw else (raw,):
            if t := _norm(part):
                out.append(t)
    return out


def _vector(terms: list[str], top: int) -> dict[str, float]:
    v = {}
    for t, n in Counter(terms).items():
        w = term_weight(t)
        if w > 0:
            v[t] = (1.0 + math.log(n)) * w
    if len(v) > top:
        v = dict(sorted(v.items(), key=lambda x: (-x[1], x[0]))[:top])
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: round(x / norm, 6) for t, x in v.items()}


def names(text: str) -> set[int]:
    """Hashes of the words of capitalised runs that follow a lower-case word or a comma:
    names, not the first word of a sentence (titles are left out: every word is
    capitalised there), nor days and months, which any two stories may share."""
    return {
        zlib.crc32(w.encode("utf-8", "surrogatepass"))
        for run in _NAME.findall(text)
        for word in run.split()
        if (w := word.lower().strip("'’-")) and w not in _CALENDAR
    }


def prepare(title: str, paragraphs: list[str]) -> bytes:
    """The rewrite features of a text, packed for storage and for `FeatureTable`."""
    title_terms = tokenize(title or "")
    body_terms: list[str] = []
    lead_terms: list[str] = []
    quotes: set[int] = set()
    named: set[int] = set()
    name_terms: set[str] = set()
    weekdays = 0
    k = QUOTE_SHINGLE
    written, date_line = dates.own_date(paragraphs)
    days: set[dt.date] = set()
    amounts: set[tuple[str, str]] = set()
    for at, p in enumerate(paragraphs):
        terms = tokenize(p)
        if len(lead_terms) < LEAD_WORDS:
            lead_terms += terms
            for day in _WEEKDAY.findall(p):
                weekdays |= 1 << _WEEKDAYS.index(day)
            if at != date_line:  # the day it was written is not the event's
                days |= dates.event_days(p, written)
                amounts |= quantities.quantities(p)
        body_terms += terms
        named |= names(p)
        name_terms.update(_name_terms(p))
        if '"' in p or "“" in p:
            for m in _QUOTE.finditer(p):
                q = tokenize(m.group(1))
                quotes.update(
                    zlib.crc32(" ".join(q[i : i + k]).encode()) for i in range(len(q) - k + 1)
                )
    body = _vector(body_terms + title_terms, TOP_TERMS)
    lead = _vector(lead_terms + title_terms, LEAD_TOP_TERMS)
    keys = [
        t
        for t, _ in sorted(body.items(), key=lambda kv: (-kv[1], kv[0]))
        if term_weight(t) >= BLOCK_MIN_KEY_WEIGHT
    ][:BLOCK_KEYS]
    every = set(title_terms).union(body_terms)
    rare = {_crc(t) for t in every if term_weight(t) >= SALIENT_MIN_WEIGHT}
    opening = set((title_terms + body_terms)[:SALIENT_WORDS])
    salient = {_crc(t) for t in opening & name_terms if term_weight(t) >= SALIENT_MIN_WEIGHT}
    years = {int(t) for t in every if _YEAR.fullmatch(t)}
    units, numbers = quantities.hashes(amounts)
    fields = _Fields(salient, rare, years, {d.toordinal() for d in days}, units, numbers)
    return _pack(body, lead, weekdays, quotes, keys, len(body_terms), named, fields)


def _crc(term: str) -> int:
    return zlib.crc32(term.encode("utf-8", "surrogatepass"))


def _name_terms(text: str) -> set[str]:
    """The terms of `names` (capitalised words inside sentences), as `tokenize` makes them."""
    return {
        t
        for run in _NAME.findall(text)
        for word in run.split()
        for t in tokenize(word)
        if t not in _CALENDAR
    }


@dataclass(frozen=True, slots=True)
class _Fields:
    """The event signature's fields besides the term vectors: the names of the lead, every
    rare term (to tell whether the other text mentions them at all) and the years named."""

    salient: set[int]
    rare: set[int]
    years: set[int]
    days: set[int]  # the event's days (ordinals) the lead names, resolved
    units: set[int]  # units of the numbers the lead gives ("people", "magnitude")
    numbers: set[int]  # those numbers with their units


# --- packed features ------------------------------------------------------------------------
# header: n_body, n_lead, n_quotes, n_keys, weekdays, n_words, n_names, n_salient, n_rare,
# n_years, n_days, n_units, n_numbers, 0 (uint32); then, 8-byte items first to keep them
# aligned: body hashes, body weights, lead hashes, lead weights, key hashes; then quote,
# name, salient-name and rare-term hashes, years, days, unit and number hashes (uint32) and
# the body's informative-term flags (uint8). Terms
# are 64-bit hashes sorted ascending, so in any table their columns come in the same order
# and every sum is taken in the same order: a pair scores bit for bit the same whichever
# other texts are loaded beside it.
_HEADER = np.dtype("<u4")
_HEADER_ITEMS = 14
_SECTIONS = (
    ("body_h", "<u8"),
    ("body_w", "<f8"),
    ("lead_h", "<u8"),
    ("lead_w", "<f8"),
    ("keys", "<u8"),
    ("quotes", "<u4"),
    ("names", "<u4"),
    ("salient", "<u4"),
    ("rare", "<u4"),
    ("years", "<u4"),
    ("days", "<u4"),
    ("units", "<u4"),
    ("numbers", "<u4"),
    ("informative", "u1"),
)


@lru_cache(maxsize=1 << 19)
def term_hash(term: str) -> int:
    digest = hashlib.blake2b(term.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") or 1


def _sorted_terms(vector: dict[str, float]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    items = sorted(((term_hash(t), w, t) for t, w in vector.items()))
    hashes = np.array([h for h, _, _ in items], dtype="<u8")
    weights = np.array([w for _, w, _ in items], dtype="<f8")
    return hashes, weights, [t for _, _, t in items]


def _pack(
    body,
    lead,
    weekdays: int,
    quotes: set[int],
    keys: list[str],
    n_words: int,
    named: set[int],
    fields: _Fields,
) -> bytes:
    bh, bw, bt = _sorted_terms(body)
    lh, lw, _ = _sorted_terms(lead)
    kh = np.array(sorted({term_hash(t) for t in keys}), dtype="<u8")
    qh, nh, sh, rh, yh, dh, uh, vh = (
        np.array(sorted(x), dtype="<u4")
        for x in (
            quotes,
            named,
            fields.salient,
            fields.rare,
            fields.years,
            fields.days,
            fields.units,
            fields.numbers,
        )
    )
    informative = np.array([term_weight(t) >= MIN_SHARED_WEIGHT for t in bt], dtype="u1")
    counts = [len(bh), len(lh), len(qh), len(kh), weekdays, n_words, len(nh)]
    header = np.array(
        [*counts, len(sh), len(rh), len(yh), len(dh), len(uh), len(vh), 0], dtype=_HEADER
    )
    parts = (header, bh, bw, lh, lw, kh, qh, nh, sh, rh, yh, dh, uh, vh, informative)
    return b"".join(a.tobytes() for a in parts)


@dataclass(frozen=True, slots=True)
class Packed:
    body_h: np.ndarray
    body_w: np.ndarray
    lead_h: np.ndarray
    lead_w: np.ndarray
    keys: np.ndarray
    quotes: np.ndarray
    names: np.ndarray
    salient: np.ndarray
    rare: np.ndarray
    years: np.ndarray
    days: np.ndarray
    units: np.ndarray
    numbers: np.ndarray
    informative: np.ndarray
    weekdays: int
    n_words: int


def _counts(header: np.ndarray) -> tuple[np.ndarray, ...]:
    """Each section's item count, in _SECTIONS order, from header rows."""
    nb, nl, nq, nk, nn, ns, nr, ny, nd, nu, nv = (
        header[..., c] for c in (0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12)
    )
    return nb, nb, nl, nl, nk, nq, nn, ns, nr, ny, nd, nu, nv, nb


def unpack(data: bytes) -> Packed:
    header = np.frombuffer(data, dtype=_HEADER, count=_HEADER_ITEMS).astype(np.int64)
    pos = _HEADER_ITEMS * _HEADER.itemsize
    parts = {}
    for (name, dtype), n in zip(_SECTIONS, _counts(header), strict=True):
        parts[name] = np.frombuffer(data, dtype=dtype, count=int(n), offset=pos)
        pos += int(n) * np.dtype(dtype).itemsize
    return Packed(**parts, weekdays=int(header[4]), n_words=int(header[5]))


def block_keys(data: bytes) -> np.ndarray:
    """A text's blocking keys, padded to BLOCK_KEYS with zeros (for matrices)."""
    keys = np.zeros(BLOCK_KEYS, dtype="<u8")
    found = unpack(data).keys
    keys[: len(found)] = found
    return keys


def n_words(data: bytes) -> int:
    return int(np.frombuffer(data, dtype=_HEADER, count=6)[5])


class FeatureTable:
    """Many texts' features as sparse matrices, to score many pairs at once."""

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self.keys = sorted(blobs)
        self.row = {k: i for i, k in enumerate(self.keys)}
        # Every text's sections are cut out of one buffer at once: unpacking text by text
        # was the slowest step of scoring in a large build.
        # Each text padded to a multiple of 8 bytes, so that every section is aligned to
        # its item size and is cut out item by item, not byte by byte.
        sizes = np.array([len(blobs[k]) for k in self.keys], dtype=np.int64)
        pads = [bytes(n) for n in range(8)]
        data = np.frombuffer(
            b"".join(part for k in self.keys for part in (blobs[k], pads[-len(blobs[k]) % 8])),
            dtype=np.uint8,
        )
        sizes += -sizes % 8
        starts = np.cumsum(sizes) - sizes
        header = (
            _take(data, starts, np.full(len(starts), _HEADER_ITEMS), "<u4")
            .reshape(-1, _HEADER_ITEMS)
            .astype(np.int64)
        )
        sections = {}
        at = starts + _HEADER_ITEMS * _HEADER.itemsize
        for (name, dtype), count in zip(_SECTIONS, _counts(header), strict=True):
            sections[name] = _take(data, at, count, dtype)
            at = at + count * np.dtype(dtype).itemsize
        nb, nl, nq, nn, ns, nr, ny = (header[:, c] for c in (0, 1, 2, 6, 7, 8, 9))
        weekdays = header[:, 4]
        del data
        informative = sections["informative"].astype(bool)
        owner = np.repeat(np.arange(len(nb)), nb)
        n_informative = np.bincount(owner[informative], minlength=len(nb))
        self.body = _matrix(sections["body_h"], nb, sections["body_w"])
        self.lead = _matrix(sections["lead_h"], nl, sections["lead_w"])
        self.informative = _matrix(
            sections["body_h"][informative], n_informative, np.ones(int(n_informative.sum()))
        )
        self.quotes = _matrix(sections["quotes"].astype("<u8"), nq, np.ones(int(nq.sum())))
        self.names = _matrix(sections["names"].astype("<u8"), nn, np.ones(int(nn.sum())))
        # Salient names and rare terms in one column space, to find one's in the other's.
        self.salient, self.rare = _matrices((sections["salient"], ns), (sections["rare"], nr))
        self.years = _matrix(sections["years"].astype("<u8"), ny, np.ones(int(ny.sum())))
        nd, nu, nv = (header[:, c] for c in (10, 11, 12))
        self.units = _matrix(sections["units"].astype("<u8"), nu, np.ones(int(nu.sum())))
        self.numbers = _matrix(sections["numbers"].astype("<u8"), nv, np.ones(int(nv.sum())))
        self.n_salient, self.n_years = ns, ny
        # Each day with its neighbours, in the days' column space: days a day apart agree
        # (an evening's event reported next morning as "yesterday").
        # Each row's columns ascending and distinct, as every matrix's.
        owner = np.repeat(np.arange(len(nd), dtype=np.int64), nd)
        spread = (sections["days"].astype(np.int64)[:, None] + np.arange(-1, 2)).ravel()
        near = np.unique((np.repeat(owner, 3) << 32) | spread)
        n_near = np.bincount(near >> 32, minlength=len(nd))
        self.days, self.days_near = _matrices((sections["days"], nd), (near & 0xFFFFFFFF, n_near))
        self.n_days = nd
        self.n_names = nn
        self.n_informative = n_informative
        self.weekdays = weekdays

    def similarity(
        self, pairs: list[tuple[str, str]], dated: AbstractSet[str] = frozenset()
    ) -> np.ndarray:
        """`similarity` for every pair, as one array: judged by the event signature's
        fields unless both texts are `dated`, whose dates tell the events apart (within the
        date window, BASIL's rewrites name other people in their leads often enough to
        lose a sixth of them to the fields)."""
        both = self.both(pairs)
        if not dated:
            return both[:, 1]
        plain = np.fromiter(
            (a in dated and b in dated for a, b in pairs), dtype=bool, count=len(pairs)
        )
        return np.where(plain, both[:, 0], both[:, 1])

    def both(self, pairs: list[tuple[str, str]], chunk: int = 10_000) -> np.ndarray:
        """(pairs x 2): each pair's score on its texts alone and judged by the fields.
        Many pairs are scored a chunk per thread on two threads: scipy and numpy let go of
        the GIL in their loops (1.4x for the millions of candidate pairs of a first build),
        and two chunks of 10,000 hold what one of 20,000 held."""
        if not pairs:
            return np.zeros((0, 2))

        def scores(start: int) -> np.ndarray:
            part = pairs[start : start + chunk]
            i = np.fromiter((self.row[a] for a, _ in part), dtype=np.int64, count=len(part))
            j = np.fromiter((self.row[b] for _, b in part), dtype=np.int64, count=len(part))
            inputs = self._inputs(i, j)
            plain = _combine(*inputs)
            return np.stack([plain, self._judged(_rescued(plain, inputs), i, j)], axis=1)

        starts = range(0, len(pairs), chunk)
        if len(starts) == 1:
            return scores(0)
        with ThreadPoolExecutor(2) as pool:
            return np.concatenate(list(pool.map(scores, starts)))

    def _judged(self, s: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The scores less what the event signature's fields say against them, worked out
        only where it can matter: below FIELDS_FROM no bar is cleared anyway."""
        at = np.flatnonzero(s >= FIELDS_FROM)
        if not len(at):
            return s
        s = s.copy()
        s[at] = np.clip(s[at] - _penalty(*self._fields(i[at], j[at])), 0.0, 1.0)
        return s

    def _fields(self, i: np.ndarray, j: np.ndarray) -> tuple:
        return (
            self.n_salient[i] - _rowdot(self.salient, i, j, self.rare),
            self.n_salient[j] - _rowdot(self.salient, j, i, self.rare),
            _rowdot(self.years, i, j),
            np.minimum(self.n_years[i], self.n_years[j]),
            _rowdot(self.days, i, j, self.days_near),
            np.minimum(self.n_days[i], self.n_days[j]),
            _rowdot(self.units, i, j),
            _rowdot(self.numbers, i, j),
        )

    def _inputs(self, i: np.ndarray, j: np.ndarray) -> tuple:
        return (
            _rowdot(self.body, i, j),
            _rowdot(self.informative, i, j),
            _rowdot(self.lead, i, j),
            _rowdot(self.quotes, i, j),
            self.weekdays[i],
            self.weekdays[j],
            _rowdot(self.names, i, j),
            np.minimum(self.n_names[i], self.n_names[j]),
            np.minimum(self.n_informative[i], self.n_informative[j]),
        )

    def parts(self, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
        """The score of rows i, j with what went into it, for explaining a decision: the
        score before the gate ("raw") and after it ("gated"), what the fields take off
        ("penalty", applied from FIELDS_FROM), the fewer salient names either side never
        mentions, shared informative terms, names shared and the fewer names of the two."""
        inputs = self._inputs(i, j)
        fields = self._fields(i, j)
        exclusive_a, exclusive_b = fields[:2]
        return {
            "score": self._judged(_rescued(_combine(*inputs), inputs), i, j),
            "raw": _combine(*inputs, gate=False),
            "gated": _combine(*inputs),
            "penalty": _penalty(*fields),
            "exclusive_fewer": np.minimum(exclusive_a, exclusive_b),
            "exclusive_more": np.maximum(exclusive_a, exclusive_b),
            "years_shared": fields[2],
            "years_fewer": fields[3],
            "days_near": fields[4],
            "days_fewer": fields[5],
            "units_shared": fields[6],
            "numbers_shared": fields[7],
            "shared": inputs[1],
            "names_shared": inputs[6],
            "names_fewer": inputs[7],
        }


def _combine(
    dot, shared, lead, quotes, wa, wb, names_shared, names_fewer, informative_fewer, *, gate=True
):
    """The score from its parts (arrays or single values): the formula of the module
    docstring, less what says the two are different events."""
    s = (1.0 - LEAD_MIX) * dot + LEAD_MIX * lead
    s = s + QUOTE_BONUS * np.minimum(quotes, QUOTE_SATURATION) / QUOTE_SATURATION
    both = (wa != 0) & (wb != 0)
    s = s + np.where(both, np.where((wa & wb) != 0, WEEKDAY_ADJUST, -WEEKDAY_ADJUST), 0.0)
    s = np.clip(s, 0.0, 1.0)
    if not gate:
        return s
    other_names = names_differ(names_shared, names_fewer)
    # A short text cannot share six terms it does not have: it must share a share of its own.
    needed = np.clip(
        np.ceil(SHORT_SHARED_SHARE * informative_fewer), MIN_SHARED_SHORT, MIN_SHARED_TERMS
    )
    unrelated = (shared < needed) | other_names
    return np.where(unrelated & (dot < NEAR_COPY_COS), 0.0, s)


def _rescued(plain, inputs):
    """The gated scores, but those the shared-terms floor zeroed from GATE_RESCUE or more
    before it: what the fields judge. Names that do not overlap still zero a pair."""
    raw = _combine(*inputs, gate=False)
    other_names = names_differ(inputs[6], inputs[7])
    return np.where((plain == 0) & (raw >= GATE_RESCUE) & ~other_names, raw, plain)


def names_differ(names_shared, names_fewer):
    """Whether two texts name different people and places: each names enough things, and
    too few of them are the same."""
    return (names_fewer >= NAMES_MIN) & (names_shared < NAMES_OVERLAP * names_fewer)


def _penalty(
    exclusive_a,
    exclusive_b,
    years_shared,
    years_fewer,
    days_near,
    days_fewer,
    units_shared,
    numbers_shared,
):
    """What the fields say against two texts being one event: salient names one never
    mentions (on one side, on both), years named by both with none in common, event days
    named by both none of which is within a day of the other's, and numbers of the same
    units with no value in common; less what says they are: days that agree."""
    fewer = np.minimum(exclusive_a, exclusive_b)
    more = np.maximum(exclusive_a, exclusive_b)
    other_years = (years_fewer > 0) & (years_shared == 0)
    named_days = days_fewer > 0
    other_days = named_days & (days_near == 0)
    other_numbers = (units_shared > 0) & (numbers_shared == 0)
    return (
        EXCLUSIVE_BOTH * np.minimum(fewer, EXCLUSIVE_BOTH_CAP)
        + EXCLUSIVE_ANY * np.minimum(more, EXCLUSIVE_ANY_CAP)
        + YEARS_DIFFER * other_years
        + DAYS_DIFFER * other_days
        - DAYS_AGREE * (named_days & (days_near > 0))
        + NUMBERS_DIFFER * other_numbers
    )


class _Rows:
    """Sparse rows in CSR layout: row r's columns are indices[indptr[r]:indptr[r + 1]],
    ascending, with their values in data."""

    def __init__(self, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, width: int):
        self.indptr, self.indices, self.data, self.width = indptr, indices, data, width
        self._csr: Any = None

    @property
    def csr(self):
        if self._csr is None:
            from scipy.sparse import csr_matrix

            self._csr = csr_matrix(
                (self.data, self.indices, self.indptr), shape=(len(self.indptr) - 1, self.width)
            )
            self._csr.has_sorted_indices = True  # each row's columns ascend
        return self._csr


def _take(data: np.ndarray, starts: np.ndarray, counts: np.ndarray, dtype: str) -> np.ndarray:
    """`counts[i]` items of `dtype` from byte offset `starts[i]` of `data` (a multiple of
    the item size), for every i, as one flat array."""
    size = np.dtype(dtype).itemsize
    total = int(counts.sum())
    if not total:
        return np.zeros(0, dtype=dtype)
    items = data[: len(data) - len(data) % size].view(dtype)
    offsets = np.cumsum(counts) - counts
    positions = np.repeat(starts // size - offsets, counts) + np.arange(total, dtype=np.int64)
    return items[positions]


def _matrix(hashes: np.ndarray, lengths: np.ndarray, weights: np.ndarray) -> _Rows:
    """Rows of (hash -> weight), row r holding the next lengths[r] entries, whose columns
    are the hashes in ascending order, so that row sums run in hash order whatever the
    table holds."""
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    if not len(hashes):
        return _Rows(indptr, np.zeros(0, np.int64), np.zeros(0), 0)
    # Each hash's rank among the distinct hashes, from one stable (radix) argsort: faster
    # than np.unique and a binary search for every entry.
    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    first = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    index = np.empty(len(hashes), dtype=np.int64)
    index[order] = np.cumsum(first) - 1
    return _Rows(indptr, index, weights.astype(np.float64), int(first.sum()))


def _matrices(*parts: tuple[np.ndarray, np.ndarray]) -> list[_Rows]:
    """Sets of 32-bit hashes (each as flat hashes and per-row counts) as 0/1 rows that
    share one column space, so that a row of one can be multiplied with a row of another."""
    counts = [c for _, c in parts]
    hashes = np.concatenate([h.astype("<u8") for h, _ in parts])
    joint = _matrix(hashes, np.concatenate(counts), np.ones(len(hashes)))
    out, row = [], 0
    for c in counts:
        ptr = joint.indptr[row : row + len(c) + 1]
        lo, hi = int(ptr[0]), int(ptr[-1])
        out.append(_Rows(ptr - lo, joint.indices[lo:hi], joint.data[lo:hi], joint.width))
        row += len(c)
    return out


def _gather(m: _Rows, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The entries of the given rows, in order: (position in `rows`, column, value)."""
    starts = m.indptr[rows]
    lengths = m.indptr[rows + 1] - starts
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    offsets = np.cumsum(lengths) - lengths
    positions = np.repeat(starts - offsets, lengths) + np.arange(len(owner), dtype=np.int64)
    return owner, m.indices[positions], m.data[positions]


# Below this many pairs numpy's few array operations beat scipy's bookkeeping per call;
# above it scipy's merge in C wins.
SMALL_BATCH = 40
# ...once scipy is loaded. Loading it costs what numpy loses to scipy over this many
# pairs: an update, which confirms a few hundred, does without it.
SCIPY_LOAD_BATCH = 5_000


def _with_scipy(n_pairs: int) -> bool:
    if n_pairs <= SMALL_BATCH:
        return False
    return n_pairs > SCIPY_LOAD_BATCH or "scipy.sparse" in sys.modules


def _rowdot(m: _Rows, i: np.ndarray, j: np.ndarray, other: _Rows | None = None) -> np.ndarray:
    """Row i · row j (of `other`, if given: same columns) for each pair, the products
    summed per pair by np.add.reduceat in column order with zero products left out. Both ways of computing it do exactly that,
    so a score never changes in its last bits with the size of its batch: an incremental
    update must not decide a borderline join differently from a full build."""
    mb = m if other is None else other
    if _with_scipy(len(i)):
        prod = m.csr[i].multiply(mb.csr[j]).tocsr()
        prod.sort_indices()
        return np.asarray(prod.sum(axis=1)).ravel()
    out = np.zeros(len(i))
    if not len(i) or not len(m.indices) or not len(mb.indices):
        return out
    owner_a, col_a, val_a = _gather(m, i)
    owner_b, col_b, val_b = _gather(mb, j)
    # (pair, column) as one key: each side is a sorted run of them. A stable sort merges
    # the runs, and a key found on both sides lands twice in a row, a's entry first.
    keys = np.concatenate((owner_a * m.width + col_a, owner_b * m.width + col_b))
    order = np.argsort(keys, kind="stable")
    twice = np.flatnonzero(keys[order[1:]] == keys[order[:-1]])
    at_a, at_b = order[twice], order[twice + 1] - len(owner_a)
    products = val_a[at_a] * val_b[at_b]
    owners = owner_a[at_a]
    nonzero = products != 0
    products, owners = products[nonzero], owners[nonzero]
    if len(products):
        starts = np.flatnonzero(np.concatenate(([True], owners[1:] != owners[:-1])))
        out[owners[starts]] = np.add.reduceat(products, starts)
    return out


def similarity(a: bytes, b: bytes) -> float:
    """The score of one pair, for showing how alike two versions are. Decisions (edges,
    joins) go through FeatureTable, whose sums run in one fixed order; here the same
    formula may differ from it in the last bits, at a hundredth of the cost."""
    pa, pb = unpack(a), unpack(b)
    _, ia, ib = np.intersect1d(pa.body_h, pb.body_h, assume_unique=True, return_indices=True)
    _, la, lb = np.intersect1d(pa.lead_h, pb.lead_h, assume_unique=True, return_indices=True)
    inputs = (
        float(np.dot(pa.body_w[ia], pb.body_w[ib])),
        int(pa.informative[ia].sum()),
        float(np.dot(pa.lead_w[la], pb.lead_w[lb])),
        _common(pa.quotes, pb.quotes),
        pa.weekdays,
        pb.weekdays,
        _common(pa.names, pb.names),
        min(len(pa.names), len(pb.names)),
        min(int(pa.informative.sum()), int(pb.informative.sum())),
    )
    s = float(_rescued(_combine(*inputs), inputs))
    if s < FIELDS_FROM:
        return s
    near = (pb.days.astype(np.int64)[:, None] + np.arange(-1, 2)).ravel()
    fields = (
        len(pa.salient) - _common(pa.salient, pb.rare),
        len(pb.salient) - _common(pb.salient, pa.rare),
        _common(pa.years, pb.years),
        min(len(pa.years), len(pb.years)),
        len(np.intersect1d(pa.days.astype(np.int64), near)),
        min(len(pa.days), len(pb.days)),
        _common(pa.units, pb.units),
        _common(pa.numbers, pb.numbers),
    )
    return min(max(s - float(_penalty(*fields)), 0.0), 1.0)


def _common(a: np.ndarray, b: np.ndarray) -> int:
    return len(np.intersect1d(a, b, assume_unique=True))


def threshold(both_dated: bool) -> float:
    return THRESHOLD_DATED if both_dated else THRESHOLD_UNDATED
