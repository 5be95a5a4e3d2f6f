"""Titles of real web pages (../shared/realweb) whose first line is the HTML title,
"<headline> - <site>", with the headline printed again below it."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyreader.search.ingest.clean import clean
from storyreader.search.ingest.lines import Lines
from storyreader.search.ingest.read import read_text
from storyreader.search.ingest.segment import split
from storyreader.search.model import Role

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "realweb" / "pages"

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/realweb is absent")


@pytest.mark.parametrize("name", ["04a6711caa7c6875.txt"])
def test_the_headline_not_the_html_title_names_the_article(name):
    lines = Lines.of(read_text(PAGES / name).lines)
    first = lines.normed[0]
    # The page's own headline: a later line that the first line starts with, then a site.
    headline = next(
        x for x in lines.normed[1:] if x and len(x) < len(first) and first.startswith(x + " ")
    )
    titles = [clean(lines, seg, name).title for seg in split(lines)]
    assert headline in titles
    assert first not in titles


def test_a_pages_menus_and_login_forms_are_not_articles_of_their_own():
    """A sports page of a site seen once: its menus and account forms (short lines with
    few function words) fold into the page's one article as dropped furniture lines."""
    name = "0d46122928b6f468.txt"
    lines = Lines.of(read_text(PAGES / name).lines)
    segments = split(lines)
    assert len(segments) == 1
    article = clean(lines, segments[0], name)
    menu = [i for i, x in enumerate(lines.normed) if x == "Scoreboard"]
    # Set off from the article's prose by the page's text statistics (before any run rule).
    assert menu and all(article.roles[i] == Role.NOT_PROSE for i in menu)
    assert not any(p == "Scoreboard" for p in article.paragraphs)
