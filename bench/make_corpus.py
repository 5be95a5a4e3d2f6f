"""Write a synthetic scraped-news corpus (or the BASIL articles in page layouts) with truth.

    python -m bench.make_corpus OUT_DIR --files N --seed S [--truth PATH] [--basil PATH]

Without --basil: N synthetic files (bench.synth.generate_corpus). With --basil: the BASIL
articles rendered into pages (bench.synth.generate_basil_corpus); --files is then ignored
and --copies sets how many files each article is the main article of, on average.
The truth JSON Lines file defaults to OUT_DIR/../<name>.truth.jsonl, outside the corpus.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.synth import LAYOUTS, generate_basil_corpus, generate_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.make_corpus",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--files", type=int, default=1000, help="number of files (synthetic)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--truth", type=Path, default=None, help="truth JSON Lines path")
    parser.add_argument(
        "--basil",
        type=Path,
        default=None,
        help="BASIL articles.jsonl: render those instead of synthetic stories",
    )
    parser.add_argument(
        "--copies",
        type=float,
        default=3.0,
        help="BASIL: mean number of files per article as main article",
    )
    parser.add_argument(
        "--layouts", default=None, help=f"comma-separated subset of {','.join(LAYOUTS)}"
    )
    args = parser.parse_args(argv)
    layouts = args.layouts.split(",") if args.layouts else None
    if layouts and (unknown := set(layouts) - set(LAYOUTS)):
        parser.error(f"unknown layouts: {', '.join(sorted(unknown))}")
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        parser.error(f"{args.out_dir} is not empty; file numbering would mix two corpora")
    if args.basil:
        stats = generate_basil_corpus(
            args.out_dir,
            args.basil,
            args.seed,
            copies=args.copies,
            truth_path=args.truth,
            layouts=layouts or LAYOUTS,
        )
    else:
        if args.files < 1:
            parser.error("--files must be at least 1")

        def progress(done: int) -> None:
            if done % 10_000 == 0:
                print(f"  {done} files...", file=sys.stderr, flush=True)

        stats = generate_corpus(
            args.out_dir,
            args.files,
            args.seed,
            truth_path=args.truth,
            layouts=layouts,
            progress=progress,
        )
    rate = stats.files / stats.seconds if stats.seconds else float("inf")
    print(f"wrote {stats.files} files, {stats.mb:.1f} MB to {stats.out_dir}")
    print(
        f"  {stats.segments} article segments, {stats.articles} distinct articles, "
        f"{stats.stories} stories"
    )
    print(f"  truth: {stats.truth_path}")
    print(
        f"  {stats.seconds:.2f} s: {rate:,.0f} files/s, {stats.mb / max(stats.seconds, 1e-9):.1f}"
        " MB/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
