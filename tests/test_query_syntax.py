"""The query language on a real index (the seeds): calendar date ranges, messages for
queries that cannot be read, and the word being typed matching the words it begins."""

from __future__ import annotations

import re

import pytest

import storyreader.search.storage.index as search_index
from storyreader.search.query import QueryError
from storyreader.search.storage.syntax import UnfinishedQuery


def _dates(library) -> list[str]:
    """Every dated story's date, from the store (not from the index under test)."""
    return [row.date for row in library.stories() if row.date]


DATE_QUERIES = {
    # one period
    "date:2024": lambda d: d[:4] == "2024",
    "date:2024-07": lambda d: d[:7] == "2024-07",
    "date:2024-07-11": lambda d: d == "2024-07-11",
    "date:2024/07/23": lambda d: d == "2024-07-23",
    "date:20250126": lambda d: d == "2025-01-26",
    # after
    "date:>2024-12-31": lambda d: d > "2024-12-31",
    "date:>2024-07-11": lambda d: d > "2024-07-11",
    "date:>2024-07": lambda d: d[:7] > "2024-07",
    "date:>2024": lambda d: d[:4] > "2024",
    "date:>=2025-02-06": lambda d: d >= "2025-02-06",
    "date:>=2024-07": lambda d: d[:7] >= "2024-07",
    "date:>=2025": lambda d: d[:4] >= "2025",
    # before
    "date:<2024-07": lambda d: d[:7] < "2024-07",
    "date:<2024-07-23": lambda d: d < "2024-07-23",
    "date:<2025": lambda d: d[:4] < "2025",
    "date:<=2024-07-11": lambda d: d <= "2024-07-11",
    "date:<=2024-07": lambda d: d[:7] <= "2024-07",
    "date:<=2025-01": lambda d: d[:7] <= "2025-01",
    "date:<=2024": lambda d: d[:4] <= "2024",
    # ranges, closed and open
    "date:[2024-07-11 TO 2025-01-26]": lambda d: "2024-07-11" <= d <= "2025-01-26",
    "date:{2024-07-11 TO 2025-01-26}": lambda d: "2024-07-11" < d < "2025-01-26",
    "date:[2024-07-11 TO 2025-01-26}": lambda d: "2024-07-11" <= d < "2025-01-26",
    "date:{2024-07-11 TO 2025-01-26]": lambda d: "2024-07-11" < d <= "2025-01-26",
    "date:[2024-03 TO 2024-08]": lambda d: "2024-03" <= d[:7] <= "2024-08",
    "date:[2024-07 TO 2025-01}": lambda d: "2024-07" <= d[:7] < "2025-01",
    "date:{2024-02 TO 2025-02}": lambda d: "2024-02" < d[:7] < "2025-02",
    "date:{2024 TO 2025]": lambda d: "2024" < d[:4] <= "2025",
    "date:[2024 to 2024]": lambda d: d[:4] == "2024",
    "date:[2025-01-27 TO]": lambda d: d >= "2025-01-27",
    "date:{2024-07-11 TO]": lambda d: d > "2024-07-11",
    "date:[TO 2024-07-11]": lambda d: d <= "2024-07-11",
    "date:[TO 2024-07}": lambda d: d[:7] < "2024-07",
}


@pytest.mark.parametrize("query", list(DATE_QUERIES))
def test_date_queries_follow_the_calendar(seed_library, query):
    dates = _dates(seed_library)
    expected = sorted(d for d in dates if DATE_QUERIES[query](d))
    found = seed_library.search(query, limit=None, snippets=False)
    assert sorted(h.row.date for h in found.hits) == expected
    assert found.total == len(expected)


def test_the_seed_dates_tell_the_bounds_apart(seed_library):
    # Days, months and years on both sides of every bound above.
    assert sorted(set(_dates(seed_library))) == [
        "2024-02-04",
        "2024-07-11",
        "2024-07-23",
        "2025-01-26",
        "2025-02-06",
    ]


def test_a_date_bound_joins_the_words(seed_library):
    found = seed_library.search("iraq date:>=2024-07", limit=None, snippets=False)
    assert [h.row.title for h in found.hits] == [
        "Iraq eyes drawdown of US-led forces starting September, sources say"
    ]
    found = seed_library.search("date:2025-02 NOT tunisia", limit=None, snippets=False)
    assert len(found.hits) == 2 and all(h.row.date == "2025-02-06" for h in found.hits)


BAD = {
    "(": "( is not closed",
    "iraq (army": "( is not closed",
    "iraq)": ") closes nothing",
    "title:": "title: needs a word",
    "title: iraq": "title: needs a word",
    "source:": "source: needs a word",
    "date:garbage": "cannot read the date 'garbage'",
    "date:": "date: needs a date",
    "date:2024-13": "there is no date '2024-13'",
    "date:2025-02-30": "there is no date '2025-02-30'",
    "date:[2024 TO": "is not closed",
    "date:[2024 2025]": "write a date range as",
    "date:[TO]": "has no dates",
    '"unbalanced': '" is not closed',
    "AND": "AND needs a word",
    "iraq AND": "AND needs a word after it",
    "OR iraq": "OR needs a word before it",
    "iraq NOT": "NOT needs a word after it",
    "the": "nothing to search for",
}


@pytest.mark.parametrize("query", list(BAD))
def test_bad_syntax_says_what_is_wrong(seed_library, query):
    with pytest.raises(QueryError) as caught:
        seed_library.search(query)
    message = str(caught.value)
    assert BAD[query] in message
    assert "\n" not in message
    assert not isinstance(caught.value, UnfinishedQuery)
    # While it is being typed, the same message says the query is not finished yet
    # (but `the` may be the start of `theatre`).
    if query != "the":
        with pytest.raises(UnfinishedQuery, match=re.escape(BAD[query])):
            seed_library.search(query, partial=True)


def test_good_syntax_still_reads(seed_library):
    for query in [
        "iraq (army OR troops)",
        "title:(iraq talks)",
        "NOT iraq",
        "iraq AND NOT turkiye",
        "files:>3",
        "*",
    ]:
        seed_library.search(query)


def _titles(results) -> list[str]:
    return [h.row.title for h in results.hits]


def test_the_word_being_typed_finds_the_words_it_begins(seed_library):
    sudan = "Sudan army advances on central Khartoum: military source"
    # Typed so far: `khart` already finds Khartoum; as a whole word (Enter) it does not.
    assert _titles(seed_library.search("khart", partial=True)) == [sudan]
    assert _titles(seed_library.search("khart")) == []
    # Only the last word: the words before it are whole words.
    assert _titles(seed_library.search("khart army", partial=True)) == []
    # After a space the word is finished.
    assert _titles(seed_library.search("khart ", partial=True)) == []
    # In a field.
    assert _titles(seed_library.search("title:khart", partial=True)) == [sudan]
    assert _titles(seed_library.search("army title:khart", partial=True)) == [sudan]
    assert (
        "ICARO Media Group" in seed_library.search("source:ica", partial=True).hits[0].row.sources
    )
    # A finished word still finds itself (the index holds its stem, not the word).
    assert _titles(seed_library.search("khartoum", partial=True)) == [sudan]
    # The stories found by a prefix are those holding a word it begins.
    pkk = "Three PKK fighters killed in Iraq strike blamed on Turkiye"
    assert pkk in _titles(seed_library.search("iraq turk", partial=True))
    assert pkk not in _titles(seed_library.search("iraq turk"))


def test_the_word_being_typed_is_highlighted_whole(seed_library):
    spans = seed_library.highlighter("khart", partial=True)
    text = "Fighting in Khartoum went on."
    assert [text[a:b] for a, b in spans(text)] == ["Khartoum"]
    snippet = seed_library.snippet(
        seed_library.search("khart", partial=True).hits[0].row.id, "khart", partial=True
    )
    assert snippet.spans and snippet.text[slice(*snippet.spans[0])] == "Khartoum"


def test_not_unfinished_operators_fuzzy_or_phrases(seed_library):
    index = seed_library.index
    # An operator being typed, a fuzzy term and a phrase are not prefixes.
    with pytest.raises(QueryError, match="OR needs a word after it"):
        index.parse("iraq OR", partial=True)
    assert str(index.parse("khartum~", partial=True)) == str(index.parse("khartum~"))
    assert str(index.parse('"iraq talks"', partial=True)) == str(index.parse('"iraq talks"'))
    assert str(index.parse("date:2024", partial=True)) == str(index.parse("date:2024"))
    with pytest.raises(UnfinishedQuery):
        seed_library.search("k", partial=True)


def test_prefix_expansion_is_bounded_to_the_most_frequent_words(seed_library, monkeypatch):
    index = seed_library.index
    reader = index._reader().reader()
    prefix = "s"
    every = {
        reader.schema["body"].from_bytes(w): info.doc_frequency()
        for w, info in reader.iter_prefix("body", prefix + "t")
    }
    assert len(every) > 3
    monkeypatch.setattr(search_index, "PREFIX_TERMS", 3)
    query = index.parse("st", partial=True)
    body = {t.text for t in query.leaves() if t.fieldname == "body"} - {"st"}
    top = sorted(every.values(), reverse=True)[:3]
    assert len(body) <= 3
    assert sorted((every[w] for w in body), reverse=True) == top
    # ...and within the budget of postings read.
    monkeypatch.setattr(search_index, "PREFIX_TERMS", 40)
    monkeypatch.setattr(search_index, "PREFIX_POSTINGS", 0)
    query = index.parse("st", partial=True)
    body = {t.text for t in query.leaves() if t.fieldname == "body"} - {"st"}
    assert len(body) == 1 and every[body.pop()] == max(every.values())
