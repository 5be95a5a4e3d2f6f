"""Exported Markdown read by real clients: a CommonMark renderer must show the file's text,
not markup made of it; two YAML parsers (1.1 and 1.2) must read the front matter."""

from __future__ import annotations

import os
import stat

import pytest
import yaml
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from storyreader.search.markdown import export, to_markdown
from storyreader.search.query import Library
from storyreader.search.update.build import build

TITLE = "Council votes \ufffe on *budget* & \uffff the <b>plan</b>"
PARAGRAPHS = [
    "1. The first point of the council's statement was read aloud by the clerk on Monday.",
    "The mayor said the *old* plan and the _new_ plan differ; see `budget.xlsx` for details.",
    "Residents linked [the petition](http://example.com/p) and ![a chart](http://x.test/c.png) online.",
    "Prices rose 5 &amp; 6 percent, &#169; the agency, <script>alert(1)</script> and ~~strike~~ too.",
    "# Not a heading, but a hash the scraper kept at the start of a line of the article text.",
    "> Not a quote either, and a trailing backslash is a character of the text \\",
    "- Nor a list item: a dash opened this sentence about the budget vote in the council.",
    "2) Another numbered line, closed by a parenthesis, about the second vote of the evening.",
]


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    root = tmp_path_factory.mktemp("md")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "page.txt").write_text(TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    build(corpus, root / "ix", workers=1)
    with Library(root / "ix") as lib:
        return [lib.story(row.id) for row in lib.stories()]


@pytest.fixture(scope="module")
def story(stories):
    return next(s for s in stories if s.title.startswith("Council votes"))


def _rendered_paragraphs(md: str, preset: str) -> list[str]:
    """The text of each paragraph of the note's article part, rendered; fails on any
    markup (emphasis, code, link, image, HTML, list, quote) made of the file's text."""
    parser = MarkdownIt(preset)
    if preset == "gfm-like":
        parser.enable("strikethrough")
    article = md.split("\n---\n", 1)[1].split("\n## Found in")[0]
    texts, tokens = [], parser.parse(article)
    block_kinds = {t.type for t in tokens if t.nesting == 1}
    assert block_kinds <= {"paragraph_open", "heading_open", "bullet_list_open", "list_item_open"}
    for i, tok in enumerate(tokens):
        if tok.type != "inline" or tokens[i - 1].type != "paragraph_open":
            continue
        # A bare URL stays a URL (GFM links it, as notes apps do): its text is unchanged.
        kinds = {c.type for c in tok.children or [] if c.markup != "linkify"}
        assert kinds <= {"text", "softbreak"}, (kinds, tok.content)
        texts.append("".join(child.content for child in tok.children or []))
    return texts


@pytest.mark.parametrize("preset", ["commonmark", "gfm-like"])
def test_markdown_renders_to_the_files_text(stories, preset):
    kept = set()
    for story in stories:
        rendered = _rendered_paragraphs(to_markdown(story), preset)
        for paragraph in story.main.paragraphs:
            assert " ".join(paragraph.split()) in rendered, paragraph
            kept.add(" ".join(paragraph.split()))
    # The hostile lines did reach the notes as paragraphs.
    assert sum(p in kept for p in PARAGRAPHS) >= 5, kept
    assert any("1\\. The first point" in to_markdown(s) for s in stories)


def test_front_matter_reads_alike_in_yaml_1_1_and_1_2(story):
    md = to_markdown(story)
    front = md.split("---\n")[1]
    one_one = yaml.safe_load(front)
    one_two = YAML(typ="safe", pure=True).load(front)
    assert one_one == one_two
    assert one_one["title"] == story.title
    (entry,) = one_one["files"]
    assert entry == {
        "path": "page.txt",
        "start_line": story.occurrences[0].start_line,
        "end_line": story.occurrences[0].end_line,
        "relation": "canonical",
        "similarity": 1.0,
    }


def test_no_heading_leaves_the_title_to_the_front_matter(story):
    assert "\n# " in to_markdown(story)
    assert "\n# " not in to_markdown(story, heading=False)


def test_exports_honour_the_umask(story, tmp_path):
    old = os.umask(0o022)
    try:
        shared = export(story, tmp_path / "shared.md")
        os.umask(0o077)
        private = export(story, tmp_path / "private.md")
    finally:
        os.umask(old)
    assert stat.S_IMODE(shared.path.stat().st_mode) == 0o644
    assert stat.S_IMODE(private.path.stat().st_mode) == 0o600
