"""Giving freed memory back to the system while a build runs.

A build works in waves of large numpy arrays (candidate pairs, tables of features) and
millions of small objects. glibc's allocator keeps what they free: it raises its mmap
threshold after each large block is freed, up to 32 MB, so later arrays land in the heap,
where a single live block pins the pages around it. At 100,000 files the build process
kept ~600 MB it no longer used after finding edges, and Whoosh's writers, forked from it
at the end, pushed the build's peak past 1.3 GB on top of that.

Elsewhere than glibc (macOS, musl) these calls do nothing; their allocators behave
differently and the build is measured on glibc.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import platform
import sys

# Blocks of this size or more get their own mapping, returned to the system when freed;
# smaller thresholds pay a page fault for every fresh page of every mid-sized array (the
# trade-off measured is in bench/RESULTS.md).
MMAP_THRESHOLD_BYTES = 8 * 1024 * 1024
_M_MMAP_THRESHOLD = -3  # from glibc's malloc.h


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    if sys.platform != "linux" or platform.libc_ver()[0] != "glibc":
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    if not (hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim")):
        return None
    return libc


def release_large_blocks() -> bool:
    """Fix the mmap threshold, so that large blocks always go back to the system when
    freed. Whether the allocator took it."""
    libc = _glibc()
    return bool(libc and libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))


def trim() -> bool:
    """Hand the free pages of the heap back to the system (a few ms). Whether any were."""
    libc = _glibc()
    return bool(libc and libc.malloc_trim(0))
