"""Edges between texts: near copies (confirmed shingle similarity of LSH candidates) and
rewrites (confirmed similarity of texts sharing rare terms within a date window), found
for the new texts of an update against every stored text and kept in the store.

Every edge is a pure function of its two texts, so an incremental update finds exactly
the edges a full rebuild finds; `grouping` turns them into stories.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np

from storyreader.search.dedup import rewrite, signature
from storyreader.search.dedup.arrays import member, unique, unique_pairs
from storyreader.search.dedup.grouping import UnionFind, near_groups
from storyreader.search.model import Edge, EdgeKind, Setting
from storyreader.search.storage.store import Store

# Near copies: two versions of one article whose word 5-shingles overlap this much. A
# dropped or added paragraph in a ten-paragraph article gives ~0.85, a changed number
# ~0.97; rewrites stay below 0.1 (once a fifth of the words change, which is already a
# rewrite, mean Jaccard is about 0.2).
NEAR_JACCARD = 0.7
# ...or when one is mostly contained in the other (a copy cut short, a copy with extra
# paragraphs), provided it is not a small fragment of a much longer text: boilerplate
# paragraphs shared by unrelated articles must not link them.
NEAR_CONTAINMENT = 0.85
NEAR_MIN_SIZE_RATIO = 0.5
NEAR_MIN_SHINGLES = 20


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


# --- edges ---------------------------------------------------------------------------------


def update_edges(
    new: Iterable[str],
    store: Store,
    changed: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> set[str]:
    """Find and store the confirmed near and rewrite edges of the new texts (already
    stored) with every text. Candidates come from LSH bands over MinHash signatures (near)
    and from shared rare terms (rewrites), never from all pairs. Returns the texts at
    either end of an edge that came or went: their stories may change though none of
    their files did (a term turning hub takes a pair of old texts apart).

    Rewrite candidates share two of their rare terms. Two dated texts can only be rewrites
    within DATE_WINDOW_DAYS, so they are matched within windows of days, where a term
    held by many texts is rare (a country's name is in hundreds of texts a year but in
    few a week); pairs with an undated text are matched over the whole corpus. In either
    place a term held by more than HUB_TEXTS texts is a hub (a country, a party, a
    saga's name) and proposes nothing: pairs that meet only on hubs are related stories,
    and a hub would propose every pair of its texts. When a term's hub status or a text's
    date changes, that text's rewrite edges are found again, so the edges are always those
    of the corpus as it stands: an incremental update still equals a full rebuild.
    `changed` names the texts whose occurrences changed (their dates may have moved);
    `progress(done, total)` is told of the candidate pairs confirmed."""
    new = set(new)
    table = store.texts.table(new.union(changed))
    keys, bands, blocks, day = table.keys, table.bands, table.blocks, table.day
    if not keys:
        return set()
    is_new = np.array([k in new for k in keys], dtype=bool)
    views = _views(blocks, day)
    before = json.loads(store.meta(Setting.HUB_TERMS, "{}") or "{}")
    if not isinstance(before, dict):
        before = {}
    grown = is_new | (day != table.matched_day)  # rows whose terms count anew
    redo = grown.copy()
    hubs: dict[str, np.ndarray] = {}
    lost_hubs = False
    for name, matrix in views.items():
        was = {int(h) for h in before.get(name, [])}
        now = _hubs(matrix, was, grown)
        lost_hubs |= bool(was - now)
        changed = np.array(sorted(now ^ was), dtype=np.uint64)
        if len(changed):
            redo |= member(matrix, changed).any(axis=1)
        hubs[name] = np.array(sorted(now), dtype=np.uint64)
    redone = [keys[i] for i in np.flatnonzero(redo & ~is_new)]
    stood = {
        (a, b): sim for a, b, kind, sim in store.edges.touching(redone) if kind == EdgeKind.REWRITE
    }
    store.edges.drop(redone, EdgeKind.REWRITE)
    store.set_meta(
        Setting.HUB_TERMS, json.dumps({n: [str(h) for h in v.tolist()] for n, v in hubs.items()})
    )
    store.texts.set_days({keys[i]: int(day[i]) for i in np.flatnonzero(redo)})

    # Pairs sharing a band are near candidates, never rewrite candidates (as in a full
    # build, where every text is new); only those with a new text are confirmed here.
    near = _candidates(redo, bands, signature.pairs_within, signature.pairs_between)
    excluded = near
    if redone:  # (a first build redoes only new texts: no copy of its millions of pairs)
        near = near[is_new[near[:, 0]] | is_new[near[:, 1]]]

    found = []
    for name, matrix in views.items():
        useful = np.where(member(matrix, hubs[name]), 0, matrix)
        pairs = _candidates(
            redo, useful, signature.shared_key_pairs, signature.shared_key_pairs_between
        )
        if name == "all" and len(pairs):
            pairs = pairs[(day[pairs[:, 0]] < 0) | (day[pairs[:, 1]] < 0)]
        found.append(pairs)
    rewrites = unique_pairs(np.concatenate(found))
    # Pairs stay row numbers until confirmed: a large corpus has millions of candidates,
    # too many to hold as tuples of keys.
    width = np.int64(len(keys))
    rewrites = rewrites[
        ~np.isin(rewrites[:, 0] * width + rewrites[:, 1], excluded[:, 0] * width + excluded[:, 1])
    ]
    edges: list[Edge] = []
    if not lost_hubs:
        # Terms only became hubs, so two texts neither new nor moved to another day lost
        # candidates and gained none: each of their pairs still proposed was confirmed
        # before, and its edge (or its lack of one) stands: a term turning hub redoes the
        # texts that hold it without confirming their many pairs again.
        settled = ~grown[rewrites[:, 0]] & ~grown[rewrites[:, 1]]
        for a, b in rewrites[settled].tolist():
            if (sim := stood.get((keys[a], keys[b]))) is not None:
                edges.append((keys[a], keys[b], EdgeKind.REWRITE, sim))
        rewrites = rewrites[~settled]
    confirmed = _Count(len(near) + len(rewrites), progress)
    dated = {keys[r] for r in np.flatnonzero(day >= 0)}
    edges += _confirm_rewrites(rewrites, keys, store, confirmed, dated)
    store.edges.put(edges)
    _join_near(store, _confirm_near(near, keys, store, confirmed), new)
    if not redone:
        return set()  # every edge came with a new text, which is regrouped anyway
    dropped = {(a, b, EdgeKind.REWRITE, sim) for (a, b), sim in stood.items()}
    return {k for e in dropped.symmetric_difference(edges) for k in e[:2]}


# --- near copies: a spanning forest, not a clique ----------------------------------------
#
# Near copies matter to grouping only as connected components (`grouping.near_groups`), and
# the copies of one article are near each other pairwise: stored pairwise, n copies made
# n(n-1)/2 edges. The store keeps the maximum spanning forest of the confirmed near pairs
# instead (strongest first, ties by keys): n-1 edges a group, the same components, and one
# forest for one corpus, so an update that keeps it exact still equals a full rebuild.


def spanning(edges: Iterable[Edge]) -> list[Edge]:
    """The maximum spanning forest of `edges` (Kruskal, strongest first, ties by keys):
    unique for a set of edges, whatever order they come in."""
    edges = sorted(edges, key=lambda e: (-e[3], e[0], e[1]))
    uf = UnionFind({k for e in edges for k in e[:2]})
    kept = []
    for e in edges:
        if uf.find(e[0]) != uf.find(e[1]):
            uf.union(e[0], e[1])
            kept.append(e)
    return kept


def near_trees(store: Store, keys: Iterable[str]) -> tuple[set[str], set[Edge]]:
    """The texts of the stored near trees holding `keys`, and the trees' edges."""
    members = set(keys)
    frontier = set(members)
    found: set[Edge] = set()
    while frontier:
        step = {e for e in store.edges.touching(frontier) if e[2] == EdgeKind.NEAR}
        found |= step
        frontier = {k for e in step for k in e[:2]} - members
        members |= frontier
    return members, found


def _join_near(store: Store, confirmed: list[Edge], new: set[str]) -> None:
    """Add the near edges of new texts to the stored forest. Adding edges to a graph
    never brings back an edge its forest left out (a cycle keeps its weakest edge out), so
    the new forest is the forest of the old trees they touch and the new edges."""
    old = {k for e in confirmed for k in e[:2] if k not in new}
    _, trees = near_trees(store, old) if old else (set(), set())
    kept = spanning(trees | set(confirmed))
    store.edges.drop_pairs([e[:2] for e in trees.difference(kept)], EdgeKind.NEAR)
    store.edges.put(e for e in kept if e not in trees)


def drop_texts(store: Store, keys: Sequence[str]) -> None:
    """Forget texts, and mend the near trees they were part of. Taking a text out of a
    tree leaves pieces that the near pairs it did not keep may still join. A pair within
    one piece stays out (the piece's path between its texts is no weaker than the pair:
    that is why the forest left it out), so only the candidate pairs across pieces are
    confirmed again, and the forest of the pieces and those pairs replaces the pieces."""
    if not keys:
        return
    gone = set(keys)
    torn = {k for e in store.edges.touching(gone) if e[2] == EdgeKind.NEAR for k in e[:2]}
    store.texts.drop(keys)
    members, trees = near_trees(store, torn - gone)
    if not members:
        return
    rows = sorted(members)
    piece_of = near_groups(rows, trees)
    piece = np.array([piece_of[k] for k in rows])
    pairs = signature.pairs_within(store.texts.bands(rows))
    across = pairs[piece[pairs[:, 0]] != piece[pairs[:, 1]]] if len(pairs) else pairs
    found = _confirm_near(across, rows, store, _Count(len(across), None))
    kept = spanning(trees.union(found))
    store.edges.drop_pairs([e[:2] for e in trees.difference(kept)], EdgeKind.NEAR)
    store.edges.put(e for e in kept if e not in trees)


# Days per window. Windows are laid twice, the second time shifted by half a window, so
# that any two texts at most DATE_WINDOW_DAYS apart share a window in one of the two (a
# shift by one day would lay the same windows twice and miss pairs across an edge).
_WINDOW_DAYS = 2 * rewrite.DATE_WINDOW_DAYS
_SALT = np.uint64(0x9E3779B97F4A7C15)


def _views(blocks: np.ndarray, day: np.ndarray) -> dict[str, np.ndarray]:
    """The blocking keys as matched: over the whole corpus ("all"), and within windows of
    days, where each key is salted with its window so that equal keys meet only there."""
    views = {"all": blocks}
    dated = day >= 0
    for shift in (0, 1):
        window = ((np.maximum(day, 0) + shift * (_WINDOW_DAYS // 2)) // _WINDOW_DAYS).astype(
            np.uint64
        )
        with np.errstate(over="ignore"):
            salted = blocks ^ (window[:, None] * _SALT + _SALT)
        views[f"window{shift}"] = np.where((blocks != 0) & dated[:, None], salted, 0)
    return views


# Past this share of rows with new terms, every term is counted.
_RECOUNT_ALL = 0.2


def _hubs(matrix: np.ndarray, before: set[int], grown: np.ndarray) -> set[int]:
    """The terms of `matrix` held more than HUB_TEXTS times. Since the hubs were `before`,
    only the terms of the `grown` rows (new texts, texts moved to another window) can have
    become hubs, and only those hubs can have stopped being one: only they are counted
    (0.05 s instead of 0.2 at 100,000 files), unless many rows grew."""
    if grown.sum() > _RECOUNT_ALL * len(matrix):
        present = matrix[matrix != 0]
    else:
        wanted = unique(
            np.concatenate([np.array(sorted(before), dtype=np.uint64), matrix[grown].ravel()])
        )
        wanted = wanted[wanted != 0]
        present = matrix[member(matrix, wanted)]
    if not len(present):
        return set()
    values, counts = np.unique(present, return_counts=True)
    return set(values[counts > rewrite.HUB_TEXTS].tolist())


def _candidates(selected: np.ndarray, matrix: np.ndarray, within, between) -> np.ndarray:
    """Candidate row pairs (a < b) with at least one selected row: among the selected
    rows, and between them and the others."""
    rows = np.flatnonzero(selected)
    others = np.flatnonzero(~selected)
    parts = []
    inner = within(matrix[rows])
    if len(inner):
        parts.append(rows[inner])
    if len(others) and len(rows):
        cross = between(matrix[rows], matrix[others])
        if len(cross):
            parts.append(np.stack([rows[cross[:, 0]], others[cross[:, 1]]], axis=1))
    if not parts:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(parts)
    return unique_pairs(np.sort(pairs, axis=1))


# Candidate pairs are confirmed a pair of row blocks at a time (the rows of a block are a
# run of text keys), with the features of those pairs' texts in memory: each text is read
# once per block pair instead of once per batch of pairs that holds it (a text sat in most
# of the batches of a first build), and at most two blocks of texts are held, not all.
CONFIRM_BLOCK_TEXTS = 10_000
# Pairs turned into keys and scored at a time.
CONFIRM_BATCH = 100_000


def _blocks(pairs: np.ndarray) -> Iterator[np.ndarray]:
    """The pairs (rows a < b, sorted) grouped by the blocks of their two rows, in order."""
    if not len(pairs):
        return
    block = pairs // CONFIRM_BLOCK_TEXTS
    code = block[:, 0] * (int(block.max()) + 1) + block[:, 1]
    order = np.argsort(code, kind="stable")
    pairs, code = pairs[order], code[order]
    bounds = [0, *(np.flatnonzero(np.diff(code)) + 1).tolist(), len(pairs)]
    for start, end in itertools.pairwise(bounds):
        yield pairs[start:end]


class _Count:
    """Pairs confirmed so far, passed on to a progress callback."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None) -> None:
        self.done, self.total, self.progress = 0, total, progress

    def add(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(self.done, self.total)


def _confirmed(pairs: np.ndarray, keys: list[str], load, scorer, count: _Count) -> Iterator[tuple]:
    """((a, b), similarity) for every pair, scored by `scorer(data)`, made of what
    `load(keys)` read of the texts of a block pair's pairs (only those: an update's few
    pairs touch every block, a text or two in each)."""
    for part in _blocks(pairs):
        score = scorer(load([keys[r] for r in unique(part).tolist()]))
        for start in range(0, len(part), CONFIRM_BATCH):
            batch = [(keys[a], keys[b]) for a, b in part[start : start + CONFIRM_BATCH].tolist()]
            yield from zip(batch, score(batch), strict=True)
            count.add(len(batch))


def _confirm_near(pairs: np.ndarray, keys: list[str], store: Store, count: _Count) -> list[Edge]:
    def load(keys: list[str]) -> signature.TextShingles:
        return signature.TextShingles(store.texts.paragraphs(keys))

    def scorer(shingles):
        return lambda batch: [near_similarity(shingles[a], shingles[b]) for a, b in batch]

    return [
        (a, b, EdgeKind.NEAR, round(sim, 4))
        for (a, b), sim in _confirmed(pairs, keys, load, scorer, count)
        if sim > 0
    ]


def _confirm_rewrites(
    pairs: np.ndarray, keys: list[str], store: Store, count: _Count, dated: set[str]
) -> list[Edge]:
    """Rewrite edges of the candidate pairs; a pair of two dated texts is scored without
    the event signature's fields (its dates tell the events apart), so a text's edges are
    found again when it gains or loses its date (update_edges redoes texts whose day
    changed)."""

    def scorer(features):
        table = rewrite.FeatureTable(features)
        return lambda batch: table.similarity(batch, dated=dated)

    # Kept at the lower (dated) bar; whether it is enough is decided when groups meet.
    return [
        (a, b, EdgeKind.REWRITE, round(float(sim), 4))
        for (a, b), sim in _confirmed(pairs, keys, store.texts.features, scorer, count)
        if sim >= rewrite.THRESHOLD_DATED
    ]


# --- grouping ------------------------------------------------------------------------------
