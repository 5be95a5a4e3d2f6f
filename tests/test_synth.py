"""The corpus generator and the demo corpus: determinism, truth that points at real lines,
the long tail of copies, every layout, rewrites vs near copies, BASIL rendering."""

from __future__ import annotations

import itertools
import json
import random
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from bench import synth
from bench.synth import (
    GENERIC_FACTS,
    LAYOUTS,
    SEED_LAYOUTS,
    SITES,
    ArticleText,
    StoryMaker,
    generate_basil_corpus,
    generate_corpus,
    render_page,
    shingle_jaccard,
)
from storyreader.search.demo.corpus import demo_truth_path, ensure_demo_corpus

SHARED = Path(__file__).parents[1].parent / "shared"
BASIL = SHARED / "basil" / "articles.jsonl"
SEEDS = SHARED / "seeds"

CONTENT_ROLES = "TCUB"  # title, caption, summary, body: what an article says, not chrome


# ---- helpers --------------------------------------------------------------------------------


def _load(truth: Path) -> list[dict]:
    with truth.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


class _Files:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, list[str]] = {}

    def lines(self, rel: str) -> list[str]:
        if rel not in self._cache:
            self._cache[rel] = (self.root / rel).read_text(encoding="utf-8").split("\n")
        return self._cache[rel]

    def segment(self, rec: dict, roles: str = "B") -> str:
        lines = self.lines(rec["path"])[rec["start_line"] - 1 : rec["end_line"]]
        return "\n".join(ln for ln, r in zip(lines, rec["roles"], strict=True) if r in roles)


def _check_truth(root: Path, records: list[dict]) -> None:
    """Every file is described, every range is real, ranges don't overlap and together
    cover every non-blank line."""
    by_path: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_path[r["path"]].append(r)
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert on_disk == set(by_path)
    files = _Files(root)
    for path, recs in by_path.items():
        lines = files.lines(path)
        recs.sort(key=lambda r: r["start_line"])
        covered: set[int] = set()
        prev_end = 0
        for r in recs:
            start, end = r["start_line"], r["end_line"]
            assert prev_end < start <= end <= len(lines), (path, start, end)
            prev_end = end
            first = lines[start - 1].strip()
            assert first.removeprefix("# ") == r["title"], (path, start, first, r["title"])
            assert lines[end - 1].strip(), (path, end)
            assert len(r["roles"]) == end - start + 1
            assert r["roles"][0] == "T"
            covered.update(range(start, end + 1))
        stray = [i for i, ln in enumerate(lines, 1) if ln.strip() and i not in covered]
        assert not stray, (path, stray[:5])


def _first_occurrences(records: list[dict]) -> dict[str, dict]:
    first: dict[str, dict] = {}
    for r in records:
        first.setdefault(r["article_id"], r)
    return first


_NUMBER_RE = re.compile(r"\d[\d,.]*\d|\d")
_NAME_RE = re.compile(r"\b[A-Z][a-z]{2,}\b")


# ---- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    root = tmp_path_factory.mktemp("synth") / "corpus"
    stats = generate_corpus(root, 2000, seed=7)
    assert stats.truth_path == root.parent / "corpus.truth.jsonl"  # beside, not inside
    assert stats.files == 2000
    return root, _load(stats.truth_path)


# ---- text generation ------------------------------------------------------------------------


@pytest.mark.slow
def test_every_template_fills_for_every_kind() -> None:
    rng = random.Random(3)
    for line in synth.STORYLINES.values():
        for kind in line.kinds:
            for trial in range(5):
                t = random.Random(trial)
                facts = synth._story_facts(t, rng, line, kind, date(2024, 2, 4))
                groups = [*kind.facts.values(), kind.titles, kind.captions,
                          *GENERIC_FACTS.values(), synth.PRIOR_FACT, synth.EDITOR_NOTES]  # fmt: skip
                for who, words in kind.quotes:
                    facts["quote"], facts["quote_who"] = synth._fill(words, facts, rng), facts[who]
                    groups.append(synth.QUOTE_FRAMES)
                facts.update(prior="the earlier story", gap="two weeks")
                version = synth._version_facts(rng, facts)
                for template in itertools.chain.from_iterable(groups):
                    text = synth._fill(template, version, rng)
                    assert not set("{}[]") & set(text), (kind.name, template)


@pytest.mark.slow
def test_unrelated_stories_do_not_look_alike() -> None:
    maker = StoryMaker(random.Random(5), follow_up=0.0)
    arts = [maker.article(maker.new_story(date(2024, 1, 1)), SITES[0]) for _ in range(80)]
    texts = ["\n".join(a.paragraphs) for a in arts]
    sims = sorted(shingle_jaccard(a, b) for a, b in itertools.combinations(texts, 2))
    assert sims[-1] < 0.35  # far below the near-copy range
    assert sims[len(sims) // 2] < 0.05


def test_people_are_introduced_then_named_by_surname() -> None:
    maker = StoryMaker(random.Random(11))
    for _ in range(60):
        story = maker.new_story(date(2024, 3, 1))
        text = "\n".join(maker.article(story, SITES[4]).paragraphs)
        for key in story.facts["_cast"].split():
            name, last = story.facts[key + "_name"], story.facts[key + "_last"]
            first = re.search(rf"\b{last}\b", text)
            if first:
                # First mention: with the first name (and maybe the title); then surname only.
                assert text[: first.end()].endswith(name), (name, text)
                assert text.count(name) == 1, (name, text)


def test_follow_up_stories_keep_the_cast_and_tell_another_event() -> None:
    maker = StoryMaker(random.Random(2), follow_up=1.0)
    first = maker.new_story(date(2024, 1, 1))
    line = synth.STORYLINES[first.kind.storyline]
    kinds = [first.kind]
    for month in range(2, 7):
        later = maker.new_story(date(2024, month, 1))
        if later.topic_id != first.topic_id:
            break  # the storyline ended (a minister resigned, say)
        for key in ("country", "lead", "partner"):
            assert later.facts[key] == first.facts[key]
        assert later.kind not in kinds  # another development of the storyline...
        assert later.kind in line.kinds
        assert later.facts["prior"]  # ...with one sentence that recalls the previous story
        kinds.append(later.kind)
    assert len(kinds) >= 3


# ---- corpus ---------------------------------------------------------------------------------


def test_same_seed_same_corpus(tmp_path: Path) -> None:
    a = generate_corpus(tmp_path / "a", 120, seed=3)
    b = generate_corpus(tmp_path / "b", 120, seed=3)
    c = generate_corpus(tmp_path / "c", 120, seed=4)

    def snapshot(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.txt")}

    assert snapshot(a.out_dir) == snapshot(b.out_dir)
    assert a.truth_path.read_bytes() == b.truth_path.read_bytes()
    assert snapshot(a.out_dir) != snapshot(c.out_dir)


@pytest.mark.slow
def test_truth_points_at_real_lines(corpus: tuple[Path, list[dict]]) -> None:
    root, records = corpus
    _check_truth(root, records)
    assert all(re.fullmatch(r"[\w-]+(/\d{4}-\d{2})?/\d{6}_[0-9a-f]{16}\.txt", r["path"])
               for r in records)  # fmt: skip


def test_long_tail_of_copies(corpus: tuple[Path, list[dict]]) -> None:
    _, records = corpus
    files: dict[str, set[str]] = defaultdict(set)
    for r in records:
        files[r["article_id"]].add(r["path"])
    counts = sorted(len(v) for v in files.values())
    few = sum(c <= 3 for c in counts) / len(counts)
    assert few > 0.65, few  # most articles sit in 1-3 files...
    assert counts[-1] >= 40  # ...a few in dozens
    assert sum(c >= 10 for c in counts) >= 20


def test_all_layouts_and_their_furniture_appear(corpus: tuple[Path, list[dict]]) -> None:
    root, records = corpus
    assert {r["layout"] for r in records} == set(LAYOUTS)
    files = _Files(root)
    lines_by_layout: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        lines = files.lines(r["path"])[r["start_line"] - 1 : r["end_line"]]
        lines_by_layout[r["layout"]].update(ln.strip() for ln in lines)
    assert lines_by_layout["asharq"]["TT"] > 100
    assert lines_by_layout["arabnews"]["Follow"] > 100
    assert lines_by_layout["arabnews"]["Short Url"] > 10
    assert lines_by_layout["byline"]["Advertisement"] > 50
    assert lines_by_layout["byline"]["Share this article"] > 50
    assert any(k.startswith("=====") for k in lines_by_layout["wrapped"])
    # One article per plain file, several on others.
    per_file = Counter(r["path"] for r in records)
    assert all(per_file[r["path"]] == 1 for r in records if r["layout"] == "plain")
    assert max(per_file.values()) == 6


def test_layout_variants_of_the_seeds_appear(corpus: tuple[Path, list[dict]]) -> None:
    root, records = corpus
    files = _Files(root)
    by_path: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_path[r["path"]].append(r)
    touching = nbsp_gap = no_caption = comment_count = wrapped_ok = 0
    for path, recs in by_path.items():
        lines = files.lines(path)
        layout = recs[0]["layout"]
        for a, b in itertools.pairwise(recs):
            if layout == "arabnews" and b["start_line"] == a["end_line"] + 1:
                touching += 1  # only the next article's repeated title marks the boundary
            if "\xa0" in lines[a["end_line"] : b["start_line"] - 1]:
                nbsp_gap += 1
        for r in recs:
            if layout == "asharq":
                no_caption += "C" not in r["roles"]
                comment_count += any(ln.isdigit() for ln in lines[r["start_line"] : r["end_line"]])
            if layout == "wrapped":
                body = [
                    ln
                    for ln, c in zip(lines[r["start_line"] - 1 :], r["roles"], strict=False)
                    if c == "B"
                ]
                wrapped_ok += max(map(len, body)) <= 79
    assert touching and nbsp_gap and no_caption and comment_count and wrapped_ok


def test_rewrites_differ_in_wording_but_share_facts(corpus: tuple[Path, list[dict]]) -> None:
    root, records = corpus
    files = _Files(root)
    first = _first_occurrences(records)
    base = {r["story_id"]: r for r in first.values() if r["version_kind"] == "base"}
    pairs = [(base[r["story_id"]], r) for r in first.values()
             if r["version_kind"] == "rewrite" and r["story_id"] in base]  # fmt: skip
    assert len(pairs) > 100
    share_number = 0
    for b, rw in pairs:
        assert b["outlet"] != rw["outlet"] and b["title"] != rw["title"]
        tb, tr = files.segment(b), files.segment(rw)
        assert shingle_jaccard(tb, tr) < 0.3
        names = set(_NAME_RE.findall(tb)) & set(_NAME_RE.findall(tr))
        numbers = set(_NUMBER_RE.findall(tb)) & set(_NUMBER_RE.findall(tr))
        assert len(names) + len(numbers) >= 3, (names, numbers)
        share_number += bool(numbers)
    assert share_number / len(pairs) > 0.75
    # About a quarter of stories are told by more than one outlet.
    outlets: dict[str, set[str]] = defaultdict(set)
    for r in records:
        outlets[r["story_id"]].add(r["outlet"])
    multi = sum(len(v) > 1 for v in outlets.values()) / len(outlets)
    assert 0.15 < multi < 0.4


def test_near_copies_are_close_and_exact_copies_equal(corpus: tuple[Path, list[dict]]) -> None:
    root, records = corpus
    files = _Files(root)
    first = _first_occurrences(records)
    near = [r for r in first.values() if r["version_kind"] == "near"]
    assert len(near) > 50
    for r in near:
        original = first[r["copy_of"]]
        assert r["story_id"] == original["story_id"]
        a, b = files.segment(original, CONTENT_ROLES), files.segment(r, CONTENT_ROLES)
        assert a != b
        assert shingle_jaccard(a, b) > 0.6
    exact = [r for r in records if r["kind"] == "exact"]
    chrome_differs = 0
    for r in exact:
        f = first[r["article_id"]]
        # Same body words (a wrapped layout breaks lines elsewhere; a copy in another layout
        # may show the title, captions and summaries differently), whatever the chrome.
        assert r["title"] == f["title"]
        assert files.segment(f, "B").split() == files.segment(r, "B").split()
        chrome_differs += files.segment(f, "TCUBXDFS ") != files.segment(r, "TCUBXDFS ")
    assert chrome_differs > len(exact) / 2


_STOPWORDS = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
     "over", "the", "to", "up", "with", "after", "before", "says", "said", "is", "are", "be",
     "its", "it", "new")
)  # fmt: skip


def _content_words(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", title.lower()) if w not in _STOPWORDS}


def test_related_but_different_stories(corpus: tuple[Path, list[dict]]) -> None:
    """Stories of one topic are different events: other headlines, other sentences, the
    same country or people."""
    root, records = corpus
    files = _Files(root)
    first = _first_occurrences(records)
    by_topic: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in first.values():
        if r["version_kind"] == "base":
            by_topic[r["topic_id"]][r["story_id"]] = r
    related = [pair for v in by_topic.values()
               for pair in itertools.combinations(sorted(v.values(), key=lambda r: r["story_id"]), 2)]  # fmt: skip
    assert len(related) > 100
    same_place_or_people = few_shared_title_words = 0
    for a, b in related:
        ta, tb = files.segment(a), files.segment(b)
        assert a["date"] <= b["date"]
        assert a["title"] != b["title"]
        assert shingle_jaccard(ta, tb) < 0.2  # different events told in different sentences...
        names = (set(_NAME_RE.findall(ta)) & set(_NAME_RE.findall(tb))) - {"The", "But"}
        same_place_or_people += len(names) >= 2  # ...in the same country, with the same cast
        few_shared_title_words += len(_content_words(a["title"]) & _content_words(b["title"])) <= 2
    assert same_place_or_people / len(related) > 0.8
    assert few_shared_title_words / len(related) > 0.85


def test_headlines_of_different_stories_are_not_one_template(
    corpus: tuple[Path, list[dict]],
) -> None:
    _, records = corpus
    titles = {}
    for r in _first_occurrences(records).values():
        if r["version_kind"] == "base":
            titles[r["story_id"]] = _content_words(r["title"])
    rng = random.Random(1)
    stories = sorted(titles)
    pairs = [rng.sample(stories, 2) for _ in range(5000)]
    shared = [len(titles[a] & titles[b]) for a, b in pairs]
    assert sum(n >= 4 for n in shared) / len(shared) < 0.01


@pytest.mark.slow
def test_similarity_matches_real_rewrites_and_events(tmp_path: Path) -> None:
    """Calibrated against BASIL with the rewrite similarity the reader uses: rewrites about as
    alike as real outlets' reports of one event (median 0.43), related stories far less,
    unrelated ones not at all. Loose bounds on a small corpus."""
    import numpy as np

    from storyreader.search.dedup import rewrite

    texts: dict[str, ArticleText] = {}
    write = synth.CorpusWriter.write

    def capture(self, subdir, page, site, articles):
        for art in articles:
            texts.setdefault(art.article_id, art)
        return write(self, subdir, page, site, articles)

    synth.CorpusWriter.write = capture  # type: ignore[method-assign]
    try:
        stats = generate_corpus(tmp_path / "c", 1200, seed=5)
    finally:
        synth.CorpusWriter.write = write  # type: ignore[method-assign]
    arts = [a for a in texts.values() if a.kind in ("base", "rewrite")]
    table = rewrite.FeatureTable(
        {a.article_id: rewrite.prepare(a.title, a.paragraphs) for a in arts}
    )
    same, topic, other = [], [], []
    for a, b in itertools.combinations(arts, 2):
        pair = (a.article_id, b.article_id)
        if a.story_id == b.story_id:
            same.append(pair)
        elif a.topic_id == b.topic_id:
            topic.append(pair)
        elif abs((a.date - b.date).days) <= 3 and len(other) < 5000:
            other.append(pair)
    assert stats.files == 1200 and len(same) > 100 and len(topic) > 100
    # Every generated article is dated, and the reader scores dated texts on their words alone.
    dated = {a.article_id for a in arts}
    same_s, topic_s, other_s = (table.similarity(x, dated) for x in (same, topic, other))
    assert 0.35 < np.median(same_s) < 0.6 and np.percentile(same_s, 5) > 0.15
    assert np.median(topic_s) < 0.2 and np.percentile(topic_s, 95) < 0.4
    assert np.median(other_s) < 0.05 and np.percentile(other_s, 95) < 0.25


def test_rewrites_often_quote_the_same_words(corpus: tuple[Path, list[dict]]) -> None:
    root, records = corpus
    files = _Files(root)
    first = _first_occurrences(records)
    base = {r["story_id"]: r for r in first.values() if r["version_kind"] == "base"}
    quotes = re.compile(r"[“\"]([^”“\"]{20,}?)[,.]?[”\"]")
    shared = total = 0
    for r in first.values():
        if r["version_kind"] == "rewrite" and r["story_id"] in base:
            qa = set(quotes.findall(files.segment(base[r["story_id"]])))
            qb = set(quotes.findall(files.segment(r)))
            total += 1
            shared += bool(qa & qb)
    assert 0.3 < shared / total < 0.75  # real outlets quote the same speaker about half the time


def test_arabnews_pages_mostly_show_an_absolute_date(corpus: tuple[Path, list[dict]]) -> None:
    root, records = corpus
    files = _Files(root)
    stamps = []
    for r in records:
        if r["layout"] == "arabnews":
            lines = files.lines(r["path"])[r["start_line"] - 1 : r["end_line"]]
            stamps += [ln for ln, role in zip(lines, r["roles"], strict=True) if role == "D"]
    relative = sum(ln.endswith(" ago") for ln in stamps) / len(stamps)
    assert 0.12 < relative < 0.32  # "Updated 31 sec ago" alone: about one article in five


# ---- layouts ----------------------------------------------------------------------------------


def _article(n: int) -> ArticleText:
    return ArticleText(
        article_id=f"a{n}", story_id=f"s{n}", title=f"Title number {n}", outlet="Outlet",
        paragraphs=[f"Paragraph {i} of article {n}." for i in range(4)], date=date(2024, 2, 4),
        caption=f"Caption {n}. (NPA)", bullets=[f"Paragraph 1 of article {n}"], time="09:30",
    )  # fmt: skip


@pytest.mark.parametrize("layout", LAYOUTS)
def test_render_page_segments(layout: str) -> None:
    arts = [_article(1)] if layout == "plain" else [_article(1), _article(2), _article(3)]
    site = next(s for s in SITES if s.layout == layout)
    for seed in range(20):
        page = render_page(layout, arts, site, random.Random(seed), related=["Other story"])
        lines = page.text.split("\n")
        assert len(page.segments) == len(arts)
        for art, seg in zip(arts, page.segments, strict=True):
            assert lines[seg.start_line - 1].strip().removeprefix("# ") == art.title
            assert lines[seg.end_line - 1].strip()
            body = "\n".join(
                ln
                for ln, r in zip(lines[seg.start_line - 1 :], seg.roles, strict=False)
                if r == "B"
            )
            assert body.split() == " ".join(art.paragraphs).split()
    with pytest.raises(ValueError):
        render_page("plain", [_article(1), _article(2)], SITES[4], random.Random(0))


def test_seed_layouts_match_the_seed_shapes() -> None:
    rng = random.Random(1)
    art = _article(1)
    site = next(s for s in SITES if s.layout == "asharq")
    page = render_page("asharq", [art], site, rng, comments=20)
    lines = page.text.split("\n")
    caption = [i for i, ln in enumerate(lines) if ln == art.caption]
    assert len(caption) == 4 and caption[1] == caption[0] + 1  # printed twice, twice
    assert "20" in lines and lines.count(art.title) + lines.count(art.title + "\xa0") == 2
    page = render_page("plain", [art], SITES[4], rng)
    assert page.text.split("\n")[:2] == [art.title, "Outlet"]
    arab = next(s for s in SITES if s.layout == "arabnews")
    lines = render_page("arabnews", [art], arab, rng).text.split("\n")
    assert sum(ln == art.title for ln in lines) in (3, 4)
    assert "Follow" in lines and any(ln.startswith("Updated ") for ln in lines)
    assert f"  • {art.bullets[0]}" in lines


# ---- demo -----------------------------------------------------------------------------------


def test_demo_corpus(tmp_path: Path) -> None:
    root = ensure_demo_corpus(tmp_path / "demo")
    truth = demo_truth_path(root)
    assert truth.parent == root.parent  # beside, not inside
    records = _load(truth)
    _check_truth(root, records)
    assert {r["layout"] for r in records} == set(SEED_LAYOUTS)
    assert 30 <= len({r["path"] for r in records}) <= 40
    assert 15 <= len({r["story_id"] for r in records}) <= 20
    kinds = Counter(r["kind"] for r in records)
    assert kinds["exact"] >= 10 and kinds["near"] >= 2 and kinds["rewrite"] >= 2
    topics: dict[str, set[str]] = defaultdict(set)
    for r in records:
        topics[r["topic_id"]].add(r["story_id"])
    assert sum(len(v) > 1 for v in topics.values()) >= 2  # related-but-different pairs

    # Idempotent: a second call leaves the files alone.
    mtimes = {p: p.stat().st_mtime_ns for p in root.rglob("*.txt")}
    assert ensure_demo_corpus(root) == root
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*.txt")} == mtimes
    # A changed generator (a different stamp) regenerates it.
    (tmp_path / "demo.version").write_text("stale\n")
    ensure_demo_corpus(root)
    assert (tmp_path / "demo.version").read_text().strip() != "stale"
    assert {p.relative_to(root) for p in root.rglob("*.txt")} == {
        p.relative_to(root) for p in mtimes
    }


def test_demo_refuses_a_foreign_directory(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        ensure_demo_corpus(tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


# ---- nothing of the seeds in the repo -----------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not available")
def test_no_seed_text_in_generator_sources() -> None:
    def shingles8(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}

    seed_sh = set().union(*(shingles8(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    from storyreader.search.demo import corpus, page

    for module in (synth.__file__, corpus.__file__, page.__file__):
        assert not shingles8(Path(module).read_text(encoding="utf-8")) & seed_sh


# ---- BASIL ------------------------------------------------------------------------------------


@pytest.mark.skipif(not BASIL.is_file(), reason="../shared/basil not available")
def test_basil_corpus(tmp_path: Path) -> None:
    stats = generate_basil_corpus(tmp_path / "basil", BASIL, seed=1, copies=1.3)
    records = _load(stats.truth_path)
    _check_truth(tmp_path / "basil", records)
    rows = [json.loads(line) for line in BASIL.open(encoding="utf-8")]
    doc_cluster = {r["doc_id"]: r["cluster_id"] for r in rows}
    assert {r["article_id"].split("~")[0] for r in records} == set(doc_cluster)
    for r in records:
        assert r["story_id"] == doc_cluster[r["article_id"].split("~")[0]]
        if r["version_kind"] == "near":
            assert r["article_id"] == r["copy_of"] + "~n1"
    assert {r["outlet"] for r in records} == {"The New York Times", "Fox News", "HuffPost"}
    assert {r["layout"] for r in records} == set(LAYOUTS)
    assert any(r["kind"] == "exact" for r in records)
    assert max(Counter(r["path"] for r in records).values()) > 1  # appended articles
