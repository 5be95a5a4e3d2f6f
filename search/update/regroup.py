"""Regrouping the part of the corpus an update touched, and rebuilding its stories."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from storyreader.search.dedup.grouping import group_stories, linkable, near_groups
from storyreader.search.dedup.signature import TextShingles
from storyreader.search.dedup.story import StoryTexts, build_story, members_digest
from storyreader.search.model import Edge, EdgeKind
from storyreader.search.storage.store import Store
from storyreader.search.update.progress import Progress

# Past this share of the corpus changed, the regrouping reads all edges at once.
REGION_IN_MEMORY = 0.2
STORY_BATCH = 200


def regroup(store: Store, dirty: set[str], notify: Progress) -> tuple[list[str], list[str]]:
    """Regroup the part of the corpus that changed and rebuild its stories.

    The part that changed: the stories holding a text whose occurrences or edges changed,
    with their near copies, and the stories those texts have a rewrite edge to. Those
    neighbours are regrouped beside them, and when one of them comes out other than it
    was, it joins the changed part and the neighbours are taken again (`_region`)."""
    held = store.stories.holding(dirty)
    seeds = store.texts.known(dirty | {k for ks in held.values() for k in ks})
    if len(seeds) > REGION_IN_MEMORY * max(1, store.texts.count()):
        graph = _MemoryGraph(store)
        reader = _Reader(graph.edges_of, graph.dates_of)
    else:
        reader = _Reader(store.edges.touching, store.articles.dates_for)
    region_keys, stories, scores, stored = _region(store, seeds, held, reader)
    edges = reader.among(region_keys)
    store.edges.put_scores({pair: s for pair, s in scores.items() if pair not in stored})
    unchanged = {members_digest(ks): sid for sid, ks in held.items()}
    keep: set[str] = set()
    rebuild: list[list[str]] = []
    for members in stories:
        sid = unchanged.get(members_digest(members))
        if sid is not None and not dirty.intersection(members):
            keep.add(sid)
        else:
            rebuild.append(members)
    obsolete = sorted(sid for sid in held if sid not in keep)
    near = store.stories.near_scores(obsolete)
    store.stories.drop(obsolete)
    changed = _build_stories(store, rebuild, edges, near, notify)
    return changed, sorted(set(obsolete) - set(changed))


def _region(
    store: Store, seeds: set[str], held: dict[str, list[str]], reader: _Reader
) -> tuple[list[str], list[list[str]], dict, set]:
    """The texts regrouped, their stories, and the scores of representatives at hand
    (and which of them were stored before).

    `group_stories` joins along edges strongest first, each join decided by the two sides
    as they stand, so on any set of whole stories it gives those stories again: the
    decisions among them are the same and every edge leaving them was refused. The region
    is the stories of the changed texts (closed over near edges) and, around it, every
    story one rewrite edge away that `linkable` lets join it. Grouped together, when each story around comes out as it
    was, every edge between it and the region was refused in the same states as a full
    build meets it in, and the stories further out keep theirs: exactly a full build's
    stories. A story around that came out otherwise joins the region and the next ring is
    taken. (`held` receives every stored story read.)"""
    region = set(seeds)
    scores: dict[tuple[str, str], tuple[float, float]] = {}
    stored: set[tuple[str, str]] = set()
    while True:
        _close_over_near(store, region, held, reader)
        reader.read(region)
        outside = {
            k for r in region for e in reader.edges[r] if e[2] == EdgeKind.REWRITE for k in e[:2]
        } - region
        around = store.stories.holding(outside)
        ring = {k for ks in around.values() for k in ks}
        if loose := outside - ring:
            # A text in no story (none should be) is regrouped, not trusted.
            region |= loose
            continue
        around = _linkable_to(region, around, reader)
        held.update(around)
        keys = sorted(region.union(*around.values()))
        fresh = store.edges.scores_among(keys)
        stored.update(fresh)
        scores = {**fresh, **scores}
        stories = group_stories(
            keys,
            reader.among(keys),
            reader.dates_of(keys),
            store.texts.sizes(keys),
            store.texts.features,
            scores,
        )
        found = {frozenset(s) for s in stories}
        moved = [ks for ks in around.values() if frozenset(ks) not in found]
        if not moved:
            return keys, stories, scores, stored
        region.update(k for ks in moved for k in ks)


def _linkable_to(
    region: set[str], around: dict[str, list[str]], reader: _Reader
) -> dict[str, list[str]]:
    """The stories of `around` with an edge that `linkable` lets join them to `region`
    (judged by the near groups' first dates, as `group_stories` judges it): along any
    other edge no join is ever tried, whatever the sides hold."""
    if not around:
        return {}
    story_of = {k: sid for sid, ks in around.items() for k in ks}
    keys = region | story_of.keys()
    reader.read(keys)
    group_of = near_groups(keys, reader.among(keys))
    first: dict[str, str] = {}
    for k, d in reader.dates_of(keys).items():
        root = group_of[k]
        first[root] = min(first.get(root, min(d)), min(d))
    linked: set[str] = set()
    for r in region:
        for a, b, kind, sim in reader.edges[r]:
            other = b if a == r else a
            if (
                kind == EdgeKind.REWRITE
                and other in story_of
                and linkable(sim, first.get(group_of[r]), first.get(group_of[other]))
            ):
                linked.add(story_of[other])
    return {sid: around[sid] for sid in sorted(linked)}


def _close_over_near(
    store: Store, region: set[str], held: dict[str, list[str]], reader: _Reader
) -> None:
    """Grow `region` until it holds every near copy of its texts and the whole stories
    they are in: a near group that gained or lost a text is regrouped whole."""
    while True:
        reader.read(region)
        near = {
            k for r in region for e in reader.edges[r] if e[2] == EdgeKind.NEAR for k in e[:2]
        } - region
        if not near:
            return
        stories = store.stories.holding(near)
        held.update(stories)
        region |= near
        region.update(k for ks in stories.values() for k in ks)


class _Reader:
    """The edges and dates of texts, each text's read once an update."""

    def __init__(
        self,
        edges_of: Callable[[Iterable[str]], list[Edge]],
        dates_of: Callable[[Iterable[str]], Mapping[str, set[str]]],
    ) -> None:
        self._edges_of, self._dates_of = edges_of, dates_of
        self.edges: dict[str, list[Edge]] = {}
        self.dates: dict[str, set[str]] = {}

    def read(self, keys: Iterable[str]) -> None:
        missing = set(keys) - self.edges.keys()
        if not missing:
            return
        for k in missing:
            self.edges[k] = []
        for e in self._edges_of(missing):
            for k in {e[0], e[1]} & missing:
                self.edges[k].append(e)
        self.dates.update(self._dates_of(missing))

    def among(self, keys: Iterable[str]) -> list[Edge]:
        """The edges with both ends in `keys` (read already)."""
        keys = set(keys)
        return [e for k in keys for e in self.edges[k] if e[0] == k and e[1] in keys]

    def dates_of(self, keys: Iterable[str]) -> dict[str, set[str]]:
        return {k: d for k in keys if (d := self.dates.get(k))}


class _MemoryGraph:
    """Every edge and date held in memory: when most of the corpus changed (a first
    build), one read beats a query per group."""

    def __init__(self, store: Store) -> None:
        self.adjacent: dict[str, list[Edge]] = defaultdict(list)
        for e in store.edges.all():
            self.adjacent[e[0]].append(e)
            self.adjacent[e[1]].append(e)
        self.dates = store.articles.dates_all()

    def edges_of(self, keys: Iterable[str]) -> list[Edge]:
        return list({e for k in keys for e in self.adjacent.get(k, ())})

    def dates_of(self, keys: Iterable[str]) -> dict[str, set[str]]:
        return {k: self.dates.get(k, set()) for k in keys}


def _build_stories(
    store: Store,
    groups: list[list[str]],
    edges: list,
    near: Mapping[tuple[str, str], float],
    notify: Progress,
) -> list[str]:
    story_of = {k: i for i, members in enumerate(groups) for k in members}
    story_edges: dict[int, list] = defaultdict(list)
    for e in edges:
        if (i := story_of.get(e[0])) is not None and story_of.get(e[1]) == i:
            story_edges[i].append(e)
    changed: list[str] = []
    notify("grouping", 0, len(groups))
    for start in range(0, len(groups), STORY_BATCH):
        batch = groups[start : start + STORY_BATCH]
        keys = [k for members in batch for k in members]
        paragraphs = store.texts.paragraphs(keys)
        texts = StoryTexts(paragraphs, TextShingles(paragraphs), store.texts.features(keys), near)
        articles: dict[str, list] = defaultdict(list)
        for a in store.articles.holding(keys):
            articles[a.key].append(a)
        for offset, members in enumerate(batch):
            story = build_story(
                members,
                texts,
                [a for k in members for a in articles[k]],
                sorted(story_edges[start + offset]),
            )
            store.stories.put(story, members_digest(members), members)
            changed.append(story.id)
        notify("grouping", min(start + STORY_BATCH, len(groups)), len(groups))
    return changed
