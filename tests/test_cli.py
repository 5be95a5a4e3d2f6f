"""The `storyreader` command, run as a user runs it."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyreader.tui.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result


def test_index_prints_a_summary_and_reindex_does_nothing(seeds, tmp_path):
    first = run("index", str(seeds), "--index", str(tmp_path / "ix"))
    assert first.exit_code == 0, first.output
    assert "5 files read, 0 skipped, 13 articles, 10 stories, 3 copies folded" in first.output
    again = run("index", str(seeds), "--index", str(tmp_path / "ix"))
    assert again.exit_code == 0
    assert "Index up to date" in again.output
    assert "(0 changed, 0 removed, 0 stories updated)" in again.output


def test_stories_json_has_exactly_the_documented_fields(seeds, tmp_path):
    result = run("stories", str(seeds), "--index", str(tmp_path / "ix"), "--format", "json")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 10
    for r in records:
        assert list(r) == ["id", "title", "date", "sources", "text", "occurrences"]
        for o in r["occurrences"]:
            assert list(o) == ["path", "start_line", "end_line", "relation", "similarity"]
            assert o["relation"] in ("canonical", "exact", "near", "rewrite")
            assert 0 <= o["similarity"] <= 1
    talks = next(r for r in records if r["title"].startswith("Iraq Says US Troop"))
    assert sorted(o["path"][:3] for o in talks["occurrences"]) == ["000", "001", "002", "003"]
    assert "\n\n" in talks["text"]
    # Ids are stable across runs of the same corpus.
    again = run("stories", str(seeds), "--index", str(tmp_path / "other"), "--format", "json")
    assert [json.loads(x)["id"] for x in again.output.splitlines()] == [r["id"] for r in records]


def test_search_json_adds_score_and_snippet(seeds, tmp_path):
    result = run(
        "search", str(seeds), "Khartoum", "--index", str(tmp_path / "ix"), "--format", "json"
    )
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert record["title"] == "Sudan army advances on central Khartoum: military source"
    assert list(record)[-2:] == ["score", "snippet"]
    assert "Khartoum" in record["snippet"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"Popular Mobilization Forces"', {"Iraq Says US Troop"}),
        ("source:icaro", {"Iraq Says US Troop"}),
        ("Khartum~", {"Sudan army advances"}),
        ("Iraq AND NOT Turkiye AND date:2024", {"Iraq Says US Troop", "Iraq eyes drawdown"}),
        ("title:tunisia OR title:swedish", {"Tunisia president", "Syrians among victims"}),
    ],
)
def test_search_query_syntax(seeds, tmp_path, query, expected):
    result = run("search", str(seeds), query, "--index", str(tmp_path / "ix"), "--format", "json")
    assert result.exit_code == 0, result.output
    titles = {json.loads(line)["title"] for line in result.output.splitlines()}
    assert {next(e for e in expected if t.startswith(e)) for t in titles} == expected


def test_show_and_explain(seeds, tmp_path):
    ix = str(tmp_path / "ix")
    ids = [
        json.loads(x)["id"]
        for x in run("stories", str(seeds), "--index", ix, "--format", "json").output.splitlines()
    ]
    talks = next(
        json.loads(x)
        for x in run("stories", str(seeds), "--index", ix, "--format", "json").output.splitlines()
        if json.loads(x)["title"].startswith("Iraq Says")
    )
    result = run("show", str(seeds), talks["id"][:6], "--index", ix, "--explain")
    assert result.exit_code == 0, result.output
    assert "Found in" in result.output
    # Every line of every file holding the story is accounted for.
    sections = result.output.split("Lines of ")[1:]
    assert [sec[:3] for sec in sections] == ["000", "001", "002", "003"]
    for sec, count in zip(sections, (66, 71, 67, 10), strict=True):
        rows = [line for line in sec.splitlines()[1:] if line.strip()]
        opens = [line.split(" opens here: ")[1] for line in rows if " opens here: " in line]
        numbers = [int(line.split()[0]) for line in rows if " opens here: " not in line]
        assert numbers == list(range(1, count + 1))
        # Above each article's first line, the evidence it was opened on.
        assert opens[0] == "the file's first text"
        assert set(opens[1:]) <= {"its title is printed again just below"}
        for row, below in itertools.pairwise(rows):
            if " opens here: " in row:  # said of the story whose first line follows
                assert row.split()[0] in below
    assert "caption (repeat)" in result.output and "chrome" in result.output
    assert len(ids) == 10


def test_export_writes_markdown_and_refuses_to_overwrite(seeds, tmp_path):
    ix = str(tmp_path / "ix")
    rows = [
        json.loads(x)
        for x in run("stories", str(seeds), "--index", ix, "--format", "json").output.splitlines()
    ]
    sudan = next(r for r in rows if r["title"].startswith("Sudan"))
    out_dir = tmp_path / "notes"
    out_dir.mkdir()
    first = run("export", str(seeds), sudan["id"], "--index", ix, "-o", str(out_dir))
    assert first.exit_code == 0
    (written,) = out_dir.iterdir()
    assert written.name == "Sudan army advances on central Khartoum military source.md"
    text = written.read_text()
    assert text.startswith(
        '---\ntitle: "Sudan army advances on central Khartoum: military source"\n'
    )
    assert "\n# Sudan army advances on central Khartoum: military source\n" in text
    assert "## Found in" in text and "lines 57–79 (canonical)" in text
    second = run("export", str(seeds), sudan["id"], "--index", ix, "-o", str(out_dir))
    assert second.exit_code == 1
    assert written.read_text() == text
    forced = run("export", str(seeds), sudan["id"], "--index", ix, "-o", str(out_dir), "--force")
    assert forced.exit_code == 0


def _cli(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "storyreader.tui.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stories", "/no/such/corpus"], "storyreader: corpus not found: /no/such/corpus"),
        (["index", "{empty}"], "storyreader: no files matching '*.txt' in"),
        (["show", "{seeds}", "nosuchstory"], "storyreader: no story with id 'nosuchstory'"),
        (["search", "{seeds}", "x" * 2000], "storyreader: query too long"),
    ],
)
def test_user_mistakes_give_one_line_and_no_traceback(seeds, tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    args = [a.format(seeds=seeds, empty=tmp_path / "empty") for a in args]
    proc = _cli(*args, "--index", str(tmp_path / "ix"))
    assert proc.returncode != 0
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_subcommands_do_not_import_textual(seeds, tmp_path):
    code = (
        "import sys; from storyreader.tui.cli import main\n"
        f"sys.argv = ['storyreader', 'stories', {str(seeds)!r}, '--index', {str(tmp_path / 'ix')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 'CLEAN')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.stdout.strip().endswith("CLEAN"), proc.stdout + proc.stderr
