"""Our array ranking must give exactly Whoosh's scores and order, on an index with several
segments and deleted documents, as incremental updates leave it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bench.synth import generate_corpus
from storyreader.search.storage.index import SearchIndex
from storyreader.search.storage.paths import whoosh_dir
from storyreader.search.storage.ranking import Ranker, supported
from storyreader.search.update.build import build


@pytest.fixture(scope="module")
def updated_index(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("ranking")
    corpus, index_dir = root / "corpus", root / "index"
    generate_corpus(corpus, 300, seed=11)
    build(corpus, index_dir, workers=1)
    # Changed and removed files delete documents from the first segment and add a second.
    files = sorted(p for p in corpus.rglob("*.txt"))
    rng = random.Random(2)
    for path in rng.sample(files, 12):
        path.unlink()
    for path in rng.sample(files, 40):
        if path.exists():
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(" the ", " the very ", 3), encoding="utf-8")
    generate_corpus(root / "more", 30, seed=12)
    (root / "more").rename(corpus / "more")
    build(corpus, index_dir, workers=1)
    return index_dir


def _queries(reader) -> list[str]:
    common = [t.decode() for _, t in reader.most_frequent_terms("body", 40)]
    rare = [t.decode() for _, t in reader.most_frequent_terms("title", 400)][-20:]
    words = [w for w in common + rare if w.isalpha()]
    rng = random.Random(5)
    pairs = [rng.sample(words, 2) for _ in range(15)]
    return (
        words
        + [f"{a} {b}" for a, b in pairs]
        + [f"{a} OR {b}" for a, b in pairs[:8]]
        + [f"({a} OR {b}) {c}" for (a, b), c in zip(pairs[8:], words, strict=False)]
        + [f"{w[:-1]}~" for w in words[:12] if len(w) > 3]
        + [f"title:{w}" for w in rare[:8]]
        + ["zzzqqx", "zzzqqx OR " + words[0], words[0] + " zzzqqx"]
    )


@pytest.mark.slow
def test_array_ranking_equals_whoosh_exhaustive_scoring(updated_index):
    index = SearchIndex(whoosh_dir(updated_index))
    searcher = index._reader()
    assert len(searcher.leaf_searchers()) > 1
    assert any(sub.reader().has_deletions() for sub, _ in searcher.leaf_searchers())
    ranker = Ranker()
    checked = 0
    for text in _queries(searcher.reader()):
        query = index.parse(text)
        assert supported(query), text
        expected = [(h.docnum, h.score) for h in searcher.search(query, limit=None)]
        total, got = ranker.top(searcher, query, None)
        assert total == len(expected), text
        assert got == expected, text
        # A limit cuts the same list, ties at the cut included in document order.
        assert ranker.top(searcher, query, 7) == (total, expected[:7]), text
        checked += bool(expected)
    assert checked > 60
    index.close()


@pytest.mark.slow
@pytest.mark.parametrize("text", ['"city council"', "NOT city", "date:2024", "city^2"])
def test_other_queries_are_left_to_whoosh(updated_index, text):
    index = SearchIndex(whoosh_dir(updated_index))
    query = index.parse(text)
    assert not supported(query)
    assert Ranker().top(index._reader(), query, 10) is None
    # ...and still answer through the index.
    index.search(query, limit=10)
    index.close()
