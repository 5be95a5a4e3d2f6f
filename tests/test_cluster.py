"""Grouping: near copies join, related stories do not, and merged text loses nothing."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from storyreader.search.dedup import rewrite, signature
from storyreader.search.dedup.edges import near_similarity
from storyreader.search.dedup.story import merge_paragraphs
from storyreader.search.model import Relation
from storyreader.search.query import Library
from storyreader.search.update.build import build
from tests.texts import LATER, OTHER, REWRITE, STORY

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _shingles(paragraphs):
    return signature.shingles(paragraphs)


def test_near_copy_variants_are_near():
    base = _shingles(STORY)
    dropped = _shingles(STORY[:3] + STORY[4:])
    added = _shingles(
        [
            *STORY,
            "Editor's note: this article was updated with the latest evacuation figures from the council.",
        ]
    )
    cut = _shingles([*STORY[:-1], STORY[-1][:60]])
    number = _shingles([p.replace("1,200", "1,350") for p in STORY])
    for variant in (dropped, added, cut, number):
        assert near_similarity(base, variant) >= 0.7
    assert near_similarity(base, _shingles(REWRITE)) == 0.0
    assert near_similarity(base, _shingles(OTHER)) == 0.0


def test_boilerplate_fragment_does_not_link_articles():
    fragment = _shingles(STORY[:1])
    assert near_similarity(fragment, _shingles(STORY)) == 0.0


def test_lsh_finds_near_copies_but_not_unrelated_texts():
    rng = random.Random(7)
    texts = [
        STORY,
        STORY[:3] + STORY[4:],
        [p.replace("1,200", "1,350") for p in STORY],
        REWRITE,
        OTHER,
    ]
    sigs = np.stack([signature.minhash(_shingles(t)) for t in texts])
    keys = signature.band_keys(sigs, signature.NEAR_BANDS, signature.NEAR_ROWS)
    pairs = {tuple(p) for p in signature.pairs_within(keys).tolist()}
    assert {(0, 1), (0, 2), (1, 2)} <= pairs
    assert not any(3 in p or 4 in p for p in pairs)
    # Lookups against stored rows give the same candidates as building in one batch.
    order = list(range(len(texts)))
    rng.shuffle(order)
    between = {tuple(p) for p in signature.pairs_between(keys[:1], keys[1:]).tolist()}
    assert between == {(0, 0), (0, 1)}


def test_minhash_is_datasketchs(tmp_path):
    """The signature made without importing datasketch is datasketch's, bit for bit: the
    stored band keys are datasketch's hashing (an index records its version)."""
    from datasketch import MinHash

    rng = np.random.default_rng(5)
    texts = [STORY, REWRITE, OTHER, ["one"], []]
    sets = [_shingles(t) for t in texts] + [
        np.unique(rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32))
        for n in (1, 2, 7, 300, 5000)
    ]
    for shingles in sets:
        theirs = MinHash(num_perm=signature.NUM_PERM, seed=1, scheme="affine32", hashfunc=int)
        if len(shingles):
            theirs.update_batch(shingles.tolist())
        ours = signature.minhash(shingles)
        assert ours.dtype == np.uint32
        assert ours.tolist() == np.asarray(theirs.hashvalues, dtype=np.uint32).tolist()


def test_fingerprinting_loads_neither_datasketch_nor_scipy():
    code = (
        "import sys\n"
        "from storyreader.search.dedup import signature\n"
        "signature.near_bands(signature.shingles(['the council met on monday night']))\n"
        "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_candidate_pairs_are_exactly_the_rows_sharing_keys():
    """Pairs found through runs of equal keys (short runs paired by length, long ones one
    by one) are exactly those a comparison of every two rows finds."""
    rng = np.random.default_rng(3)
    # Distinct keys in a row, as a text's blocking keys are.
    keys = np.stack([rng.choice(np.arange(9, 60), 6, replace=False) for _ in range(400)])
    keys = keys.astype(np.uint64)
    keys[:90, :2] = [7, 8]  # a run longer than the vectorised lengths
    keys[rng.random(keys.shape) < 0.25] = 0
    sets = [set(row[row != 0].tolist()) for row in keys]
    pairs = {tuple(p) for p in signature.shared_key_pairs(keys, chunk_entries=5000).tolist()}
    assert pairs == {
        (i, j)
        for i in range(len(keys))
        for j in range(i + 1, len(keys))
        if len(sets[i] & sets[j]) >= 2
    }
    bands = rng.integers(0, 400, size=(400, 5)).astype(np.uint64)
    bands[:80, 2] = 9
    pairs = {tuple(p) for p in signature.pairs_within(bands).tolist()}
    assert pairs == {
        (i, j)
        for i in range(len(bands))
        for j in range(i + 1, len(bands))
        if ((bands[i] == bands[j]) & (bands[i] != 0)).any()
    }


def test_rewrite_similarity_separates_rewrite_from_other_story():
    a = rewrite.prepare("Kelmarsh levees hold as Tarrow reaches forty-year high", STORY)
    b = rewrite.prepare("Kelmarsh residents evacuated as river climbs", REWRITE)
    c = rewrite.prepare("Ostland parliament passes budget", OTHER)
    assert rewrite.similarity(a, b) >= rewrite.THRESHOLD_UNDATED
    assert rewrite.similarity(a, c) == 0.0  # fewer than six informative words in common
    assert abs(rewrite.similarity(a, a) - 1.0) < 1e-9
    # A pair scores bit for bit the same whatever else is in the table (edges and joins
    # depend on it); the one-pair shortcut agrees to the last digits.
    table = rewrite.FeatureTable({"a": a, "b": b, "c": c})
    alone = rewrite.FeatureTable({"b": b, "a": a})
    assert table.similarity([("a", "b")])[0] == alone.similarity([("a", "b")])[0]
    assert abs(table.similarity([("a", "b")])[0] - rewrite.similarity(a, b)) < 1e-12


# Another town's flood told in the same stock phrases: another event.
ELSEWHERE = [
    "Emergency crews in the river town of Dunmore worked through the night on Sunday to reinforce levees as the Avon rose to its highest level in forty years.",
    "The regional council said 1,200 residents had been moved to schools and sports halls on higher ground, and that the evacuation order would stay in place until Wednesday.",
    "Mayor Petra Lindqvist said the town had learned from the floods of 2011, when water broke through the northern embankment and damaged more than 300 homes.",
    "Forecasters at the national weather office expect the river to crest late on Monday, after a further 40 millimetres of rain fall on the upper catchment.",
    "Rail services between Dunmore and the coast were suspended after a section of track near Ashby was undermined by floodwater.",
]


def test_same_stock_phrases_with_other_names_are_another_event():
    a = rewrite.prepare("Kelmarsh levees hold as Tarrow reaches forty-year high", STORY)
    b = rewrite.prepare("Kelmarsh residents evacuated as river climbs", REWRITE)
    other = rewrite.prepare("Dunmore levees hold as Avon reaches forty-year high", ELSEWHERE)
    assert rewrite.similarity(a, b) >= rewrite.THRESHOLD_UNDATED  # the names agree
    assert rewrite.similarity(a, other) == 0.0  # the words agree, the names do not
    # ...which the table scores the same way.
    table = rewrite.FeatureTable({"a": a, "b": b, "o": other})
    assert table.similarity([("a", "o")])[0] == 0.0
    # A near copy that renames nothing is still a copy, and one naming too few things to
    # judge by is scored on its words.
    assert rewrite.similarity(a, rewrite.prepare("x", STORY[:5])) > 0.8
    short = ["the levees held through the night as the river rose to a forty-year high"]
    assert rewrite.names(" ".join(short)) == set()


def test_short_leads_of_one_event_are_scored_on_the_terms_they_have():
    """Two one-sentence leads cannot share six informative terms; sharing most of what
    they have makes them rewrites, while a lead of another firing shares too little."""
    a = rewrite.prepare(
        "Sixers fire Cheeks",
        ["The Philadelphia 76ers fired coach Maurice Cheeks on Saturday after a 9-14 start."],
    )
    b = rewrite.prepare(
        "76ers dismiss coach", ["Maurice Cheeks was fired by the 76ers, who had opened 9-14."]
    )
    other = rewrite.prepare(
        "Grizzlies fire Iavaroni",
        ["The Memphis Grizzlies fired coach Marc Iavaroni on Thursday after an 11-30 start."],
    )
    assert rewrite.similarity(a, b) >= rewrite.THRESHOLD_UNDATED
    assert rewrite.similarity(a, other) == 0.0
    table = rewrite.FeatureTable({"a": a, "b": b, "o": other})
    assert table.similarity([("a", "b")])[0] >= rewrite.THRESHOLD_UNDATED
    assert table.similarity([("a", "o")])[0] == 0.0


# Two outlets' leads of one event, each in its own words: they share the singer, the clinic
# and the rehab, too few informative terms for the evidence floor, but those few are rare.
RETOLD_A = (
    "Marla Quist checks into Hazelmoor",
    [
        "Pop singer Marla Quist has checked herself into the Hazelmoor clinic, her publicist said.",
        "The chart-topping vocalist cancelled three concerts last month citing exhaustion.",
    ],
)
RETOLD_B = (
    "Quist in rehab",
    [
        "Marla Quist is being treated at Hazelmoor, the spokeswoman confirmed.",
        "Fans had worried since the soprano walked offstage midway through a televised gala.",
    ],
)


def test_a_pair_the_floor_refuses_is_judged_by_the_fields_when_its_words_agree(tmp_path):
    """Below the evidence floor (fewer shared terms than needed) but scoring GATE_RESCUE or
    more, an undated pair is judged by the event signature's fields instead of zeroed;
    dated, its words alone still do not clear the floor."""
    a, b = rewrite.prepare(*RETOLD_A), rewrite.prepare(*RETOLD_B)
    table = rewrite.FeatureTable({"a": a, "b": b})
    parts = table.parts(np.array([0]), np.array([1]))
    assert parts["gated"][0] == 0.0 and parts["raw"][0] >= rewrite.GATE_RESCUE
    ((plain, judged),) = table.both([("a", "b")])
    assert plain == 0.0
    assert judged >= rewrite.THRESHOLD_UNDATED
    assert abs(rewrite.similarity(a, b) - judged) < 1e-9
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, (title, paragraphs) in (("a.txt", RETOLD_A), ("b.txt", RETOLD_B)):
        (corpus / name).write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n")
    build(corpus, tmp_path / "index", workers=1)
    with Library(tmp_path / "index") as lib:
        stories = [sorted(o.path for o in lib.story(r.id).occurrences) for r in lib.stories()]
    assert stories == [["a.txt", "b.txt"]]


# Two bouts of one champion, told in the same words: the opponent, the city and the year
# differ, and each report names in its lead people the other never mentions.
FIRST_BOUT = [
    "Wladimir Klitschko stopped Hasim Rahman in the seventh round in Mannheim on Saturday night to keep his heavyweight titles in 2008.",
    "The referee waved off the heavyweight bout after Rahman absorbed a long barrage of jabs from the Ukrainian champion, who defended the IBF and WBO belts.",
    "Klitschko said Rahman never let his hands go, and the crowd of 14,000 in the arena booed the challenger.",
]
FIRST_BOUT_REWRITE = [
    "Heavyweight champion Wladimir Klitschko kept his IBF and WBO belts on Saturday, stopping Hasim Rahman in the seventh round in Mannheim.",
    "Rahman, a former champion, barely threw a punch as the Ukrainian landed jab after jab until the referee waved the bout off in 2008.",
    "The crowd of 14,000 booed the challenger, and Klitschko said afterwards that Rahman had come only to survive.",
]
LATER_BOUT = [
    "Wladimir Klitschko defended his heavyweight titles with a sixth-round stoppage of Tony Thompson in Bern, Switzerland, in 2012.",
    "Thompson, a left-hander from Washington, was dropped twice before his corner stopped the bout.",
    "The Ukrainian champion, who holds the IBF and WBO belts, said Thompson had been better prepared this time.",
]


def test_event_signature_tells_one_champions_bouts_apart():
    """The words of two bouts agree (a rewrite by their score alone); their fields do not:
    who (the opponent), where and when. Undated, that keeps them apart; a rewrite of one
    bout names the same people and keeps its score; two dated texts leave it to dates."""
    a = rewrite.prepare("Klitschko keeps belts", FIRST_BOUT)
    b = rewrite.prepare("Klitschko too strong for Rahman", FIRST_BOUT_REWRITE)
    later = rewrite.prepare("Klitschko keeps belts", LATER_BOUT)
    table = rewrite.FeatureTable({"a": a, "b": b, "l": later})
    (plain_ab, judged_ab), (plain_al, judged_al) = table.both([("a", "b"), ("a", "l")])
    assert plain_al >= rewrite.THRESHOLD_UNDATED  # the words alone would join them
    assert judged_al < rewrite.THRESHOLD_DATED
    assert judged_ab == plain_ab >= rewrite.THRESHOLD_UNDATED
    assert table.similarity([("a", "l")])[0] == judged_al
    assert table.similarity([("a", "l")], dated={"a", "l"})[0] == plain_al
    assert abs(rewrite.similarity(a, later) - judged_al) < 1e-9


def test_merge_keeps_paragraphs_only_some_copies_have():
    base = STORY[:3] + STORY[4:]  # lacks paragraph 3
    other = [*STORY[:-1], STORY[-1][:50]]  # has paragraph 3, last paragraph cut short
    merged = merge_paragraphs(base, [other])
    assert merged == STORY
    # A copy whose paragraph was cut short never replaces the complete one.
    assert merge_paragraphs(STORY, [other]) == STORY


def test_a_copy_whose_paragraphs_are_all_merged_is_not_compared_again(monkeypatch):
    """A near copy holding only paragraphs merged already changes nothing: its paragraphs
    are not looked for one by one; in another copy only those not there word for word are."""
    from storyreader.search.dedup import story

    looked: list[str] = []
    real_find = story._Merged.find

    def find(self, p):
        looked.append(p.text)
        return real_find(self, p)

    monkeypatch.setattr(story._Merged, "find", find)
    base = STORY[:3] + STORY[4:]
    assert merge_paragraphs(base, [STORY[:2], base[-2:]]) == base
    assert looked == []
    assert merge_paragraphs(base, [STORY]) == STORY
    assert looked == [STORY[3]]


def _pairwise_merge(base: list[str], others: list[list[str]]) -> list[str]:
    """merge_paragraphs' rule spelled out the slow way: each paragraph compared with every
    merged one (word for word, then cut short either way, then SAME_PARAGRAPH_JACCARD of
    words), the first match taken."""
    from storyreader.search.dedup import story
    from storyreader.search.ingest.text import fold, words

    def bare(t: str) -> str:
        return fold(t).rstrip(" .…")

    def extends(longer: str, shorter: str) -> bool:
        fl, fs = bare(longer), bare(shorter)
        return (
            story.PREFIX_MIN_CHARS <= len(fs) < len(fl)
            and len(fs) >= story.PREFIX_MIN_SHARE * len(fl)
            and fl.startswith(fs)
        )

    def jaccard(a: str, b: str) -> float:
        wa, wb = set(words(a)), set(words(b))
        return len(wa & wb) / len(wa | wb) if wa and wb else 0.0

    merged = list(base)
    for other in others:
        pos = -1
        for p in other:
            m = next((i for i, q in enumerate(merged) if fold(q) == fold(p)), None)
            if m is None:
                m = next((i for i, q in enumerate(merged) if extends(p, q) or extends(q, p)), None)
            if m is None:
                m = next(
                    (
                        i
                        for i, q in enumerate(merged)
                        if jaccard(p, q) >= story.SAME_PARAGRAPH_JACCARD
                    ),
                    None,
                )
            if m is None:
                pos += 1
                merged.insert(pos, p)
                continue
            if extends(p, merged[m]):
                merged[m] = p
            pos = max(pos, m)
    return merged


@pytest.mark.skipif(not (SHARED / "basil").is_dir(), reason="../shared is absent")
def test_merge_finds_paragraphs_as_comparing_each_with_every_other_does():
    """Near copies of real articles (a number changed, paragraphs dropped, cut short or
    taken from another article of the story, in shuffled orders): the indexed merge gives
    what comparing every paragraph pairwise gives."""
    from bench.realtext import articles, near_copy

    rng = random.Random(7)
    arts = [a for a in articles() if not a.article_id.startswith("realweb")]
    by_story: dict[str, list] = {}
    for a in arts:
        by_story.setdefault(a.story_id, []).append(a)
    for _ in range(60):
        a = rng.choice(arts)
        story = by_story[a.story_id]
        base = list(near_copy(a, story, rng, 0).paragraphs)
        others = []
        for _ in range(rng.randint(1, 4)):
            ps = list(near_copy(a, story, rng, 0).paragraphs)
            if rng.random() < 0.3:
                ps = [p[: max(31, len(p) // 2)] for p in ps]
            if rng.random() < 0.3:
                rng.shuffle(ps)
            others.append(ps)
        assert merge_paragraphs(base, others) == _pairwise_merge(base, others)


def _page(title, paragraphs, stamp):
    return "\n".join([title, "", stamp, "Follow", "", title, "", *paragraphs]) + "\n"


def test_shingles_made_again_from_stored_paragraphs_are_those_fingerprinted(tmp_path, monkeypatch):
    """The store keeps paragraphs, not shingles: those made again where near pairs are
    confirmed must be the ones the stored bands came from, long texts cut the same way."""
    from storyreader.search.storage.paths import store_path
    from storyreader.search.storage.store import Store

    monkeypatch.setattr(signature, "FINGERPRINT_MAX_CHARS", 400)  # shorter than STORY
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(_page("Kelmarsh levees hold", STORY, "14 April 2024"))
    (corpus / "b.txt").write_text(_page("Ostland passes budget", OTHER, "14 April 2024"))
    (corpus / "c.txt").write_text(_page("Kelmarsh floods again", LATER, "20 November 2024"))
    build(corpus, tmp_path / "index", workers=1)
    store = Store.open(store_path(tmp_path / "index"), readonly=True)
    keys = store.texts.all_keys()
    paragraphs = store.texts.paragraphs(keys)
    shingles = signature.TextShingles(paragraphs)
    assert len(keys) == 3 and max(len(" ".join(p)) for p in paragraphs.values()) > 400
    made = np.stack([signature.near_bands(shingles[k]) for k in keys])
    assert np.array_equal(made, store.texts.bands(keys))
    store.close()


def test_copies_near_copies_and_rewrites_become_one_story(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    title = "Kelmarsh levees hold as Tarrow reaches forty-year high"
    (corpus / "a.txt").write_text(_page(title, STORY, "Updated 14 April 2024"))
    (corpus / "b.txt").write_text(_page(title, STORY, "Updated 3 min ago"))
    (corpus / "c.txt").write_text(_page(title, STORY[:3] + STORY[4:], "Updated 14 April 2024"))
    (corpus / "d.txt").write_text(
        _page("Kelmarsh residents evacuated as river climbs", REWRITE, "Updated 15 April 2024")
    )
    (corpus / "e.txt").write_text(
        _page("Ostland parliament passes budget", OTHER, "Updated 14 April 2024")
    )
    # The same rewrite dated months later is another event, not this story.
    (corpus / "f.txt").write_text(
        _page("Kelmarsh evacuated again as Tarrow floods", LATER, "Updated 20 November 2024")
    )
    build(corpus, tmp_path / "index", workers=1)
    with Library(tmp_path / "index") as lib:
        assert lib.count() == 3, [r.title for r in lib.stories()]
        rows = {r.title: r for r in lib.stories()}
        story = lib.story(rows[title].id)
        relations = {o.path: o.relation for o in story.occurrences}
        assert relations == {
            "a.txt": Relation.CANONICAL,
            "b.txt": Relation.EXACT,
            "c.txt": Relation.NEAR,
            "d.txt": Relation.REWRITE,
        }
        assert story.main.paragraphs == STORY
        assert [v.relation for v in story.versions] == [Relation.CANONICAL, Relation.REWRITE]
        assert story.date == "2024-04-14"
        near = next(o for o in story.occurrences if o.relation is Relation.NEAR)
        assert 0.7 <= near.similarity < 1.0
        later = lib.story(rows["Kelmarsh evacuated again as Tarrow floods"].id)
        assert [o.path for o in later.occurrences] == ["f.txt"]
        # JSON-able and stable.
        json.dumps([o.similarity for o in story.occurrences])


def test_rewrites_a_day_apart_meet_whatever_the_day(tmp_path):
    """Dated texts are matched within windows of days; a story and its rewrite a day
    later are one story on every day of the windows' cycle, the edges included."""
    title = "Kelmarsh levees hold as Tarrow reaches forty-year high"
    for day in range(10, 10 + 2 * rewrite.DATE_WINDOW_DAYS):
        corpus = tmp_path / f"corpus{day}"
        corpus.mkdir()
        (corpus / "a.txt").write_text(_page(title, STORY, f"Updated {day} April 2024"))
        (corpus / "d.txt").write_text(
            _page(
                "Kelmarsh residents evacuated as river climbs",
                REWRITE,
                f"Updated {day + 1} April 2024",
            )
        )
        build(corpus, tmp_path / f"index{day}", workers=1)
        with Library(tmp_path / f"index{day}") as lib:
            assert lib.count() == 1, day


# The flood told again five days on, when the evacuation order was lifted.
RECAP = [
    "Kelmarsh is counting the cost of last weekend's flood, when the Tarrow rose to its highest level in forty years and crews worked through Sunday night to hold the levees.",
    "Some 1,200 residents who spent nights in schools and sports halls on higher ground began returning home after the regional council lifted the evacuation order on Wednesday.",
    "Mayor Idris Holloway said the embankments repaired after the floods of 2011 had held this time.",
    "Rail services between Kelmarsh and the coast resumed after engineers repaired the track near Pellow that floodwater had undermined.",
]


def test_an_event_told_again_days_later_joins_through_an_undated_rewrite(tmp_path):
    """Dates a few days beyond the window do not keep apart what the texts, judged by the
    event signature's fields, say is one event; months apart they still do."""
    title = "Kelmarsh levees hold as Tarrow reaches forty-year high"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(_page(title, STORY, "Updated 14 April 2024"))
    (corpus / "b.txt").write_text(
        _page("Kelmarsh residents evacuated as river climbs", REWRITE, "Updated 3 min ago")
    )
    (corpus / "c.txt").write_text(
        _page("Kelmarsh counts the cost of the flood", RECAP, "Updated 19 April 2024")
    )
    (corpus / "f.txt").write_text(
        _page("Kelmarsh evacuated again as Tarrow floods", LATER, "Updated 20 November 2024")
    )
    build(corpus, tmp_path / "index", workers=1)
    with Library(tmp_path / "index") as lib:
        stories = [sorted(o.path for o in lib.story(r.id).occurrences) for r in lib.stories()]
    assert sorted(stories) == [["a.txt", "b.txt", "c.txt"], ["f.txt"]]


@pytest.mark.slow
def test_pair_scores_do_not_depend_on_batch_size(tmp_path, monkeypatch):
    """Small batches of pairs are scored with numpy, large ones with scipy: both must give
    the same bits, or an update could decide a borderline join unlike a full build."""
    import random

    import numpy as np

    from bench.synth import generate_corpus
    from storyreader.search.dedup import rewrite
    from storyreader.search.storage.paths import store_path
    from storyreader.search.storage.store import Store
    from storyreader.search.update.build import build

    generate_corpus(tmp_path / "corpus", 150, seed=8)
    build(tmp_path / "corpus", tmp_path / "ix", workers=1)
    store = Store.open(store_path(tmp_path / "ix"), readonly=True)
    keys = store.texts.all_keys()
    table = rewrite.FeatureTable(store.texts.features(keys))
    rng = random.Random(1)
    pairs = [tuple(rng.sample(keys, 2)) for _ in range(3000)] + [(k, k) for k in keys[:50]]
    monkeypatch.setattr(rewrite, "SCIPY_LOAD_BATCH", 0)  # scipy, loaded or not
    whole = table.similarity(pairs)
    step = rewrite.SMALL_BATCH // 2
    pieces = np.concatenate(
        [table.similarity(pairs[i : i + step]) for i in range(0, len(pairs), step)]
    )
    assert len(pairs) > rewrite.SMALL_BATCH >= step
    assert (whole > rewrite.THRESHOLD_DATED).sum() > 50  # copies and rewrites among them
    assert np.array_equal(whole, pieces)
    store.close()


def test_feature_table_holds_each_texts_own_features():
    """The table cuts every text's sections out of one buffer; row by row they are the
    text's own features, and a pair scores as `similarity` scores it alone."""
    texts = {
        "a": rewrite.prepare("Kelmarsh levees hold as Tarrow reaches forty-year high", STORY),
        "b": rewrite.prepare("Kelmarsh residents evacuated as river climbs", REWRITE),
        "c": rewrite.prepare("Ostland parliament passes budget", OTHER),
        "d": rewrite.prepare("", []),
    }
    table = rewrite.FeatureTable(texts)
    for key, blob in texts.items():
        own = rewrite.unpack(blob)
        r = table.row[key]
        body = table.body
        cols = body.indices[body.indptr[r] : body.indptr[r + 1]]
        assert len(cols) == len(own.body_h)
        assert np.array_equal(body.data[body.indptr[r] : body.indptr[r + 1]], own.body_w)
        assert table.n_names[r] == len(own.names) and table.weekdays[r] == own.weekdays
    scores = table.similarity([("a", "b"), ("a", "c"), ("b", "d")])
    expected = [
        rewrite.similarity(texts[x], texts[y]) for x, y in (("a", "b"), ("a", "c"), ("b", "d"))
    ]
    assert np.allclose(scores, expected) and scores[0] > 0
