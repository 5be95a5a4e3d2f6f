"""The event signature's when and how many: days resolved against the text's own date, and
numbers with their units (search/ingest/dates.py, search/dedup/quantities.py)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from storyreader.search.dedup import rewrite
from storyreader.search.dedup.quantities import quantities
from storyreader.search.ingest.dates import event_days, own_date

THU = dt.date(2013, 6, 13)  # a Thursday


def test_weekdays_and_yesterday_resolve_to_the_days_before_the_text_was_written():
    said = "The coach was fired on Saturday, a day after the loss, the club said yesterday."
    assert event_days(said, THU) == {dt.date(2013, 6, 8), dt.date(2013, 6, 12)}
    assert event_days("She checked in on Thursday night.", THU) == {THU}
    assert event_days("Lawyers will meet next Monday.", THU) == {dt.date(2013, 6, 17)}
    assert event_days("Firefighters worked through last night and into today.", THU) == {
        dt.date(2013, 6, 12),
        THU,
    }


def test_days_of_a_month_take_the_texts_year_and_full_dates_need_none():
    assert event_days("The crash happened on Sept. 3 near the bridge.", THU) == {
        dt.date(2012, 9, 3)  # months ahead of the text: last year's
    }
    assert event_days("Fighting began on 2 June and ended May 30, 2011.", THU) == {
        dt.date(2013, 6, 2),
        dt.date(2011, 5, 30),
    }
    assert event_days("It opened on Thursday, and on March 4 the doors shut.", None) == set()
    assert event_days("No court sits on February 30.", THU) == set()


def test_a_text_gives_its_own_date_in_its_date_line():
    paragraphs = [
        "Posted on Thu Jun 13, 2013 08:45 AM PDT",
        "The singer left the clinic on Wednesday, her lawyer said.",
    ]
    assert own_date(paragraphs) == (THU, 0)
    assert own_date(["The singer left the clinic on Wednesday."]) == (None, None)


def test_numbers_keep_their_units_and_values_are_normalised():
    found = quantities(
        "A magnitude 7.2 earthquake killed 12 people and left 2,500 homeless, "
        "with damage put at $3 million."
    )
    assert found == {
        ("magnitude", "7.2"),
        ("people", "12"),
        ("homeless", "2500"),
        ("usd", "3e+06"),
    }
    assert quantities("The 7.2-magnitude quake hit in 2013; twelve people died.") == {
        ("magnitude", "7.2"),
        ("people", "12"),
    }
    assert quantities("Police said 4 killed and four injured at 7 p.m. on Sept. 13.") == {
        ("killed", "4"),
        ("injured", "4"),
    }


def test_numbers_are_found_as_the_pattern_tried_at_every_letter_finds_them():
    """The word before a number is tried at word starts only; that finds what trying it at
    every letter found (a word begun mid-way, after an accent or inside a number word)."""
    import re

    from storyreader.search.dedup import quantities as q
    from tests.texts import LATER, OTHER, PARAS_A, PARAS_B, PARAS_C, REWRITE, STORY

    anchored = "(?<![A-Za-z])"
    everywhere = re.compile(q._QUANTITY.pattern.replace(anchored, "", 1), q._QUANTITY.flags)
    assert everywhere.pattern != q._QUANTITY.pattern
    texts = [
        *STORY,
        *REWRITE,
        *LATER,
        *OTHER,
        *PARAS_A,
        *PARAS_B,
        *PARAS_C,
        "éabc 5 people, someone 5 people, ſabc 12 miles and x-ray 5 million dollars",
        "abc5 people, the 5 people5 more 6 miles, ab-cd 5 miles, a_b 5 miles",
        "Someone four-day trip, one can, twelvefold 3 tonnes, $4bn deal, US$ 5 m euros",
    ]
    for text in texts:
        found = [(m.span(), m.groupdict()) for m in q._QUANTITY.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in everywhere.finditer(text)]


def _fields(a: tuple[str, list[str]], b: tuple[str, list[str]]) -> dict[str, float]:
    table = rewrite.FeatureTable({"a": rewrite.prepare(*a), "b": rewrite.prepare(*b)})
    parts = table.parts(np.array([0]), np.array([1]))
    return {k: float(v[0]) for k, v in parts.items()}


def test_two_tellings_share_their_days_and_numbers_and_two_quakes_do_not():
    first = (
        "Quake strikes the coast",
        [
            "Posted on Thu Jun 13, 2013",
            "A magnitude 6.1 earthquake struck the coast on Tuesday, killing 12 people.",
        ],
    )
    retold = (
        "Coastal towns count their dead",
        ["The 6.1-magnitude quake of June 11, 2013 left 12 people dead along the coast."],
    )
    other = (
        "Another quake strikes the coast",
        [
            "Posted on Mon Aug 19, 2013",
            "A magnitude 5.4 earthquake struck the coast on Saturday, killing 3 people.",
        ],
    )
    same = _fields(first, retold)
    assert same["days_near"] == 1 and same["days_fewer"] == 1
    assert same["numbers_shared"] == 2 and same["units_shared"] == 2
    apart = _fields(first, other)
    assert apart["days_fewer"] == 1 and apart["days_near"] == 0
    assert apart["units_shared"] == 2 and apart["numbers_shared"] == 0
    assert same["penalty"] < apart["penalty"]


def test_one_pairs_score_is_the_same_alone_and_in_a_table():
    a = rewrite.prepare(
        "Quake strikes", ["Posted on Thu Jun 13, 2013", "A magnitude 6.1 quake killed 12 people."]
    )
    b = rewrite.prepare("Quake", ["The 6.1-magnitude quake of June 11 killed 12 people."])
    table = rewrite.FeatureTable({"a": a, "b": b})
    assert abs(table.similarity([("a", "b")])[0] - rewrite.similarity(a, b)) < 1e-9
