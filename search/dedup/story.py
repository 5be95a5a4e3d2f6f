"""Building the story a reader sees from its group of texts and their occurrences.

The shown text comes from the most complete exact/near version, and no paragraph that
only some near copies carry is lost: such paragraphs are spliced in where they stood.
Rewrites stay whole, as alternative versions.
"""

from __future__ import annotations

import bisect
import json
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from storyreader.search.dedup import rewrite, signature
from storyreader.search.dedup.grouping import near_groups
from storyreader.search.ingest.text import digest, fold, words
from storyreader.search.model import Article, Occurrence, Relation, Story, Version

# Story ids are this many hex digits of the main text's key: short enough to type, and a
# collision needs ~16 million stories before it becomes likely.
ID_LENGTH = 12
# Two paragraphs are the same paragraph when one is the other cut short (a prefix of at
# least this share of it) or when their words mostly agree (a number changed).
PREFIX_MIN_SHARE = 0.3
PREFIX_MIN_CHARS = 30
SAME_PARAGRAPH_JACCARD = 0.75


@dataclass(frozen=True, slots=True)
class StoryTexts:
    """What building a story needs of its texts, by key."""

    paragraphs: Mapping[str, list[str]]
    shingles: Mapping[str, np.ndarray]
    features: Mapping[str, bytes]
    # Near similarities known already, {(near key, main key): similarity}: a pure
    # function of the two texts, so a story rebuilt keeps those of its stored self.
    near: Mapping[tuple[str, str], float] = field(default_factory=dict)


def build_story(
    keys: Sequence[str],
    texts: StoryTexts,
    articles: Sequence[Article],
    edges: Sequence[tuple[str, str, int, float]],
) -> Story:
    by_key: dict[str, list[Article]] = defaultdict(list)
    for a in sorted(articles, key=lambda a: (a.path, a.start_line)):
        by_key[a.key].append(a)
    group_of = near_groups(keys, edges)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        groups[group_of[key]].append(key)

    def weight(members: list[str]) -> tuple[int, int, str]:
        found = [a for k in members for a in by_key[k]]
        return (-len({a.path for a in found}), -len(found), min(members))

    ordered = sorted(groups.values(), key=weight)
    versions = [
        _version(
            members, texts.paragraphs, by_key, Relation.CANONICAL if i == 0 else Relation.REWRITE
        )
        for i, members in enumerate(ordered)
    ]
    main = versions[0]
    main_group = set(ordered[0])
    others = [k for k in sorted(keys) if k not in main_group]
    rewrite_sim = {
        k: rewrite.similarity(texts.features[main.key], texts.features[k]) for k in others
    }
    for v in versions[1:]:
        v.similarity = round(rewrite_sim[v.key], 4)

    canonical = by_key[main.key][0]
    occurrences = []
    for key in sorted(keys):
        if key == main.key:
            relation, sim = Relation.EXACT, 1.0
        elif key in main_group:
            relation = Relation.NEAR
            known = texts.near.get((key, main.key))
            sim = (
                known
                if known is not None
                else _near_similarity(texts.shingles[key], texts.shingles[main.key])
            )
        else:
            relation, sim = Relation.REWRITE, round(rewrite_sim[key], 4)
        for a in by_key[key]:
            rel = Relation.CANONICAL if a is canonical else relation
            occurrences.append(
                Occurrence(
                    a.path, a.start_line, a.end_line, rel, sim, key, a.source, a.date, a.title
                )
            )
    occurrences.sort(key=lambda o: (o.relation is not Relation.CANONICAL, o.path, o.start_line))

    sources = _ranked(s for v in versions for s in v.sources)
    dates = [v.date for v in versions if v.date]
    story = Story(
        id=main.key[:ID_LENGTH],
        title=main.title,
        date=main.date or (min(dates) if dates else None),
        sources=sources,
        versions=versions,
        occurrences=occurrences,
    )
    story.digest = story_digest(story)
    return story


def _near_similarity(a: np.ndarray, b: np.ndarray) -> float:
    return round(max(signature.jaccard(a, b), signature.containment(a, b)), 4)


def _version(
    members: list[str],
    paragraphs: Mapping[str, list[str]],
    by_key: Mapping[str, list[Article]],
    relation: Relation,
) -> Version:
    # The most complete text leads; ties go to the most copied, then to the key, so the
    # choice never depends on the order files were read in.
    ranked = sorted(
        members,
        key=lambda k: (-sum(len(p) for p in paragraphs[k]), -len(by_key[k]), k),
    )
    lead = ranked[0]
    merged = merge_paragraphs(
        paragraphs[lead],
        [paragraphs[k] for k in sorted(ranked[1:], key=lambda k: (-len(by_key[k]), k))],
    )
    found = [a for k in ranked for a in by_key[k]]
    first = by_key[lead][0]
    caption = first.caption or next((a.caption for a in found if a.caption), None)
    bullets: list[str] = max((a.bullets for a in found), key=len, default=[])
    if first.bullets:
        bullets = first.bullets
    known = [a.date for a in found if a.date]
    return Version(
        key=lead,
        title=first.title,
        paragraphs=merged,
        caption=caption,
        bullets=list(bullets),
        sources=_ranked(a.source for a in found if a.source),
        date=min(known) if known else None,
        relation=relation,
        similarity=1.0,
        paths=sorted({a.path for a in found}),
    )


def _ranked(items) -> list[str]:
    counts = Counter(x for x in items if x)
    return [x for x, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def merge_paragraphs(base: list[str], others: Sequence[list[str]]) -> list[str]:
    """`base` with every paragraph of `others` that it lacks, each placed after the last
    paragraph it follows in its own text; a paragraph that `base` has only cut short is
    replaced by its complete form."""
    merged = _Merged(base)
    for other in others:
        # A paragraph found word for word is neither inserted nor replaced, so a copy
        # whose every paragraph is there already changes nothing (most near copies).
        if all(_fold(text) in merged.exact for text in other):
            continue
        pos = -1
        for text in other:
            same = merged.exact.get(_fold(text))
            if same is not None:  # (as `find` would, without making its forms)
                pos = max(pos, merged.items.index(same))
                continue
            p = _Para(text)
            m = merged.find(p)
            if m is None:
                pos += 1
                merged.insert(pos, p)
                continue
            if _extends(p, merged.items[m]):
                merged.replace(m, p)
            pos = max(pos, m)
    return [p.text for p in merged.items]


# Near copies repeat most of each other's paragraphs: each is folded once.
_fold = lru_cache(maxsize=16_384)(fold)


class _Para:
    """A paragraph with the forms it is compared in, computed once."""

    __slots__ = ("_prefix", "_words", "bare", "folded", "size", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = _fold(text)
        self.bare = self.folded.rstrip(" .…")
        self._words: frozenset[str] | None = None
        self._prefix: list[str] | None = None
        self.size = 0  # its number of words, set when the word index takes it

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(words(self.text))
        return self._words

    @property
    def head(self) -> str | None:
        """What a paragraph it extends, or that extends it, begins with too."""
        return self.bare[:PREFIX_MIN_CHARS] if len(self.bare) >= PREFIX_MIN_CHARS else None

    def prefix(self) -> list[str]:
        """Its words that any paragraph sharing SAME_PARAGRAPH_JACCARD of their words
        shares at least one of (the prefix filter: in one fixed order of words, longest
        first as the rarest, the first n - ceil(t * n) + 1 of each)."""
        if self._prefix is None:
            # Sorted twice, both in C: the second sort is stable, so ties stay in order.
            ordered = sorted(sorted(self.words), key=len, reverse=True)
            keep = len(ordered) - math.ceil(SAME_PARAGRAPH_JACCARD * len(ordered)) + 1
            self._prefix = ordered[:keep]
        return self._prefix


class _Merged:
    """The merged paragraphs in order, with what finds a paragraph among them without
    comparing it with each: its folded form, its first characters (for one cut short) and
    the prefix filter's words (for one with a few words changed). The word index is made
    on first need: most merges find every paragraph word for word."""

    def __init__(self, base: list[str]) -> None:
        self.items = [_Para(p) for p in base]
        # The first paragraph of each folded form.
        self.exact: dict[str, _Para] = {}
        self.heads: dict[str, list[_Para]] = defaultdict(list)
        for q in self.items:
            self.exact.setdefault(q.folded, q)
            if q.head is not None:
                self.heads[q.head].append(q)
        self.by_word: dict[str, list[_Para]] | None = None

    def find(self, p: _Para) -> int | None:
        """Where `p` already is: word for word, else the first paragraph it extends or is
        cut short of, else the first sharing SAME_PARAGRAPH_JACCARD of their words (a
        number updated)."""
        same = self.exact.get(p.folded)
        if same is not None:
            return self.items.index(same)
        near = self.heads.get(p.head, ()) if p.head is not None else ()
        cut = [q for q in near if _extends(p, q) or _extends(q, p)]
        if cut:
            return min(map(self.items.index, cut))
        wp = p.words
        if not wp:
            return None
        if self.by_word is None:
            self.by_word = defaultdict(list)
            for q in self.items:
                self._index_words(q)
        seen: set[int] = set()
        found: list[_Para] = []
        n = len(wp)
        # Their Jaccard is at most the smaller size over the larger: only paragraphs of
        # sizes near n can share enough words, and each word's list is sorted by size,
        # so only that run of it is read (a margin of one, then the exact test).
        low, high = SAME_PARAGRAPH_JACCARD * n - 1, n / SAME_PARAGRAPH_JACCARD + 1
        for w in p.prefix():
            listed = self.by_word.get(w)
            if not listed:
                continue
            start = bisect.bisect_left(listed, low, key=_size)
            end = bisect.bisect_right(listed, high, lo=start, key=_size)
            for q in listed[start:end]:
                m = q.size
                if (n / m if n < m else m / n) < SAME_PARAGRAPH_JACCARD:
                    continue
                if id(q) not in seen:
                    seen.add(id(q))
                    wq = q.words
                    if len(wp & wq) / len(wp | wq) >= SAME_PARAGRAPH_JACCARD:
                        found.append(q)
        return min(map(self.items.index, found)) if found else None

    def insert(self, pos: int, p: _Para) -> None:
        self.items.insert(pos, p)
        self.exact[p.folded] = p
        self._add(p)

    def replace(self, m: int, p: _Para) -> None:
        """`p`, the complete form of the paragraph at `m`, in its place."""
        cut = self.items[m]
        self.items[m] = p
        self.exact[p.folded] = p
        if self.exact[cut.folded] is cut:
            twin = next((q for q in self.items if q.folded == cut.folded), None)
            if twin is None:
                del self.exact[cut.folded]
            else:
                self.exact[cut.folded] = twin
        if cut.head is not None:
            self.heads[cut.head].remove(cut)
        if self.by_word is not None:
            for w in cut.prefix():
                self.by_word[w].remove(cut)
        self._add(p)

    def _add(self, p: _Para) -> None:
        if p.head is not None:
            self.heads[p.head].append(p)
        if self.by_word is not None:
            self._index_words(p)

    def _index_words(self, q: _Para) -> None:
        assert self.by_word is not None
        q.size = len(q.words)
        for w in q.prefix():
            bisect.insort_right(self.by_word[w], q, key=_size)


def _size(p: _Para) -> int:
    return p.size


def _extends(longer: _Para, shorter: _Para) -> bool:
    """`shorter` is `longer` cut short."""
    fl, fs = longer.bare, shorter.bare
    return (
        PREFIX_MIN_CHARS <= len(fs) < len(fl)
        and len(fs) >= PREFIX_MIN_SHARE * len(fl)
        and fl.startswith(fs)
    )


def story_digest(story: Story) -> str:
    """Changes whenever anything a reader or the search index sees changes."""
    payload = {
        "title": story.title,
        "date": story.date,
        "sources": story.sources,
        "versions": [
            [
                v.key,
                v.title,
                v.paragraphs,
                v.caption,
                v.bullets,
                v.sources,
                v.date,
                v.similarity,
                v.paths,
            ]
            for v in story.versions
        ],
        # A StrEnum is written as its value (no .value lookups in this hot loop).
        "occurrences": [
            [o.path, o.start_line, o.end_line, o.relation, o.similarity] for o in story.occurrences
        ],
    }
    return digest(json.dumps(payload, ensure_ascii=False, sort_keys=True), 16)


def members_digest(keys: Sequence[str]) -> str:
    return digest("\n".join(sorted(keys)), 16)
