"""Grouping accuracy: `storyreader stories --format json` scored against ground truth.

    python -m bench.quality TRUTH.jsonl STORIES.jsonl

Segmentation precision/recall/F1 (a predicted segment matches a true one when its start and
end are within BOUNDARY_TOLERANCE lines), copy recall (segments of one article, exact or
near copies, that end in one story), rewrite recall (segments of one story but different
articles that end in one story), pairwise precision (segment pairs in one story that truly
belong together) and B-cubed precision/recall/F1 against the true story ids. Pair counts
come from contingency tables, so an article found in 200 files costs nothing extra.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

BOUNDARY_TOLERANCE = 2


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _root(record: dict, by_id: dict[str, dict]) -> str:
    """The article a near copy was made from (copies of copies followed to the source)."""
    seen = set()
    article = record["article_id"]
    while (parent := by_id.get(article, {}).get("copy_of")) and parent not in seen:
        seen.add(article)
        article = parent
    return article


def match_segments(truth: list[dict], predicted: list[tuple[str, int, int, str]]) -> dict[int, str]:
    """True segment index → predicted story id, for boundaries within the tolerance."""
    by_path: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(truth):
        by_path[t["path"]].append(i)
    matched: dict[int, str] = {}
    for path, start, end, story in predicted:
        for i in by_path.get(path, ()):
            t = truth[i]
            if (
                i not in matched
                and abs(t["start_line"] - start) <= BOUNDARY_TOLERANCE
                and abs(t["end_line"] - end) <= BOUNDARY_TOLERANCE
            ):
                matched[i] = story
                break
    return matched


def score(truth: list[dict], stories: Iterable[dict]) -> dict[str, float]:
    predicted = [
        (o["path"], o["start_line"], o["end_line"], s["id"])
        for s in stories
        for o in s["occurrences"]
    ]
    matched = match_segments(truth, predicted)
    seg_p = len(matched) / len(predicted) if predicted else 0.0
    seg_r = len(matched) / len(truth) if truth else 0.0
    by_id = {t["article_id"]: t for t in truth}

    cluster = Counter()  # predicted story → segments
    story = Counter()  # true story → segments
    root = Counter()  # true article (copies folded) → segments
    cell_story = Counter()  # (predicted, true story)
    cell_root = Counter()  # (predicted, true article)
    for i, pred in matched.items():
        t = truth[i]
        r = _root(t, by_id)
        cluster[pred] += 1
        story[t["story_id"]] += 1
        root[r] += 1
        cell_story[(pred, t["story_id"])] += 1
        cell_root[(pred, r)] += 1

    same_pred = sum(_pairs(n) for n in cluster.values())
    same_pred_true = sum(_pairs(n) for n in cell_story.values())
    copies = sum(_pairs(n) for n in root.values())
    copies_together = sum(_pairs(n) for n in cell_root.values())
    rewrites = sum(_pairs(n) for n in story.values()) - copies
    rewrites_together = same_pred_true - copies_together

    n = len(matched)
    b3_p = sum(c * c / cluster[p] for (p, _), c in cell_story.items()) / n if n else 0.0
    b3_r = sum(c * c / story[s] for (_, s), c in cell_story.items()) / n if n else 0.0
    return {
        "segments_true": len(truth),
        "segments_predicted": len(predicted),
        "segmentation_precision": seg_p,
        "segmentation_recall": seg_r,
        "segmentation_f1": _f1(seg_p, seg_r),
        "stories_true": len({t["story_id"] for t in truth}),
        "stories_predicted": len({p[3] for p in predicted}),
        "copy_recall": copies_together / copies if copies else 1.0,
        "rewrite_recall": rewrites_together / rewrites if rewrites else 1.0,
        "pairwise_precision": same_pred_true / same_pred if same_pred else 1.0,
        "bcubed_precision": b3_p,
        "bcubed_recall": b3_r,
        "bcubed_f1": _f1(b3_p, b3_r),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("truth", type=Path)
    parser.add_argument("stories", type=Path)
    args = parser.parse_args(argv)
    for name, value in score(read_jsonl(args.truth), read_jsonl(args.stories)).items():
        print(f"{name:24} {value:.4f}" if isinstance(value, float) else f"{name:24} {value}")


if __name__ == "__main__":
    main()
