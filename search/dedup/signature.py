"""Fingerprints of article texts: word shingles, MinHash signatures and LSH bands.

Near copies are found by banding MinHash signatures (Leskovec et al., Mining of Massive
Datasets, ch. 3): texts that agree on all rows of any band share a bucket and become a
candidate pair, which is then confirmed on the exact shingle sets. Bands are stored, so
a text added later is compared with the whole corpus by looking up its own bands only.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache

import numpy as np

from storyreader.search.dedup.arrays import member, unique, unique_pairs
from storyreader.search.ingest.text import words

SHINGLE_WORDS = 5
NUM_PERM = 128
# Bands x rows tuned (datasketch's _optimal_param for threshold 0.5, weighting misses 4:1
# over false candidates): a pair with shingle Jaccard 0.6 becomes a candidate with
# probability 0.985, 0.5 with 0.86. A 0.8 threshold missed most near copies (bench/RESULTS.md),
# hence the low threshold; candidates are confirmed exactly.
NEAR_BANDS = 30
NEAR_ROWS = 4
_SEED = 1
_MASK32 = np.uint64(0xFFFFFFFF)
_MIX = np.uint64(0x9E3779B1)
_BAND_MUL = np.uint64(0x100000001B3)
_PAIR_MUL = np.uint64(0x9E3779B97F4A7C15)
# Characters of an article used for its fingerprints: a long feature article is ~50,000.
FINGERPRINT_MAX_CHARS = 200_000


def word_hashes(text: str) -> np.ndarray:
    return np.fromiter(
        (zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words(text)), dtype=np.uint64
    )


def sample(paragraphs: Sequence[str]) -> list[str]:
    """The text that fingerprints an article: all of it, up to FINGERPRINT_MAX_CHARS.
    Which story a text belongs to shows in its first pages; a 20 MB line would otherwise
    take a gigabyte to fingerprint."""
    out, room = [], FINGERPRINT_MAX_CHARS
    for p in paragraphs:
        if room <= 0:
            break
        out.append(p[:room])
        room -= len(p)
    return out


class TextShingles(Mapping[str, np.ndarray]):
    """Texts' shingles by key, made from their paragraphs when first asked for: the store
    keeps paragraphs only, as shingles took a fifth of it and few texts need theirs."""

    def __init__(self, paragraphs: Mapping[str, list[str]]) -> None:
        self._paragraphs = paragraphs
        self._made: dict[str, np.ndarray] = {}

    def __getitem__(self, key: str) -> np.ndarray:
        if (found := self._made.get(key)) is None:
            found = self._made[key] = shingles(sample(self._paragraphs[key]))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._paragraphs)

    def __len__(self) -> int:
        return len(self._paragraphs)


def shingles(paragraphs: Sequence[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique 32-bit hashes of the text's overlapping word n-grams. Texts shorter
    than one shingle are one shingle of all their words, so they still compare."""
    hv = word_hashes(" ".join(paragraphs))
    if len(hv) == 0:
        return np.zeros(0, dtype=np.uint32)
    if len(hv) < size:
        size = len(hv)
    acc = np.zeros(len(hv) - size + 1, dtype=np.uint64)
    for k in range(size):
        acc = ((acc * _MIX) ^ hv[k : len(hv) - size + 1 + k]) & _MASK32
    return unique(acc.astype(np.uint32))


# datasketch's MinHash under its "affine32" scheme (datasketch >= 2.0), computed here as
# datasketch computes it: importing datasketch loads scipy, the most of an update's fixed
# cost. tests/test_cluster.py holds the two equal.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The permutations h -> a*h + b mod 2^32 (a odd) datasketch draws for this seed."""
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def minhash(shingle_hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (NUM_PERM values) of a set of 32-bit shingle hashes."""
    a, b = _permutations()
    if not len(shingle_hashes):
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    hv = np.asarray(shingle_hashes, dtype=np.uint32).reshape(-1, 1)
    # MurmurHash3's finalizer, datasketch's pre-mix of each input hash
    s1, m1, s2, m2 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s1)
    return (hv * a + b).min(axis=0)


def near_bands(shingle_hashes: np.ndarray) -> np.ndarray:
    """A text's LSH band keys, what is stored of its MinHash signature. A text too short
    for a shingle has no bands (all zero): it is compared as an exact copy only."""
    if not len(shingle_hashes):
        return np.zeros(NEAR_BANDS, dtype=np.uint64)
    return band_keys(minhash(shingle_hashes)[None, :], NEAR_BANDS, NEAR_ROWS)[0]


def band_keys(signatures: np.ndarray, n_bands: int, rows: int) -> np.ndarray:
    """(texts x bands) keys: equal keys in a column mean those texts agree on that band's
    rows."""
    sig = np.asarray(signatures, dtype=np.uint64).reshape(len(signatures), -1)
    banded = sig[:, : n_bands * rows].reshape(len(sig), n_bands, rows)
    acc = np.zeros(banded.shape[:2], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            acc = acc * _BAND_MUL + banded[:, :, r] + np.uint64(1)
    return acc


# Pair codes gathered before duplicates are dropped. Texts that share many keys meet in
# many runs (near copies sharing all 20 rewrite keys meet in 190), so undeduplicated codes
# would grow with the square of the copies.
_COMPACT_CODES = 4_000_000


class _Codes:
    """Pair codes i * n + j (i < j), deduplicated whenever more have come in than were
    kept the last time (so the work stays linear in the codes added)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.kept = np.zeros(0, dtype=np.int64)
        self.pending: list[np.ndarray] = []
        self.size = 0

    def add(self, codes: np.ndarray) -> None:
        self.pending.append(codes)
        self.size += len(codes)
        if self.size > _COMPACT_CODES + 2 * len(self.kept):
            self._compact()

    def _compact(self) -> None:
        self.kept = unique(np.concatenate([self.kept, *self.pending]))
        self.pending, self.size = [], 0

    def add_runs(self, runs: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
        """Every two distinct members of each run."""
        rows, starts, lengths = runs
        # Runs of one length are paired in one vectorised step (a Python step per run is the
        # slowest part of a large build); only the rare long runs go one by one.
        for length in np.unique(lengths[lengths <= _VECTOR_RUN]).tolist():
            i, j = _triu(length)
            at = starts[lengths == length]
            step = max(1, _COMPACT_CODES // len(i))
            for chunk in range(0, len(at), step):
                members = rows[at[chunk : chunk + step, None] + np.arange(length)]
                self._add_pairs(members[:, i].ravel(), members[:, j].ravel())
        for start, length in zip(
            starts[lengths > _VECTOR_RUN].tolist(),
            lengths[lengths > _VECTOR_RUN].tolist(),
            strict=True,
        ):
            members = unique(rows[start : start + length])
            i, j = np.triu_indices(len(members), 1)
            self._add_pairs(members[i], members[j])

    def _add_pairs(self, a: np.ndarray, b: np.ndarray) -> None:
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        keep = lo != hi  # a row met twice in a run (on two of its key pairs)
        self.add(lo[keep].astype(np.int64) * self.n + hi[keep])

    def pairs(self) -> np.ndarray:
        """The unique (i, j) rows."""
        self._compact()
        return np.stack([self.kept // self.n, self.kept % self.n], axis=1)


# Runs up to this long are paired by length, all at once.
_VECTOR_RUN = 64


@lru_cache(maxsize=_VECTOR_RUN + 1)
def _triu(size: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(size, 1)


def _runs(values: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Runs of `rows` whose `values` (one column or several) are equal, as the rows in run
    order with each run's start and length (runs of one left out)."""
    if values.ndim == 1:
        order = np.argsort(values, kind="stable")
        values = values[order]
        change = np.diff(values) != 0
    else:
        order = np.lexsort(values.T[::-1])
        values = values[order]
        change = (np.diff(values, axis=0) != 0).any(axis=1)
    starts = np.concatenate([[0], np.flatnonzero(change) + 1])
    lengths = np.diff(np.concatenate([starts, [len(values)]]))
    keep = lengths > 1
    return rows[order], starts[keep], lengths[keep]


def pairs_within(keys: np.ndarray) -> np.ndarray:
    """Index pairs (i < j) of rows that share a nonzero key in some band, as rows of an
    (m, 2) array."""
    n = len(keys)
    codes = _Codes(n)
    rows = np.arange(n)
    for col in keys.T:
        present = col != 0
        codes.add_runs(_runs(col[present], rows[present]))
    return codes.pairs()


def pairs_between(new: np.ndarray, old: np.ndarray) -> np.ndarray:
    """(i, j) pairs of a row of `new` and a row of `old` that share a nonzero key in some
    band."""
    found: list[np.ndarray] = []
    if len(new) and len(old):
        for band in range(new.shape[1]):
            # The few new keys are looked up in the old column, not the other way round:
            # an update has few new texts against a corpus of many.
            wanted = unique(new[:, band][new[:, band] != 0])
            js = np.flatnonzero(member(old[:, band], wanted))
            if not len(js):
                continue
            for i in range(len(new)):
                key = new[i, band]
                if key != 0 and len(match := js[old[js, band] == key]):
                    found.append(np.stack([np.full(len(match), i), match], axis=1))
    return _unique_rows(found)


def _unique_rows(parts: list[np.ndarray]) -> np.ndarray:
    if not parts:
        return np.zeros((0, 2), dtype=np.int64)
    return unique_pairs(np.concatenate(parts))


def shared_key_pairs(keys: np.ndarray, chunk_entries: int = 4_000_000) -> np.ndarray:
    """Index pairs (i < j) of rows that share at least two nonzero keys.

    Two rows share two keys exactly when they share a *pair* of keys, so every row is
    expanded into the pairs of its keys and rows meeting on a key pair are candidates: exact,
    with no probability of a miss, and worked through in partitions to bound memory."""
    n, width = keys.shape if keys.size else (0, 0)
    if n < 2 or width < 2:
        return np.zeros((0, 2), dtype=np.int64)
    ordered = np.sort(keys.astype(np.uint64), axis=1)
    a_idx, b_idx = np.triu_indices(width, 1)
    parts = max(1, -(-(n * len(a_idx)) // chunk_entries))
    block = max(1, chunk_entries // len(a_idx))
    rows_all = np.arange(n)
    codes = _Codes(n)
    for part in range(parts):
        values, rows = [], []
        for start in range(0, n, block):
            k = ordered[start : start + block]
            left, right = k[:, a_idx], k[:, b_idx]
            with np.errstate(over="ignore"):
                combined = left * _PAIR_MUL ^ right
            ok = (left != 0) & (right != 0) & (combined % np.uint64(parts) == part)
            values.append(np.stack([left[ok], right[ok]], axis=1))
            rows.append(np.broadcast_to(rows_all[start : start + block, None], ok.shape)[ok])
        # Runs of equal key pairs, compared on the keys themselves rather than on a hash of
        # them, so this finds exactly what the row-by-row lookup below finds.
        codes.add_runs(_runs(np.concatenate(values), np.concatenate(rows)))
    return codes.pairs()


def shared_key_pairs_between(new: np.ndarray, old: np.ndarray) -> np.ndarray:
    """(i, j) pairs of a row of `new` and a row of `old` sharing at least two nonzero keys,
    found through a sorted index of the old rows' keys that the new rows hold."""
    found: list[np.ndarray] = []
    if len(new) and len(old):
        new = new.astype(np.uint64)
        flat = old.astype(np.uint64).ravel()
        wanted = unique(new[new != 0])
        # Only the old entries holding one of the new rows' keys matter: found by binary
        # search in those few keys, not by sorting every old key on every update.
        hit = np.flatnonzero(member(flat, wanted))
        flat, owner = flat[hit], hit // old.shape[1]
        order = np.argsort(flat, kind="stable")
        flat, owner = flat[order], owner[order]
        for i, row in enumerate(new):
            keys = unique(row[row != 0])
            if len(keys) < 2:
                continue
            left = np.searchsorted(flat, keys, side="left")
            right = np.searchsorted(flat, keys, side="right")
            hits = np.concatenate([owner[a:b] for a, b in zip(left, right, strict=True)])
            js, counts = np.unique(hits, return_counts=True)
            js = js[counts >= 2]
            if len(js):
                found.append(np.stack([np.full(len(js), i), js], axis=1))
    return _unique_rows(found)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) == 0 or len(b) == 0:
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def containment(small: np.ndarray, large: np.ndarray) -> float:
    """Share of the smaller set found in the larger one."""
    if len(small) > len(large):
        small, large = large, small
    if len(small) == 0:
        return 0.0
    return len(np.intersect1d(small, large, assume_unique=True)) / len(small)
