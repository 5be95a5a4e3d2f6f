"""An incremental update must give exactly what a full rebuild gives, and an unchanged
corpus must cost almost nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storyreader.search.query import Library
from storyreader.search.update.build import build
from tests.texts import (
    LATER,
    OTHER,
    PARAS_A,
    PARAS_B,
    PARAS_C,
    REWRITE,
    STORY,
    TITLE_A,
    TITLE_B,
    TITLE_C,
)

ARTICLES = {
    "flood": ("Kelmarsh levees hold as Tarrow reaches forty-year high", STORY, "14 April 2024"),
    "flood-rw": ("Kelmarsh residents evacuated as river climbs", REWRITE, "15 April 2024"),
    "flood-later": ("Kelmarsh evacuated again as Tarrow floods", LATER, "20 November 2024"),
    "budget": ("Ostland parliament passes budget", OTHER, "14 April 2024"),
    "ferry": (TITLE_A, PARAS_A, "12 March 2024"),
    "drought": (TITLE_B, PARAS_B, "2 August 2024"),
    "rates": (TITLE_C, PARAS_C, "5 September 2024"),
}


def page(*names: str, stamp: str | None = None, drop: int | None = None) -> str:
    blocks = []
    for name in names:
        title, paras, date = ARTICLES[name]
        paras = [p for i, p in enumerate(paras) if i != drop]
        blocks.append(
            "\n".join([title, "", f"Updated {stamp or date}", "Follow", "", title, "", *paras])
        )
    return "\n\n\n".join(blocks) + "\n"


def snapshot(index_dir: Path) -> list:
    with Library(index_dir) as lib:
        stories = [lib.story(r.id) for r in lib.stories(sort="title")]
        hits = sorted(
            h.row.id for h in lib.search("Kelmarsh OR Ostland OR Nordvik", limit=None).hits
        )
    return [
        [
            s.id,
            s.title,
            s.date,
            s.sources,
            s.digest,
            [
                (o.path, o.start_line, o.end_line, o.relation.value, o.similarity)
                for o in s.occurrences
            ],
        ]
        for s in stories
    ] + [hits]


def make_corpus(root: Path) -> None:
    root.mkdir()
    (root / "site").mkdir()
    (root / "a.txt").write_text(page("flood", "budget"))
    (root / "b.txt").write_text(page("flood", "ferry", stamp="3 min ago"))
    (root / "c.txt").write_text(page("flood-rw"))
    (root / "site" / "d.txt").write_text(page("drought", "rates"))
    (root / "site" / "e.txt").write_text(page("flood-later", "budget", drop=1))


def touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


# With two workers an update reads its files in a worker started before the walk (here
# whatever the size of the corpus).
@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_incremental_equals_full_rebuild(tmp_path, workers, monkeypatch):
    from storyreader.search.update import pool

    monkeypatch.setattr(pool, "WARM_MIN_FILES", 0)
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    inc = tmp_path / "inc"
    build(corpus, inc, workers=workers)

    # change a file (a near copy of the flood story now), add one, remove one
    (corpus / "b.txt").write_text(page("flood", "ferry", drop=2))
    touch_later(corpus / "b.txt")
    (corpus / "site" / "f.txt").write_text(page("rates", "flood-rw", "drought"))
    (corpus / "site" / "d.txt").unlink()
    report = build(corpus, inc, workers=workers)
    assert (report.files_changed, report.files_removed) == (2, 1)

    full = tmp_path / "full"
    build(corpus, full, workers=1)
    assert snapshot(inc) == snapshot(full)

    # and back again: remove the rewrite, which splits nothing but drops occurrences
    (corpus / "c.txt").unlink()
    shutil.move(corpus / "site" / "f.txt", corpus / "g.txt")
    build(corpus, inc, workers=workers)
    shutil.rmtree(full)
    build(corpus, full, workers=1)
    assert snapshot(inc) == snapshot(full)


def test_unchanged_corpus_does_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    build(corpus, tmp_path / "ix", workers=1)
    report = build(corpus, tmp_path / "ix", workers=1)
    assert report.unchanged
    assert report.stories_updated == 0
    # Touching a file without changing it re-reads it but changes nothing else.
    touch_later(corpus / "a.txt")
    report = build(corpus, tmp_path / "ix", workers=1)
    assert report.unchanged


def test_an_unchanged_corpus_is_checked_without_loading_whoosh_or_numpy(tmp_path):
    """An update with nothing to do is a walk and a look at the store: the stages that
    read, link, group and index (and their imports) are left alone."""
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    ix = tmp_path / "ix"
    build(corpus, ix, workers=1)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from storyreader.search import build\n"
        f"report = build(Path({str(corpus)!r}), Path({str(ix)!r}), workers=1)\n"
        "assert report.unchanged, report\n"
        "print(sorted(m for m in ('whoosh', 'numpy', 'datasketch') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_search_index_changed_behind_the_builds_back_is_repaired(tmp_path):
    """Whoosh is not opened when its files are as the last build left them; when they are
    not (here: deleted, then replaced by an empty index), it is counted and repaired."""
    from storyreader.search.storage.index import SearchIndex
    from storyreader.search.storage.paths import whoosh_dir

    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    ix = tmp_path / "ix"
    build(corpus, ix, workers=1)
    expected = snapshot(ix)
    shutil.rmtree(whoosh_dir(ix))
    assert build(corpus, ix, workers=1).unchanged
    assert snapshot(ix) == expected
    SearchIndex(whoosh_dir(ix)).reset()
    SearchIndex(whoosh_dir(ix)).apply([], [], 0)
    build(corpus, ix, workers=1)
    assert snapshot(ix) == expected


@pytest.mark.slow
def test_pool_and_single_process_agree(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = list(ARTICLES)
    for i in range(80):
        picks = [names[(i + k) % len(names)] for k in range(1 + i % 3)]
        (corpus / f"{i:03d}.txt").write_text(
            page(*picks, stamp=None if i % 2 else "1 min ago", drop=i % 4 or None)
        )
    build(corpus, tmp_path / "one", workers=1)
    build(corpus, tmp_path / "two", workers=2)
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


@pytest.mark.slow
def test_incremental_equals_full_rebuild_on_a_generated_corpus(tmp_path, monkeypatch):
    """Many updates, rewrites joined in big components, and Whoosh segments merged along
    the way: still exactly what a full build of the final corpus gives."""
    from bench.speed import mutate
    from bench.synth import generate_corpus
    from storyreader.search.storage import index
    from storyreader.search.storage.paths import whoosh_dir

    # Merge after every third update, not the tenth, so that this test sees merges.
    monkeypatch.setattr(index, "SMALL_SEGMENTS_KEPT", 2)
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 400, seed=21)
    inc = tmp_path / "inc"
    build(corpus, inc, workers=1)
    for seed in range(5):
        mutate(corpus, seed, changed=6, added=4)
        build(corpus, inc, workers=1)
    segments = sorted(whoosh_dir(inc).glob("*.seg"))
    assert len(segments) <= 4, segments  # the build's one, a merged one, at most two new
    full = tmp_path / "full"
    build(corpus, full, workers=1)
    assert snapshot(inc) == snapshot(full)
    assert stored_texts_and_edges(inc) == stored_texts_and_edges(full)


def stored_texts_and_edges(index_dir: Path) -> tuple[list, list]:
    """The texts and edges kept: an update must leave no text without an article."""
    from storyreader.search.storage.paths import store_path
    from storyreader.search.storage.store import Store

    store = Store.open(store_path(index_dir), readonly=True)
    texts = store.db.execute("SELECT key FROM text_keys ORDER BY key").fetchall()
    edges = store.db.execute("SELECT a, b, kind, sim FROM edges ORDER BY a, b, kind").fetchall()
    store.close()
    return texts, edges


def test_a_file_turned_into_a_link_leaves_its_stories(tmp_path):
    """A file replaced by a symbolic link is skipped, not read: what it held goes from the
    stories as it would from a fresh build."""
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    inc = tmp_path / "inc"
    build(corpus, inc, workers=1)
    (corpus / "c.txt").unlink()
    (corpus / "c.txt").symlink_to(corpus / "a.txt")
    report = build(corpus, inc, workers=1)
    assert [s.path for s in report.skipped] == ["c.txt"]
    build(corpus, tmp_path / "full", workers=1)
    assert snapshot(inc) == snapshot(tmp_path / "full")
    with Library(inc) as lib:
        assert all(o.path != "c.txt" for r in lib.stories() for o in lib.story(r.id).occurrences)


@pytest.mark.slow
def test_hub_terms_follow_additions_and_removals(tmp_path, monkeypatch):
    """Updates count only the terms that can have changed hub status; with a low hub bar
    terms become hubs and stop being hubs as files come and go, and the result is still
    what a full build gives."""
    import random

    from bench.speed import mutate
    from bench.synth import generate_corpus
    from storyreader.search.dedup import rewrite
    from storyreader.search.storage.store import Store

    monkeypatch.setattr(rewrite, "HUB_TEXTS", 6)
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 200, seed=5)
    inc = tmp_path / "inc"
    build(corpus, inc, workers=1)
    rng = random.Random(3)
    seen = []
    for seed in range(4):
        mutate(corpus, seed, changed=4, added=8)
        for f in rng.sample(sorted(corpus.rglob("*.txt")), 15):
            f.unlink()
        build(corpus, inc, workers=1)
        store = Store.open(inc / "store.sqlite")
        seen.append(store.meta("hub_terms"))
        store.close()
    assert len(set(seen)) > 1  # the hubs did change along the way
    full = tmp_path / "full"
    build(corpus, full, workers=1)
    assert snapshot(inc) == snapshot(full)
    assert stored_texts_and_edges(inc) == stored_texts_and_edges(full)


def _hubs_grown(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """An index updated while terms only became hubs, and a full build of the end state."""
    import json

    from bench.speed import mutate
    from bench.synth import generate_corpus
    from storyreader.search.dedup import rewrite
    from storyreader.search.storage.store import Store

    monkeypatch.setattr(rewrite, "HUB_TEXTS", 6)
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 200, seed=9)
    inc = tmp_path / "inc"
    build(corpus, inc, workers=1)

    def hubs() -> set[str]:
        store = Store.open(inc / "store.sqlite", readonly=True)
        found = json.loads(store.meta("hub_terms"))
        store.close()
        return {f"{view}:{h}" for view, terms in found.items() for h in terms}

    grew = 0
    for seed in range(4):
        was = hubs()
        mutate(corpus, seed, changed=0, added=12)
        build(corpus, inc, workers=1)
        now = hubs()
        assert was <= now  # files were only added
        grew += len(now - was)
    assert grew
    full = tmp_path / "full"
    build(corpus, full, workers=1)
    return inc, full


@pytest.mark.slow
def test_terms_turning_hubs_keep_the_edges_a_full_build_finds(tmp_path, monkeypatch):
    """When terms only become hubs, the texts holding them keep their standing edges
    instead of confirming every pair again, and pairs sharing a band stay near candidates
    only: the edges are a full build's (an update added rewrite edges to near copies)."""
    inc, full = _hubs_grown(tmp_path, monkeypatch)
    assert stored_texts_and_edges(inc) == stored_texts_and_edges(full)


@pytest.mark.slow
def test_terms_turning_hubs_give_a_full_builds_stories(tmp_path, monkeypatch):
    """Texts whose edges went with a new hub are regrouped though their files did not
    change (they were not, and an update kept stories a full build splits)."""
    inc, full = _hubs_grown(tmp_path, monkeypatch)
    assert snapshot(inc) == snapshot(full)


def test_hub_count_of_an_update_equals_a_full_count(monkeypatch):
    import numpy as np

    from storyreader.search.dedup import edges as cluster
    from storyreader.search.dedup import rewrite

    monkeypatch.setattr(rewrite, "HUB_TEXTS", 4)
    rng = np.random.default_rng(0)
    old = rng.integers(0, 40, size=(300, 6)).astype(np.uint64)
    everything = np.ones(len(old), dtype=bool)
    before = cluster._hubs(old, set(), everything)
    kept = old[rng.random(len(old)) > 0.3]  # texts removed
    added = rng.integers(0, 60, size=(25, 6)).astype(np.uint64)
    now = np.concatenate([kept, added])
    grown = np.arange(len(now)) >= len(kept)
    assert before and cluster._hubs(now, before, grown) == cluster._hubs(
        now, set(), np.ones(len(now), dtype=bool)
    )
    assert cluster._hubs(now, before, grown) != before


@pytest.mark.slow
def test_candidates_confirmed_in_small_blocks_give_the_same_stories(tmp_path, monkeypatch):
    """Candidate pairs are confirmed a pair of row blocks at a time; with blocks of a few
    texts (many block pairs) the edges and stories are those of one block."""
    from bench.synth import generate_corpus
    from storyreader.search.dedup import edges as cluster

    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 150, seed=8)
    build(corpus, tmp_path / "one", workers=1)
    monkeypatch.setattr(cluster, "CONFIRM_BLOCK_TEXTS", 7)
    monkeypatch.setattr(cluster, "CONFIRM_BATCH", 5)
    build(corpus, tmp_path / "many", workers=1)
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "many")


def test_an_update_reads_only_the_features_its_candidates_need(tmp_path, monkeypatch):
    """An update's few candidate pairs touch every block of rows; only their own texts'
    features are read, never whole blocks."""
    from bench.speed import mutate
    from bench.synth import generate_corpus
    from storyreader.search.dedup import edges as cluster

    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 150, seed=4)
    build(corpus, tmp_path / "ix", workers=1)
    mutate(corpus, 1, changed=3, added=3)
    monkeypatch.setattr(cluster, "CONFIRM_BLOCK_TEXTS", 20)
    read, paired = set(), set()
    confirmed = cluster._confirmed

    def spy(pairs, keys, load, scorer, *rest):
        paired.update(keys[r] for r in pairs.ravel().tolist())

        def loading(wanted):
            read.update(wanted)
            return load(wanted)

        return confirmed(pairs, keys, loading, scorer, *rest)

    monkeypatch.setattr(cluster, "_confirmed", spy)
    build(corpus, tmp_path / "ix", workers=1)
    assert read and read <= paired


@pytest.mark.slow
def test_stored_scores_spare_an_update_rescoring_and_follow_the_texts(tmp_path, monkeypatch):
    """Scores of representatives are kept: an update scores only pairs it has no score
    for, and scores of texts that are gone go with them."""
    from bench.speed import mutate
    from bench.synth import generate_corpus
    from storyreader.search.dedup import rewrite
    from storyreader.search.storage.paths import store_path
    from storyreader.search.storage.store import Store

    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 300, seed=6)
    ix = tmp_path / "ix"
    build(corpus, ix, workers=1)

    def stored() -> set[tuple[str, str]]:
        store = Store.open(store_path(ix), readonly=True)
        pairs = set(store.db.execute("SELECT a, b FROM scores").fetchall())
        texts = {k for (k,) in store.db.execute("SELECT key FROM text_keys")}
        store.close()
        assert all(a < b and a in texts and b in texts for a, b in pairs)
        return pairs

    before = stored()
    assert len(before) > 20
    scored: list[tuple[str, str]] = []
    both = rewrite.FeatureTable.both  # every score of a table goes through it

    def spy(self, pairs, *args, **kwargs):
        scored.extend(pairs)
        return both(self, pairs, *args, **kwargs)

    monkeypatch.setattr(rewrite.FeatureTable, "both", spy)
    for seed in range(3):
        mutate(corpus, seed, changed=8, added=4)
        build(corpus, ix, workers=1)
    assert not before & set(scored)
    for path in sorted(corpus.rglob("*.txt"))[::3]:
        path.unlink()
    build(corpus, ix, workers=1)
    assert before - stored()  # texts that left the corpus took their scores with them
    full = tmp_path / "full"
    build(corpus, full, workers=1)
    assert snapshot(ix) == snapshot(full)


@pytest.mark.slow
def test_furniture_counted_in_the_store_is_what_chrome_learns(tmp_path):
    from bench.synth import generate_corpus
    from storyreader.search.ingest import chrome
    from storyreader.search.storage.paths import store_path
    from storyreader.search.storage.store import Store

    generate_corpus(tmp_path / "corpus", 200, seed=3)
    build(tmp_path / "corpus", tmp_path / "ix", workers=1)
    store = Store.open(store_path(tmp_path / "ix"), readonly=True)
    rows = store.db.execute(
        "SELECT line, before, after FROM shortlines WHERE line IN ("
        " SELECT line FROM shortlines GROUP BY line HAVING count(DISTINCT path) > 1)"
    ).fetchall()
    learned = chrome.learn_furniture(rows)
    assert len(learned) >= 3
    assert store.lines.furniture(chrome.FURNITURE_MIN_CONTEXTS) == learned
    store.close()


def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path, monkeypatch):
    """The walk holds the collector back and freezes its records; the reader runs builds
    in its own process, and must get its collector back whole, even when a build fails."""
    import gc

    from storyreader.search.ingest.read import discover
    from storyreader.search.update import build as build_module

    make_corpus(tmp_path / "corpus")
    build(tmp_path / "corpus", tmp_path / "ix", workers=1)
    assert gc.isenabled() and gc.get_freeze_count() == 0

    def failing_walk(*args):
        yield from discover(*args)
        raise OSError("disk gone")

    monkeypatch.setattr(build_module, "discover", failing_walk)
    with pytest.raises(OSError, match="disk gone"):
        build(tmp_path / "corpus", tmp_path / "ix", workers=1)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_an_update_that_leaves_no_texts_empties_the_index(tmp_path):
    """Every file gone: edge finding has no texts left and the update still ends cleanly."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(page("flood", "budget"))
    (corpus / "keep.txt").write_text("\n")  # the corpus stays a corpus: one empty file
    build(corpus, tmp_path / "ix", workers=1)
    (corpus / "a.txt").unlink()
    build(corpus, tmp_path / "ix", workers=1)
    with Library(tmp_path / "ix") as lib:
        assert lib.count() == 0


SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "realweb").is_dir(), reason="../shared is absent")
def test_incremental_equals_full_rebuild_on_real_text(tmp_path):
    """Real articles in fuzzed layouts, mostly exact copies, read by two workers that look
    texts up in the store: updates still give exactly what a full build gives."""
    from bench.realtext import generate
    from bench.speed import mutate

    corpus = tmp_path / "corpus"
    generate(corpus, 240, seed=4, truth_path=tmp_path / "truth.jsonl", stories=15)
    inc = tmp_path / "inc"
    build(corpus, inc, workers=2)
    for seed in range(3):
        mutate(corpus, seed, changed=5, added=5)
        build(corpus, inc, workers=2)
    full = tmp_path / "full"
    build(corpus, full, workers=1)
    assert snapshot(inc) == snapshot(full)
    assert stored_texts_and_edges(inc) == stored_texts_and_edges(full)


def test_an_update_fingerprints_only_texts_the_store_lacks(tmp_path, monkeypatch):
    """Exact copies are known by their key: a file that copies stored articles costs no
    fingerprint, and one with a changed article costs that article's only."""
    from storyreader.search.update import worker

    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    build(corpus, tmp_path / "ix", workers=1)
    printed: list[str] = []
    fingerprint = worker.fingerprint

    def counted(article):
        printed.append(article.title)
        return fingerprint(article)

    monkeypatch.setattr(worker, "fingerprint", counted)
    (corpus / "copy.txt").write_text(page("flood", "budget"))
    build(corpus, tmp_path / "ix", workers=1)
    assert printed == []
    (corpus / "later.txt").write_text(page("budget") + "\n\n" + page("ferry", drop=0))
    build(corpus, tmp_path / "ix", workers=1)
    assert printed == [TITLE_A]


def test_an_update_without_new_texts_never_loads_datasketch(tmp_path):
    """datasketch takes half a second to import: an update whose files hold only texts
    the store has never needs it."""
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    build(corpus, tmp_path / "ix", workers=1)
    (corpus / "copy.txt").write_text(page("ferry", "flood"))
    script = (
        "import sys; from pathlib import Path; "
        "from storyreader.search.update.build import build; "
        "r = build(Path(sys.argv[1]), Path(sys.argv[2]), workers=1); "
        "print(r.files_changed, 'datasketch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(corpus), str(tmp_path / "ix")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["1", "False"]


def near_edge_count(index_dir: Path) -> int:
    from storyreader.search.model import EdgeKind
    from storyreader.search.storage.paths import store_path
    from storyreader.search.storage.store import Store

    store = Store.open(store_path(index_dir), readonly=True)
    (n,) = store.db.execute(
        "SELECT count(*) FROM edges WHERE kind = ?", (EdgeKind.NEAR,)
    ).fetchone()
    store.close()
    return n


def test_near_copies_left_when_the_copy_joining_them_goes_stay_together(tmp_path):
    """Near copies are kept as a spanning forest, not pairwise: when the copy the others
    were linked through goes, the pairs among those left join them again, as a full build
    of what is left does."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "full.txt").write_text(page("flood"))
    (corpus / "short.txt").write_text(page("flood", drop=5))
    (corpus / "shorter.txt").write_text(page("flood", drop=6))
    (corpus / "other.txt").write_text(page("budget"))
    inc = tmp_path / "inc"
    build(corpus, inc, workers=1)
    assert near_edge_count(inc) == 2  # three copies, two edges: not the three pairs

    (corpus / "full.txt").unlink()
    build(corpus, inc, workers=1)
    full = tmp_path / "full"
    build(corpus, full, workers=1)
    assert near_edge_count(full) == 1
    assert stored_texts_and_edges(inc) == stored_texts_and_edges(full)
    assert snapshot(inc) == snapshot(full)
    with Library(inc) as lib:
        assert lib.stats().stories == 2


def test_a_rebuilt_story_keeps_the_near_similarities_it_stored(tmp_path, monkeypatch):
    """A story rebuilt because a file joined it scores its near copies against its main
    text again only where the pair is new: a pair's similarity is a function of its two
    texts, and the stored story has it. Texts are not shingled for pairs known already."""
    from storyreader.search.dedup import signature

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "full.txt").write_text(page("flood"))
    (corpus / "short.txt").write_text(page("flood", drop=5))
    (corpus / "other.txt").write_text(page("budget"))
    inc = tmp_path / "inc"
    build(corpus, inc, workers=1)

    shingled: list[int] = []
    real_shingles = signature.shingles

    def shingles(paragraphs, *args):
        shingled.append(len(paragraphs))
        return real_shingles(paragraphs, *args)

    monkeypatch.setattr(signature, "shingles", shingles)
    (corpus / "copy.txt").write_text(page("flood"))  # an exact copy: no new text
    report = build(corpus, inc, workers=1)
    assert report.stories_updated == 1
    assert shingled == []
    monkeypatch.undo()
    full = tmp_path / "full"
    build(corpus, full, workers=1)
    assert snapshot(inc) == snapshot(full)
    with Library(inc) as lib:
        (flood,) = [r for r in lib.stories() if "Kelmarsh" in r.title]
        near = [o for o in lib.story(flood.id).occurrences if o.relation == "near"]
    assert len(near) == 1 and 0.7 < near[0].similarity < 1


def test_a_leaf_of_a_near_tree_goes_without_its_pairs_confirmed_again(tmp_path, monkeypatch):
    """When a text at the end of a near tree goes, what is left of the tree is one piece:
    every near pair among its texts was left out of the forest for a path within it, so
    none is confirmed again; the stored edges are a full build's."""
    from storyreader.search.dedup import edges
    from storyreader.search.model import EdgeKind
    from storyreader.search.storage.paths import store_path
    from storyreader.search.storage.store import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = {"full.txt": None, "a.txt": 5, "b.txt": 6, "c.txt": 4}
    for name, drop in names.items():
        (corpus / name).write_text(page("flood", drop=drop))
    (corpus / "other.txt").write_text(page("budget"))
    inc = tmp_path / "inc"
    build(corpus, inc, workers=1)
    store = Store.open(store_path(inc), readonly=True)
    try:
        near = [e for e in store.edges.all() if e[2] == EdgeKind.NEAR]
        key_of = {p: store.articles.keys_in([p]).pop() for p in names}
    finally:
        store.close()
    assert len(near) == 3
    ends = [k for k in key_of.values() if sum(k in e[:2] for e in near) == 1]
    leaf = next(p for p, k in key_of.items() if k in ends)

    scored: list[int] = []
    real = edges.near_similarity

    def near_similarity(a, b):
        scored.append(1)
        return real(a, b)

    monkeypatch.setattr(edges, "near_similarity", near_similarity)
    (corpus / leaf).unlink()
    build(corpus, inc, workers=1)
    assert scored == []
    monkeypatch.undo()
    full = tmp_path / "full"
    build(corpus, full, workers=1)
    assert near_edge_count(full) == 2
    assert stored_texts_and_edges(inc) == stored_texts_and_edges(full)
    assert snapshot(inc) == snapshot(full)


def test_an_updates_postings_are_written_uncompressed_and_search_alike(tmp_path):
    """An update writes its Whoosh segment without compressing each posting block (most
    of its terms have a posting or two); searches find what they find in a full build
    (scores differ by the deleted documents an update's statistics still count)."""
    from whoosh.filedb.filestore import FileStorage

    from storyreader.search.storage.paths import whoosh_dir

    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    inc = tmp_path / "inc"
    build(corpus, inc, workers=1)
    (corpus / "site" / "f.txt").write_text(page("rates", "flood-rw", "drought"))
    build(corpus, inc, workers=1)
    full = tmp_path / "full"
    build(corpus, full, workers=1)

    def compression(index_dir: Path) -> list:
        ix = FileStorage(str(whoosh_dir(index_dir))).open_index()
        try:
            return [s.codec()._compression for s in ix._segments()]
        finally:
            ix.close()

    assert compression(full) == [3]
    assert sorted(compression(inc)) == [0, 3]

    def scored(index_dir: Path) -> list:
        with Library(index_dir) as lib:
            return [
                sorted(h.row.id for h in lib.search(q, limit=None).hits)
                for q in ("Kelmarsh", "river OR budget", '"levees hold"', "Ostland~")
            ]

    assert scored(inc) == scored(full)


def one_ring(store, dirty: set[str]) -> set[str]:
    """The texts of the stories holding `dirty` closed over near edges, and of the stories
    one edge from them, as the store holds them before an update regroups."""
    from storyreader.search.model import EdgeKind

    def stories_of(keys: set[str]) -> set[str]:
        return {k for ks in store.stories.holding(keys).values() for k in ks}

    region = store.texts.known(dirty | stories_of(dirty))
    while (
        near := {k for e in store.edges.touching(region) if e[2] == EdgeKind.NEAR for k in e[:2]}
        - region
    ):
        region |= near | stories_of(near)
    ring = {k for e in store.edges.touching(region) for k in e[:2]} - region
    return region | ring | stories_of(ring)


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "ecbplus-dev").is_dir(), reason="../shared is absent")
def test_an_update_regroups_its_stories_and_their_neighbours_only(tmp_path, monkeypatch):
    """Real articles (ECB+, BASIL, realweb) in fuzzed layouts; files changed, added and
    removed. Each update first regroups the stories of its texts and the stories one edge
    from them, not the whole component they are in, and still gives a full build's
    stories and edges."""
    import random

    from bench.realtext import generate
    from bench.speed import corpus_files, mutate
    from storyreader.search.storage.paths import store_path
    from storyreader.search.storage.store import Store
    from storyreader.search.update import regroup

    bounds: list[set[str]] = []
    regrouped: list[set[str]] = []
    real_regroup, real_group = regroup.regroup, regroup.group_stories

    def watched_regroup(store, dirty, notify):
        bounds.append(one_ring(store, dirty))
        return real_regroup(store, dirty, notify)

    def watched_group(keys, *args):
        regrouped.append(set(keys))
        return real_group(keys, *args)

    # (the build imports regroup where it links, so the module's own name is the one to patch)
    monkeypatch.setattr(regroup, "regroup", watched_regroup)
    monkeypatch.setattr(regroup, "group_stories", watched_group)
    corpus = tmp_path / "corpus"
    generate(corpus, 240, seed=7, truth_path=tmp_path / "truth.jsonl", stories=60)
    inc = tmp_path / "inc"
    build(corpus, inc, workers=1)
    store = Store.open(store_path(inc), readonly=True)
    try:
        texts = store.texts.count()
    finally:
        store.close()
    rng = random.Random(7)
    for seed in range(3):
        mutate(corpus, seed, changed=5, added=5)
        for f in rng.sample(corpus_files(corpus), 3):
            f.unlink()
        bounds.clear()
        regrouped.clear()
        build(corpus, inc, workers=1)
        assert len(bounds) == 1 and regrouped
        # The first pass groups the region and one ring; a ring story that comes out
        # changed joins the region and the next ring is taken, so later passes may grow.
        assert regrouped[0] <= bounds[0]
        assert len(regrouped[-1]) < texts / 2
    full = tmp_path / "full"
    build(corpus, full, workers=1)
    assert snapshot(inc) == snapshot(full)
    assert stored_texts_and_edges(inc) == stored_texts_and_edges(full)
