"""Grouping accuracy end to end: corpora with ground truth, built and scored as the
benchmark does (bench/quality.py), at a size that runs in seconds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.quality import MISS_REASONS, ecbplus_quality, score
from bench.synth import generate_basil_corpus, generate_corpus
from storyreader.search.query import Library
from storyreader.search.update.build import build

pytestmark = pytest.mark.slow


def _stories(index_dir: Path) -> list[dict]:
    with Library(index_dir) as lib:
        return [
            {
                "id": s.id,
                "occurrences": [
                    {"path": o.path, "start_line": o.start_line, "end_line": o.end_line}
                    for o in s.occurrences
                ],
            }
            for s in (lib.story(r.id) for r in lib.stories())
        ]


def _truth(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> dict[str, float]:
    root = tmp_path_factory.mktemp("synthetic")
    generate_corpus(root / "corpus", 400, seed=11, truth_path=root / "truth.jsonl")
    build(root / "corpus", root / "index", workers=2)
    return score(_truth(root / "truth.jsonl"), _stories(root / "index"))


@pytest.fixture(scope="module")
def basil_scores(basil, tmp_path_factory) -> dict[str, float]:
    root = tmp_path_factory.mktemp("basil")
    generate_basil_corpus(root / "corpus", basil, seed=3, truth_path=root / "truth.jsonl")
    build(root / "corpus", root / "index", workers=2)
    return score(_truth(root / "truth.jsonl"), _stories(root / "index"))


def test_generated_corpus_is_split_and_copies_are_found(synthetic):
    assert synthetic["segmentation_f1"] >= 0.99
    assert synthetic["copy_recall"] >= 0.99


def test_basil_rewrites_are_grouped_precisely(basil_scores):
    assert basil_scores["segmentation_f1"] >= 0.99
    assert basil_scores["copy_recall"] >= 0.99
    assert basil_scores["rewrite_recall"] >= 0.8
    assert basil_scores["pairwise_precision"] >= 0.97


def _topics(ecbplus: Path, topics: set[int], out: Path) -> Path:
    lines = ecbplus.read_text(encoding="utf-8").splitlines()
    out.write_text(
        "\n".join(line for line in lines if json.loads(line)["topic"] in topics) + "\n",
        encoding="utf-8",
    )
    return out


def test_ecbplus_measure_explains_every_missed_pair(ecbplus, tmp_path):
    """Two topics of real events (two celebrities into rehab; two coaches fired), one
    article per file: every same-event pair left apart has exactly one reason, and the
    two celebrities' stories are never merged."""
    both = ecbplus_quality(_topics(ecbplus, {1, 5}, tmp_path / "both.jsonl"), tmp_path / "both")
    rehab = ecbplus_quality(_topics(ecbplus, {1}, tmp_path / "one.jsonl"), tmp_path / "one")
    assert both["events"] == 4
    assert both["articles_one_text"] == both["articles"]
    assert sum(both[f"missed: {r}"] for r in MISS_REASONS) == both["same_event_pairs_missed"]
    assert both["hard_negative_merges"] <= both["pairs_merged_wrongly"]
    assert 0.0 < both["pair_recall"] < 1.0
    assert rehab["hard_negative_merges"] == 0
    # Scored alone, a higher cut-off keeps fewer same-event pairs.
    assert both["pair score >= 0.50: recall"] <= both["pair score >= 0.25: recall"]
    # Group-level average link over the same score: a higher cut-off joins fewer pairs.
    low, high = (both[f"average link >= {t:.2f}: pair recall"] for t in (0.12, 0.17))
    assert 0.0 < high <= low <= 1.0
    assert 0.0 < both["average link >= 0.15: bcubed_f1"] <= 1.0
