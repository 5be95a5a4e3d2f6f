"""Boundaries of articles printed in layouts the splitter was not written for: headers that
open with furniture lines, headers with no headline, bodies with or without blank lines."""

from __future__ import annotations

import textwrap

from storyreader.search.ingest.clean import clean
from storyreader.search.ingest.segment import split
from storyreader.search.model import Opened, Segment
from tests.texts import PARAS_A, PARAS_B, PARAS_C


def _spans(lines: list[str], furniture: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    return [(s.start_line, s.end_line) for s in split(lines, furniture)]


def _blank_separated(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in paras:
        out += [p, ""]
    return out[:-1]


def test_a_header_of_share_buttons_after_a_closing_credit_opens_the_next_article():
    # No headline: the lead sentence opens each article, below a share column and a
    # photo caption. The credit that closes the first article and the gap after it are
    # the evidence, though the gap is followed by furniture, not by text.
    first = [*_blank_separated(PARAS_A), "", "Reporting by Jane Roe; Editing by John Doe"]
    second = [
        "Facebook",
        "Twitter",
        "Email",
        "A farmer walks past a dry well near Valdera on Monday. (AFP)",
        "",
        *_blank_separated(PARAS_B),
    ]
    lines = [*first, "", *second]
    assert _spans(lines) == [(1, len(first)), (len(first) + 2, len(lines))]


def test_a_kicker_and_date_header_the_corpus_learned_opens_an_article_in_a_tight_page():
    # Paragraphs follow each other without blank lines, so a gap is where an article ends;
    # the header's first lines are furniture the corpus learned (a section kicker, a date
    # line), and the byline below them is the first line judged.
    kicker, day = "POLITICS", "WEDNESDAY, DECEMBER 23, 2015"
    first = [*PARAS_A, "", "Related: Drought forces farmers to cull herds"]
    second = [kicker, day, "By Omar Brennan, James Okafor and Peter Haddad", *PARAS_C]
    lines = [*first, "", "", *second]
    spans = _spans(lines, frozenset({kicker, day}))
    assert spans == [(1, len(first)), (len(first) + 3, len(lines))]
    assert clean(lines, split(lines, frozenset({kicker, day}))[1], "f.txt").paragraphs == PARAS_C


def test_an_advertisement_between_paragraphs_does_not_end_the_article():
    # The same furniture inside a body, one blank on each side, in a page whose paragraphs
    # are blank-separated: no boundary.
    lines = [
        *_blank_separated(PARAS_A[:2]),
        "",
        "Advertisement",
        "",
        "Related: Drought forces farmers to cull herds",
        "",
        *_blank_separated(PARAS_A[2:]),
    ]
    assert _spans(lines) == [(1, len(lines))]


def _wrapped(paras: list[str], width: int) -> list[str]:
    out: list[str] = []
    for p in paras:
        out += [*textwrap.wrap(p, width), ""]
    return out[:-1]


# Paragraphs whose last wrapped line is short: no line of them is long, or a sentence
# of 40 characters or more, so only the wrapping tells that they are body.
WRAPPED_A = [
    "The harbour authority approved on Tuesday a new ferry terminal that will double "
    "capacity for passengers by the year two thousand and twenty seven, officials said on the day.",
    "The decision ends a dispute between the council and fishing cooperatives who feared "
    "the terminal would cut them off from the old inner basin for good.",
]


def test_a_hard_wrapped_article_has_a_body_though_no_line_is_long():
    first = _wrapped(WRAPPED_A, 60)
    assert all(len(x) < 80 and (len(x) < 40 or not x.endswith(".")) for x in first)
    first += ["", "Reporting by Jane Roe; Editing by John Doe"]
    second = [
        "Facebook",
        "Twitter",
        "A farmer walks past a dry well near Valdera on Monday. (AFP)",
        "",
        *_wrapped(PARAS_B, 60),
    ]
    lines = [*first, "", *second]
    assert _spans(lines) == [(1, len(first)), (len(first) + 2, len(lines))]


def test_a_kicker_over_a_headline_that_is_a_sentence_opens_an_article_in_a_tight_page():
    first = [*PARAS_A, "", "Related: Drought forces farmers to cull herds"]
    second = [
        "Explainer:",
        "Farmers in Valdera cull their herds as the reservoirs fall.",
        "Li Moreau - Oct 2, 2009, 10:52 pm CST",
        *PARAS_B,
    ]
    lines = [*first, "", *second]
    assert _spans(lines) == [(1, len(first)), (len(first) + 2, len(lines))]


def test_a_kicker_over_a_byline_opens_an_article_after_one_blank_line():
    # Paragraphs are blank-separated and articles one blank apart, with no headline: the
    # header (a kicker, a byline, a read time) is the evidence. A kicker over a paragraph
    # stays in the body (the first test's advertisement is the same case).
    first = _blank_separated(PARAS_A)
    second = [
        "Exclusive:",
        "By Staff reporter | 16 Jun 2009",
        "Published 16 June 2009 · 8 min read",
        "",
        *_blank_separated(PARAS_B),
    ]
    lines = [*first, "", *second]
    assert _spans(lines) == [(1, len(first)), (len(first) + 2, len(lines))]
    alone = [*first, "", "Update:", *_blank_separated(PARAS_A[:1])]
    assert _spans(alone) == [(1, len(alone))]


def test_a_caption_under_a_header_is_not_a_body_that_a_headline_below_would_close():
    # The header's last line is a photo caption that reads as a short sentence; the
    # article's own text then opens with its headline, one blank below.
    first = _blank_separated(PARAS_A)
    second = [
        "Home > Europe",
        "THURSDAY, DECEMBER 17, 2012",
        "Omar Lindqvist - Dec 17, 2012, 5:50 pm CST",
        "Share on Facebook  Share on Twitter  Email",
        "Omar Keller speaks at the capital on Monday.",
        "",
        "Drought forces farmers in Valdera to cull herds",
        "",
        *_blank_separated(PARAS_B),
    ]
    lines = [*first, "", *second]
    assert _spans(lines) == [(1, len(first)), (len(first) + 2, len(lines))]


def test_a_dateline_under_a_standfirst_does_not_open_an_article():
    first = _blank_separated(PARAS_A)
    second = [
        "Drought forces farmers in Valdera to cull herds",
        "By Omar Lindqvist",
        "",
        "Herds are culled as the reservoirs fall to a record low.",
        "",
        "November 28, 2005",
        "",
        *_blank_separated(PARAS_B),
    ]
    lines = [*first, "", "", *second]
    assert _spans(lines) == [(1, len(first)), (len(first) + 3, len(lines))]


def test_an_article_with_no_headline_is_not_titled_with_its_photo_caption():
    caption = "A farmer walks past a dry well near Valdera on Monday. (AFP)"
    lines = ["Explainer:", "Facebook", "Twitter", caption, *PARAS_B]
    (segment,) = split(lines)
    article = clean(lines, segment, "f.txt")
    assert article.caption == caption
    assert article.paragraphs == PARAS_B
    assert article.title != caption and "dry well" not in article.title


def test_a_kicker_over_a_title_printed_again_as_a_heading_opens_the_article():
    # Paragraphs follow each other without blank lines; the kicker, not the heading,
    # is where the article starts.
    title = "Drought forces farmers in Valdera to cull herds"
    first = [*PARAS_A, "Related: Central bank holds rates steady"]
    second = ["Live:", title, "", f"# {title}", "By Web team | 16 Mar 2009", *PARAS_B]
    lines = [*first, "", *second]
    assert _spans(lines) == [(1, len(first)), (len(first) + 2, len(lines))]


def test_each_boundary_names_its_evidence():
    # What `show --explain` prints above an article's first line: the splitter's own
    # reason for opening it there, recorded as it decided.
    gap_title = ["Harbour reopens after storm", "", *_blank_separated(PARAS_A)]
    gap_title += ["", "", "Valdera farmers cull their herds", "", *_blank_separated(PARAS_B)]
    heading = ["# Harbour reopens after storm", "", *_blank_separated(PARAS_A)]
    heading += ["", "# Valdera farmers cull their herds", "", *_blank_separated(PARAS_B)]
    credit = [*_blank_separated(PARAS_A), "", "Reporting by Jane Roe; Editing by John Doe", ""]
    credit += ["A farmer walks past a dry well near Valdera on Monday. (AFP)", ""]
    credit += _blank_separated(PARAS_B)
    byline = [*_blank_separated(PARAS_A), "", "Exclusive:", "By Staff reporter | 16 Jun 2009"]
    byline += ["", *_blank_separated(PARAS_B)]
    pages = {
        Opened.GAP_TITLE: gap_title,
        Opened.HEADING: heading,
        Opened.CREDIT: credit,
        Opened.OPENER: byline,
        Opened.TIGHT: [*PARAS_A, "", *PARAS_B],
    }
    for evidence, lines in pages.items():
        segments = split(lines)
        assert [s.opened_by for s in segments] == [Opened.FIRST, evidence], evidence
        # Evidence is said of a boundary, and is no part of what a segment is.
        assert segments[1] == Segment(segments[1].start_line, segments[1].end_line)
    assert all(o.label for o in Opened)
