"""Freed memory goes back to the system, on the allocation patterns a build has: arrays of
a few MB freed after a larger one, small blocks freed around a few kept. Each case runs in
a fresh interpreter, since the allocator's settings last for the life of a process."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from storyreader.search.storage import memory

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or platform.libc_ver()[0] != "glibc",
    reason="the allocator calls exist on glibc only",
)

_RESIDENT_MB = """
import os
def resident_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
"""

# A 30 MB array freed raises glibc's moving mmap threshold past 9 MB; twenty 9 MB arrays
# then land in the heap, each followed by a small block that stays and pins it there.
_ARRAYS = (
    _RESIDENT_MB
    + """
import sys
import numpy as np
from storyreader.search.storage import memory
if sys.argv[1] == "fixed":
    assert memory.release_large_blocks()
big = np.ones(30 * 2**20 // 8)
del big
before = resident_mb()
blocks, pins = [], []
for _ in range(20):
    blocks.append(np.ones(9 * 2**20 // 8))
    pins.append(np.ones(1000))
del blocks
print(resident_mb() - before)
"""
)

_SMALL = (
    _RESIDENT_MB
    + """
import sys
from storyreader.search.storage import memory
before = resident_mb()
blocks = [bytes(1000 + i % 7) for i in range(200_000)]
kept = blocks[::500]
del blocks
if sys.argv[1] == "trim":
    assert memory.trim()
print(resident_mb() - before)
"""
)


def _kept_mb(code: str, mode: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code, mode], capture_output=True, text=True, check=True
    )
    return float(out.stdout)


def test_large_blocks_are_returned_once_the_threshold_is_fixed():
    assert _kept_mb(_ARRAYS, "moving") > 150  # what glibc keeps on its own
    assert _kept_mb(_ARRAYS, "fixed") < 20


def test_trim_returns_the_free_pages_of_the_heap():
    assert _kept_mb(_SMALL, "keep") > 100
    assert _kept_mb(_SMALL, "trim") < 20


def test_calls_are_idempotent():
    assert memory.release_large_blocks()
    assert memory.release_large_blocks()
    assert isinstance(memory.trim(), bool)
