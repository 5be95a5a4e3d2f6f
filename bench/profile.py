"""Where a first build, an update and a re-index with nothing to do spend their time:
`python -m bench --profile`.

Both run in this process under cProfile with one worker (a pool's work would not show),
on the real-text corpus (bench/realtext.py) by default; the top functions by their own
time and by cumulative time are printed for each.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from bench import speed

TOP = 25


def _profiled(label: str, func: Callable[[], object]) -> None:
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    func()
    profiler.disable()
    seconds = time.perf_counter() - started
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(TOP)
        body = out.getvalue()
        # pstats starts with its own totals; the table from its header on is what counts.
        table = body[body.find("   ncalls") :]
        print(
            f"\n## {label}: {seconds:.1f} s under the profiler, top {TOP} by {order}\n", flush=True
        )
        print(table.rstrip(), flush=True)


def profile(n_files: int, work: Path, real: bool = True, seed: int = 1) -> None:
    from storyreader.search.update.build import build

    corpus, _ = speed.make_corpus(work, n_files, seed, real)
    run_dir = work / f"profile-{'real-' if real else ''}{n_files}"
    shutil.rmtree(run_dir, ignore_errors=True)
    live = run_dir / "corpus"
    shutil.copytree(corpus, live)
    index_dir = run_dir / "index"
    kind = "real-text" if real else "generated"
    _profiled(
        f"first build, {n_files:,} {kind} files",
        lambda: build(live, index_dir, workers=1, index_procs=1),
    )
    speed.mutate(live, seed)
    _profiled(
        f"update, 10 files changed and 10 added, of {n_files:,} {kind} files",
        lambda: build(live, index_dir, workers=1, index_procs=1),
    )
    _profiled(
        f"re-index, nothing changed, of {n_files:,} {kind} files",
        lambda: build(live, index_dir, workers=1, index_procs=1),
    )
