"""Indexing as the reader does it: under a captured stderr, with progress from every slow
stage, and never left on "Indexing …" when a build fails."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.synth import generate_corpus
from storyreader.search.update import build as building
from storyreader.search.update.build import build
from storyreader.tui.cli import main
from storyreader.tui.widgets.article_view import ArticleView
from storyreader.tui.widgets.index_status import IndexStatus
from storyreader.tui.widgets.story_list import StoryList
from tests.pilot import SIZE, make_app, settle, shown

ROOT = Path(__file__).resolve().parents[1]

# What a terminal app puts in sys.stderr has no file descriptor: Textual's answers -1.
# Run in a fresh interpreter: multiprocessing starts its resource tracker once per process.
CAPTURED = """
import os, sys, warnings
from pathlib import Path

class Captured:
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

from storyreader.search.update.build import build
corpus, index = Path(sys.argv[1]), Path(sys.argv[2])
sys.stderr = Captured()
report = build(corpus, index, workers=2)
print(report.files_read, report.stories, report.worker_log)
if len(sys.argv) > 3:
    from storyreader.search.update.pool import Workers, make_pool
    with make_pool(Workers.for_build(2, index), frozenset()) as pool:
        pool.submit(os.write, 2, b"worker scribble on fd 2\\n").result()
        pool.submit(print, "worker print").result()
        pool.submit(warnings.warn, "worker warning").result()
    print((index / "workers.log").read_text().replace("\\n", "|"))
"""


def run_captured(corpus: Path, index: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CAPTURED, str(corpus), str(index), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )


@pytest.mark.slow
def test_a_pool_build_works_when_stderr_has_no_descriptor(tmp_path):
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 70, seed=3)  # past POOL_MIN_FILES: read by a process pool
    done = run_captured(corpus, tmp_path / "ix")
    assert done.returncode == 0, done.stderr[-3000:]
    files, stories, log = done.stdout.split()
    assert files == "70" and int(stories) > 0
    assert log == "None"  # the workers had nothing to say, and no empty log is left
    assert not (tmp_path / "ix" / "workers.log").exists()


@pytest.mark.slow
def test_workers_write_to_a_log_not_to_the_apps_terminal(tmp_path):
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 70, seed=3)
    done = run_captured(corpus, tmp_path / "ix", "--scribble")
    assert done.returncode == 0, done.stderr[-3000:]
    log = done.stdout.splitlines()[-1]
    assert "worker scribble on fd 2" in log and "worker print" in log
    assert "worker warning" in log
    # The process's own fd 2 (a terminal an app draws on) received none of it.
    assert "worker" not in done.stderr


def test_a_corpus_with_no_readable_text_indexes_to_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = CliRunner().invoke(
        main, ["index", str(corpus), "--index", str(tmp_path / "ix")], catch_exceptions=False
    )
    # A clear one-line refusal, each file's reason listed, no traceback.
    assert result.exit_code == 1
    assert "skipped empty.txt: empty file" in result.output
    assert "skipped binary.txt: binary file (PNG image)" in result.output
    assert "none of the 2 files" in result.output and "could be read" in result.output


async def test_the_reader_says_when_no_file_is_readable(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 500)
    app = make_app(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = shown(app.query_one(ArticleView))
        assert "no file of the corpus could be read" in text
        assert "Indexing" not in text
        assert not app.query_one(IndexStatus).display


@pytest.mark.slow
def test_progress_is_told_from_every_slow_stage(tmp_path):
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 150, seed=2)
    told: list[tuple[str, int, int]] = []
    build(corpus, tmp_path / "ix", workers=1, progress=lambda *p: told.append(p))
    phases = list(dict.fromkeys(p for p, _, _ in told))
    assert phases == ["scanning", "reading", "linking", "grouping", "indexing", "saving"] or (
        phases == ["scanning", "reading", "cleaning", "linking", "grouping", "indexing", "saving"]
    )
    reading = [(d, t) for p, d, t in told if p == "reading"]
    assert reading[0] == (0, 150) and reading[-1] == (150, 150)
    steps = [b - a for (a, _), (b, _) in itertools.pairwise(reading)]
    assert max(steps) <= building.PROGRESS_FILES_READ
    linking = [(d, t) for p, d, t in told if p == "linking" and t]
    assert linking and linking[-1][0] == linking[-1][1] > 0  # every candidate pair counted
    grouping = [(d, t) for p, d, t in told if p == "grouping" and t]
    assert grouping[-1][0] == grouping[-1][1] > 0


async def test_a_failed_build_leaves_a_message_and_r_tries_again(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    (tmp_path / "index").write_text("not a folder")  # where the index must go: it fails
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        status = app.query_one(IndexStatus)
        assert status.display and status.has_class("error")
        line = str(status.query_one("#status-label").render())
        assert "indexing failed" in line and "r to try again" in line
        text = shown(app.query_one(ArticleView))
        assert "indexing failed" in text and "Indexing" not in text

        (tmp_path / "index").unlink()
        await pilot.press("r")
        await settle(app, pilot)
        assert len(app.query_one(StoryList).source) == 10
        assert not status.display


async def test_r_on_an_unchanged_corpus_says_up_to_date(seeds, tmp_path):
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert not any("Up to date" in n.message for n in app._notifications)
        await pilot.press("r")
        await settle(app, pilot)
        assert any("Up to date" in n.message for n in app._notifications)
