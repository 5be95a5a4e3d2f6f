"""Splitting and cleaning on the layout variants real scrapes produce, and properties
that must hold for any text at all."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyreader.search.ingest.clean import check_nothing_lost, clean
from storyreader.search.ingest.segment import split
from storyreader.search.model import Role
from tests.texts import CAPTION, PARAS_A, PARAS_B, PARAS_C, TITLE_A, TITLE_B, TITLE_C


def _texts(lines, segments):
    return [clean(lines, s, "f.txt") for s in segments]


def _site_b(title, paras, bullets=(), stamp="Updated 2 min 5 sec ago", extra_title=False):
    lines = [title, "", "Short Url", stamp, "Follow", "", title, "", title]
    if extra_title:
        lines[1:1] = ["", title]
    lines += [f"  • {b}" for b in bullets] + [""] + list(paras)
    return lines


def test_articles_glued_by_nothing_but_a_repeated_title():
    lines = _site_b(TITLE_A, PARAS_A) + _site_b(TITLE_B, PARAS_B) + _site_b(TITLE_C, PARAS_C)
    articles = _texts(lines, split(lines))
    assert [a.title for a in articles] == [TITLE_A, TITLE_B, TITLE_C]
    assert [a.paragraphs for a in articles] == [PARAS_A, PARAS_B, PARAS_C]


def test_whitespace_only_separators_and_chrome_in_any_order():
    first = [
        TITLE_A,
        "",
        CAPTION,
        CAPTION,
        "Follow",
        "Updated 12 March 2024",
        "TT",
        "",
        TITLE_A,
        "",
        *PARAS_A,
    ]
    second = [TITLE_B, "", "Updated 13 March 2024", "", TITLE_B, TITLE_B, "", *PARAS_B]
    lines = [*first, "", " ", "\t", "\u00a0", "", *second]
    articles = _texts(lines, split(lines))
    assert [a.title for a in articles] == [TITLE_A, TITLE_B]
    assert articles[0].date == "2024-03-12"
    assert articles[0].caption == CAPTION
    assert articles[0].source is None  # "(AFP)" credits the photo, not the article
    assert articles[0].paragraphs == PARAS_A
    assert articles[1].date == "2024-03-13"
    assert articles[1].paragraphs == PARAS_B


def test_title_printed_once_above_a_duplicated_caption():
    lines = [*PARAS_B, "", "", "", TITLE_A, "", CAPTION, CAPTION, "", *PARAS_A]
    segments = split(lines)
    assert [(s.start_line, s.end_line) for s in segments] == [(1, 3), (7, 15)]
    article = clean(lines, segments[1], "f.txt")
    assert article.title == TITLE_A and article.caption == CAPTION


def test_plain_layout_title_outlet_paragraphs():
    lines = [TITLE_C, "Meridian Press Agency", *PARAS_C]
    (segment,) = split(lines)
    article = clean(lines, segment, "f.txt")
    assert article.title == TITLE_C
    assert article.source == "Meridian Press Agency"
    assert article.paragraphs == PARAS_C
    assert article.roles == "TSBB"


def test_bullets_kept_once_and_repeated_paragraph_dropped():
    bullet = "Officials said the project would be financed jointly by the state and two operators"
    lines = _site_b(TITLE_A, [*PARAS_A, PARAS_A[1]], bullets=[bullet, bullet])
    (article,) = _texts(lines, split(lines))
    assert article.bullets == [bullet]
    assert article.paragraphs == PARAS_A
    assert article.roles[-1] == Role.BODY_REPEAT


def test_hard_wrapped_paragraphs_are_joined():
    import textwrap

    wrapped = []
    for p in PARAS_A:
        wrapped += [*textwrap.wrap(p, 60), ""]
    lines = [TITLE_A, "=" * len(TITLE_A), "", *wrapped]
    (segment,) = split(lines)
    article = clean(lines, segment, "f.txt")
    assert article.title == TITLE_A
    assert article.paragraphs == PARAS_A


def test_learned_furniture_is_dropped_and_recorded():
    lines = [TITLE_A, "", "Sign up for the Nordvik Daily", *PARAS_A, "Most shared this week"]
    furniture = frozenset({"Most shared this week", "Sign up for the Nordvik Daily"})
    (segment,) = split(lines, furniture)
    article = clean(lines, segment, "f.txt", furniture)
    assert article.paragraphs == PARAS_A
    assert article.roles.count(Role.FURNITURE) == 2


def test_untitled_text_gets_a_title_and_keeps_its_first_line():
    lines = [PARAS_A[0], PARAS_A[1]]
    (segment,) = split(lines)
    article = clean(lines, segment, "f.txt")
    assert article.paragraphs == PARAS_A[:2]
    assert article.title.startswith("NORDVIK: The harbour authority approved")


# --- properties --------------------------------------------------------------------------

_line = st.one_of(
    st.text(max_size=120),
    st.sampled_from(
        [
            "",
            " ",
            "TT",
            "20",
            "Follow",
            "Short Url",
            "Updated 23 July 2024",
            "Updated 31 sec ago",
            "  • A summary bullet about the event",
            TITLE_A,
            TITLE_B,
            CAPTION,
            *PARAS_A,
            "[bold]markup[/bold] and \x1b[31mred\x1b[0m",
            "# Heading",
            "=====",
            "By Ana Lind | Ostland Herald",
        ]
    ),
)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=60))
def test_split_and_clean_never_crash_nor_lose_a_line(lines):
    lines = [x.replace("\n", " ").replace("\r", " ") for x in lines]
    segments = split(lines)
    previous_end = 0
    covered = set()
    for seg in segments:
        assert previous_end < seg.start_line <= seg.end_line <= len(lines)
        previous_end = seg.end_line
        covered.update(range(seg.start_line, seg.end_line + 1))
        article = clean(lines, seg, "f.txt")
        assert len(article.roles) == seg.end_line - seg.start_line + 1
        assert article.title
        assert check_nothing_lost(article, lines) == []
    for number, line in enumerate(lines, 1):
        if line.strip(
            " \t\u00a0\u200b\ufeff\u00ad\u2060\u200c\u200d\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
        ) and " ".join(line.split()):
            assert number in covered
