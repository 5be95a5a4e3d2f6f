"""A page of a site seen once, dumped whole: its menus, "related" headlines, notices and
teasers are told from its article by the page's text statistics alone (ingest/density
classes, clean._drop_off_text, segment._fold_furniture), and every dropped line is still
accounted for under a role that names the evidence."""

from __future__ import annotations

from storyreader.search.ingest import density, segment
from storyreader.search.ingest.clean import check_nothing_lost, clean
from storyreader.search.ingest.lines import Lines
from storyreader.search.ingest.segment import split
from storyreader.search.model import Role, Segment

MENU = [
    "Home",
    "World",
    "Business",
    "Local News",
    "Weather",
    "Opinion",
    "Sports Scores",
    "Subscribe",
    "Sign In",
]
ARTICLE = [
    "Harbour town votes to rebuild the old sea wall",
    "",
    "The council of Brindlemouth voted on Tuesday evening to rebuild the sea wall that has "
    "guarded the lower town since the storms of the last century, after a year of argument.",
    "",
    "The work will take three summers and will be paid for with a loan from the regional "
    "bank, which the council says it can repay from the harbour dues it collects each year.",
    "",
    "Fishermen who moor below the wall said they were glad of the decision, though some of "
    "them asked why it had taken so long when the cracks were there for all to see.",
    "",
    "Engineers will begin by surveying the stones this winter, and the first section to be "
    "rebuilt is the stretch beside the lifeboat station, where the damage is at its worst.",
    "",
    "The mayor said that the town would hold a meeting in the spring so that anyone who "
    "lives near the harbour can see the plans and ask the engineers about the work.",
]
# Headlines of other articles: long enough to be judged, full of stop words, but every
# word capitalised, as such lists print them.
RELATED = [
    "Related Stories",
    "The Night The Lifeboat Crew Went Out Into The Worst Storm Of The Year",
    "What The New Harbour Dues Will Mean For The Boats That Moor In The Town",
    "Why The Bridge On The Coast Road Has Been Closed To Lorries Since May",
]
FOOTER = ["About Us", "Contact", "Careers", "Privacy Policy", "Terms of Use"]
# A dump starts with the HTML title: the headline, then the site's name.
PAGE_TITLE = ARTICLE[0] + " - The Brindlemouth Post"
NOTICE = [
    "We use cookies on this site so that it works as you would expect and so that we can "
    "learn which of our pages are read the most."
]


def _clean(lines: list[str]):
    return clean(Lines.of(lines), Segment(1, len(lines)), "page.txt")


def _lost(article, page: list[str]) -> list[str]:
    """check_nothing_lost, but for the HTML title line: its site's name is left out of the
    title by _title, which the check does not know yet (a gap older than this rule)."""
    return [x for x in check_nothing_lost(article, page) if x != PAGE_TITLE]


def _roles(article, lines: list[str], texts: list[str]) -> set[Role]:
    return {Role(article.roles[i]) for i, x in enumerate(lines) if x in texts}


def test_menus_related_headlines_and_footers_drop_out_of_a_single_page():
    page = [PAGE_TITLE, "", *MENU, "", *ARTICLE, "", *RELATED, "", *FOOTER]
    article = _clean(page)
    assert article.title == ARTICLE[0]
    assert article.paragraphs == [x for x in ARTICLE[1:] if x]
    # The menu under the title is taken for the header (captions, chrome) as before.
    assert not set(MENU) & set(article.paragraphs)
    assert _roles(article, page, RELATED[1:]) == {Role.NOT_PROSE}
    assert _roles(article, page, FOOTER) == {Role.NOT_PROSE}
    # Nothing is lost: each dropped line is accounted for, under a role that says why.
    assert _lost(article, page) == []
    assert Role.NOT_PROSE.label == "not prose"


def test_headlines_in_capitals_are_not_prose_though_full_of_stop_words():
    normed = Lines.of([*ARTICLE, "", *RELATED]).normed
    prose = density.Prose(normed)

    def class_of(x: str) -> int:
        u = prose.unit_of[normed.index(x)]
        assert u is not None
        return prose.unit_class(u)

    assert all(class_of(x) == density.OTHER for x in RELATED)
    assert all(class_of(x) == density.GOOD for x in ARTICLE[2:] if x)


def test_a_short_sentence_between_paragraphs_stays_and_a_far_notice_is_an_aside():
    short = "The vote was close."
    body = [*ARTICLE[:5], "", short, "", *ARTICLE[5:]]
    page = [*body, "", *FOOTER, "", *NOTICE]
    article = _clean(page)
    assert short in article.paragraphs
    # Prose set off from the article by the footer, and a fraction of its size.
    assert _roles(article, page, NOTICE) == {Role.ASIDE}
    assert NOTICE[0] not in article.paragraphs
    assert check_nothing_lost(article, page) == []


def test_a_markdown_heading_is_never_dropped_as_furniture():
    # A lead sentence printed as a Markdown heading (no headline: it ends like a sentence)
    # over a kicker, a byline and a caption line, none of them prose.
    heading = "# The sea wall will be rebuilt at last."
    page = [
        "NEWS",
        heading,
        "Jane Holloway - Apr 20, 2021, 10:11 pm GMT",
        "The harbour at low tide (Brindlemouth Post)",
        "",
        *[x for x in ARTICLE[1:] if x],
    ]
    article = _clean(page)
    assert heading in article.paragraphs
    assert article.title.startswith("# The sea wall")


# A second, much smaller block of the same page that splitting opens as an article: a
# teaser of another story, with its headline and one paragraph.
TEASER = [
    "Lighthouse keeper retires after forty years on the point",
    "",
    "Agnes Moorcroft climbed the hundred steps for the last time on Friday, she said.",
]


def _page(menu_lines: int) -> list[str]:
    menu = [f"{MENU[i % len(MENU)]} {i}" for i in range(menu_lines)]
    return [PAGE_TITLE, "", *menu, "", *ARTICLE, "", "", "", *TEASER, "", *FOOTER]


def test_a_small_block_of_a_page_dumped_whole_folds_into_its_article():
    page = _page(40)
    segments = split(Lines.of(page))
    assert len(segments) == 1
    article = clean(Lines.of(page), segments[0], "page.txt")
    assert article.title == ARTICLE[0]
    assert article.paragraphs[: len(ARTICLE) // 2] == [x for x in ARTICLE[1:] if x]
    assert _lost(article, page) == []


def test_a_short_article_after_a_long_one_stays_an_article_on_a_page_of_prose():
    # The same two blocks with a few header lines of furniture: a page of articles.
    page = _page(3)
    starts = [s.start_line for s in split(Lines.of(page))]
    assert starts[-1] == page.index(TEASER[0]) + 1
    assert len(starts) == 2
    # The fold needs both the share and the count of furniture lines.
    assert segment.PAGE_MIN_FURNITURE_LINES > 3


def test_show_explain_names_the_new_evidence(tmp_path):
    from click.testing import CliRunner

    from storyreader.tui.cli import main

    corpus = tmp_path / "pages"
    corpus.mkdir()
    page = [PAGE_TITLE, "", *MENU, "", *ARTICLE, "", *RELATED, "", *FOOTER, "", *NOTICE]
    (corpus / "page.txt").write_text("\n".join(page) + "\n", encoding="utf-8")
    ix = str(tmp_path / "ix")

    def run(*args: str) -> str:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    story = run("stories", str(corpus), "--index", ix, "--format", "json").splitlines()
    assert len(story) == 1
    sid = story[0].split('"id": "', 1)[1][:8]
    out = run("show", str(corpus), sid, "--index", ix, "--explain")
    # Each row: number, story, role, then the line's text cut to the terminal's width.
    assert f"not prose        {RELATED[1][:30]}" in out
    assert f"not prose        {FOOTER[0]}" in out
    assert f"aside            {NOTICE[0][:30]}" in out


SECOND_SECTION = [
    "Who pays for the new wall",
    "",
    "The loan from the regional bank will be repaid over twenty years, and the council "
    "expects the harbour dues to rise by a tenth to cover the cost of the interest on it.",
    "",
    "Traders on the quay said that they would accept the rise if the work was finished on "
    "time, since a storm that broke through the old wall would cost them a great deal more.",
    "",
    "A group of residents has asked the council to publish the figures in full, and the "
    "council has agreed to put them on its notice board outside the town hall next week.",
]
OTHER_ARTICLE = [
    "School choir wins the county prize for the third year",
    "",
    "The choir of the Brindlemouth primary school won the county prize on Saturday for the "
    "third year in a row, singing two songs that the children had written themselves.",
    "",
    "Their teacher said that the children had practised every lunchtime since the summer, "
    "and that the prize money would pay for a trip to hear an orchestra in the city.",
    "",
    "Parents who travelled to the competition said the hall was so full that many of them "
    "had to stand at the back, and that the applause went on for a long time.",
]
SHARE_ROW = ["Share this article", "Facebook", "Twitter", "Email", "Print"]


def _whole_page(*blocks: list[str]) -> list[str]:
    menu = [f"{MENU[i % len(MENU)]} {i}" for i in range(40)]
    page = [PAGE_TITLE, "", *menu, ""]
    for block in blocks:
        page += [*block, "", "", ""]
    return [*page, *FOOTER]


def test_sections_of_one_article_on_a_page_dumped_whole_stay_one_article():
    page = _whole_page(ARTICLE, SECOND_SECTION)
    # Splitting alone opens an article at the subhead set off by blank lines.
    assert SECOND_SECTION[0] in page
    segments = split(Lines.of(page))
    assert len(segments) == 1
    article = clean(Lines.of(page), segments[0], "page.txt")
    assert SECOND_SECTION[2] in article.paragraphs
    assert article.title == ARTICLE[0]


def test_two_articles_parted_by_a_header_on_a_page_dumped_whole_stay_apart():
    # A headline, a byline and a date line: three paragraphs that are not prose.
    header = [OTHER_ARTICLE[0], "By Tom Ashworth", "Saturday 14 May 2022"]
    page = _whole_page(ARTICLE, [*header, "", *OTHER_ARTICLE[2:]])
    starts = [s.start_line for s in split(Lines.of(page))]
    assert len(starts) == 2
    assert page[starts[1] - 1] == OTHER_ARTICLE[0]


# Cards of other articles under the article: a headline, a date, the opening words of the
# summary cut at a length (on a word, or with an ellipsis) and a link to read on.
TEASERS = [
    line
    for headline, summary in [
        (
            "Lifeboat crew named volunteers of the year",
            "The crew of the Brindlemouth lifeboat, who went out eleven times during the "
            "storms of the winter, were given the award at a dinner in the",
        ),
        (
            "Harbour dues to rise for the first time in a decade",
            "Boats that moor in the inner harbour will pay more from April, after the "
            "council agreed that the cost of dredging the channel had gone up and...",
        ),
        (
            "Coast road bridge to stay closed to lorries",
            "Engineers who inspected the bridge on the coast road in the summer found that "
            "two of its piers had been weakened by the floods, and the county says that",
        ),
    ]
    for line in ["", headline, "", "March 3, 2025 at 9:15 am", summary, "Read More"]
]


def test_teaser_summaries_cut_mid_sentence_drop_out_after_the_article():
    page = [PAGE_TITLE, "", *MENU, "", *ARTICLE, "", "More in News", *TEASERS, "", *FOOTER]
    article = _clean(page)
    assert article.paragraphs == [x for x in ARTICLE[1:] if x]
    cut = [x for x in TEASERS if x and x != "Read More" and len(x) > 100]
    assert _roles(article, page, cut) == {Role.NOT_PROSE}
    assert not _lost(article, page)


def test_one_paragraph_cut_short_inside_an_article_stays():
    # A paragraph that ends on a word (a quote left open, a line before an embedded post)
    # is one; it takes several to make a list of teasers.
    ragged = [*ARTICLE[:4], ARTICLE[4].rstrip(".") + " and the", *ARTICLE[5:]]
    page = [PAGE_TITLE, "", *MENU, "", *ragged, "", *FOOTER]
    article = _clean(page)
    assert article.paragraphs == [x for x in ragged[1:] if x]


def test_a_paragraph_ending_in_a_link_is_not_cut_short():
    assert not density._stops_short("Read the council's plans at www.brindlemouth.example")
    assert not density._stops_short("The mayor's post: https://example.org/p/123")
    assert density._stops_short("the council agreed that the cost had gone up and...")
    assert density._stops_short("who went out eleven times during the storms of the")
    assert not density._stops_short("who went out eleven times during the storms.")


# A ranking printed as a table below the article's text: numbered rows, few stop words.
RANKING = [
    "Final standings of the harbour regatta after nine races:",
    "",
    "Pos. Boat Points Wins",
    *[
        f"{n} {boat} {points} {wins}"
        for n, (boat, points, wins) in enumerate(
            [
                ("Sea Lark", 412, 4),
                ("Morning Star", 398, 2),
                ("Grey Heron", 377, 1),
                ("Kittiwake II", 350, 1),
                ("Lady Brindle", 301, 1),
                ("Puffin", 288, 0),
                ("Wavecrest", 240, 0),
            ],
            1,
        )
    ],
]


def test_a_numbered_table_below_the_article_text_is_kept():
    page = [PAGE_TITLE, "", *MENU, "", *ARTICLE, "", *RANKING, "", *FOOTER]
    article = _clean(page)
    rows = [x for x in RANKING if x[:1].isdigit()]
    assert all(x in article.paragraphs for x in rows)
    assert _roles(article, page, rows) == {Role.BODY}
    assert not set(FOOTER) & set(article.paragraphs)
    assert not _lost(article, page)


def test_a_numbered_list_far_below_the_article_stays_furniture():
    # Past the footer a numbered list ("Most read") is not the article's.
    most_read = ["Most read", *[f"{n}. {x}" for n, x in enumerate(RELATED[1:], 1)]]
    page = [PAGE_TITLE, "", *MENU, "", *ARTICLE, "", *FOOTER, "", *MENU, "", *most_read]
    article = _clean(page)
    assert not set(most_read) & set(article.paragraphs)


def test_the_headline_below_names_the_article_though_quotes_and_dashes_differ():
    headline = "‘Sea wall’ vote – the council decides"
    page = [
        "'Sea wall' vote - the council decides | The Brindlemouth Post",
        "",
        *MENU,
        "",
        headline,
        *ARTICLE[1:],
    ]
    article = _clean(page)
    assert article.title == headline


def test_a_block_of_teasers_cut_mid_sentence_is_not_an_article_of_its_own():
    # Under a header of its own, a list of cards reads as a short article of prose to the
    # page's statistics unless their summaries, cut at a length, are told from prose.
    page = _whole_page(ARTICLE, ["More in News", *TEASERS])
    segments = split(Lines.of(page))
    assert len(segments) == 1
    article = clean(Lines.of(page), segments[0], "page.txt")
    assert article.paragraphs == [x for x in ARTICLE[1:] if x]
