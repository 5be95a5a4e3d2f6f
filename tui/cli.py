"""The `storyreader` command.

Subcommands read and print; only `storyreader [CORPUS]` (the reader) imports Textual, so
the others start fast.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from search.model import Relation, Role, Story
from search.safe import json_line, visible

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

FORMATS = click.Choice(["table", "json"])


class _Limit(click.IntRange):
    """A positive number; one past what SQLite takes (64 bits) means "all"."""

    def __init__(self) -> None:
        super().__init__(1)

    def convert(self, value, param, ctx) -> int:
        return min(super().convert(value, param, ctx), 2**31 - 1)


_LIMIT = _Limit()


class UserError(click.ClickException):
    """A mistake the user can fix: one line on stderr, no traceback."""

    def show(self, file=None) -> None:
        err.print(Text(f"storyreader: {self.message}", style="bold red"), soft_wrap=True)


class _DefaultToOpen(click.Group):
    """`storyreader CORPUS` means `storyreader open CORPUS`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (
            args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")
        ):
            args = ["open", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToOpen, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyreader")
def main() -> None:
    """Read piles of scraped news as stories: each article split out of its file and
    cleaned, copies and rewrites grouped, every file that held a story listed.

    Run `storyreader` alone to open the reader on a built-in demo corpus."""


# --- shared options -----------------------------------------------------------------------


def _corpus_arg(f):
    return click.argument("corpus", type=click.Path(path_type=Path))(f)


def _index_opt(f):
    return click.option(
        "--index",
        "index_dir",
        type=click.Path(path_type=Path, file_okay=False),
        help="Index directory (default: one per corpus in the user cache directory).",
    )(f)


def _glob_opt(default: str | None):
    return click.option(
        "--glob",
        "glob",
        default=default,
        show_default=default is not None,
        help="File name pattern of the corpus files.",
    )


def _check_corpus(corpus: Path) -> Path:
    if not corpus.exists():
        raise UserError(f"corpus not found: {visible(str(corpus))}")
    if not os.access(corpus, os.R_OK):
        raise UserError(f"corpus not readable: {visible(str(corpus))}")
    return corpus.resolve()


def _index_dir(corpus: Path, index_dir: Path | None) -> Path:
    from search.paths import default_index_dir

    return index_dir if index_dir is not None else default_index_dir(corpus)


def _open_library(corpus: Path, index_dir: Path | None, glob: str | None):
    """The corpus's index, built first when there is none yet."""
    from search.paths import store_path
    from search.query import Library
    from search.store import IndexFormatError

    corpus = _check_corpus(corpus)
    directory = _index_dir(corpus, index_dir)
    if not store_path(directory).exists() or glob is not None:
        _build(corpus, directory, glob or "*.txt", follow_links=False, workers=None, quiet=True)
    try:
        lib = Library(directory)
    except IndexFormatError:
        _build(corpus, directory, glob or "*.txt", follow_links=False, workers=None, quiet=True)
        return Library(directory)
    if lib.corpus == corpus:
        return lib
    # An index of another corpus (a shared folder, a name collision): never its stories.
    lib.close()
    _build(corpus, directory, glob or "*.txt", follow_links=False, workers=None, quiet=True)
    return Library(directory)


def _repairing(command):
    """Run `command`; when it meets a damaged index, rebuild the index and run it again."""

    @functools.wraps(command)
    def wrapper(**kwargs):
        from search.query import IndexDamaged

        try:
            return command(**kwargs)
        except IndexDamaged as exc:
            err.print(Text(f"The index is damaged ({exc.reason}); rebuilding it.", style="yellow"))
            corpus = _check_corpus(kwargs["corpus"])
            directory = _index_dir(corpus, kwargs["index_dir"])
            glob = kwargs.get("glob") or "*.txt"
            _build(corpus, directory, glob, follow_links=False, workers=None, quiet=True)
        try:
            return command(**kwargs)
        except IndexDamaged as exc:
            raise UserError(str(exc)) from exc

    return wrapper


def _build(
    corpus: Path, directory: Path, glob: str, follow_links: bool, workers: int | None, quiet: bool
):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from search.build import IndexBusy, build
    from search.integrity import IndexFolderError

    progress = Progress(
        TextColumn("[bold]{task.description:<9}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    tasks: dict[str, int] = {}

    def notify(phase: str, done: int, total: int) -> None:
        if phase not in tasks:
            tasks[phase] = progress.add_task(phase, total=total or None)
        progress.update(tasks[phase], completed=done, total=total or None)

    try:
        with progress:
            report = build(
                corpus,
                directory,
                glob=glob,
                follow_links=follow_links,
                workers=workers,
                progress=notify,
                wait=_wait_seconds(),
            )
    except IndexBusy as exc:
        raise UserError(f"{exc}; try again when it has finished") from exc
    except IndexFolderError as exc:
        raise UserError(str(exc)) from exc
    except (sqlite3.DatabaseError, OSError) as exc:
        # A full disk, a file too large, a read-only folder: the last good index is kept.
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UserError(f"cannot write the index in {visible(str(directory))}: {reason}") from exc
    if report.files_seen == 0:
        raise UserError(f"no files matching {glob!r} in {visible(str(corpus))}")
    if report.files_read == 0:
        _print_skipped(report.skipped)
        raise UserError(
            f"none of the {report.files_seen} files in {visible(str(corpus))} could be read"
        )
    if not quiet:
        _print_summary(report)
    return report


def _wait_seconds() -> float:
    """How long to wait for another run holding the index (none when not interactive)."""
    return float(os.environ.get("STORYREADER_LOCK_WAIT", "10" if sys.stdin.isatty() else "0"))


def _print_skipped(skipped) -> None:
    for s in skipped:
        err.print(
            Text.assemble(
                ("  skipped ", "yellow"), visible(s.path, keep_newlines=False), f": {s.reason}"
            )
        )


def _print_summary(report) -> None:
    if report.rebuilt_reason:
        err.print(Text(f"Rebuilt the index: {report.rebuilt_reason}.", style="yellow"))
    head = "Index up to date" if report.unchanged else "Indexed"
    out.print(
        Text.assemble(
            (f"{head}: ", "bold"),
            f"{report.files_read} files read, {len(report.skipped)} skipped, {report.articles} articles, "
            f"{report.stories} stories, {report.copies_folded} copies folded "
            f"({report.files_changed} changed, {report.files_removed} removed, "
            f"{report.stories_updated} stories updated) in {report.seconds:.1f} s",
        )
    )
    if report.skipped:
        out.print(Text(f"Skipped {len(report.skipped)} files:", style="yellow"))
        for s in report.skipped:
            out.print(
                Text.assemble("  ", visible(s.path, keep_newlines=False), (f"  {s.reason}", "dim"))
            )


# --- commands ------------------------------------------------------------------------------


@main.command("open")
@click.argument("corpus", required=False, type=click.Path(path_type=Path))
@_index_opt
@_glob_opt(None)
def open_reader(corpus: Path | None, index_dir: Path | None, glob: str | None) -> None:
    """Open the reader on CORPUS (default: the built-in demo corpus)."""
    if corpus is None:
        from search.demo import ensure_demo_corpus

        corpus = ensure_demo_corpus()
    corpus = _check_corpus(corpus)
    from tui.app import run

    run(corpus, _index_dir(corpus, index_dir), glob or "*.txt")


@main.command("index")
@_corpus_arg
@_index_opt
@_glob_opt("*.txt")
@click.option("--follow-links", is_flag=True, help="Follow symbolic links inside the corpus.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Processes for reading files (default: one per core).",
)
def index_cmd(
    corpus: Path, index_dir: Path | None, glob: str, follow_links: bool, workers: int | None
) -> None:
    """Build or update the index of CORPUS (a directory, searched recursively, or a file)."""
    corpus = _check_corpus(corpus)
    _build(corpus, _index_dir(corpus, index_dir), glob, follow_links, workers, quiet=False)


def _story_json(story: Story) -> dict:
    return {
        "id": story.id,
        "title": story.title,
        "date": story.date,
        "sources": story.sources,
        "text": story.text,
        "occurrences": [
            {
                "path": o.path,
                "start_line": o.start_line,
                "end_line": o.end_line,
                "relation": o.relation.value,
                "similarity": o.similarity,
            }
            for o in story.occurrences
        ],
    }


def _write_json(record: dict) -> None:
    sys.stdout.write(json_line(record) + "\n")


@main.command("stories")
@_corpus_arg
@_index_opt
@_glob_opt(None)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option(
    "--sort", type=click.Choice(["date", "files", "title"]), default="date", show_default=True
)
@click.option("--limit", type=_LIMIT, help="At most this many stories.")
@_repairing
def stories_cmd(
    corpus: Path, index_dir: Path | None, glob: str | None, fmt: str, sort: str, limit: int | None
) -> None:
    """List the stories of CORPUS."""
    with _open_library(corpus, index_dir, glob) as lib:
        rows = lib.stories(sort=sort, limit=limit)
        if fmt == "json":
            for row in rows:
                _write_json(_story_json(lib.story(row.id)))
            return
        table = Table(box=None, pad_edge=False, header_style="bold")
        table.add_column("id", style="cyan", no_wrap=True)
        table.add_column("date", no_wrap=True)
        table.add_column("files", justify="right")
        table.add_column("title", overflow="fold", ratio=4)
        table.add_column("sources", style="dim", overflow="fold", ratio=1)
        for row in rows:
            table.add_row(
                row.id,
                row.date or "",
                str(row.n_files),
                Text(visible(row.title)),
                Text(visible(", ".join(row.sources))),
            )
        out.print(table)
        stats = lib.stats()
        out.print(
            Text(
                f"{stats.stories} stories from {stats.files} files ({stats.copies_folded} copies folded)",
                style="dim",
            )
        )


@main.command("search")
@_corpus_arg
@click.argument("query")
@_index_opt
@_glob_opt(None)
@click.option("--limit", type=_LIMIT, default=20, show_default=True)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@_repairing
def search_cmd(
    corpus: Path, query: str, index_dir: Path | None, glob: str | None, limit: int, fmt: str
) -> None:
    """Search CORPUS with Whoosh query syntax: words, "phrases", field:value (title, body,
    source, path, date), AND/OR/NOT, fuzzy~."""
    from search.index import QueryError
    from search.query import IndexDamaged

    with _open_library(corpus, index_dir, glob) as lib:
        try:
            results = lib.search(query, limit=limit)
        except IndexDamaged:
            raise
        except QueryError as exc:
            raise UserError(str(exc)) from exc
        if fmt == "json":
            for hit in results.hits:
                record = _story_json(lib.story(hit.row.id))
                record["score"] = round(hit.score, 4)
                record["snippet"] = hit.snippet.text
                _write_json(record)
            return
        if not results.hits:
            err.print(Text(f"No story matches {visible(query)!r}.", style="yellow"))
            return
        for hit in results.hits:
            row = hit.row
            out.print(
                Text.assemble(
                    (row.id, "cyan"),
                    "  ",
                    (row.date or "undated", "dim"),
                    "  ",
                    (visible(row.title), "bold"),
                    (f"  ({row.n_files} files)", "dim"),
                )
            )
            out.print(Text("  ").append(_highlighted(hit.snippet.text, hit.snippet.spans)))
        out.print(Text(f"{results.total} stories match", style="dim"))


def _highlighted(text: str, spans) -> Text:
    t = Text(visible(text, keep_newlines=False))
    for start, end in spans:
        t.stylize("bold reverse", start, end)
    return t


@main.command("show")
@_corpus_arg
@click.argument("story_id")
@_index_opt
@_glob_opt(None)
@click.option(
    "--explain", is_flag=True, help="Account for every line of every file that holds the story."
)
@_repairing
def show_cmd(
    corpus: Path, story_id: str, index_dir: Path | None, glob: str | None, explain: bool
) -> None:
    """Print a story: its text once, its other versions, and where it was found."""
    from search.query import StoryNotFound

    with _open_library(corpus, index_dir, glob) as lib:
        try:
            story = lib.story(story_id)
        except StoryNotFound as exc:
            raise UserError(str(exc)) from exc
        _print_story(story)
        if explain:
            _explain(lib, _check_corpus(corpus), story)


def _print_story(story: Story) -> None:
    main_v = story.main
    out.print(Text(visible(story.title), style="bold"))
    meta = " · ".join(x for x in (story.date or "undated", ", ".join(story.sources)) if x)
    out.print(Text(visible(meta), style="dim"))
    out.print()
    if main_v.caption:
        out.print(Text(visible(main_v.caption), style="italic"))
        out.print()
    for b in main_v.bullets:
        out.print(Text("  • " + visible(b)))
    if main_v.bullets:
        out.print()
    for p in main_v.paragraphs:
        out.print(Text(visible(p)))
        out.print()
    for v in story.versions[1:]:
        out.print(
            Text.assemble(
                ("Other version: ", "bold"),
                visible(v.title),
                (
                    f"  ({visible(', '.join(v.sources or v.paths[:1]))}, similarity {v.similarity:.2f})",
                    "dim",
                ),
            )
        )
        for p in v.paragraphs:
            out.print(Text("  " + visible(p), style="dim"))
        out.print()
    out.print(Text("Found in", style="bold"))
    for o in story.occurrences:
        out.print(
            Text.assemble(
                "  ",
                (visible(o.path, keep_newlines=False), "cyan"),
                f"  lines {o.start_line}-{o.end_line}  ",
                (o.relation.value, _REL_STYLE[o.relation]),
                f"  {o.similarity:.2f}",
            )
        )


_REL_STYLE = {
    Relation.CANONICAL: "bold green",
    Relation.EXACT: "green",
    Relation.NEAR: "yellow",
    Relation.REWRITE: "magenta",
}
_ROLE_STYLE = {
    Role.BODY: "",
    Role.TITLE: "bold",
    Role.BULLET: "cyan",
    Role.CAPTION: "italic",
    Role.SOURCE: "cyan",
}


def _explain(lib, corpus: Path, story: Story) -> None:
    from search.read import Unreadable, read_in_corpus

    for path in story.paths:
        out.print()
        out.print(
            Text.assemble(("Lines of ", "bold"), (visible(path, keep_newlines=False), "bold cyan"))
        )
        file_path = lib.source_path(path) or corpus
        try:
            lines = read_in_corpus(corpus, file_path, lib.follow_links).lines
        except (Unreadable, OSError) as exc:
            out.print(Text(f"  cannot read the file now: {exc}", style="red"))
            continue
        owner: dict[int, tuple[str, str]] = {}
        story_of = {(start, end): sid for sid, start, end, _ in lib.store.file_stories(path)}
        for article in lib.store.articles_in(path):
            sid = story_of.get((article.start_line, article.end_line), "?")
            for i, role in enumerate(article.roles):
                owner[article.start_line + i] = (sid, role)
        for number, line in enumerate(lines, 1):
            sid, role_char = owner.get(number, ("", None))
            if role_char is None:
                label, style, mark = ("blank" if not line.strip() else "outside"), "dim", " "
            else:
                role = Role(role_char)
                label, style = role.label, ("dim" if not role.kept else _ROLE_STYLE.get(role, ""))
                mark = "*" if sid == story.id else " "
            row = Text.assemble(
                f"{number:>5} ",
                mark,
                (f"{sid[:8]:<8} ", "cyan"),
                (f"{label:<17}", style),
                (visible(line, keep_newlines=False), style),
            )
            out.print(row, no_wrap=True, overflow="ellipsis", crop=True)


@main.command("export")
@_corpus_arg
@click.argument("story_id")
@_index_opt
@_glob_opt(None)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File or directory to write (default: a file named from the title, here).",
)
@click.option(
    "--template",
    default="{title}",
    show_default=True,
    help="File name template when writing into a directory: {title} {date} {id} {source}.",
)
@click.option("--force", is_flag=True, help="Replace an existing file.")
@_repairing
def export_cmd(
    corpus: Path,
    story_id: str,
    index_dir: Path | None,
    glob: str | None,
    output: Path | None,
    template: str,
    force: bool,
) -> None:
    """Export a story to Markdown with YAML front matter."""
    from search.export import ExportExists, export
    from search.query import StoryNotFound

    with _open_library(corpus, index_dir, glob) as lib:
        try:
            story = lib.story(story_id)
        except StoryNotFound as exc:
            raise UserError(str(exc)) from exc
        if output is not None and str(output) == "-":
            from search.export import to_markdown

            sys.stdout.write(to_markdown(story))
            return
        try:
            done = export(story, output or Path.cwd(), template=template, force=force)
        except ExportExists as exc:
            raise UserError(str(exc)) from exc
        except (ValueError, OSError) as exc:
            raise UserError(f"cannot export: {exc}") from exc
        out.print(Text.assemble("Exported to ", (visible(str(done.path)), "bold")))


@main.command("skipped")
@_corpus_arg
@_index_opt
@_glob_opt(None)
@_repairing
def skipped_cmd(corpus: Path, index_dir: Path | None, glob: str | None) -> None:
    """List the files that could not be read, with the reason."""
    with _open_library(corpus, index_dir, glob) as lib:
        skipped = lib.skipped()
        for s in skipped:
            out.print(Text.assemble(visible(s.path, keep_newlines=False), (f"  {s.reason}", "dim")))
        if not skipped:
            err.print(Text("No files were skipped.", style="dim"))


if __name__ == "__main__":
    main()
