"""Bounds on what one query may cost, so that no query can freeze the reader.

Wildcards, prefixes and ranges stand for every indexed word they match: `[a TO z]` for
nearly all of them, and Whoosh then steps through every posting list of the index. Here
each such term is replaced by the words it matches, as plain words the numpy ranker scores
fast, and a term that matches too many words, or whose scan of the word list runs too
long, is refused with a message instead.
"""

from __future__ import annotations

import fnmatch
import re
import time

from whoosh.query import (
    Every,
    FuzzyTerm,
    MultiTerm,
    NullQuery,
    Prefix,
    Query,
    Regex,
    Term,
    Wildcard,
)

from storyreader.search.storage.errors import QueryError
from storyreader.search.storage.syntax import _PreloadedOr

# Words the wildcards, prefixes and ranges of one query may stand for: each costs a
# posting list opened (a fixed cost, whatever the corpus's size).
MAX_WORDS = 500
# Stories those words' posting lists may hold in all: what reading them costs grows with
# the corpus, and this bounds it (a word of every story at 100,000 files holds ~27,000).
MAX_POSTINGS = 400_000
# Words of the index's word list one query may look at while expanding its terms.
MAX_VISITS = 400_000
# Seconds one query may spend expanding its terms.
MAX_EXPAND_SECONDS = 0.5
# Fields every story has words in: `path:*` is every story, not a walk of every word.
_EVERY_STORY = frozenset({"title", "body", "path"})


class TooBroad(QueryError):
    """A query that stands for too many words to run quickly."""


def bound(query: Query, reader) -> Query:
    """`query` with every wildcard, prefix and range replaced by the words it matches;
    raises TooBroad when they (and fuzzy words, expanded before) match more than MAX_WORDS
    words or MAX_POSTINGS postings, or their expansion runs too long."""
    deadline = time.perf_counter() + MAX_EXPAND_SECONDS
    visits, n_words, postings = [0], [0], [0]

    def visit(node: Query) -> Query:
        if isinstance(node, Every) and node.fieldname in _EVERY_STORY:
            return Every(boost=node.boost)
        if isinstance(node, _PreloadedOr):  # a fuzzy word's expansion, counted alike
            n_words[0] += len(node.subqueries)
            postings[0] += sum(reader.doc_frequency(t.fieldname, t.text) for t in node.subqueries)
            if n_words[0] > MAX_WORDS or postings[0] > MAX_POSTINGS:
                raise TooBroad("too broad: a fuzzy word~ matches too many words; narrow it")
            return node
        if not isinstance(node, MultiTerm) or isinstance(node, FuzzyTerm):
            return node
        words = []
        for word in _words(node, reader):
            visits[0] += 1
            if word is not None:
                words.append(word)
                n_words[0] += 1
                postings[0] += reader.doc_frequency(node.fieldname, word)
            if n_words[0] > MAX_WORDS:
                raise TooBroad(_too_broad(node, f"matches more than {MAX_WORDS:,} words"))
            if postings[0] > MAX_POSTINGS:
                raise TooBroad(_too_broad(node, "matches too many words of too many stories"))
            if visits[0] > MAX_VISITS or (visits[0] % 1024 == 0 and time.perf_counter() > deadline):
                raise TooBroad(_too_broad(node, "takes too long to look up"))
        if not words:
            return NullQuery
        return _PreloadedOr([Term(node.fieldname, w) for w in words], boost=node.boost)

    return query.accept(visit)


def check_fuzzy(query: Query) -> None:
    """Raise TooBroad for a fuzzy word no longer than its edit distance (`a~2`): it
    matches nearly every short word, and finding them walks the whole word list."""
    for leaf in query.leaves():
        if isinstance(leaf, FuzzyTerm) and len(leaf.text) <= leaf.maxdist:
            raise TooBroad(
                f"too broad: {leaf.text}~{leaf.maxdist} matches nearly every short word;"
                " give more letters"
            )


def _words(node: MultiTerm, reader):
    """The words of the node's field it matches, and None for each word looked at and
    passed over (so that a scan matching nothing is still counted)."""
    field = node.fieldname
    if field not in reader.schema:
        return
    if isinstance(node, Wildcard | Regex):
        if isinstance(node, Wildcard):
            pattern = re.compile(fnmatch.translate(node.text))
            prefix = re.split(r"[*?\[]", node.text, maxsplit=1)[0]
        else:
            pattern = re.compile(node.text)
            prefix = ""
        for btext in reader.expand_prefix(field, prefix):
            word = btext.decode("utf-8") if isinstance(btext, bytes) else btext
            yield word if pattern.match(word) else None
        return
    if isinstance(node, Prefix):
        source = reader.expand_prefix(field, node.text)
    else:
        source = node._btexts(reader)
    for btext in source:
        yield btext.decode("utf-8") if isinstance(btext, bytes) else btext


def _too_broad(node: MultiTerm, why: str) -> str:
    if isinstance(node, Prefix):
        shown = node.text + "*"
    elif isinstance(node, Wildcard | Regex):
        shown = node.text
    else:
        shown = f"[{node.start} TO {node.end}]"
    return f"too broad: {shown!r} in {node.fieldname} {why}; narrow it (more letters)"
