"""Run every benchmark and write bench/RESULTS.md.

    python -m bench                       # 10,000 and 100,000 files (the full run, by hand)
    python -m bench --files 100 --quick   # the smoke run the tests do
    python -m bench --real --files 5000   # real text in fuzzed layouts (bench/realtext.py)
    python -m bench --profile [--files N] # profile a build, an update, a re-index (real text)

Speed and memory come from bench/speed.py (each figure beside its baseline, measured in
the same run), grouping accuracy from bench/quality.py on the generated corpora and on a
corpus rendered from the real BASIL rewrites when ../shared/basil is present.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
from pathlib import Path

import psutil

from bench import speed

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "basil" / "articles.jsonl"
TARGETS = {
    "segmentation_f1": 0.99,
    "copy_recall": 0.99,
    "pairwise_precision": 0.97,
}


def machine() -> str:
    mem = psutil.virtual_memory().total / 2**30
    return (
        f"{os.cpu_count()} cores, {mem:.0f} GiB RAM, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}"
    )


def basil_quality(work: Path) -> dict[str, float] | None:
    if not BASIL.is_file():
        return None
    from bench.synth import generate_basil_corpus
    from storyreader.search.query import Library
    from storyreader.search.update.build import build

    root = work / "basil"
    shutil.rmtree(root, ignore_errors=True)
    generate_basil_corpus(root / "corpus", BASIL, seed=3, truth_path=root / "truth.jsonl")
    build(root / "corpus", root / "index")
    with Library(root / "index") as lib:
        return speed.score_index(lib, root / "truth.jsonl")


def quality_rows(name: str, q: dict[str, float], rewrite_target: float | None) -> list[str]:
    def mark(key: str, value: float) -> str:
        target = TARGETS.get(key) if key != "rewrite_recall" else rewrite_target
        if target is None:
            return f"{value:.4f}"
        return f"{value:.4f} ({'meets' if value >= target else 'below'} {target})"

    keys = [
        "segmentation_precision",
        "segmentation_recall",
        "segmentation_f1",
        "copy_recall",
        "rewrite_recall",
        "pairwise_precision",
        "bcubed_precision",
        "bcubed_recall",
        "bcubed_f1",
    ]
    return [
        f"| {name} | {q['segments_true']:,} | {q['stories_true']:,} / {q['stories_predicted']:,} | "
        + " | ".join(mark(k, q[k]) for k in keys)
        + " |"
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="storyreader benchmarks")
    parser.add_argument(
        "--files", type=int, action="append", help="corpus sizes (default 10000 and 100000)"
    )
    parser.add_argument("--work", type=Path, default=speed.DEFAULT_WORK)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: one update, no naive baseline or BASIL, no RESULTS.md",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument(
        "--real",
        action="store_true",
        help="the real-text family (default 5,000 files): figures printed, RESULTS.md untouched",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile a first build, an update and a re-index with nothing changed of the real-text corpus (default 5,000 files)",
    )
    args = parser.parse_args(argv)
    if args.profile:
        from bench.profile import profile

        for n in args.files or [5_000]:
            profile(n, args.work)
        return
    if args.real:
        for n in args.files or [5_000]:
            fig = speed.measure(
                n,
                args.work,
                naive=not args.quick,
                real=True,
                updates=1 if args.quick else speed.INCREMENTAL_RUNS,
            )
            print("\n".join(speed.report(fig)))
            print("\n".join(quality_rows(f"real text, {fig.files:,} files", fig.quality, None)))
        return
    sizes = args.files or [10_000, 100_000]
    lines = [
        "# storyreader benchmark results",
        "",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}.",
        "Generated with `python -m bench`; every figure is beside a baseline measured in the same run.",
        "",
        "## Speed and memory",
        "",
    ]
    figures = []
    for n in sizes:
        # The smoke run needs every figure once, not the median of several updates.
        fig = speed.measure(
            n, args.work, naive=not args.quick, updates=1 if args.quick else speed.INCREMENTAL_RUNS
        )
        figures.append(fig)
        lines += speed.report(fig)
        print("\n".join(speed.report(fig)), flush=True)
    lines += [
        "## Grouping accuracy",
        "",
        "Scored by `bench/quality.py` against the generator's ground truth (a boundary counts "
        "within 2 lines).",
        "",
        "| corpus | segments | stories true / found | seg. P | seg. R | seg. F1 | copy recall | "
        "rewrite recall | pairwise P | B³ P | B³ R | B³ F1 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for fig in figures:
        lines += quality_rows(f"generated, {fig.files:,} files", fig.quality, None)
    # The smoke run leaves BASIL to tests/test_quality.py, which scores the same corpus.
    basil = None if args.quick else basil_quality(args.work)
    if basil is not None:
        lines += quality_rows("BASIL rewrites (300 real articles, 100 events)", basil, 0.8)
    lines.append("")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.quick:
        args.out.write_text(text)
        print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
