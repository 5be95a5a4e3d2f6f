"""Regrouping the part of the corpus an update touched, and rebuilding its stories."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from storyreader.search.dedup.grouping import group_stories, region
from storyreader.search.dedup.story import StoryTexts, build_story, members_digest
from storyreader.search.model import Edge
from storyreader.search.storage.store import Store
from storyreader.search.update.progress import Progress

# Past this share of the corpus changed, the regrouping reads all edges at once.
REGION_IN_MEMORY = 0.2
STORY_BATCH = 200


def regroup(store: Store, dirty: set[str], notify: Progress) -> tuple[list[str], list[str]]:
    """Regroup the part of the corpus that changed and rebuild its stories.

    The part that changed: every text connected by edges to a text whose occurrences
    changed, plus every text of a stored story that held one. Grouping depends on nothing
    outside a connected component, so the rest of the corpus keeps its stories as they are."""
    held = store.stories.holding(dirty)
    seeds = store.texts.known(dirty | {k for ks in held.values() for k in ks})
    if len(seeds) > REGION_IN_MEMORY * max(1, store.texts.count()):
        graph = _MemoryGraph(store)
        edges_of, dates_of = graph.edges_of, graph.dates_of
    else:
        edges_of, dates_of = store.edges.touching, store.articles.dates_for
    # The walk reads the dates of every text it takes in; kept, not read again.
    seen: dict[str, set[str]] = {}

    def dates_kept(keys: Iterable[str]) -> Mapping[str, set[str]]:
        found = dates_of(keys)
        seen.update(found)
        return found

    keys, edges = region(seeds, edges_of, dates_kept)
    held.update(store.stories.holding(keys))
    region_keys = sorted(keys)
    dates = {k: seen[k] for k in region_keys if k in seen}

    scores = store.edges.scores_among(region_keys)
    stored = set(scores)
    stories = group_stories(
        region_keys, edges, dates, store.texts.sizes(region_keys), store.texts.features, scores
    )
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
    store.stories.drop(obsolete)
    changed = _build_stories(store, rebuild, edges, notify)
    return changed, sorted(set(obsolete) - set(changed))


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
    store: Store, groups: list[list[str]], edges: list, notify: Progress
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
        texts = StoryTexts(
            store.texts.paragraphs(keys), store.texts.shingles(keys), store.texts.features(keys)
        )
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
