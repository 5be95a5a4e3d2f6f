"""The reader: story list, article and sources, driven from the keyboard.

The app only talks to `search.query.Library` (and `search.build.build` to index). Slow
work — indexing, searching, snippets, exporting — runs in thread workers; results come
back as messages or through `call_from_thread`, and panes are updated by setting their
data from here (messages up, attributes down).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Label
from textual.worker import get_current_worker

from storyreader.search import (
    SORTS,
    BuildReport,
    ExportExists,
    IndexBusy,
    IndexFormatError,
    Library,
    QueryError,
    SearchResults,
    Story,
    UnfinishedQuery,
    build,
    export,
    store_path,
    visible,
)
from storyreader.tui.config import Config
from storyreader.tui.external import CommandError, exit_problem, external_command
from storyreader.tui.history import History, Settings
from storyreader.tui.rows import HitRows, LibraryRows
from storyreader.tui.screens.export import ConfirmScreen, ExportScreen, ExportTarget
from storyreader.tui.screens.help import HelpScreen
from storyreader.tui.screens.raw_file import RawFileScreen, RawFileView
from storyreader.tui.screens.skipped import SkippedScreen
from storyreader.tui.widgets.article_view import ArticleView
from storyreader.tui.widgets.index_status import IndexStatus
from storyreader.tui.widgets.search_box import SearchBox
from storyreader.tui.widgets.sources_panel import SourcesPanel
from storyreader.tui.widgets.story_list import StoryList

# Search results listed at most; a query matching more shows the count and the best ones.
SEARCH_LIMIT = 500
# ...shown in two steps: the best screenful at once, then the rest. Scoring 500 hits of a
# common word in 27,000 stories takes several times as long as scoring the first few dozen.
FIRST_HITS = 60
# While a query is typed, the rest follows only once the typing pauses this long: the
# search library serves one call at a time, and the next key's search would wait for it.
REST_AFTER_PAUSE = 0.3
# Exporting more stories than this at once asks first.
EXPORT_CONFIRM_OVER = 200
# The story list's share of the screen, in percent: the reader changes it with < and >.
LIST_WIDTHS = range(20, 75, 5)
# Three panes need this many columns; narrower, the sources panel steps aside (s shows it).
SOURCES_MIN_WIDTH = 110
_SORT_LABELS = {
    "date": "newest first",
    "files": "most files first",
    "title": "by title",
    "score": "best match first",
}


class BuildProgress(Message):
    def __init__(self, phase: str, done: int, total: int) -> None:
        self.phase, self.done, self.total = phase, done, total
        super().__init__()


class BuildDone(Message):
    def __init__(
        self, report: BuildReport | None, error: str | None = None, asked: bool = False
    ) -> None:
        self.report = report
        self.error = error
        self.asked = asked  # the user asked for it (r), so "nothing changed" is news
        super().__init__()


class SearchDone(Message):
    def __init__(
        self,
        seq: int,
        query: str,
        results: SearchResults | None = None,
        spans=None,
        error: str | None = None,
        unfinished: bool = False,
    ) -> None:
        self.seq, self.query, self.results, self.spans = seq, query, results, spans
        # A query that cannot run, and why; `unfinished` while it is still being typed.
        self.error, self.unfinished = error, unfinished
        super().__init__()


def _own_bindings(widget: type) -> list[Binding]:
    """A widget's keys with those it inherits from our own base widgets (Textual's
    inherited scrolling keys are not listed: ours replace them)."""
    return [
        b
        for cls in reversed(widget.__mro__)
        if cls.__module__.startswith("storyreader.tui.") and "BINDINGS" in vars(cls)
        for b in vars(cls)["BINDINGS"]
    ]


class StoryReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "storyreader"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        # A priority binding, so the focus moves before the next key is read (see SearchBox);
        # an input that has the focus still types the `/`.
        Binding("slash", "focus_search", "Search", priority=True),
        Binding("question_mark", "help", "Help"),
        Binding("s", "toggle_sources", "Sources"),
        Binding("e", "export", "Export"),
        Binding("E", "export_all", "Export list"),
        Binding("escape", "back", "Back: to the list, then out of the search", show=False),
        Binding("greater_than_sign", "list_width(5)", "Wider story list", show=False),
        Binding("less_than_sign", "list_width(-5)", "Narrower story list", show=False),
        Binding("r", "reindex", "Re-index", show=False),
        Binding("X", "skipped", "Skipped files", show=False),
    ]

    def __init__(
        self,
        corpus: Path,
        index_dir: Path,
        glob: str = "*.txt",
        *,
        workers: int | None = None,
        state: Path | None = None,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.index_dir = index_dir
        self.glob = glob
        self.n_workers = workers
        self.library: Library | None = None
        self.sort = "date"
        self.search_sort = "score"
        self.query_text: str | None = None
        self.query_partial = False
        self._search_seq = 0
        self.spans = None
        self.history = History(state / "queries.txt" if state else None)
        self.settings = Settings(state / "settings.json" if state else None, config)
        self.sources_hidden_by_user = False
        if self.settings.theme:
            self.theme = self.settings.theme

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield SearchBox(self.history, id="search")
                yield Label("", id="search-status")
                yield StoryList(id="stories")
            yield ArticleView(id="article")
            yield SourcesPanel(id="sources")
        yield IndexStatus(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"storyreader · {visible(self.corpus.name, keep_newlines=False)}"
        self._apply_list_width()
        self.query_one(IndexStatus).display = False
        stories = self.query_one(StoryList)
        stories.snippet_fetcher = self._snippet
        stories.focus()
        if self._open_library():
            self._refresh_list()
        else:
            self._article.empty_message = self._indexing_message
            self._article.show(None)
        self.index_corpus()

    def on_unmount(self) -> None:
        self.settings.theme = self.theme
        self.settings.save()
        if self.library is not None:
            self.library.close()

    @property
    def _indexing_message(self) -> str:
        return f"Indexing {visible(str(self.corpus), keep_newlines=False)} …"

    @property
    def _article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def _list(self) -> StoryList:
        return self.query_one(StoryList)

    @property
    def _sources(self) -> SourcesPanel:
        return self.query_one(SourcesPanel)

    def on_resize(self, event) -> None:
        if not self.sources_hidden_by_user:
            self._sources.display = event.size.width >= SOURCES_MIN_WIDTH

    def _apply_list_width(self) -> None:
        self.query_one("#left").styles.width = f"{self.settings.list_width}%"

    def action_list_width(self, step: int) -> None:
        width = self.settings.list_width + step
        if width not in LIST_WIDTHS:
            self.bell()
            return
        self.settings.list_width = width
        self.settings.save()
        self._apply_list_width()

    # --- the index ------------------------------------------------------------------------

    def _open_library(self) -> bool:
        if self.library is not None:
            return True
        if not store_path(self.index_dir).exists():
            return False
        try:
            self.library = Library(self.index_dir)
        except (IndexFormatError, OSError):
            self.library = None
            return False
        return True

    @work(thread=True, exclusive=True, group="index")
    def index_corpus(self, asked: bool = False) -> None:
        """Bring the index up to date; the list stays usable meanwhile."""
        try:
            report = build(
                self.corpus,
                self.index_dir,
                glob=self.glob,
                workers=self.n_workers,
                index_procs=1,
                progress=lambda phase, done, total: self.post_message(
                    BuildProgress(phase, done, total)
                ),
                wait=2,
            )
        except IndexBusy as exc:
            self.post_message(BuildDone(None, f"{exc}; showing the index as it is", asked))
        except Exception as exc:  # the reader must keep running whatever the corpus holds
            self.post_message(BuildDone(None, f"indexing failed: {exc}", asked))
        else:
            self.post_message(BuildDone(report, asked=asked))

    def _indexing(self) -> bool:
        return any(w.group == "index" and w.is_running for w in self.workers)

    def on_build_progress(self, message: BuildProgress) -> None:
        self.query_one(IndexStatus).update(message.phase, message.done, message.total)

    def on_build_done(self, message: BuildDone) -> None:
        status = self.query_one(IndexStatus)
        if message.error:
            status.failed(message.error)
            self._notify_plain(message.error, severity="warning", timeout=8)
            if self.library is None:
                error = visible(message.error, keep_newlines=False)
                self._article.empty_message = f"{error}\n\nPress r to try again, q to quit."
                self._article.show(None)
            return
        status.done()
        report = message.report
        if report is None:
            return
        if report.worker_log is not None:
            self._notify_plain(
                f"The indexing processes wrote messages to {report.worker_log}",
                severity="warning",
                timeout=8,
            )
        if message.asked and report.unchanged and not report.rebuilt_reason:
            self._notify_plain(
                f"Up to date: no file changed ({report.files_seen:,} files).", title="Re-index"
            )
        if report.rebuilt_reason and self.library is not None:
            self.library.close()
            self.library = None
        reopened = self.library is None
        if not self._open_library():
            self._article.empty_message = "The corpus holds no readable stories."
            self._article.show(None)
            return
        if reopened or not report.unchanged:
            self._refresh_list()
        if report.skipped:
            n = len(report.skipped)
            self._notify_plain(
                f"{n} file{'s' if n != 1 else ''} skipped: press X to see why.",
                severity="warning",
                timeout=6,
            )
        if report.stories == 0:
            self._article.empty_message = "No stories: no file of the corpus could be read."
            self._article.show(None)

    def action_back(self) -> None:
        """Esc: one level back — from the article or the sources to the list, from the list
        out of the search. Dialogs and the search box close or clear on their own Esc."""
        if isinstance(self.focused, (ArticleView, SourcesPanel)):
            self._list.focus()
        elif self.query_text is not None or self.query_one(SearchBox).value:
            self.query_one(SearchBox).action_clear()

    def action_reindex(self) -> None:
        if self._indexing():
            self._notify_plain("Already indexing: the list updates when it is done.")
            return
        if self.library is None:
            self._article.empty_message = self._indexing_message
            self._article.show(None)
        self.index_corpus(asked=True)

    def _refresh_list(self) -> None:
        """Show every story again (or re-run the current search) after the index changed."""
        assert self.library is not None
        stats = self.library.stats()
        self.sub_title = (
            f"{stats.stories} stories · {stats.files} files · {stats.copies_folded} copies folded"
            + (f" · {stats.skipped} skipped" if stats.skipped else "")
        )
        if self.query_text:
            self._search(self.query_text, self.query_partial)
            return
        self._list.show(LibraryRows(self.library, self.sort))
        self._set_status(f"{stats.stories} stories · {_SORT_LABELS[self.sort]}")
        if stats.stories == 0:
            self._show_story(None)

    def _set_status(self, text: str, error: bool = False) -> None:
        label = self.query_one("#search-status", Label)
        label.update(Text(visible(text, keep_newlines=False)))
        label.set_class(error, "error")

    # --- the story on show ----------------------------------------------------------------

    def _show_story(self, story: Story | None) -> None:
        self._article.show(story, self.spans)
        self._sources.show(story, self._article.version)

    @on(StoryList.Highlighted)
    def _story_highlighted(self, message: StoryList.Highlighted) -> None:
        if self.library is None:
            return
        try:
            story = self.library.story(message.story_id)
        except LookupError:
            story = None
        self._show_story(story)

    @on(StoryList.Opened)
    def _story_opened(self, message: StoryList.Opened) -> None:
        self._article.focus()

    @on(ArticleView.VersionChanged)
    def _version_changed(self, message: ArticleView.VersionChanged) -> None:
        self._sources.show(self._article.story, message.index)

    @on(StoryList.SortRequested)
    def _cycle_sort(self) -> None:
        if self.library is None:
            return
        if self.query_text:
            self.search_sort = "date" if self.search_sort == "score" else "score"
            self._search(self.query_text, self.query_partial)
            return
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._refresh_list()

    # --- searching ------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.screen.set_focus(self.query_one(SearchBox))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_search":
            # Over a dialog or the file view, `/` is theirs; the box is not on show.
            return self.screen is self.screen_stack[0]
        return super().check_action(action, parameters)

    @on(SearchBox.QueryChanged)
    def _query_changed(self, message: SearchBox.QueryChanged) -> None:
        if self.library is None:
            self._set_status("Still indexing: search when the list appears.", error=True)
            return
        if message.waiting and not message.submitted:
            self._forget_searches()
            self._set_status(f"press Enter to run {message.waiting}")
            return
        self._search(message.query, partial=not message.submitted)

    @on(SearchBox.Cleared)
    def _query_cleared(self) -> None:
        self.query_text = None
        self.spans = None
        self._forget_searches()
        if self.library is not None:
            self._refresh_list()
            self._article.set_highlighter(None)

    def _forget_searches(self) -> None:
        """Results of searches started before now are not shown: the user typed on."""
        self._search_seq += 1
        self.workers.cancel_group(self, "search")

    def _search(self, query: str, partial: bool) -> None:
        self._forget_searches()
        self._run_search(self._search_seq, query, partial)

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, seq: int, query: str, partial: bool) -> None:
        library = self.library
        if library is None:
            return
        worker = get_current_worker()
        try:
            spans = library.highlighter(query, partial)
            for limit in (FIRST_HITS, SEARCH_LIMIT):
                if partial and limit != FIRST_HITS:
                    time.sleep(REST_AFTER_PAUSE)
                    if worker.is_cancelled:
                        return
                results = library.search(
                    query, limit=limit, snippets=False, sort=self.search_sort, partial=partial
                )
                if worker.is_cancelled:  # a newer query is on its way
                    return
                self.post_message(SearchDone(seq, query, results, spans))
                if len(results.hits) < limit:
                    break
        except UnfinishedQuery as exc:
            self.post_message(SearchDone(seq, query, error=str(exc), unfinished=True))
        except QueryError as exc:
            self.post_message(SearchDone(seq, query, error=str(exc)))

    def on_search_done(self, message: SearchDone) -> None:
        # Compared by number, not text: a search of the same words typed then submitted
        # (prefix then whole words) may end in either order.
        if message.seq != self._search_seq:
            return
        if message.unfinished:  # the list stays as it was until the query can run
            self._set_status(f"… {message.error}")
            return
        if message.error:
            self._set_status(f"✗ {message.error}", error=True)
            return
        results = message.results
        self.query_text = message.query
        self.query_partial = results.partial
        self.spans = message.spans
        shown = len(results.hits)
        more = f" (best {shown} shown)" if results.total > shown else ""
        # While typing, the last word is a prefix; Enter searches whole words.
        so_far = " so far" if results.partial else ""
        self._set_status(
            f"{results.total} stor{'y' if results.total == 1 else 'ies'} match{'es' if results.total == 1 else ''}{so_far}{more}"
            f" · {_SORT_LABELS[self.search_sort]}"
        )
        current = self._list.current
        self._list.show(HitRows(results))
        if not results.hits:
            self._show_story(None)
            self._article.empty_message = "No story matches."
            self._article.show(None)
        elif current is not None and self._list.current and self._list.current.id == current.id:
            self._article.set_highlighter(self.spans)

    def _snippet(self, story_id: str, query: str):
        library = self.library
        if library is None:
            from storyreader.search import Snippet

            return Snippet("", ())
        source = self._list.source
        partial = isinstance(source, HitRows) and source.partial and source.query == query
        return library.snippet(story_id, query, partial)

    # --- sources --------------------------------------------------------------------------

    def action_toggle_sources(self) -> None:
        sources = self._sources
        sources.display = not sources.display
        self.sources_hidden_by_user = not sources.display

    @on(SourcesPanel.OpenSource)
    def _open_source(self, message: SourcesPanel.OpenSource) -> None:
        o = message.occurrence
        path = self.library.source_path(o.path) if self.library else None
        if path is None or not path.exists():
            self._notify_plain(
                f"{visible(o.path)} is no longer in the corpus.",
                severity="error",
            )
            return
        if message.external:
            self._open_external(path, o.start_line)
        else:
            self.push_screen(
                RawFileScreen(path, o.path, o.start_line, o.end_line, o.relation.value)
            )

    def _open_external(self, path: Path, line: int) -> None:
        try:
            command = external_command(path, line, os.environ)
        except CommandError as exc:
            self._notify_plain(f"Cannot open the file: {exc}.", severity="error", timeout=8)
            return
        problem = None
        # However the program fails, the app takes the terminal back: an exception left to
        # escape the suspend block would leave the screen blank and the keys echoed raw.
        try:
            with self.suspend():
                try:
                    problem = exit_problem(command, subprocess.call(command.argv))
                except OSError as exc:
                    problem = f"cannot run {command.describe()}: {exc.strerror or exc}"
        except SuspendNotSupported:
            problem = "this terminal cannot be handed to another program"
        if problem:
            self._notify_plain(f"Cannot open the file: {problem}.", severity="error", timeout=8)
        elif not command.with_line:
            self._notify_plain(
                f"Opened without going to line {line}: how {command.program} takes a line"
                " number is not known.",
                timeout=4,
            )

    # --- export ---------------------------------------------------------------------------

    def action_export(self) -> None:
        story = self._article.story
        if story is None:
            self._notify_plain("No story to export.", severity="warning")
            return

        def chosen(target: ExportTarget | None) -> None:
            if target is not None:
                self._export_one(story, target, force=False)

        self.push_screen(
            ExportScreen(
                f"Export “{story.title}”", self.settings.export_dir, self.settings.template
            ),
            chosen,
        )

    def _remember(self, target: ExportTarget) -> None:
        """Offer this folder and template next time (called once an export worked there)."""
        self.settings.export_dir = target.directory
        self.settings.template = target.template
        self.settings.save()

    def _export_one(self, story: Story, target: ExportTarget, force: bool) -> None:
        try:
            target.directory.mkdir(parents=True, exist_ok=True)
            done = export(story, target.directory, template=target.template, force=force)
        except ExportExists:
            from storyreader.search import file_name

            name = file_name(story, target.template)

            def answered(yes: bool | None) -> None:
                if yes:
                    self._export_one(story, target, force=True)
                else:
                    self._notify_plain(
                        "Export cancelled: the existing file was left as it was.",
                    )

            self.push_screen(
                ConfirmScreen(f"{name} exists in {target.directory}. Replace it?"), answered
            )
            return
        except (OSError, ValueError) as exc:
            self._notify_plain(f"Export failed: {exc}", severity="error")
            return
        self._remember(target)
        self._notify_plain(f"Exported to {done.path}", title="Export")

    def action_export_all(self) -> None:
        source = self._list.source
        if self.library is None or source is None or not len(source):
            self._notify_plain("No stories to export.", severity="warning")
            return
        count = len(source)

        def chosen(target: ExportTarget | None) -> None:
            if target is None:
                return
            if count > EXPORT_CONFIRM_OVER:
                self.push_screen(
                    ConfirmScreen(f"Export {count} stories to {target.directory}?"),
                    lambda yes: yes and self._export_many(source.ids(), target),
                )
            else:
                self._export_many(source.ids(), target)

        if count == 1:
            what = "the 1 story found" if source.query else "the one story"
        else:
            what = f"the {count} stories found" if source.query else f"all {count} stories"
        self.push_screen(
            ExportScreen(f"Export {what}", self.settings.export_dir, self.settings.template), chosen
        )

    @work(thread=True, exclusive=True, group="export")
    def _export_many(self, ids: list[str], target: ExportTarget) -> None:
        library = self.library
        written = existing = failed = 0
        try:
            target.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.call_from_thread(self._notify_plain, f"Export failed: {exc}", severity="error")
            return
        for i, sid in enumerate(ids, 1):
            try:
                export(library.story(sid), target.directory, template=target.template)
                written += 1
            except ExportExists:
                existing += 1
            except (OSError, ValueError, LookupError):
                failed += 1
            if i % 10 == 0 or i == len(ids):
                self.post_message(BuildProgress("exporting", i, len(ids)))
        self.post_message(BuildDone(None))
        if written or existing:
            self.call_from_thread(self._remember, target)
        parts = [f"{written} exported to {target.directory}"]
        if existing:
            parts.append(f"{existing} already there, left as they were")
        if failed:
            parts.append(f"{failed} failed")
        self.call_from_thread(self._notify_plain, "; ".join(parts), title="Export", timeout=8)

    # --- help and the command palette -----------------------------------------------------

    def _notify_plain(self, message: str, **kwargs) -> None:
        """A notification whose text is shown as written (file names are not markup)."""
        self.notify(visible(message), markup=False, **kwargs)

    def help_sections(self) -> list[tuple[str, list[Binding]]]:
        return [
            (
                "Everywhere",
                [
                    *self.BINDINGS,
                    Binding("tab", "focus_next", "Next pane"),
                    Binding("ctrl+p", "command_palette", "Command palette"),
                ],
            ),
            ("Story list", StoryList.BINDINGS),
            ("Article", _own_bindings(ArticleView)),
            ("Sources panel", SourcesPanel.BINDINGS),
            ("Search box", SearchBox.BINDINGS),
            (
                "File view",
                [*_own_bindings(RawFileView), Binding("escape", "back", "Back to the story")],
            ),
        ]

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_sections()))

    def action_skipped(self) -> None:
        self.push_screen(SkippedScreen(self.library.skipped() if self.library else []))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own "Keys" opens its key panel; ours (below) lists every pane's keys.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
        yield SystemCommand("Search", "Focus the search box (/)", self.action_focus_search)
        yield SystemCommand(
            "Export story", "Export the story on show to Markdown (e)", self.action_export
        )
        yield SystemCommand(
            "Export list", "Export every story in the list to Markdown (E)", self.action_export_all
        )
        yield SystemCommand(
            "Cycle sort order", "Date, number of files, title (o)", self._cycle_sort
        )
        yield SystemCommand(
            "Toggle sources panel", "Show or hide the files panel (s)", self.action_toggle_sources
        )
        yield SystemCommand(
            "Next matching story",
            "Move the list to the next story the search found (n in the list)",
            lambda: self._list.action_next_match(1),
        )
        yield SystemCommand(
            "Previous matching story",
            "Move the list to the previous story the search found (N in the list)",
            lambda: self._list.action_next_match(-1),
        )
        yield SystemCommand(
            "Next hit",
            "Mark and show the next search hit in the article (n in the article)",
            lambda: self._article.action_next_hit(1),
        )
        yield SystemCommand(
            "Previous hit",
            "Mark and show the previous search hit in the article (N in the article)",
            lambda: self._article.action_next_hit(-1),
        )
        yield SystemCommand(
            "Next version",
            "Show the next outlet's version of the story (v)",
            self._article.action_next_version,
        )
        yield SystemCommand("Re-index corpus", "Read changed files again (r)", self.action_reindex)
        yield SystemCommand(
            "Skipped files", "Files that could not be read, and why (X)", self.action_skipped
        )
        yield SystemCommand("Keys", "Every key of every pane (?)", self.action_help)


def run(corpus: Path, index_dir: Path, glob: str = "*.txt", config: Config | None = None) -> None:
    config = config or Config()
    StoryReaderApp(corpus, index_dir, glob, workers=config.workers, config=config).run()
