"""The array helpers against numpy's own answers, on the shapes and values grouping gives
them: hash keys with zeros for padding, columns cut out of matrices."""

from __future__ import annotations

import numpy as np
import pytest

from storyreader.search.dedup.arrays import member, unique, unique_pairs


@pytest.mark.parametrize("n_wanted", [0, 1, 50, 3_000, 100_000])
def test_member_is_isin(n_wanted):
    rng = np.random.default_rng(n_wanted)
    keys = rng.integers(1, 2**64 - 1, size=(20_000, 12), dtype=np.uint64)
    keys[:, 9:] = 0
    # Wanted keys: some present, some absent, some sharing every low bit with a present key
    # (the table of low bits must not answer for them), and zero.
    present = rng.choice(keys[:, :9].ravel(), n_wanted // 2)
    absent = rng.integers(1, 2**64 - 1, size=n_wanted // 4, dtype=np.uint64)
    lookalike = present[: n_wanted // 4] ^ np.uint64(1 << 40)
    wanted = np.unique(np.concatenate([present, absent, lookalike, [0] * (n_wanted > 0)]))
    wanted = wanted.astype(np.uint64)
    got = member(keys, wanted)
    assert got.shape == keys.shape
    assert np.array_equal(got, np.isin(keys, wanted))
    column = keys[:, 3]  # not contiguous
    assert np.array_equal(member(column, wanted), np.isin(column, wanted))


def test_unique_and_unique_pairs_are_numpys():
    rng = np.random.default_rng(1)
    values = rng.integers(0, 1_000, size=5_000, dtype=np.uint64)
    assert np.array_equal(unique(values), np.unique(values))
    pairs = rng.integers(0, 300, size=(5_000, 2))
    assert np.array_equal(unique_pairs(pairs), np.unique(pairs, axis=0))
