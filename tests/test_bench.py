"""The benchmark suite's smoke run (100 files), so the benchmarks keep working. It
asserts that they run and report every figure, never how fast anything is: speed is
shown by `python -m bench`, not by timed tests."""

from __future__ import annotations

import pytest

from bench import run

pytestmark = pytest.mark.slow


def test_benchmarks_run_and_report_every_figure(tmp_path, capsys):
    run.main(["--files", "100", "--quick", "--work", str(tmp_path / "work")])
    out = capsys.readouterr().out
    for figure in (
        "full build",
        "peak memory while building",
        "index size on disk",
        "re-index, nothing changed",
        "incremental: 10 files changed, 10 added",
        "query, single word",
        "query, fuzzy",
        "query, slowest of",
        "reader: time to first paint",
        "reader on a fresh corpus: `storyreader CORPUS` to the first story listed",
        "reader: keystroke to updated list",
        "generated, 100 files",
    ):
        assert figure in out, figure
