"""A corpus of real news text in fuzzed page layouts, at any number of files.

    python -m bench.realtext OUT_DIR --files 5000 [--seed S]

The articles of `../shared/ecbplus-dev`, `../shared/basil` and `../shared/realweb` (the
marked article bodies), rendered by the page layouts of bench/fuzz_layouts.py, several
articles to a file. Scrapes hold mostly copies: each article written is an exact copy of
a text already written with probability EXACT_SHARE (most often as the site that first
printed it printed it: the same page scraped again), else a near copy (a number changed,
the last paragraph dropped or cut short, a paragraph of its story added) or, while some
are left, an article not written yet. Generated at run time into a work folder (the texts
are not ours to commit); truth as in fuzz_layouts, one JSON line per article written.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from bench.fuzz_layouts import FAMILIES, SHARED, SOURCES, Source, _Page, _render, draw_layout, load

REALWEB = SHARED / "realweb" / "gold.jsonl"
# Share of the articles written that are exact copies of one written before (92% in the
# real scrape issue 19 measured).
EXACT_SHARE = 0.9
# Share of the copies printed by the site that printed the article first, as it printed
# it (a page scraped again); the others are another site's rendering (syndication).
SAME_SITE = 0.8
# Articles in a file: 1-4, about two on average.
PER_FILE = (1, 1, 2, 2, 3, 4)
# Sites (each with its own layout) per thousand files, at least 24.
SITES_PER_1000 = 12
_NUMBER = re.compile(r"\d+")
_FIRST_SENTENCE = re.compile(r"^(.{20,140}?[.!?])\s")


def available() -> bool:
    return all(p.is_file() for p in (*SOURCES.values(), REALWEB))


def load_realweb(path: Path = REALWEB) -> list[Source]:
    """The marked article bodies; their first sentence stands as the headline (the gold
    has none), each page is a story of its own."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        paragraphs = tuple(
            " ".join(p.split()) for p in row["article_body"].split("\n") if p.strip()
        )
        if len(paragraphs) < 2:
            continue
        m = _FIRST_SENTENCE.match(paragraphs[0] + " ")
        title = (m.group(1) if m else " ".join(paragraphs[0].split()[:10])).rstrip(".")
        out.append(Source(f"realweb-{row['file']}", f"realweb-{row['file']}", title, paragraphs))
    return out


def articles() -> list[Source]:
    return [*load("ecbplus"), *load("basil"), *load_realweb()]


def near_copy(art: Source, story: list[Source], rng: random.Random, n: int) -> Source:
    """`art` as another site or a later edit printed it: a number changed, the last
    paragraph dropped or cut short, or a paragraph of another article of its story added."""
    paras = list(art.paragraphs)
    kind = rng.randrange(4)
    if kind == 0 and any(_NUMBER.search(p) for p in paras):
        i = rng.choice([i for i, p in enumerate(paras) if _NUMBER.search(p)])
        paras[i] = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), paras[i], 1)
    elif kind == 1 and len(paras) > 2:
        paras.pop()
    elif kind == 2 and len(paras[-1].split()) > 12:
        words = paras[-1].split()
        paras[-1] = " ".join(words[: len(words) * 2 // 3]) + " …"
    else:
        donors = [p for other in story if other is not art for p in other.paragraphs] or paras
        paras.insert(rng.randrange(1, len(paras) + 1), rng.choice(donors))
    return Source(f"{art.article_id}~{n}", art.story_id, art.title, tuple(paras))


def generate(
    out_dir: Path,
    n_files: int,
    seed: int = 0,
    truth_path: Path | None = None,
    stories: int | None = None,
) -> Path:
    """Write `n_files` pages and their truth; returns the truth path. `stories` keeps the
    articles of that many real stories only, so that a small corpus is mostly copies too."""
    rng = random.Random(f"realtext-{seed}")
    originals = articles()
    rng.shuffle(originals)
    by_story: dict[str, list[Source]] = {}
    for a in originals:
        by_story.setdefault(a.story_id, []).append(a)
    if stories is not None:
        kept = set(list(by_story)[:stories])
        originals = [a for a in originals if a.story_id in kept]
        by_story = {s: arts for s, arts in by_story.items() if s in kept}
    sites = max(24, n_files * SITES_PER_1000 // 1000)
    layouts = [draw_layout(rng, tuple(FAMILIES)) for _ in range(sites)]
    per_file = sum(PER_FILE) / len(PER_FILE)
    # New articles come in evenly over the corpus, so every size holds them all.
    fresh_share = min(1.0, len(originals) / max(1.0, n_files * per_file))
    # Of the rest, exact copies make EXACT_SHARE of all articles written.
    exact_share = min(1.0, EXACT_SHARE / max(1e-9, 1 - fresh_share))
    written: list[Source] = []
    pending = list(originals)
    out_dir.mkdir(parents=True, exist_ok=True)
    truth = truth_path or out_dir.parent / f"{out_dir.name}.truth.jsonl"
    near = 0
    # Each article's rendering per site, and the site that first printed it.
    blocks: dict[tuple[str, int], tuple[list[str], str | None]] = {}
    sites_of: dict[str, int] = {}
    with open(truth, "w", encoding="utf-8") as log:
        for n in range(n_files):
            group: list[Source] = []
            for _ in range(rng.choice(PER_FILE)):
                if pending and (not written or rng.random() < fresh_share):
                    art = pending.pop()
                elif rng.random() < exact_share:
                    art = rng.choice(written)
                else:
                    base = rng.choice(originals)
                    near += 1
                    art = near_copy(base, by_story[base.story_id], rng, near)
                if all(a.article_id != art.article_id for a in group):
                    group.append(art)
                    written.append(art)
            # A copy is most often the same page scraped again: its site's block as it was.
            again = [sites_of[a.article_id] for a in group if a.article_id in sites_of]
            site = again[0] if again and rng.random() < SAME_SITE else rng.randrange(sites)
            lay = layouts[site]
            page = _Page()
            path = f"site{site:03d}/{n // 1000:03d}/{n:06d}.txt"
            placed = []
            for i, art in enumerate(group):
                if i:
                    page.add(*[""] * int(lay["separator"]))
                start = len(page.lines) + 1
                if (art.article_id, site) not in blocks:
                    block = _Page()
                    headline = _render(block, art, lay, rng, originals)
                    blocks[(art.article_id, site)] = (block.lines, headline)
                    sites_of.setdefault(art.article_id, site)
                lines, headline = blocks[(art.article_id, site)]
                page.add(*lines)
                placed.append((art, start, len(page.lines), headline))
            target = out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(page.lines) + "\n", encoding="utf-8")
            for art, start, end, headline in placed:
                record = {
                    "path": path,
                    "start_line": start,
                    "end_line": end,
                    "article_id": art.article_id,
                    "story_id": art.story_id,
                    "title": headline or art.title,
                }
                log.write(json.dumps(record) + "\n")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.realtext", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(generate(args.out_dir, args.files, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
