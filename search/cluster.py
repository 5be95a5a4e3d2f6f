"""Grouping texts into stories.

Three layers. Exact copies share a text key and are one node from the start. Near copies
(a paragraph added, dropped or cut, a number changed) are linked by confirmed shingle
similarity and grouped as connected components. Rewrites link those groups into stories,
strongest links first, never joining groups whose dates say they are different events,
and never along one strong edge between two groups that are otherwise unlike each other
(the way single link chains the episodes of a saga).

Every edge is a pure function of its two texts and the grouping of a connected component
is a pure function of its edges, so updating a corpus incrementally (regrouping only the
components that changed) gives exactly what a full rebuild gives.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from . import rewrite, signature
from .arrays import member, unique, unique_pairs
from .dates import days_apart
from .store import NEAR, REWRITE, Store

# Near copies: two versions of one article whose word 5-shingles overlap this much. A
# dropped or added paragraph in a ten-paragraph article gives ~0.85, a changed number
# ~0.97; rewrites stay below 0.1 (ANCHORS: mean Jaccard falls to 0.19 once 20% of words
# change, which is already a rewrite).
NEAR_JACCARD = 0.7
# ...or when one is mostly contained in the other (a copy cut short, a copy with extra
# paragraphs), provided it is not a small fragment of a much longer text: boilerplate
# paragraphs shared by unrelated articles must not link them.
NEAR_CONTAINMENT = 0.85
NEAR_MIN_SIZE_RATIO = 0.5
NEAR_MIN_SHINGLES = 20

Edge = tuple[str, str, int, float]  # (a, b, kind, similarity) with a < b

# Joins whose pairs of representatives are scored ahead, in the batch of the join before.
# Only small joins are looked ahead at: most joins add a group or two to a side, and
# listing the pairs of big sides again and again cost more than the batches saved.
LOOKAHEAD_JOINS = 32
LOOKAHEAD_PAIRS = 64


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
    table = store.text_table(new.union(changed))
    keys, bands, blocks, day = table.keys, table.bands, table.blocks, table.day
    if not keys:
        return set()
    is_new = np.array([k in new for k in keys], dtype=bool)
    views = _views(blocks, day)
    before = json.loads(store.meta("hub_terms", "{}") or "{}")
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
    stood = {(a, b): sim for a, b, kind, sim in store.edges_touching(redone) if kind == REWRITE}
    store.drop_edges(redone, REWRITE)
    store.set_meta(
        "hub_terms", json.dumps({n: [str(h) for h in v.tolist()] for n, v in hubs.items()})
    )
    store.set_text_days({keys[i]: int(day[i]) for i in np.flatnonzero(redo)})

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
    # Pairs stay row numbers until confirmed: at 100,000 files there are millions of
    # candidates, and as tuples of keys they alone would take hundreds of MB.
    width = np.int64(len(keys))
    rewrites = rewrites[
        ~np.isin(rewrites[:, 0] * width + rewrites[:, 1], excluded[:, 0] * width + excluded[:, 1])
    ]
    edges: list[Edge] = []
    if not lost_hubs:
        # Terms only became hubs, so two texts neither new nor moved to another day lost
        # candidates and gained none: each of their pairs still proposed was confirmed
        # before, and its edge (or its lack of one) stands. A term turning hub redoes the
        # few hundred texts that hold it, and confirming their 10,000-17,000 pairs again
        # cost 0.6-0.7 s of an update at 100,000 files.
        settled = ~grown[rewrites[:, 0]] & ~grown[rewrites[:, 1]]
        for a, b in rewrites[settled].tolist():
            if (sim := stood.get((keys[a], keys[b]))) is not None:
                edges.append((keys[a], keys[b], REWRITE, sim))
        rewrites = rewrites[~settled]
    confirmed = _Count(len(near) + len(rewrites), progress)
    edges += _confirm_near(near, keys, store, confirmed) + _confirm_rewrites(
        rewrites, keys, store, confirmed
    )
    store.put_edges(edges)
    if not redone:
        return set()  # every edge came with a new text, which is regrouped anyway
    dropped = {(a, b, REWRITE, sim) for (a, b), sim in stood.items()}
    return {k for e in dropped.symmetric_difference(edges) for k in e[:2]}


# Days per window. Windows are laid twice, the second time shifted by half a window, so
# that any two texts at most DATE_WINDOW_DAYS apart share a window in one of the two.
# (Shifting every text's window by one, as before, laid the same windows twice: texts a
# day apart across a window's edge were never proposed as rewrites.)
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
# of the batches of a first build), and at most two blocks of texts are held (all of them
# at 100,000 files: over 800 MB).
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
    def scorer(shingles):
        return lambda batch: [near_similarity(shingles[a], shingles[b]) for a, b in batch]

    return [
        (a, b, NEAR, round(sim, 4))
        for (a, b), sim in _confirmed(pairs, keys, store.shingles, scorer, count)
        if sim > 0
    ]


def _confirm_rewrites(
    pairs: np.ndarray, keys: list[str], store: Store, count: _Count
) -> list[Edge]:
    def scorer(features):
        return rewrite.FeatureTable(features).similarity

    # Kept at the lower (dated) bar; whether it is enough is decided when groups meet.
    return [
        (a, b, REWRITE, round(float(sim), 4))
        for (a, b), sim in _confirmed(pairs, keys, store.features, scorer, count)
        if sim >= rewrite.THRESHOLD_DATED
    ]


# --- grouping ------------------------------------------------------------------------------


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


def near_groups(keys: Iterable[str], edges: Iterable[Edge]) -> dict[str, str]:
    """Text key → the key naming its group of exact and near copies."""
    uf = _UnionFind(keys)
    for a, b, kind, _ in edges:
        if kind == NEAR and a in uf.parent and b in uf.parent:
            uf.union(a, b)
    return {k: uf.find(k) for k in uf.parent}


def linkable(sim: float, date_a: str | None, date_b: str | None) -> bool:
    """Whether a rewrite edge of this strength may join two groups with these earliest
    dates: the pairwise conditions every join in `group_stories` must meet."""
    both_dated = date_a is not None and date_b is not None
    if sim < rewrite.threshold(both_dated):
        return False
    return not both_dated or days_apart(date_a, date_b) <= rewrite.DATE_WINDOW_DAYS


def region(
    seeds: Iterable[str],
    edges_of: Callable[[Iterable[str]], list[Edge]],
    dates_of: Callable[[Iterable[str]], Mapping[str, set[str]]],
) -> tuple[set[str], list[Edge]]:
    """The texts whose stories may change when `seeds` change, and the edges among them
    (in no particular order).

    Stories only ever join along edges that pass `linkable`, so the region is the closure
    of the seeds over near edges and linkable rewrite edges; everything outside keeps its
    stories. (Over all rewrite edges, weak ones included, one component would hold most
    of a corpus: 5,811 of 6,942 texts at 10,000 files, against 299 at most this way.)

    The walk takes a whole step at a time: every group reached in one step asks for its
    edges in the same queries. Group by group, a region of 4,400 texts took 3,900 queries
    and 0.3 s of an update at 100,000 files."""
    group_of: dict[str, frozenset[str]] = {}
    earliest: dict[frozenset[str], str | None] = {}
    rewrites_of: dict[frozenset[str], list[Edge]] = {}
    found: set[Edge] = set()

    def resolve(keys: set[str]) -> None:
        """Find the near groups of `keys`. A group is closed over near edges, so no key
        near-linked to a group already found can be new: the walk stops at them."""
        members = keys - group_of.keys()
        frontier = set(members)
        touching: set[Edge] = set()
        while frontier:
            step = edges_of(frontier)
            touching.update(step)
            linked = {k for a, b, kind, _ in step if kind == NEAR for k in (a, b)}
            frontier = linked - members
            members |= frontier
        if not members:
            return
        found.update(touching)
        rewrites: dict[str, list[Edge]] = defaultdict(list)
        for e in touching:
            if e[2] == REWRITE:
                for k in e[:2]:
                    if k in members:
                        rewrites[k].append(e)
        parts: dict[str, set[str]] = defaultdict(set)
        for k, root in near_groups(members, touching).items():
            parts[root].add(k)
        dates = dates_of(members)
        for part in parts.values():
            group = frozenset(part)
            rewrites_of[group] = list({e for k in group for e in rewrites.get(k, ())})
            for k in group:
                group_of[k] = group
            known = [min(d) for k in group if (d := dates.get(k))]
            earliest[group] = min(known) if known else None

    seeds = set(seeds)
    resolve(seeds)
    done: set[frozenset[str]] = set()
    todo = {group_of[k] for k in seeds}
    while todo:
        done |= todo
        steps = [
            (group, b if a in group else a, sim)
            for group in todo
            for a, b, _, sim in rewrites_of[group]
        ]
        resolve({other for _, other, _ in steps})
        todo = {
            group_of[other]
            for group, other, sim in steps
            if group_of[other] not in done
            and linkable(sim, earliest[group], earliest[group_of[other]])
        }
    keys = set().union(*done) if done else set()
    return keys, [e for e in found if e[0] in keys and e[1] in keys]


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
    scores: dict[tuple[str, str], float] | None = None,
) -> list[list[str]]:
    """Stories as sorted lists of text keys.

    Near groups are joined along rewrite edges, strongest first. A join is refused when
    the story would hold dates further apart than DATE_WINDOW_DAYS (each group counts with
    its earliest date: re-scrapes stamped "Updated" weeks later do not make an event last
    weeks), when the edge is below the bar for its groups (lower when both are dated), or
    when the mean similarity of the two sides' representatives falls short of
    LINK_MEAN_FRACTION of their bar. `features` loads the rewrite features of texts.

    `scores` holds similarities of representatives (a, b), a < b, known from earlier runs
    and receives those scored here. A score depends on its two texts alone; an update that
    touched a big component scored its 20,000-50,000 pairs again (0.4-0.7 s) without it."""
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
        if kind != REWRITE or a not in group_of or b not in group_of:
            continue
        ga, gb = sorted((group_of[a], group_of[b]))
        if ga != gb and sim > best.get((ga, gb), 0.0):
            best[(ga, gb)] = sim

    uf = _UnionFind(groups)
    side: dict[str, list[str]] = {g: [g] for g in groups}  # root → its near groups
    cache: dict[tuple[str, str], float] = {} if scores is None else scores
    blobs: dict[str, bytes] = {}

    def similarities(pairs: list[tuple[str, str]]) -> np.ndarray:
        # A table of the pairs' texts only: with earlier scores at hand an update scores
        # few pairs, and a table of every linked representative of a big component cost
        # more than scoring them.
        needed = {k for pair in pairs for k in pair}
        if missing := needed - blobs.keys():
            blobs.update(features(missing))
        return rewrite.FeatureTable({k: blobs[k] for k in needed}).similarity(pairs)

    def candidate(ga: str, gb: str, sim: float) -> tuple[str, str] | None:
        """The two sides this edge would join, if the cheap conditions allow it."""
        ra, rb = uf.find(ga), uf.find(gb)
        if ra == rb or not linkable(sim, groups[ga].date, groups[gb].date):
            return None
        known = [groups[g].date for g in side[ra] + side[rb] if groups[g].date]
        if known and days_apart(min(known), max(known)) > rewrite.DATE_WINDOW_DAYS:
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
            # Every batch of scores has a fixed cost (0.3-1.3 ms), and joining one pair of
            # sides at a time made thousands of small batches (2,200: 2.9 s of an
            # incremental update at 100,000 files). So the pairs the next joins would need,
            # as the sides stand now, are scored in the same batch (2,200 -> 200 batches).
            # Scores depend on the two texts only: scoring some early changes no decision.
            for (ga2, gb2), sim2 in ordered[at + 1 : at + 1 + LOOKAHEAD_JOINS]:
                later = candidate(ga2, gb2, sim2)
                if later and len(side[later[0]]) * len(side[later[1]]) <= LOOKAHEAD_PAIRS:
                    missing |= unscored(*later)
            pairs = sorted(missing)
            for p, score in zip(pairs, similarities(pairs), strict=True):
                cache[p] = float(score)
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
    cache: dict[tuple[str, str], float],
) -> bool:
    """The guard against chaining: across the two sides, representatives must on average
    be nearly as similar as an edge must be."""
    if len(left) * len(right) == 1:
        return True
    pairs = [(groups[a].rep, groups[b].rep) for a in left for b in right]
    ordered = [(min(p), max(p)) for p in pairs]
    missing = sorted({p for p in ordered if p not in cache})
    if missing:
        for p, s in zip(missing, similarities(missing), strict=True):
            cache[p] = float(s)
    total = sum(cache[p] for p in ordered)
    bar = sum(
        rewrite.threshold(groups[a].date is not None and groups[b].date is not None)
        for a in left
        for b in right
    )
    return total >= rewrite.LINK_MEAN_FRACTION * bar
