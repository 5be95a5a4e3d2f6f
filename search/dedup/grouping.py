"""Grouping texts into stories.

Three layers. Exact copies share a text key and are one node from the start. Near copies
(a paragraph added, dropped or cut, a number changed) are linked by confirmed shingle
similarity and grouped as connected components. Rewrites link those groups into stories,
strongest links first, never joining groups whose dates say they are different events,
and never along one strong edge between two groups whose other texts mostly score below
the bar against each other (the way single link chains the episodes of a saga).

Every edge is a pure function of its two texts, and grouping any set of whole stories
gives those stories again (every join is decided by the two sides as they stand, and
every edge leaving them was refused), so an update regroups the stories it touched and
their neighbours (update/regroup.py) and gets exactly what a full rebuild gets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyreader.search.dedup import rewrite
from storyreader.search.ingest.dates import days_apart
from storyreader.search.model import Edge, EdgeKind

# Joins whose pairs of representatives are scored ahead, in the batch of the join before.
# Only small joins are looked ahead at: most joins add a group or two to a side, and
# listing the pairs of big sides again and again cost more than the batches saved.
LOOKAHEAD_JOINS = 32
LOOKAHEAD_PAIRS = 64


class UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller key wins so the result does not depend on edge order.
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra
        return ra


def near_groups(keys: Iterable[str], edges: Iterable[Edge]) -> dict[str, str]:
    """Text key → the key naming its group of exact and near copies."""
    uf = UnionFind(keys)
    for a, b, kind, _ in edges:
        if kind == EdgeKind.NEAR and a in uf.parent and b in uf.parent:
            uf.union(a, b)
    return {k: uf.find(k) for k in uf.parent}


def linkable(sim: float, date_a: str | None, date_b: str | None) -> bool:
    """Whether a rewrite edge of this strength may join two groups with these earliest
    dates: the pairwise conditions every join in `group_stories` must meet."""
    if date_a is None or date_b is None:
        return sim >= rewrite.threshold(False)
    return sim >= rewrite.threshold(True) and days_apart(date_a, date_b) <= rewrite.DATE_WINDOW_DAYS


@dataclass(slots=True)
class _Group:
    """A group of exact and near copies: its representative text (the most complete) and
    its first known date."""

    rep: str
    date: str | None


def group_stories(
    keys: Sequence[str],
    edges: Sequence[Edge],
    dates: Mapping[str, set[str]],
    sizes: Mapping[str, int],
    features: Callable[[Iterable[str]], Mapping[str, bytes]],
    scores: dict[tuple[str, str], tuple[float, float]] | None = None,
) -> list[list[str]]:
    """Stories as sorted lists of text keys.

    Near groups are joined along rewrite edges, strongest first. A join is refused when
    the story would hold dates further apart than DATE_WINDOW_JUDGED_DAYS (each group
    counts with its earliest date: re-scrapes stamped "Updated" weeks later do not make an
    event last weeks), when the edge is below the bar for its groups (lower when both are
    dated), or when fewer than LINK_SHARE of the pairs of the two sides' representatives
    clear their bar (judged by the fields, as if undated, when dated more than
    DATE_WINDOW_DAYS apart). `features` loads the rewrite features of texts.

    `scores` holds similarities of representatives (a, b), a < b, on their texts alone and
    judged by the fields (FeatureTable.both), known from earlier runs, and receives those
    scored here. A score depends on its two texts alone, so an update
    that touches a big component need not score its pairs again."""
    group_of = near_groups(keys, edges)
    members: dict[str, list[str]] = {}
    for key in sorted(keys):
        members.setdefault(group_of[key], []).append(key)
    groups: dict[str, _Group] = {}
    for root, ks in members.items():
        known = [min(dates[k]) for k in ks if dates.get(k)]
        rep = min(ks, key=lambda k: (-sizes.get(k, 0), k))
        groups[root] = _Group(rep, min(known) if known else None)

    best: dict[tuple[str, str], float] = {}
    for a, b, kind, sim in edges:
        if kind != EdgeKind.REWRITE or a not in group_of or b not in group_of:
            continue
        ga, gb = sorted((group_of[a], group_of[b]))
        if ga != gb and sim > best.get((ga, gb), 0.0):
            best[(ga, gb)] = sim

    uf = UnionFind(groups)
    side: dict[str, list[str]] = {g: [g] for g in groups}  # root → its near groups
    cache: dict[tuple[str, str], tuple[float, float]] = {} if scores is None else scores
    blobs: dict[str, bytes] = {}

    def similarities(pairs: list[tuple[str, str]]) -> np.ndarray:
        # A table of the pairs' texts only: with earlier scores at hand an update scores
        # few pairs, and a table of every linked representative of a big component cost
        # more than scoring them.
        needed = {k for pair in pairs for k in pair}
        if missing := needed - blobs.keys():
            blobs.update(features(missing))
        return rewrite.FeatureTable({k: blobs[k] for k in needed}).both(pairs)

    def candidate(ga: str, gb: str, sim: float) -> tuple[str, str] | None:
        """The two sides this edge would join, if the cheap conditions allow it."""
        ra, rb = uf.find(ga), uf.find(gb)
        if ra == rb or not linkable(sim, groups[ga].date, groups[gb].date):
            return None
        known = [d for g in side[ra] + side[rb] if (d := groups[g].date)]
        if known and days_apart(min(known), max(known)) > rewrite.DATE_WINDOW_JUDGED_DAYS:
            return None
        return ra, rb

    def unscored(ra: str, rb: str) -> set[tuple[str, str]]:
        if len(side[ra]) * len(side[rb]) == 1:
            return set()
        reps_a = [groups[g].rep for g in side[ra]]
        reps_b = [groups[g].rep for g in side[rb]]
        pairs = {(min(a, b), max(a, b)) for a in reps_a for b in reps_b}
        return {p for p in pairs if p not in cache}

    ordered = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    for at, ((ga, gb), sim) in enumerate(ordered):
        sides = candidate(ga, gb, sim)
        if sides is None:
            continue
        ra, rb = sides
        if missing := unscored(ra, rb):
            # Every batch of scores has a fixed cost, and joining one pair of sides at a
            # time made thousands of small batches: the pairs the next joins would need,
            # as the sides stand now, are scored in the same batch. Scores depend on the
            # two texts only: scoring some early changes no decision.
            for (ga2, gb2), sim2 in ordered[at + 1 : at + 1 + LOOKAHEAD_JOINS]:
                later = candidate(ga2, gb2, sim2)
                if later and len(side[later[0]]) * len(side[later[1]]) <= LOOKAHEAD_PAIRS:
                    missing |= unscored(*later)
            pairs = sorted(missing)
            for p, (plain, judged) in zip(pairs, similarities(pairs).tolist(), strict=True):
                cache[p] = (plain, judged)
        if not _alike(side[ra], side[rb], groups, similarities, cache):
            continue
        merged = side.pop(ra) + side.pop(rb)
        side[uf.union(ra, rb)] = merged
    stories: dict[str, list[str]] = {}
    for key in keys:
        stories.setdefault(uf.find(group_of[key]), []).append(key)
    return sorted(sorted(ks) for ks in stories.values())


def _alike(
    left: list[str],
    right: list[str],
    groups: Mapping[str, _Group],
    similarities: Callable[[list[tuple[str, str]]], np.ndarray],
    cache: dict[tuple[str, str], tuple[float, float]],
) -> bool:
    """The guard against chaining: a share of the pairs of representatives across the two
    sides, LINK_SHARE at least, must each clear their own bar. A mean over all pairs let
    a few weak pairs (short texts, other angles on one event) veto many strong ones; a
    saga's next episode still fails, since most of its pairs with the story score low.
    A pair with an undated side counts its score judged by the event signature's fields,
    as its edge did: with no dates to tell events apart, the fields do."""
    if len(left) * len(right) == 1:
        return True
    pairs = [(groups[a], groups[b]) for a in left for b in right]
    ordered = [(min(a.rep, b.rep), max(a.rep, b.rep)) for a, b in pairs]
    missing = sorted({p for p in ordered if p not in cache})
    if missing:
        for p, (plain, judged) in zip(missing, similarities(missing).tolist(), strict=True):
            cache[p] = (plain, judged)
    strong = 0
    for p, (a, b) in zip(ordered, pairs, strict=True):
        dated = _within_window(a.date, b.date)
        strong += cache[p][0 if dated else 1] >= rewrite.threshold(dated)
    return strong >= rewrite.LINK_SHARE * len(ordered)


def _within_window(date_a: str | None, date_b: str | None) -> bool:
    """Whether two dates say "one event" enough to score the pair on its words alone; a
    pair dated further apart (up to DATE_WINDOW_JUDGED_DAYS) is judged as if undated."""
    if date_a is None or date_b is None:
        return False
    return days_apart(date_a, date_b) <= rewrite.DATE_WINDOW_DAYS
