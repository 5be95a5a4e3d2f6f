"""Grouping accuracy: `storyreader stories --format json` scored against ground truth.

    python -m bench.quality TRUTH.jsonl STORIES.jsonl
    python -m bench.quality --realweb ../shared/realweb [--half odd|even]  # real pages
    python -m bench.quality --fuzz ecbplus --fuzz basil      # real articles, fuzzed layouts
    python -m bench.quality --ecbplus [ARTICLES.jsonl] [--half odd|even]

The second form writes each ECB+ development article (../shared/ecbplus-dev) to its own
file, builds an index of them as a user would (in a temporary folder) and prints B-cubed
F1, pair precision and recall, hard-negative merges (pairs of one topic but different
events put in one story, as a share of all pairs) and, for every same-event pair left
apart, the rule that kept it out.

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
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

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


# --- Real web pages (../shared/realweb): the benchmark's own metric --------------------------

_WORD = re.compile(r"\w+")
SHINGLE = 4
# A story of a page that shares less than this share of its shingles with the gold body is
# furniture (a menu, a share row, a list of related headlines), not part of the article.
FURNITURE_MAX_PRECISION = 0.5


def shingles(text: str) -> Counter:
    """4-word shingles of the `\\w+` words, with multiplicity (the benchmark's unit)."""
    words = _WORD.findall(text)
    if len(words) < SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def page_pr(gold: Counter, found: Counter) -> tuple[float, float]:
    """Precision and recall of one page as the benchmark computes them (tp, fp and fn are
    normalised by their sum there, which cancels in both ratios)."""
    tp = sum((gold & found).values())
    fp = sum((found - gold).values())
    fn = sum((gold - found).values())
    if fp == fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


def extraction_f1(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """(gold, extracted) per page -> averaged precision and recall and F1 of the averages."""
    ps, rs = [], []
    for gold, found in pairs:
        p, r = page_pr(shingles(gold), shingles(found))
        ps.append(p)
        rs.append(r)
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def justext_lines(text: str) -> str:
    """jusText over the dump, one paragraph per line (the dump has no HTML left)."""
    import html

    import justext

    page = (
        "<html><body>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
        + "</body></html>"
    )
    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _headline(lines: list[str]) -> str | None:
    """The page's headline: the longest later line that the first line (the HTML title,
    "Headline - Site") contains, if there is one of three words or more."""
    from storyreader.search.ingest.text import fold

    if not lines:
        return None
    head = fold(lines[0])
    found = [fold(x) for x in lines[1:] if len(x.split()) >= 3 and fold(x) and fold(x) in head]
    return max(found, key=len) if found else None


def _titled(title: str, headline: str | None) -> bool:
    from storyreader.search.ingest.text import fold

    t = fold(title).rstrip("…").strip()
    return bool(headline) and (t == headline or (len(t) >= 0.8 * len(headline) and t in headline))


def realweb_quality(realweb: Path, work: Path, half: str | None = None) -> dict[str, float]:
    """Build an index of the real pages as a user would, and score the best story of each
    page against the gold body, beside the raw dump and jusText on the dump. `half` ("odd"
    or "even") scores only the pages of that parity in name order (1-based), so that rules
    tuned on one half can be reported on the other."""
    import shutil

    from storyreader.search.query import Library
    from storyreader.search.update.build import build

    gold = {g["file"]: g["article_body"] for g in read_jsonl(realweb / "gold.jsonl")}
    pages = sorted(p for p in (realweb / "pages").glob("*.txt") if p.name in gold)
    if half is not None:
        pages = [p for n, p in enumerate(pages, 1) if n % 2 == (half == "odd")]
    shutil.rmtree(work, ignore_errors=True)
    build(realweb / "pages", work)
    per_page: dict[str, list] = defaultdict(list)
    with Library(work) as lib:
        for row in lib.stories():
            story = lib.story(row.id)
            for path in {o.path for o in story.occurrences}:
                per_page[path].append(story)
    best_pairs, own_pairs, raw_pairs, jt_pairs = [], [], [], []
    furniture = titled = headlined = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        g = gold[page.name]
        gs = shingles(g)
        scored = []
        for story in per_page.get(page.name, []):
            p, r = page_pr(gs, shingles(story.text))
            scored.append((_f1(p, r), p, story))
        scored.sort(key=lambda x: -x[0])
        best = scored[0][2] if scored else None
        best_pairs.append((g, best.text if best else ""))
        # The page's own text: a story grouping another site's rewrite of the same event
        # shows that site's version first, which says nothing of this page's cleaning.
        own = [
            v.text for s in per_page.get(page.name, []) for v in s.versions if page.name in v.paths
        ]
        own_pairs.append((g, max(own, key=lambda t: _f1(*page_pr(gs, shingles(t))), default="")))
        raw_pairs.append((g, text))
        jt_pairs.append((g, justext_lines(text)))
        furniture += sum(1 for _, p, _ in scored[1:] if p < FURNITURE_MAX_PRECISION)
        headline = _headline(text.splitlines())
        if headline:
            headlined += 1
            titled += bool(best and _titled(best.title, headline))
    best = extraction_f1(best_pairs)
    own = extraction_f1(own_pairs)
    raw = extraction_f1(raw_pairs)
    jt = extraction_f1(jt_pairs)
    return {
        "pages": len(pages),
        "best_story_precision": best["precision"],
        "best_story_recall": best["recall"],
        "best_story_f1": best["f1"],
        "own_version_precision": own["precision"],
        "own_version_recall": own["recall"],
        "own_version_f1": own["f1"],
        "raw_dump_f1": raw["f1"],
        "justext_f1": jt["f1"],
        "stories_per_page": sum(len(per_page.get(p.name, ())) for p in pages) / len(pages),
        "furniture_stories_per_page": furniture / len(pages),
        "pages_with_headline": headlined,
        "titled_with_headline": titled / headlined if headlined else 0.0,
    }


# --- Real articles in fuzzed layouts (bench/fuzz_layouts.py) -------------------------------


def _occurrences(lib) -> list[dict]:
    return [
        {
            "id": s.id,
            "occurrences": [
                {
                    "path": o.path,
                    "start_line": o.start_line,
                    "end_line": o.end_line,
                    "title": o.title,
                }
                for o in s.occurrences
            ],
        }
        for s in (lib.story(r.id) for r in lib.stories())
    ]


def title_figures(truth: list[dict], stories: list[dict]) -> dict[str, float]:
    """Of the segments found: the share titled with their headline (where the layout printed
    one), and how many were titled with a generated furniture line (breadcrumb, byline,
    caption, date line)."""
    predicted = [
        (o["path"], o["start_line"], o["end_line"], o["title"])
        for s in stories
        for o in s["occurrences"]
    ]
    matched = match_segments(truth, predicted)
    from storyreader.search.ingest.text import fold

    headlined = right = bad = 0
    for i, title in matched.items():
        t = truth[i]
        if t["title"]:
            headlined += 1
            right += fold(title).lstrip("# ") == fold(t["title"])
        bad += title in set(t["furniture"])
    return {
        "titled_with_headline": right / headlined if headlined else 1.0,
        "titles_from_furniture": bad,
    }


def fuzz_quality(
    source: str, work: Path, families: Iterable[str], seed: int = 0
) -> dict[str, dict[str, float]]:
    """Build an index of real articles in fuzzed layouts; scores overall and per family
    variant (the files whose site drew that variant)."""
    import shutil

    from bench.fuzz_layouts import FAMILIES, generate
    from storyreader.search.query import Library
    from storyreader.search.update.build import build

    shutil.rmtree(work, ignore_errors=True)
    truth_path = generate(work / "corpus", source, seed, families=tuple(families))
    build(work / "corpus", work / "index")
    with Library(work / "index") as lib:
        stories = _occurrences(lib)
    truth = read_jsonl(truth_path)
    out = {"all": {**score(truth, stories), **title_figures(truth, stories)}}
    for family, variants in FAMILIES.items():
        for variant in variants[1:]:
            paths = {t["path"] for t in truth if t["layout"][family] == variant}
            if not paths:
                continue
            sub_truth = [t for t in truth if t["path"] in paths]
            sub = [
                {**s, "occurrences": [o for o in s["occurrences"] if o["path"] in paths]}
                for s in stories
            ]
            out[f"{family}={variant}"] = {
                **score(sub_truth, sub),
                **title_figures(sub_truth, sub),
            }
    return out


FUZZ_KEYS = (
    "segments_true",
    "segmentation_precision",
    "segmentation_recall",
    "segmentation_f1",
    "copy_recall",
    "titled_with_headline",
    "titles_from_furniture",
)


def fuzz_rows(name: str, figures: dict[str, dict[str, float]]) -> list[str]:
    """A Markdown table of fuzz_quality's figures, one row per slice."""
    rows = [
        f"| {name} | " + " | ".join(k.replace("_", " ") for k in FUZZ_KEYS) + " |",
        "|---" * (len(FUZZ_KEYS) + 1) + "|",
    ]
    for part, q in figures.items():
        cells = [f"{q[k]:.3f}" if isinstance(q[k], float) else str(q[k]) for k in FUZZ_KEYS]
        rows.append(f"| {part} | " + " | ".join(cells) + " |")
    return rows


ECBPLUS = Path(__file__).resolve().parents[1].parent / "shared" / "ecbplus-dev" / "articles.jsonl"

# Why a same-event pair ended in two stories, in the order the pipeline decides it.
MISS_REASONS = (
    "gate: too few shared informative terms",
    "gate: names overlap too small",
    "fields: the event signature differs (salient names, years)",
    "below the pair threshold",
    "never a candidate (blocking keys, hubs)",
    "pair dates too far apart",
    "group level: the two stories' dates span more than the window",
    "group level: too few strong pairs across the two stories",
)


def ecbplus_quality(articles: Path, work: Path, half: str | None = None) -> dict[str, float | int]:
    """Build an index of one article per file and score it against the ECB+ events, with
    the reason for every same-event pair left apart (see MISS_REASONS). `half` ("odd",
    "even") keeps the topics of that parity only: tune on one, report the other."""
    from storyreader.search.ingest.dates import days_apart
    from storyreader.search.model import EdgeKind
    from storyreader.search.storage.paths import store_path
    from storyreader.search.storage.store import Store
    from storyreader.search.update.build import build

    records = read_jsonl(articles)
    if half is not None:
        records = [r for r in records if int(r["topic"]) % 2 == (half == "odd")]
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    for r in records:
        (corpus / f"{r['doc_id']}.txt").write_text(r["text"] + "\n", encoding="utf-8")
    build(corpus, work / "index", workers=2)

    store = Store.open(store_path(work / "index"), readonly=True)
    try:
        key_of: dict[str, str] = {}
        for r in records:
            found = store.articles.in_file(f"{r['doc_id']}.txt")
            if len(found) == 1:
                key_of[r["doc_id"]] = found[0].key
        story_of = {
            k: sid for sid, ks in store.stories.holding(set(key_of.values())).items() for k in ks
        }
        edges = {
            (min(a, b), max(a, b)): sim
            for a, b, kind, sim in store.edges.all()
            if kind == EdgeKind.REWRITE
        }
        dates = store.articles.dates_for(set(key_of.values()))
        missed: list[tuple[str, str]] = []
        tp = fp = fn = hard = 0
        docs = [r for r in records if r["doc_id"] in key_of]
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                ka, kb = key_of[a["doc_id"]], key_of[b["doc_id"]]
                together = story_of[ka] == story_of[kb]
                same = a["cluster_id"] == b["cluster_id"]
                tp += together and same
                fp += together and not same
                hard += together and not same and a["topic"] == b["topic"]
                if same and not together:
                    fn += 1
                    missed.append((ka, kb))
        days: dict[str, list[str]] = defaultdict(list)
        for k, sid in story_of.items():
            days[sid] += dates.get(k, ())
        spans = {sid: (min(ds), max(ds)) for sid, ds in days.items() if ds}

        def span(ka: str, kb: str) -> int:
            ends = [d for k in (ka, kb) if (sid := story_of[k]) in spans for d in spans[sid]]
            return days_apart(min(ends), max(ends)) if ends else 0

        reasons = Counter(_miss_reason(ka, kb, store, edges, dates, span) for ka, kb in missed)
        curve = _pair_curve(docs, key_of, store)
        curve.update(_average_link_curve(docs, key_of, store))
    finally:
        store.close()
    truth = [
        {
            "path": f"{r['doc_id']}.txt",
            "start_line": 0,
            "end_line": 0,
            "article_id": r["doc_id"],
            "story_id": r["cluster_id"],
        }
        for r in docs
    ]
    stories: dict[str, list[dict]] = defaultdict(list)
    for r in docs:
        stories[story_of[key_of[r["doc_id"]]]].append(
            {"path": f"{r['doc_id']}.txt", "start_line": 0, "end_line": 0}
        )
    b3 = score(truth, [{"id": s, "occurrences": o} for s, o in stories.items()])
    n_pairs = _pairs(len(docs))
    out: dict[str, float | int] = {
        "articles": len(records),
        "articles_one_text": len(docs),
        "events": len({r["cluster_id"] for r in docs}),
        "stories_found": len(stories),
        "bcubed_precision": b3["bcubed_precision"],
        "bcubed_recall": b3["bcubed_recall"],
        "bcubed_f1": b3["bcubed_f1"],
        "pair_precision": tp / (tp + fp) if tp + fp else 1.0,
        "pair_recall": tp / (tp + fn) if tp + fn else 1.0,
        "pairs_merged_wrongly": fp,
        "hard_negative_merges": hard,
        "hard_negative_share_of_pairs": hard / n_pairs if n_pairs else 0.0,
        "same_event_pairs_missed": fn,
    }
    for reason in MISS_REASONS:
        out[f"missed: {reason}"] = reasons.get(reason, 0)
    out.update(curve)
    return out


# Pair-score cut-offs at which the pair model alone is scored (no grouping, no dates).
CURVE_THRESHOLDS = (0.25, 0.30, 0.35, 0.40, 0.50)


def _pair_curve(docs: list[dict], key_of: dict[str, str], store) -> dict[str, float]:
    """Pair precision and recall of the rewrite score alone at several cut-offs: how far
    any grouping rule built on this score can go."""
    from storyreader.search.dedup import rewrite

    table = rewrite.FeatureTable(store.texts.features(set(key_of.values())))
    rows = np.array([table.row[key_of[r["doc_id"]]] for r in docs])
    events = np.array([r["cluster_id"] for r in docs])
    i, j = np.triu_indices(len(docs), 1)
    scores = table.parts(rows[i], rows[j])["score"]
    same = events[i] == events[j]
    out = {}
    for t in CURVE_THRESHOLDS:
        kept = scores >= t
        out[f"pair score >= {t:.2f}: precision"] = float((kept & same).sum() / max(kept.sum(), 1))
        out[f"pair score >= {t:.2f}: recall"] = float((kept & same).sum() / max(same.sum(), 1))
    return out


# Cut-offs at which whole-text average link over the pair score less the fields' penalty
# is scored (no gate, no dates): how far a group-level rule on this score could go.
AVERAGE_LINK_THRESHOLDS = (0.12, 0.15, 0.17)


def _average_link_curve(docs: list[dict], key_of: dict[str, str], store) -> dict[str, float]:
    """B³ F1 and pair precision and recall of average-link clustering over every pair's
    score before the gate less the fields' penalty, at several cut-offs: merges are
    decided by the mean over all pairs of two clusters, so texts that each agree with the
    same third texts join even when their own pair scores low."""
    from scipy.cluster.hierarchy import fcluster, linkage

    from storyreader.search.dedup import rewrite

    table = rewrite.FeatureTable(store.texts.features(set(key_of.values())))
    rows = np.array([table.row[key_of[r["doc_id"]]] for r in docs])
    events = np.array([r["cluster_id"] for r in docs])
    i, j = np.triu_indices(len(docs), 1)
    parts = table.parts(rows[i], rows[j])
    similarity = parts["raw"] - parts["penalty"]
    # Distances must not go below zero: similarities are shifted by their maximum.
    top = max(1.0, float(similarity.max()))
    tree = linkage(top - similarity, "average")
    truth = [
        {
            "path": r["doc_id"],
            "start_line": 0,
            "end_line": 0,
            "article_id": r["doc_id"],
            "story_id": r["cluster_id"],
        }
        for r in docs
    ]
    same = events[i] == events[j]
    out: dict[str, float] = {}
    for t in AVERAGE_LINK_THRESHOLDS:
        labels = fcluster(tree, top - t, "distance")
        found: dict[int, list[dict]] = defaultdict(list)
        for r, label in zip(docs, labels.tolist(), strict=True):
            found[label].append({"path": r["doc_id"], "start_line": 0, "end_line": 0})
        b3 = score(truth, [{"id": str(c), "occurrences": o} for c, o in found.items()])
        together = labels[i] == labels[j]
        name = f"average link >= {t:.2f}"
        out[f"{name}: bcubed_f1"] = b3["bcubed_f1"]
        out[f"{name}: pair precision"] = float((together & same).sum() / max(together.sum(), 1))
        out[f"{name}: pair recall"] = float((together & same).sum() / max(same.sum(), 1))
    return out


def _miss_reason(ka: str, kb: str, store, edges, dates, span: Callable[[str, str], int]) -> str:
    """Which rule kept two texts of one event in different stories."""
    from storyreader.search.dedup import grouping, rewrite

    pair = (min(ka, kb), max(ka, kb))
    table = rewrite.FeatureTable(store.texts.features(pair))
    i, j = np.array([table.row[pair[0]]]), np.array([table.row[pair[1]]])
    parts = table.parts(i, j)
    da, db = min(dates.get(ka) or {None}, key=str), min(dates.get(kb) or {None}, key=str)
    both_dated = da is not None and db is not None
    # What the fields judge: the gated score, or the score before the gate from GATE_RESCUE
    # when the names overlap.
    other_names = bool(rewrite.names_differ(parts["names_shared"][0], parts["names_fewer"][0]))
    rescued = parts["raw"][0] >= rewrite.GATE_RESCUE and not other_names
    judged = parts["gated"][0] or parts["raw"][0] * rescued
    if parts["gated"][0] == 0.0 and parts["raw"][0] > 0.0 and (both_dated or judged == 0.0):
        if parts["shared"][0] < rewrite.MIN_SHARED_TERMS:
            return MISS_REASONS[0]
        return MISS_REASONS[1]
    bar = rewrite.threshold(both_dated)
    if parts["score"][0] < bar <= judged:
        return MISS_REASONS[2]
    if parts["score"][0] < bar:
        return MISS_REASONS[3]
    if pair not in edges:
        return MISS_REASONS[4]
    if both_dated and not grouping.linkable(edges[pair], da, db):
        return MISS_REASONS[5]
    if span(ka, kb) > rewrite.DATE_WINDOW_JUDGED_DAYS:
        return MISS_REASONS[6]
    return MISS_REASONS[7]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("truth", type=Path, nargs="?")
    parser.add_argument("stories", type=Path, nargs="?")
    parser.add_argument("--realweb", type=Path, help="score the real pages in this folder")
    parser.add_argument(
        "--fuzz", choices=("ecbplus", "basil"), action="append", help="real articles, fuzzed"
    )
    parser.add_argument("--tune", action="store_true", help="fuzz only the tuning families")
    parser.add_argument(
        "--ecbplus",
        type=Path,
        nargs="?",
        const=ECBPLUS,
        help="score ECB+ articles (default ../shared/ecbplus-dev/articles.jsonl), one per file",
    )
    parser.add_argument(
        "--half",
        choices=("odd", "even"),
        help="with --ecbplus: the topics of one parity only; with --realweb: the pages",
    )
    parser.add_argument("--work", type=Path, default=Path("bench-work"))
    args = parser.parse_args(argv)
    if not (args.realweb or args.fuzz or args.ecbplus or (args.truth and args.stories)):
        parser.error("give TRUTH and STORIES, or --realweb, --fuzz or --ecbplus")
    if args.realweb:
        for name, value in realweb_quality(args.realweb, args.work / "realweb", args.half).items():
            print(f"{name:28} {value:.4f}" if isinstance(value, float) else f"{name:28} {value}")
    for source in args.fuzz or ():
        from bench.fuzz_layouts import FAMILIES, TUNE_FAMILIES

        families = TUNE_FAMILIES if args.tune else tuple(FAMILIES)
        print("\n".join(fuzz_rows(source, fuzz_quality(source, args.work / source, families))))
    results: dict = {}
    if args.ecbplus:
        with tempfile.TemporaryDirectory() as work:
            results = ecbplus_quality(args.ecbplus, Path(work), args.half)
    elif args.truth and args.stories:
        results = score(read_jsonl(args.truth), read_jsonl(args.stories))
    for name, value in results.items():
        print(f"{name:56} {value:.4f}" if isinstance(value, float) else f"{name:56} {value}")


if __name__ == "__main__":
    main()
