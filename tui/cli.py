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

from storyreader.search import Relation, Role, Story, json_line, visible
from storyreader.tui.config import Config, ConfigError
from storyreader.tui.config import load as load_config

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

# Tables are for people; when stdout is a pipe the default is one record per line.
LIST_FORMATS = click.Choice(["table", "tsv", "csv", "json"])
_LIST_FORMAT_HELP = (
    "table (default on a terminal), tsv (default in a pipe: one story per line: id, date,"
    " files, title, sources), csv (with a header row) or json (JSON Lines, one story per line)."
)


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
    """`storyreader CORPUS` means `storyreader open CORPUS`; a first word that is neither a
    command nor an existing path is a mistyped command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing and not args:
            # Shell completion of the first word: offer the commands (and paths, below).
            return super().parse_args(ctx, args)
        if not args or (args[0] not in self.commands and not args[0].startswith("-")):
            if args and not os.path.lexists(args[0]) and _looks_like_command(args[0]):
                ctx.fail(f"No such command {args[0]!r} (and no such file or folder).")
            args = ["open", *args]
        elif args[0].startswith("-") and args[0] not in ("--help", "-h", "--version"):
            args = ["open", *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str):
        from click.shell_completion import CompletionItem

        # The first word may also be a corpus to open. The file item goes first: bash's
        # script empties its list on it, and then falls back to file names only when no
        # command matches.
        return [CompletionItem(incomplete, type="file"), *super().shell_complete(ctx, incomplete)]


def _looks_like_command(word: str) -> bool:
    """A bare word (`frob`), not something meant as a path (`./x`, `a/b`, `x.txt`)."""
    return os.sep not in word and "." not in word and not word.startswith("~")


_EPILOG = """\b
Examples:
  storyreader ~/scrapes              open the reader on a folder of .txt files
  storyreader index ~/scrapes        build or update its index, print a summary
  storyreader stories ~/scrapes | grep -i iraq
  storyreader search ~/scrapes 'title:iraq date:>=2024-02' --format json | jq .title
  storyreader export ~/scrapes --query iraq -o notes/

\b
Exit status: 0 done; 1 a user error (no such corpus, story or index; a bad query;
a file that would be replaced without --force), also a search that matches nothing;
2 a usage error (unknown command or option).

\b
Environment: STORYREADER_LOCK_WAIT seconds to wait for another run that holds the
index (default 10 on a terminal, 0 otherwise); NO_COLOR turns colours off;
XDG_CACHE_HOME, XDG_CONFIG_HOME and XDG_STATE_HOME move the indexes, the config file
and the reader's history.
"""


@click.group(
    cls=_DefaultToOpen,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=_EPILOG,
)
@click.version_option(package_name="storyreader")
def main() -> None:
    """Read piles of scraped news as stories: each article split out of its file and
    cleaned, copies and rewrites grouped, every file that held a story listed.

    Run `storyreader` alone to open the reader on a built-in demo corpus, or
    `storyreader CORPUS` to open it on a folder of text files."""


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


@functools.cache
def _config() -> Config:
    """The config file and STORYREADER_* variables, read once per run."""
    try:
        return load_config()
    except ConfigError as exc:
        raise UserError(str(exc)) from exc


def _format_opt(choices: list[str], help: str):
    """--format for a command whose first choice, for people, is the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
    )


def _glob_opt(default: str | None):
    return click.option(
        "--glob",
        "glob",
        default=lambda: _config().glob or default,
        show_default=default,
        help="File name pattern of the corpus files (config: glob; STORYREADER_GLOB).",
    )


def _check_corpus(corpus: Path) -> Path:
    if not corpus.exists():
        raise UserError(f"corpus not found: {visible(str(corpus))}")
    if not os.access(corpus, os.R_OK):
        raise UserError(f"corpus not readable: {visible(str(corpus))}")
    return corpus.resolve()


def _index_dir(corpus: Path, index_dir: Path | None) -> Path:
    from storyreader.search import default_index_dir

    return index_dir if index_dir is not None else default_index_dir(corpus)


def _open_library(corpus: Path, index_dir: Path | None, glob: str | None):
    """The corpus's index, built first when there is none yet."""
    from storyreader.search import IndexFormatError, Library, store_path

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
        from storyreader.search import IndexDamaged

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

    from storyreader.search import IndexBusy, IndexFolderError, build

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


def _complete_story_id(ctx: click.Context, param: click.Parameter, incomplete: str):
    """Story ids from the corpus's index, when it has one (completion never builds)."""
    from click.shell_completion import CompletionItem

    from storyreader.search import Library, store_path

    corpus = ctx.params.get("corpus")
    if corpus is None:
        return []
    directory = _index_dir(Path(corpus).resolve(), ctx.params.get("index_dir"))
    if not store_path(directory).exists():
        return []
    try:
        with Library(directory) as lib:
            rows = lib.stories(sort="date")
    except Exception:  # completion must never print a traceback into the user's prompt
        return []
    return [
        CompletionItem(row.id, help=_flat(row.title)[:60])
        for row in rows
        if row.id.startswith(incomplete)
    ][:200]


# --- commands ------------------------------------------------------------------------------


@main.command(
    "open",
    epilog="""\b
Examples:
  storyreader                        (the built-in demo corpus)
  storyreader ~/scrapes              (the same as: storyreader open ~/scrapes)
  storyreader ~/scrapes --glob '*.md'

\b
In the reader, ? lists every key; Ctrl+P opens the command palette.""",
)
@click.argument("corpus", required=False, type=click.Path(path_type=Path))
@_index_opt
@_glob_opt(None)
def open_reader(corpus: Path | None, index_dir: Path | None, glob: str | None) -> None:
    """Open the reader on CORPUS (default: the built-in demo corpus)."""
    if corpus is None:
        from storyreader.search import ensure_demo_corpus

        corpus = ensure_demo_corpus()
    corpus = _check_corpus(corpus)
    from storyreader.tui.app import run

    run(corpus, _index_dir(corpus, index_dir), glob or "*.txt", _config())


@main.command(
    "index",
    epilog="""\b
Examples:
  storyreader index ~/scrapes
  storyreader index ~/scrapes --glob '*.md' --workers 4
  storyreader index ~/scrapes --format json | jq .stories""",
)
@_corpus_arg
@_index_opt
@_glob_opt("*.txt")
@click.option("--follow-links", is_flag=True, help="Follow symbolic links inside the corpus.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=lambda: _config().workers,
    help="Processes for reading files (default: one per core, at most four; config: workers;"
    " STORYREADER_WORKERS).",
)
@_format_opt(["text", "json"], "The summary as text, or as one JSON object.")
def index_cmd(
    corpus: Path,
    index_dir: Path | None,
    glob: str,
    follow_links: bool,
    workers: int | None,
    fmt: str,
) -> None:
    """Build or update the index of CORPUS (a directory, searched recursively, or a file).
    Only files whose size or modification time changed are read again."""
    corpus = _check_corpus(corpus)
    report = _build(
        corpus, _index_dir(corpus, index_dir), glob, follow_links, workers, quiet=fmt == "json"
    )
    if fmt == "json":
        _write_json(_report_json(report))


def _report_json(report) -> dict:
    return {
        "files_seen": report.files_seen,
        "files_read": report.files_read,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "articles": report.articles,
        "stories": report.stories,
        "copies_folded": report.copies_folded,
        "files_changed": report.files_changed,
        "files_removed": report.files_removed,
        "stories_updated": report.stories_updated,
        "unchanged": report.unchanged,
        "rebuilt_reason": report.rebuilt_reason,
        "seconds": round(report.seconds, 3),
    }


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


def _list_format(fmt: str | None) -> str:
    return fmt or ("table" if out.is_terminal else "tsv")


def _flat(text: str) -> str:
    """One field of a one-line record: controls made visible, no tab or line break."""
    return visible(text, keep_newlines=False)


def _write_records(fmt: str, header: list[str], records: list[list[str]]) -> None:
    if fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(records)
        return
    for record in records:
        sys.stdout.write("\t".join(record) + "\n")


def _row_fields(row) -> list[str]:
    return [
        row.id,
        row.date or "",
        str(row.n_files),
        _flat(row.title),
        _flat(", ".join(row.sources)),
    ]


_ROW_HEADER = ["id", "date", "files", "title", "sources"]


@main.command(
    "stories",
    epilog="""\b
Examples:
  storyreader stories ~/scrapes --sort files --limit 20
  storyreader stories ~/scrapes | cut -f1,4          (ids and titles)
  storyreader stories ~/scrapes --format json | jq -r .title""",
)
@_corpus_arg
@_index_opt
@_glob_opt(None)
@click.option("--format", "fmt", type=LIST_FORMATS, help=_LIST_FORMAT_HELP)
@click.option(
    "--sort",
    type=click.Choice(["date", "files", "title"]),
    default="date",
    show_default=True,
    help="Newest first, most files first, or by title.",
)
@click.option("--limit", type=_LIMIT, help="At most this many stories.")
@_repairing
def stories_cmd(
    corpus: Path,
    index_dir: Path | None,
    glob: str | None,
    fmt: str | None,
    sort: str,
    limit: int | None,
) -> None:
    """List the stories of CORPUS."""
    fmt = _list_format(fmt)
    with _open_library(corpus, index_dir, glob) as lib:
        rows = lib.stories(sort=sort, limit=limit)
        if fmt == "json":
            for row in rows:
                _write_json(_story_json(lib.story(row.id)))
            return
        if fmt in ("tsv", "csv"):
            _write_records(fmt, _ROW_HEADER, [_row_fields(row) for row in rows])
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


@main.command(
    "search",
    epilog="""\b
Examples:
  storyreader search ~/scrapes 'khartoum army'
  storyreader search ~/scrapes '"popular mobilization forces"'
  storyreader search ~/scrapes 'title:iraq date:[2024-02-01 TO 2024-02-29]'
  storyreader search ~/scrapes 'iraq NOT turkiye' --format tsv | cut -f1""",
)
@_corpus_arg
@click.argument("query")
@_index_opt
@_glob_opt(None)
@click.option("--limit", type=_LIMIT, default=20, show_default=True, help="At most this many hits.")
@click.option(
    "--format",
    "fmt",
    type=LIST_FORMATS,
    help=_LIST_FORMAT_HELP + " tsv and csv add the score; json adds score and snippet.",
)
@_repairing
def search_cmd(
    corpus: Path, query: str, index_dir: Path | None, glob: str | None, limit: int, fmt: str | None
) -> None:
    """Search CORPUS with Whoosh query syntax: words, "phrases", field:value (title, body,
    source, path, date), AND/OR/NOT, fuzzy~. Exits 1 when nothing matches."""
    from storyreader.search import IndexDamaged, QueryError

    fmt = _list_format(fmt)
    with _open_library(corpus, index_dir, glob) as lib:
        try:
            results = lib.search(query, limit=limit)
        except IndexDamaged:
            raise
        except QueryError as exc:
            raise UserError(str(exc)) from exc
        if not results.hits:
            err.print(Text(f"No story matches {visible(query)!r}.", style="yellow"))
            sys.exit(1)
        if fmt == "json":
            for hit in results.hits:
                record = _story_json(lib.story(hit.row.id))
                record["score"] = round(hit.score, 4)
                record["snippet"] = hit.snippet.text
                _write_json(record)
            return
        if fmt in ("tsv", "csv"):
            _write_records(
                fmt,
                [*_ROW_HEADER, "score"],
                [[*_row_fields(hit.row), f"{hit.score:.4f}"] for hit in results.hits],
            )
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


@main.command(
    "show",
    epilog="""\b
Examples:
  storyreader show ~/scrapes eee3                 (any unique prefix of an id)
  storyreader show ~/scrapes eee3 --explain       (every line of every file, and its role)
  storyreader show ~/scrapes eee3 --format markdown > story.md""",
)
@_corpus_arg
@click.argument("story_id", shell_complete=_complete_story_id)
@_index_opt
@_glob_opt(None)
@click.option(
    "--explain", is_flag=True, help="Account for every line of every file that holds the story."
)
@_format_opt(
    ["text", "json", "markdown"],
    "Text for reading, one JSON object (the fields of `stories --format json`), or the"
    " Markdown that `export` writes.",
)
@_repairing
def show_cmd(
    corpus: Path,
    story_id: str,
    index_dir: Path | None,
    glob: str | None,
    explain: bool,
    fmt: str,
) -> None:
    """Print a story: its text once, its other versions, and where it was found."""
    with _open_library(corpus, index_dir, glob) as lib:
        story = _story(lib, story_id)
        if fmt == "json":
            _write_json(_story_json(story))
            return
        if fmt == "markdown":
            from storyreader.search import to_markdown

            sys.stdout.write(to_markdown(story))
            return
        _print_story(story)
        if explain:
            _explain(lib, _check_corpus(corpus), story)


def _story(lib, story_id: str) -> Story:
    from storyreader.search import StoryNotFound

    try:
        return lib.story(story_id)
    except StoryNotFound as exc:
        raise UserError(str(exc)) from exc


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
    from storyreader.search import Unreadable, read_in_corpus

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
        owner = lib.line_roles(path)
        openings = lib.openings(path)
        for number, line in enumerate(lines, 1):
            sid, role_char = owner.get(number, ("", None))
            if number in openings:
                out.print(
                    Text(f"{'':>7}{sid[:8]:<8} opens here: {openings[number]}", style="yellow"),
                    no_wrap=True,
                    overflow="ellipsis",
                    crop=True,
                )
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


@main.command(
    "export",
    epilog="""\b
Examples:
  storyreader export ~/scrapes eee3                 (a file named from the title, here)
  storyreader export ~/scrapes eee3 -o -            (the Markdown on stdout)
  storyreader export ~/scrapes eee3 f01a -o notes/
  storyreader export ~/scrapes --query 'title:iraq' -o notes/ --template '{date} {title}'
  storyreader export ~/scrapes --all -o notes/ --no-heading

\b
Nothing is replaced without --force: files already there are left as they were,
named, and the command exits 1.""",
)
@_corpus_arg
@click.argument("story_ids", nargs=-1, metavar="[STORY_ID]...", shell_complete=_complete_story_id)
@_index_opt
@_glob_opt(None)
@click.option("--query", "-q", help="Export every story this search finds.")
@click.option("--all", "all_stories", is_flag=True, help="Export every story of the corpus.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File or folder to write; `-` writes one story's Markdown to stdout (default: the"
    " config's export_dir or STORYREADER_EXPORT_DIR, else the current folder for one story)."
    " Several stories need a folder.",
)
@click.option(
    "--template",
    default=lambda: _config().template or "{title}",
    show_default="{title}",
    help="File name template when writing into a folder: {title} {date} {id} {source}"
    " (config: template; STORYREADER_TEMPLATE).",
)
@click.option(
    "--no-heading",
    is_flag=True,
    help="No `# title` line: for tools that print the front matter's title themselves"
    " (pandoc -s, static site generators).",
)
@click.option("--force", is_flag=True, help="Replace existing files.")
@_repairing
def export_cmd(
    corpus: Path,
    story_ids: tuple[str, ...],
    index_dir: Path | None,
    glob: str | None,
    query: str | None,
    all_stories: bool,
    output: Path | None,
    template: str,
    no_heading: bool,
    force: bool,
) -> None:
    """Export stories to Markdown with YAML front matter: the ones named by STORY_ID, the
    ones a --query finds, or --all."""
    from storyreader.search import ExportExists, QueryError, export, to_markdown

    output = output or _config().export_dir
    chosen = sum(bool(x) for x in (story_ids, query, all_stories))
    if chosen != 1:
        raise click.UsageError("name stories by STORY_ID, or give --query or --all (one of them)")
    with _open_library(corpus, index_dir, glob) as lib:
        if all_stories:
            ids = [row.id for row in lib.stories(sort="date")]
        elif query:
            try:
                ids = [hit.row.id for hit in lib.search(query, limit=None, snippets=False).hits]
            except QueryError as exc:
                raise UserError(str(exc)) from exc
            if not ids:
                raise UserError(f"no story matches {visible(query)!r}")
        else:
            ids = [_story(lib, sid).id for sid in story_ids]
        if output is not None and str(output) == "-":
            if len(ids) != 1:
                raise UserError("-o - writes one story; give a folder for several")
            sys.stdout.write(to_markdown(lib.story(ids[0]), heading=not no_heading))
            return
        several = len(ids) > 1 or query is not None or all_stories
        if several:
            if output is None:
                raise UserError("several stories go into a folder: give -o FOLDER")
            if output.exists() and not output.is_dir():
                raise UserError(f"not a folder: {visible(str(output))}")
            try:
                output.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UserError(f"cannot create {visible(str(output))}: {exc.strerror}") from exc
        written, existing = 0, []
        for sid in ids:
            try:
                done = export(
                    lib.story(sid),
                    output or Path.cwd(),
                    template=template,
                    force=force,
                    heading=not no_heading,
                )
            except ExportExists as exc:
                if not several:
                    raise UserError(str(exc)) from exc
                existing.append(exc)
                continue
            except (ValueError, OSError) as exc:
                raise UserError(f"cannot export: {exc}") from exc
            written += 1
            if not several:
                out.print(
                    Text.assemble("Exported to ", (visible(str(done.path)), "bold")),
                    soft_wrap=True,
                )
        if several:
            out.print(
                Text(f"Exported {written} of {len(ids)} stories to {visible(str(output))}"),
                soft_wrap=True,
            )
        for exc in existing:
            err.print(Text(f"  left as it was: {visible(str(exc.filename))}", style="yellow"))
        if existing:
            raise UserError(f"{len(existing)} files already there (use --force to replace them)")


@main.command(
    "skipped",
    epilog="""\b
Examples:
  storyreader skipped ~/scrapes
  storyreader skipped ~/scrapes --format json | jq -r .reason | sort | uniq -c""",
)
@_corpus_arg
@_index_opt
@_glob_opt(None)
@_repairing
@_format_opt(["text", "json"], "Text, or JSON Lines: one {path, reason} object per file.")
def skipped_cmd(corpus: Path, index_dir: Path | None, glob: str | None, fmt: str) -> None:
    """List the files that could not be read, with the reason."""
    with _open_library(corpus, index_dir, glob) as lib:
        skipped = lib.skipped()
        for s in skipped:
            if fmt == "json":
                _write_json({"path": s.path, "reason": s.reason})
            else:
                out.print(
                    Text.assemble(visible(s.path, keep_newlines=False), (f"  {s.reason}", "dim"))
                )
        if not skipped:
            err.print(Text("No files were skipped.", style="dim"))


@main.command("indexes")
@click.option("--prune", is_flag=True, help="Delete the indexes whose corpus no longer exists.")
@_format_opt(
    ["table", "json"],
    "A table, or JSON Lines: {path, corpus, corpus_exists, size_bytes, updated, stories}.",
)
def indexes_cmd(prune: bool, fmt: str) -> None:
    """List the indexes in the user cache: the corpus of each, its size and its last
    update. An index takes about as much room as its corpus."""
    import datetime as dt

    from storyreader.search import indexes_root, list_indexes, remove_index

    found = list_indexes()
    if prune:
        gone = [i for i in found if not i.corpus_exists]
        freed = 0
        for info in gone:
            try:
                remove_index(info)
            except (OSError, ValueError) as exc:
                raise UserError(f"cannot remove {visible(str(info.path))}: {exc}") from exc
            freed += info.size_bytes
            out.print(Text(f"removed {visible(str(info.path))}"), soft_wrap=True)
        out.print(
            Text(
                f"Removed {_plural(len(gone), 'index', 'indexes')} ({_size_text(freed)}); "
                f"kept {len(found) - len(gone)}."
            )
        )
        return
    if fmt == "json":
        for info in found:
            _write_json(
                {
                    "path": str(info.path),
                    "corpus": str(info.corpus) if info.corpus else None,
                    "corpus_exists": info.corpus_exists,
                    "size_bytes": info.size_bytes,
                    "updated": dt.datetime.fromtimestamp(info.updated, dt.UTC).isoformat(),
                    "stories": info.stories,
                }
            )
        return
    if not found:
        err.print(Text(f"No indexes in {visible(str(indexes_root()))}.", style="dim"))
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("corpus", overflow="fold")
    table.add_column("stories", justify="right")
    table.add_column("size", justify="right", no_wrap=True)
    table.add_column("updated", no_wrap=True)
    for info in found:
        corpus = visible(str(info.corpus)) if info.corpus else "(never finished a build)"
        table.add_row(
            Text(
                corpus + ("" if info.corpus_exists else "  (gone)"),
                style="" if info.corpus_exists else "dim",
            ),
            "" if info.stories is None else str(info.stories),
            _size_text(info.size_bytes),
            dt.datetime.fromtimestamp(info.updated).strftime("%Y-%m-%d %H:%M"),
        )
    out.print(table)
    out.print(Text(f"in {visible(str(indexes_root()))}", style="dim"), soft_wrap=True)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _size_text(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


if __name__ == "__main__":
    main(prog_name="storyreader")
