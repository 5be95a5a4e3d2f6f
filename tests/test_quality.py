"""Grouping accuracy end to end: corpora with ground truth, built and scored as the
benchmark does (bench/quality.py), at a size that runs in seconds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.quality import score
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
