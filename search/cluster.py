"""Grouping texts into stories.

Three layers. Exact copies share a text key and are one node from the start. Near copies
(a paragraph added, dropped or cut, a number changed) are linked by confirmed shingle
similarity and grouped as connected components. Rewrites link those groups into stories,
strongest links first, never joining groups whose dates say they are different events.

Every edge is a pure function of its two texts, and the grouping is a pure function of the
edges, so updating a corpus incrementally gives exactly what a full rebuild gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from . import rewrite, signature
from .dates import days_apart
from .store import NEAR, REWRITE, Store, TextRecord

# Near copies: two versions of one article whose word 5-shingles overlap this much. A
# dropped or added paragraph in a ten-paragraph article gives ~0.85, a changed number
# ~0.97; related articles of the same outlet stay below 0.1 (ANCHORS: mean Jaccard falls
# to 0.19 once 20% of words change, which is already a rewrite).
NEAR_JACCARD = 0.7
# ...or when one is mostly contained in the other (a copy cut short, a copy with extra
# paragraphs), provided it is not a small fragment of a much longer text: boilerplate
# paragraphs shared by unrelated articles must not link them.
NEAR_CONTAINMENT = 0.85
NEAR_MIN_SIZE_RATIO = 0.5
NEAR_MIN_SHINGLES = 20


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    kind: int
    sim: float

    def row(self) -> tuple[str, str, int, float]:
        return (self.a, self.b, self.kind, self.sim)


def near_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Shingle similarity of two texts in 0..1, or 0 when they are not near copies."""
    j = signature.jaccard(a, b)
    if j >= NEAR_JACCARD:
        return j
    small, large = sorted((len(a), len(b)))
    if small >= NEAR_MIN_SHINGLES and small >= NEAR_MIN_SIZE_RATIO * large:
        c = signature.containment(a, b)
        if c >= NEAR_CONTAINMENT:
            return c
    return 0.0


def find_edges(new: Mapping[str, TextRecord], store: Store) -> list[Edge]:
    """Confirmed near and rewrite edges between each new text and every text, new or
    already stored (call before storing the new ones). Candidates come from LSH bands
    over MinHash signatures, never from all pairs."""
    if not new:
        return []
    new_keys = sorted(new)
    old_keys, old_sigs, old_rsigs = store.signature_matrices()
    edges: list[Edge] = []
    for kind, column, old, bands, rows in (
        (NEAR, "signature", old_sigs, signature.NEAR_BANDS, signature.NEAR_ROWS),
        (REWRITE, "rsignature", old_rsigs, rewrite.REWRITE_BANDS, rewrite.REWRITE_ROWS),
    ):
        new_bands = signature.band_keys(
            np.stack([getattr(new[k], column) for k in new_keys]), bands, rows
        )
        pairs = {(new_keys[i], new_keys[j]) for i, j in signature.pairs_within(new_bands)}
        if old_keys:
            old_bands = signature.band_keys(old, bands, rows)
            pairs |= {
                (new_keys[i], old_keys[j]) for i, j in signature.pairs_between(new_bands, old_bands)
            }
        edges.extend(_confirm(kind, pairs, new, store))
    return edges


def _confirm(
    kind: int, pairs: set[tuple[str, str]], new: Mapping[str, TextRecord], store: Store
) -> list[Edge]:
    if not pairs:
        return []
    needed = {k for pair in pairs for k in pair if k not in new}
    texts: dict[str, TextRecord] = dict(new)
    texts.update(store.texts(needed))
    features: dict[str, dict[str, float]] = {}
    edges = []
    for a, b in sorted(pairs):
        a, b = min(a, b), max(a, b)
        if kind == NEAR:
            sim = near_similarity(texts[a].shingles, texts[b].shingles)
        else:
            fa = features.get(a) or features.setdefault(a, rewrite.load(texts[a].features))
            fb = features.get(b) or features.setdefault(b, rewrite.load(texts[b].features))
            sim = rewrite.similarity(fa, fb)
            if sim < rewrite.REWRITE_THRESHOLD:
                sim = 0.0
        if sim > 0:
            edges.append(Edge(a, b, kind, round(sim, 4)))
    return edges


class _UnionFind:
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


def near_groups(
    keys: Iterable[str], edges: Iterable[tuple[str, str, int, float]]
) -> dict[str, str]:
    """Text key → the key naming its group of exact and near copies."""
    uf = _UnionFind(keys)
    for a, b, kind, _ in edges:
        if kind == NEAR and a in uf.parent and b in uf.parent:
            uf.union(a, b)
    return {k: uf.find(k) for k in uf.parent}


def group_stories(
    keys: Iterable[str],
    edges: list[tuple[str, str, int, float]],
    dates: Mapping[str, set[str]],
) -> list[list[str]]:
    """Stories as sorted lists of text keys. Near groups are joined by rewrite edges in
    order of strength; a join is refused when the joined story would hold dates further
    apart than DATE_WINDOW_DAYS (each group counts with its earliest date: re-scrapes
    stamped "Updated" weeks later do not make an event last weeks)."""
    keys = list(keys)
    group_of = near_groups(keys, edges)
    group_dates: dict[str, set[str]] = {}
    for key, group in group_of.items():
        known = dates.get(key) or set()
        if known:
            first = min(known)
            current = group_dates.setdefault(group, set())
            if not current or first < min(current):
                group_dates[group] = {first}
    best: dict[tuple[str, str], float] = {}
    for a, b, kind, sim in edges:
        if kind != REWRITE or a not in group_of or b not in group_of:
            continue
        ga, gb = sorted((group_of[a], group_of[b]))
        if ga != gb and sim > best.get((ga, gb), 0.0):
            best[(ga, gb)] = sim
    uf = _UnionFind(set(group_of.values()))
    story_dates = {g: set(d) for g, d in group_dates.items()}
    for (ga, gb), _sim in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
        ra, rb = uf.find(ga), uf.find(gb)
        if ra == rb:
            continue
        joined = story_dates.get(ra, set()) | story_dates.get(rb, set())
        if joined and days_apart(min(joined), max(joined)) > rewrite.DATE_WINDOW_DAYS:
            continue
        root = uf.union(ra, rb)
        story_dates[root] = joined
    stories: dict[str, list[str]] = {}
    for key in keys:
        stories.setdefault(uf.find(group_of[key]), []).append(key)
    return sorted(sorted(members) for members in stories.values())
