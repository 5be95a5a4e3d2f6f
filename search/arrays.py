"""Array helpers shared by the hot paths of grouping."""

from __future__ import annotations

import numpy as np


def unique(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted, found by a sort. numpy 2.3 and later answer a plain
    np.unique with a hash table, which is far slower on our data: 12 s against 0.9 s for
    the 12,000,000 pair codes of a 100,000-file build, and 8x slower on a text's few
    hundred shingle hashes."""
    ordered = np.sort(values, axis=None)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def unique_pairs(pairs: np.ndarray) -> np.ndarray:
    """The distinct rows of an (m, 2) array of non-negative integers, in row order: as one
    code per row, where np.unique(axis=0) compares rows as opaque bytes."""
    if not len(pairs):
        return np.zeros((0, 2), dtype=np.int64)
    pairs = pairs.astype(np.int64)
    width = np.int64(pairs[:, 1].max()) + 1
    codes = unique(pairs[:, 0] * width + pairs[:, 1])
    return np.stack([codes // width, codes % width], axis=1)


def member(values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """values ∈ wanted (sorted, unique), elementwise: a binary search in the small side
    (np.isin sorts both sides: 0.08 s for 1,300,000 values against 0.02)."""
    if not len(wanted):
        return np.zeros(values.shape, dtype=bool)
    at = np.minimum(np.searchsorted(wanted, values), len(wanted) - 1)
    return wanted[at] == values
