"""Recognising rewrites: another outlet's version of the same event in its own words.

Word shingles cannot see these (seed 003 against 000: 5-shingle Jaccard 0.05). What
rewrites keep is the event: its names, numbers and rare words, its quotations, the day it
happened. So

    score = 0.5·cos(whole article) + 0.5·cos(lead: title + first ~150 words)
          + up to 0.06 when both quote the same 5-word sequences
          ± 0.03 when both leads name weekdays that agree / disagree
          = 0 when the two share fewer than 6 informative terms (half of a short one's),
              or name different people and places (unless near-identical)

over words weighted by how rare they are in English at large (wordfreq), never by how rare
they are in the corpus: the score of a pair depends on those two texts only, so an
incremental update gives exactly what a full rebuild gives. On BASIL (100 events told by
three outlets each) this reaches pair precision 0.976 / recall 0.827 with no dates at all,
against 0.62 for corpus TF-IDF at that precision; with dates, 0.996 / 0.910. Dates are
applied when stories are grouped (cluster.py), since one text can be found under several.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

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
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")

# Rewrites of one event appear within days of each other: BASIL's same-event pairs are 0-3
# days apart (194, 74, 23, 8) but for one at 4. Groups whose dates are further apart are
# different events however alike their words.
DATE_WINDOW_DAYS = 3
# Scores that make two texts rewrites of one story. When both are dated and within the
# window, the window has already removed most related-but-different stories (BASIL at 0.25:
# pair precision 0.996, recall 0.91). Without usable dates the text carries all the
# evidence, and the next episode of a saga can read much like a rewrite: 0.35 keeps BASIL's
# undated pair precision at 0.99 (0.976 at 0.30) and the generated corpus's story precision
# at 0.985 (0.975 at 0.30) for a few points of recall. The seeds' related stories score
# 0.19-0.22 and stay apart either way.
THRESHOLD_UNDATED = 0.35
THRESHOLD_DATED = 0.25
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
    weekdays = 0
    k = QUOTE_SHINGLE
    for p in paragraphs:
        terms = tokenize(p)
        if len(lead_terms) < LEAD_WORDS:
            lead_terms += terms
            for day in _WEEKDAY.findall(p):
                weekdays |= 1 << _WEEKDAYS.index(day)
        body_terms += terms
        named |= names(p)
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
    return _pack(body, lead, weekdays, quotes, keys, len(body_terms), named)


# --- packed features ------------------------------------------------------------------------
# header: n_body, n_lead, n_quotes, n_keys, weekdays, n_words, n_names, 0 (uint32); then,
# 8-byte items first to keep them aligned: body hashes, body weights, lead hashes, lead
# weights, key hashes; then quote and name hashes (uint32) and the body's informative-term
# flags (uint8). Terms
# are 64-bit hashes sorted ascending, so in any table their columns come in the same order
# and every sum is taken in the same order: a pair scores bit for bit the same whichever
# other texts are loaded beside it.
_HEADER = np.dtype("<u4")


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
    body, lead, weekdays: int, quotes: set[int], keys: list[str], n_words: int, named: set[int]
) -> bytes:
    bh, bw, bt = _sorted_terms(body)
    lh, lw, _ = _sorted_terms(lead)
    kh = np.array(sorted({term_hash(t) for t in keys}), dtype="<u8")
    qh = np.array(sorted(quotes), dtype="<u4")
    nh = np.array(sorted(named), dtype="<u4")
    informative = np.array([term_weight(t) >= MIN_SHARED_WEIGHT for t in bt], dtype="u1")
    header = np.array(
        [len(bh), len(lh), len(qh), len(kh), weekdays, n_words, len(nh), 0], dtype=_HEADER
    )
    return b"".join(a.tobytes() for a in (header, bh, bw, lh, lw, kh, qh, nh, informative))


@dataclass(frozen=True, slots=True)
class Packed:
    body_h: np.ndarray
    body_w: np.ndarray
    lead_h: np.ndarray
    lead_w: np.ndarray
    keys: np.ndarray
    quotes: np.ndarray
    names: np.ndarray
    informative: np.ndarray
    weekdays: int
    n_words: int


def unpack(data: bytes) -> Packed:
    nb, nl, nq, nk, weekdays, n_words, nn, _ = np.frombuffer(data, dtype=_HEADER, count=8).tolist()
    pos = 32
    parts = []
    for n, dtype in (
        (nb, "<u8"),
        (nb, "<f8"),
        (nl, "<u8"),
        (nl, "<f8"),
        (nk, "<u8"),
        (nq, "<u4"),
        (nn, "<u4"),
        (nb, "u1"),
    ):
        parts.append(np.frombuffer(data, dtype=dtype, count=n, offset=pos))
        pos += n * np.dtype(dtype).itemsize
    bh, bw, lh, lw, kh, qh, nh, inf = parts
    return Packed(bh, bw, lh, lw, kh, qh, nh, inf, weekdays, n_words)


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
        header = _take(data, starts, np.full(len(starts), 8), "<u4").reshape(-1, 8).astype(np.int64)
        nb, nl, nq, nk, weekdays, _, nn = header[:, :7].T
        sections = {}
        at = starts + 32
        for name, count, dtype in (
            ("body_h", nb, "<u8"),
            ("body_w", nb, "<f8"),
            ("lead_h", nl, "<u8"),
            ("lead_w", nl, "<f8"),
            ("keys", nk, "<u8"),
            ("quotes", nq, "<u4"),
            ("names", nn, "<u4"),
            ("informative", nb, "u1"),
        ):
            sections[name] = _take(data, at, count, dtype)
            at = at + count * np.dtype(dtype).itemsize
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
        self.n_names = nn
        self.n_informative = n_informative
        self.weekdays = weekdays

    def similarity(self, pairs: list[tuple[str, str]], chunk: int = 10_000) -> np.ndarray:
        """`similarity` for every pair, as one array. Many pairs are scored a chunk per
        thread on two threads: scipy and numpy let go of the GIL in their loops (1.4x for
        the millions of candidate pairs of a first build), and two chunks of 10,000 hold
        what one of 20,000 held."""
        if not pairs:
            return np.zeros(0)

        def scores(start: int) -> np.ndarray:
            part = pairs[start : start + chunk]
            i = np.fromiter((self.row[a] for a, _ in part), dtype=np.int64, count=len(part))
            j = np.fromiter((self.row[b] for _, b in part), dtype=np.int64, count=len(part))
            return self._scores(i, j)

        starts = range(0, len(pairs), chunk)
        if len(starts) == 1:
            return scores(0)
        with ThreadPoolExecutor(2) as pool:
            return np.concatenate(list(pool.map(scores, starts)))

    def _scores(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return _combine(*self._inputs(i, j))

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
        score before the gate ("raw"), shared informative terms, names shared and the
        fewer names of the two."""
        inputs = self._inputs(i, j)
        return {
            "score": _combine(*inputs),
            "raw": _combine(*inputs, gate=False),
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
    other_names = (names_fewer >= NAMES_MIN) & (names_shared < NAMES_OVERLAP * names_fewer)
    # A short text cannot share six terms it does not have: it must share a share of its own.
    needed = np.clip(
        np.ceil(SHORT_SHARED_SHARE * informative_fewer), MIN_SHARED_SHORT, MIN_SHARED_TERMS
    )
    unrelated = (shared < needed) | other_names
    return np.where(unrelated & (dot < NEAR_COPY_COS), 0.0, s)


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
    # Each hash's rank among the distinct hashes, from one stable (radix) argsort: 1.7x
    # faster than np.unique and a binary search for every entry.
    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    first = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    index = np.empty(len(hashes), dtype=np.int64)
    index[order] = np.cumsum(first) - 1
    return _Rows(indptr, index, weights.astype(np.float64), int(first.sum()))


def _gather(m: _Rows, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The entries of the given rows, in order: (position in `rows`, column, value)."""
    starts = m.indptr[rows]
    lengths = m.indptr[rows + 1] - starts
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    offsets = np.cumsum(lengths) - lengths
    positions = np.repeat(starts - offsets, lengths) + np.arange(len(owner), dtype=np.int64)
    return owner, m.indices[positions], m.data[positions]


# Below this many pairs numpy's few array operations beat scipy's ~130 µs of bookkeeping
# per call; above it scipy's merge in C wins (1.4 against ~3.5 µs a pair).
SMALL_BATCH = 40
# ...once scipy is loaded. Loading it costs 0.1 s, what numpy takes over scipy to score
# ~5,000 pairs: an update, which confirms a few hundred, does without it.
SCIPY_LOAD_BATCH = 5_000


def _with_scipy(n_pairs: int) -> bool:
    if n_pairs <= SMALL_BATCH:
        return False
    return n_pairs > SCIPY_LOAD_BATCH or "scipy.sparse" in sys.modules


def _rowdot(m: _Rows, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Row i · row j for each pair, the products summed per pair by np.add.reduceat in
    column order with zero products left out. Both ways of computing it do exactly that,
    so a score never changes in its last bits with the size of its batch: an incremental
    update must not decide a borderline join differently from a full build."""
    if _with_scipy(len(i)):
        prod = m.csr[i].multiply(m.csr[j]).tocsr()
        prod.sort_indices()
        return np.asarray(prod.sum(axis=1)).ravel()
    out = np.zeros(len(i))
    if not len(i) or not len(m.indices):
        return out
    owner_a, col_a, val_a = _gather(m, i)
    owner_b, col_b, val_b = _gather(m, j)
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
    return float(
        _combine(
            float(np.dot(pa.body_w[ia], pb.body_w[ib])),
            int(pa.informative[ia].sum()),
            float(np.dot(pa.lead_w[la], pb.lead_w[lb])),
            len(np.intersect1d(pa.quotes, pb.quotes, assume_unique=True)),
            pa.weekdays,
            pb.weekdays,
            len(np.intersect1d(pa.names, pb.names, assume_unique=True)),
            min(len(pa.names), len(pb.names)),
            min(int(pa.informative.sum()), int(pb.informative.sum())),
        )
    )


def threshold(both_dated: bool) -> float:
    return THRESHOLD_DATED if both_dated else THRESHOLD_UNDATED
