"""Real articles rendered into pages whose layout is a random composition of parts.

    python -m bench.fuzz_layouts OUT_DIR --source ecbplus|basil [--seed S] [--held-out]

The generator in search/synth.py and the splitter were written together, so their agreement
measures little. Here a site's layout is drawn part by part, each part from a family
(`FAMILIES`): how the title is printed (once, twice, as the lead sentence, as a date line),
bylines of several forms, breadcrumbs, kickers, read-time stamps, share rows, captions with
and without credits, ads and `Related: ...` teasers inside and after bodies, paragraphs with
or without blank lines, hard wrapping at 60-80 columns, 1-3 blank separators and Markdown
headings. Several articles go back to back in each file, and each article is copied into
one to three files (of the same site or another), so copies can be found.

Families are split in two: `TUNE_FAMILIES` may be looked at while the splitter is tuned
(the `--tune` corpus holds every other family at its plain variant); `HELD_OUT_FAMILIES` are
only scored on the full corpus, per family, as a held-out check.

Truth, one JSON line per article occurrence: path, start_line, end_line (1-based, inclusive:
from the first header part to the last trailing part), article_id, story_id, title (the
headline when the layout printed one), layout (family -> variant) and furniture (the
generated non-article lines, to tell when one became a title).
"""

from __future__ import annotations

import argparse
import json
import random
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyreader.search.demo.page import MONTHS, WEEKDAYS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = {
    "ecbplus": SHARED / "ecbplus-dev" / "articles.jsonl",
    "basil": SHARED / "basil" / "articles.jsonl",
}

# Variant lists; the first variant of each family is its plain form.
FAMILIES: dict[str, tuple[str, ...]] = {
    "title": ("once", "twice", "lead", "date"),
    "byline": ("none", "staff_pipe", "by_list", "reporting", "name_dash_date"),
    "breadcrumb": ("none", "arrows", "slashes"),
    "share": ("none", "row", "column"),
    "teaser": ("none", "inside", "after", "both"),
    "paragraphs": ("blank", "tight"),
    "separator": ("2", "1", "3"),
    "kicker": ("none", "upper", "label"),
    "readtime": ("none", "min_read", "published"),
    "caption": ("none", "credit", "plain"),
    "wrap": ("none", "wrap"),
    "markdown": ("none", "h1"),
}
TUNE_FAMILIES = ("title", "byline", "breadcrumb", "share", "teaser", "paragraphs", "separator")
HELD_OUT_FAMILIES = ("kicker", "readtime", "caption", "wrap", "markdown")

# Invented names and places: the parts around the articles, never the articles' own text.
_FIRST = ("Anna", "Rahul", "Maria", "James", "Li", "Omar", "Sofia", "Peter", "Amara", "Jonas")
_LAST = ("Keller", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Brennan")
_DESKS = ("Staff reporter", "Our correspondent", "News desk", "Web team")
_SECTIONS = ("World", "Politics", "Business", "Europe", "Entertainment", "Sport", "Science")
_KICKERS = ("Exclusive", "Analysis", "Breaking", "Update", "Live", "Explainer")
_PLACES = ("the capital", "a press conference", "the city centre", "the courthouse", "the port")
_CREDITS = ("(AFP)", "(Reuters)", "AP Photo/J. Smith", "(Getty Images)", "(EPA)")


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    story_id: str
    title: str
    paragraphs: tuple[str, ...]


def load(source: str, path: Path | None = None) -> list[Source]:
    """Articles of a shared data set: ECB+ (one sentence a line, grouped into paragraphs of
    one to three sentences) or BASIL (paragraphs separated by a blank line)."""
    rows = [json.loads(x) for x in (path or SOURCES[source]).read_text("utf-8").splitlines() if x]
    out = []
    for row in rows:
        rng = random.Random(row["doc_id"])
        if source == "ecbplus":
            sentences = [s.strip() for s in row["text"].splitlines() if s.strip()][1:]
            paragraphs, k = [], 0
            while k < len(sentences):
                n = rng.choice((1, 1, 2, 3))
                paragraphs.append(" ".join(sentences[k : k + n]))
                k += n
            story = row["cluster_id"]
        else:
            paragraphs = [" ".join(p.split()) for p in row["text"].split("\n\n") if p.strip()]
            story = row["cluster_id"]
        if paragraphs:
            out.append(
                Source(row["doc_id"], story, " ".join(row["title"].split()), tuple(paragraphs))
            )
    return out


def draw_layout(rng: random.Random, families: Sequence[str]) -> dict[str, str]:
    """A site's layout: a random variant of each family in `families`, plain otherwise."""
    return {f: (rng.choice(v) if f in families else v[0]) for f, v in FAMILIES.items()}


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2009, 2020), rng.randint(1, 12), rng.randint(1, 28)


class _Page:
    """Lines of one file, with the furniture lines it generated."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.furniture: set[str] = set()

    def add(self, *lines: str, furniture: bool = False) -> None:
        self.lines.extend(lines)
        if furniture:
            self.furniture.update(x for x in lines if x)


def _render(
    page: _Page, art: Source, lay: dict[str, str], rng: random.Random, others: list[Source]
) -> str | None:
    """Append one article in `lay`; returns the headline printed, if any."""
    y, m, d = _date(rng)
    if lay["breadcrumb"] == "arrows":
        page.add(f"Home > {rng.choice(_SECTIONS)}", furniture=True)
    elif lay["breadcrumb"] == "slashes":
        page.add(f"News / {rng.choice(_SECTIONS)} / {rng.choice(_SECTIONS)}", furniture=True)
    if lay["kicker"] == "upper":
        page.add(rng.choice(_SECTIONS).upper(), furniture=True)
    elif lay["kicker"] == "label":
        page.add(f"{rng.choice(_KICKERS)}:", furniture=True)
    headline: str | None = art.title
    mark = "# " if lay["markdown"] == "h1" else ""
    paragraphs = list(art.paragraphs)
    if lay["title"] == "once":
        page.add(mark + art.title)
    elif lay["title"] == "twice":
        page.add(art.title, "", mark + art.title)
    elif lay["title"] == "lead":
        headline = None
    else:
        weekday = WEEKDAYS[rng.randrange(7)]
        page.add(f"{weekday.upper()}, {MONTHS[m - 1].upper()} {d}, {y}", furniture=True)
        headline = None
    byline = lay["byline"]
    if byline == "staff_pipe":
        page.add(f"By {rng.choice(_DESKS)} | {d} {MONTHS[m - 1][:3]} {y}", furniture=True)
    elif byline == "by_list":
        page.add(f"By {_name(rng)}, {_name(rng)} and {_name(rng)}", furniture=True)
    elif byline == "name_dash_date":
        hour = rng.randint(1, 12)
        page.add(
            f"{_name(rng)} - {MONTHS[m - 1][:3]} {d}, {y}, {hour}:{rng.randint(10, 59)} pm CST",
            furniture=True,
        )
    if lay["readtime"] == "min_read":
        page.add(f"{rng.randint(2, 9)} min read", furniture=True)
    elif lay["readtime"] == "published":
        page.add(
            f"Published {d} {MONTHS[m - 1]} {y} · {rng.randint(2, 9)} min read", furniture=True
        )
    if lay["share"] == "row":
        page.add("Share on Facebook  Share on Twitter  Email", furniture=True)
    elif lay["share"] == "column":
        page.add("Facebook", "Twitter", "Email", furniture=True)
    if lay["caption"] != "none":
        caption = f"{_name(rng)} speaks at {rng.choice(_PLACES)} on {WEEKDAYS[rng.randrange(7)]}."
        if lay["caption"] == "credit":
            caption = caption[:-1] + " " + rng.choice(_CREDITS)
        page.add(caption, furniture=True)
    if page.lines and page.lines[-1] and lay["paragraphs"] == "blank":
        page.add("")
    blank = lay["paragraphs"] == "blank"
    width = rng.randint(60, 80) if lay["wrap"] == "wrap" else 0
    teaser_at = rng.randrange(1, len(paragraphs)) if len(paragraphs) > 1 else None
    for k, para in enumerate(paragraphs):
        if k and blank:
            page.add("")
        if k == teaser_at and lay["teaser"] in ("inside", "both"):
            page.add("Advertisement", furniture=True)
            page.add(*([""] if blank else []))
            page.add(f"Related: {rng.choice(others).title}", furniture=True)
            page.add(*([""] if blank else []))
        page.add(*(textwrap.wrap(para, width) if width else [para]))
    if byline == "reporting":
        page.add(*([""] if blank else []))
        page.add(f"Reporting by {_name(rng)}; Editing by {_name(rng)}", furniture=True)
    if lay["teaser"] in ("after", "both"):
        page.add("")
        page.add(f"Related: {rng.choice(others).title}", furniture=True)
    return headline


def generate(
    out_dir: Path,
    source: str,
    seed: int = 0,
    *,
    families: Sequence[str] = tuple(FAMILIES),
    sites: int = 24,
    truth_path: Path | None = None,
    articles: list[Source] | None = None,
) -> Path:
    """Write the pages and their truth; returns the truth path (beside OUT_DIR by default)."""
    rng = random.Random(f"{source}-{seed}")
    arts = articles if articles is not None else load(source)
    layouts = [draw_layout(rng, families) for _ in range(sites)]
    plan = [a for a in arts for _ in range(rng.choice((1, 1, 2, 3)))]
    rng.shuffle(plan)
    out_dir.mkdir(parents=True, exist_ok=True)
    truth = truth_path or out_dir.parent / f"{out_dir.name}.truth.jsonl"
    records = []
    n = 0
    while plan:
        k = min(len(plan), rng.randint(1, 4))
        # A file holds each article once: copies go to other files.
        group, rest, seen = [], [], set()
        for a in plan:
            if len(group) < k and a.article_id not in seen:
                group.append(a)
                seen.add(a.article_id)
            else:
                rest.append(a)
        plan = rest
        site = rng.randrange(sites)
        lay = layouts[site]
        page = _Page()
        path = f"site{site:02d}/{n:05d}.txt"
        n += 1
        placed = []
        for i, art in enumerate(group):
            if i:
                page.add(*[""] * int(lay["separator"]))
            start = len(page.lines) + 1
            headline = _render(page, art, lay, rng, arts)
            placed.append((art, start, len(page.lines), headline))
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(page.lines) + "\n", encoding="utf-8")
        for art, start, end, headline in placed:
            records.append(
                {
                    "path": path,
                    "start_line": start,
                    "end_line": end,
                    "article_id": art.article_id,
                    "story_id": art.story_id,
                    "title": headline,
                    "layout": lay,
                    "furniture": sorted(page.furniture),
                }
            )
    with open(truth, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz_layouts", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--source", choices=sorted(SOURCES), default="ecbplus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tune", action="store_true", help="vary only the tuning families")
    args = parser.parse_args(argv)
    families = TUNE_FAMILIES if args.tune else tuple(FAMILIES)
    print(generate(args.out_dir, args.source, args.seed, families=families))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
