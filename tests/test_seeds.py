"""The five real seed files must become exactly the ten stories their README describes."""

from __future__ import annotations

import re

import pytest

from storyreader.search.ingest.chrome import fixed_role
from storyreader.search.ingest.clean import check_nothing_lost, clean
from storyreader.search.ingest.read import read_text
from storyreader.search.ingest.segment import split
from storyreader.search.ingest.text import norm
from storyreader.search.model import Relation


def _story_by_title(lib, prefix: str):
    rows = [r for r in lib.stories() if r.title.startswith(prefix)]
    assert len(rows) == 1, f"expected one story titled {prefix!r}, got {[r.title for r in rows]}"
    return lib.story(rows[0].id)


def _files(story) -> dict[str, Relation]:
    return {o.path[:3]: o.relation for o in story.occurrences}


def test_exactly_ten_stories(seed_library):
    assert seed_library.count() == 10
    stats = seed_library.stats()
    assert stats.files == 5
    assert stats.articles == 13
    assert stats.copies_folded == 3


def test_iraq_talks_story_has_copies_and_rewrite(seed_library):
    story = _story_by_title(seed_library, "Iraq Says US Troop Drawdown Talks")
    assert (
        story.title
        == "Iraq Says US Troop Drawdown Talks Will Go on ‘As Long as Nothing Disturbs the Peace of the Talks’"
    )
    assert story.date == "2024-02-04"
    relations = _files(story)
    assert set(relations) == {"000", "001", "002", "003"}
    assert relations["003"] is Relation.REWRITE
    assert sorted(relations[p] for p in ("000", "001", "002")) == sorted(
        [Relation.CANONICAL, Relation.EXACT, Relation.EXACT]
    )
    for o in story.occurrences:
        if o.relation in (Relation.CANONICAL, Relation.EXACT):
            assert o.similarity == 1.0
        assert 0 < o.similarity <= 1
    # 000 and 002 hold the article on lines 1-32; 001 has one more chrome line ("20").
    ranges = {o.path[:3]: (o.start_line, o.end_line) for o in story.occurrences}
    assert ranges == {"000": (1, 32), "001": (1, 33), "002": (1, 32), "003": (1, 10)}
    # 003 names its outlet; "(dpa)" ends 000-002's photo caption and credits the photo.
    assert story.sources == ["ICARO Media Group"]
    # The rewrite stays whole as another version.
    assert len(story.versions) == 2
    assert story.versions[1].title.startswith("Iraq and U.S.-Led Coalition Resume Talks")
    assert len(story.versions[1].paragraphs) == 8


def test_tails_are_one_story_each(seed_library):
    gaza = _story_by_title(seed_library, "Israeli Fire Causes Casualties")
    syria = _story_by_title(seed_library, "Syria’s Reconciliation Committee")
    italy = _story_by_title(seed_library, "Italy Plans to Return Ambassador")
    assert _files(gaza) == {"000": Relation.CANONICAL}
    assert _files(syria) == {"001": Relation.CANONICAL}
    assert _files(italy) == {"002": Relation.CANONICAL}
    assert [(o.start_line, o.end_line) for o in gaza.occurrences] == [(36, 66)]


def test_file_004_yields_six_different_stories(seed_library):
    titles = [
        "Iraq eyes drawdown of US-led forces starting September, sources say",
        "Three PKK fighters killed in Iraq strike blamed on Turkiye",
        "Sudan army advances on central Khartoum: military source",
        "Syrians among victims in Swedish mass killing: Syrian embassy",
        "Israel orders army to prepare for ‘voluntary departure’ of Gazans after Trump unveils plan",
        "Tunisia president fires finance minister",
    ]
    stories = [_story_by_title(seed_library, t) for t in titles]
    assert [s.title for s in stories] == titles
    for s in stories:
        assert _files(s) == {"004": Relation.CANONICAL}
    ranges = [(s.occurrences[0].start_line, s.occurrences[0].end_line) for s in stories]
    assert ranges == [(1, 29), (36, 55), (57, 79), (82, 93), (96, 114), (117, 133)]
    september = stories[0]
    assert september.date == "2024-07-23"
    # "(REUTERS)" ends the photo caption; the article itself names no outlet.
    assert september.sources == []
    assert len(september.bullets) == 2
    assert stories[3].date == "2025-02-06"
    # "Updated 31 sec ago" is a scrape time, not a date.
    assert stories[1].date is None


def test_related_stories_stay_apart(seed_library):
    talks = _story_by_title(seed_library, "Iraq Says US Troop Drawdown Talks")
    september = _story_by_title(seed_library, "Iraq eyes drawdown")
    assert talks.id != september.id
    gaza_2025 = _story_by_title(seed_library, "Israeli Fire Causes Casualties")
    departure = _story_by_title(seed_library, "Israel orders army to prepare")
    assert gaza_2025.id != departure.id


def _chrome_free(text: str) -> None:
    for line in text.split("\n"):
        x = norm(line)
        if x:
            assert fixed_role(x)[0] is None, f"chrome line in text: {x!r}"
    assert "\nTT\n" not in f"\n{text}\n"
    assert "Short Url" not in text
    assert not re.search(r"^Updated ", text, re.M)
    assert not re.search(r"^Follow$", text, re.M)


def test_titles_and_texts_are_clean(seed_library):
    for row in seed_library.stories():
        story = seed_library.story(row.id)
        assert story.title == norm(story.title), "title has stray whitespace"
        for v in story.versions:
            assert v.title.count(v.title[:20]) == 1
            _chrome_free(v.text)
            # The caption is kept once, never inside the body.
            if v.caption:
                assert v.caption not in v.text
            # Every paragraph once.
            assert len(set(v.paragraphs)) == len(v.paragraphs)
            # Summary bullets are kept once, apart from the body.
            for b in v.bullets:
                assert not b.startswith("•")
                assert b not in v.paragraphs


def test_iraq_talks_text_has_every_paragraph_once(seed_library):
    story = _story_by_title(seed_library, "Iraq Says US Troop Drawdown Talks")
    text = story.text
    assert text.startswith("Iraq and the US-led military coalition resumed meetings Sunday")
    assert text.endswith(
        "Notably, there have been no additional strikes against US bases in Iraq since Feb. 4."
    )
    assert len(story.main.paragraphs) == 11
    assert story.caption.startswith("04 February 2024, Iraq, Baghdad:")
    assert story.caption.count("04 February 2024") == 1


def test_a_photo_credit_is_not_the_source(seeds):
    path = next(seeds.glob("002_*.txt"))
    lines = read_text(path).lines
    segments = split(lines)
    assert [(s.start_line, s.end_line) for s in segments] == [(1, 32), (36, 67)]
    italy = clean(lines, segments[1], path.name)
    assert italy.title.startswith("Italy Plans to Return Ambassador to Syria")
    assert italy.caption.endswith("during the NATO summit in Washington. (AP)")
    assert italy.source is None
    talks = clean(lines, segments[0], path.name)
    assert talks.caption.endswith("(dpa)")
    assert talks.source is None


def test_summary_lines_without_bullets_are_recognised(seeds):
    path = next(seeds.glob("004_*.txt"))
    lines = read_text(path).lines
    segments = split(lines)
    pkk = clean(lines, segments[1], path.name)
    assert pkk.title == "Three PKK fighters killed in Iraq strike blamed on Turkiye"
    assert pkk.bullets == [
        "Turkiye often carries out ground and air operations in northern Iraq against the PKK",
        "The strikes “killed a military commander and two other PKK fighters” in the Mawat area",
    ]
    assert pkk.paragraphs[0].startswith("IRBIL: Drone strikes killed")
    assert len(pkk.paragraphs) == 9


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_every_line_accounted_for(seeds, name):
    path = next(seeds.glob(f"{name}_*.txt"))
    lines = read_text(path).lines
    segments = split(lines)
    covered = set()
    for seg in segments:
        article = clean(lines, seg, path.name)
        assert len(article.roles) == seg.end_line - seg.start_line + 1
        assert check_nothing_lost(article, lines) == []
        covered.update(range(seg.start_line, seg.end_line + 1))
    for number, line in enumerate(lines, 1):
        if line.strip():
            assert number in covered, f"line {number} of {name} is in no article"


def test_fuzzy_words_found_only_in_bodies_are_highlighted(seed_library):
    # No title holds "militia": its highlight comes from the body field's expansion.
    spans = seed_library.highlighter("milita~")
    text = "The militia said so."
    assert [text[a:b] for a, b in spans(text)] == ["militia"]
