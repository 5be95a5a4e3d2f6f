"""The command line as other tools use it: pipes, JSON, CSV, shell completion, and the
Markdown and YAML that notes apps and converters read."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_ID = re.compile(r"^[0-9a-f]{6,}$")


def _cli(
    *args: str, cwd: Path = ROOT, env_extra: dict | None = None
) -> subprocess.CompletedProcess:
    """The command as a pipe sees it: stdout is not a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "storyreader.tui.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})},
        timeout=120,
    )


@pytest.fixture()
def ix(seeds, seed_index) -> list[str]:
    """The arguments that name the seeds' index."""
    return [str(seeds), "--index", str(seed_index)]


def test_piped_stories_are_one_record_per_line(ix):
    proc = _cli("stories", *ix)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 10
    for line in lines:
        fields = line.split("\t")
        assert len(fields) == 5, line
        assert _ID.match(fields[0]) and fields[2].isdigit()
        assert not line.endswith(" ")  # no padding: an empty last field is an empty field
    iraq = [line for line in lines if "Iraq" in line]
    assert len(iraq) == 3
    assert all(_ID.match(line.split("\t")[0]) for line in iraq)
    talks = next(line for line in lines if "Drawdown Talks Will Go on" in line)
    assert talks.split("\t")[2] == "4"
    assert talks.split("\t")[3].endswith("Disturbs the Peace of the Talks’")


def test_csv_has_a_header_and_quotes_what_it_must(ix):
    proc = _cli("stories", *ix, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 10
    assert list(rows[0]) == ["id", "date", "files", "title", "sources"]
    assert any("," in r["title"] or "," in r["sources"] for r in rows) or rows


def test_search_as_tsv_and_exit_status(ix):
    found = _cli("search", *ix, "khartoum")
    assert found.returncode == 0
    (line,) = found.stdout.splitlines()
    fields = line.split("\t")
    assert fields[3] == "Sudan army advances on central Khartoum: military source"
    assert float(fields[5]) > 0
    nothing = _cli("search", *ix, "zanzibar")
    assert nothing.returncode == 1
    assert nothing.stdout == ""
    assert "No story matches 'zanzibar'" in nothing.stderr


def test_show_json_and_markdown(ix, seed_library):
    sid = next(r.id for r in seed_library.stories() if r.title.startswith("Sudan"))
    proc = _cli("show", *ix, sid[:6], "--format", "json")
    record = json.loads(proc.stdout)
    assert list(record) == ["id", "title", "date", "sources", "text", "occurrences"]
    assert record["id"] == sid
    md = _cli("show", *ix, sid, "--format", "markdown").stdout
    assert md == _cli("export", *ix, sid, "-o", "-").stdout
    assert md.startswith("---\ntitle: ")


def test_index_summary_and_skipped_as_json(seeds, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    ixdir = str(tmp_path / "ix")
    summary = json.loads(_cli("index", str(corpus), "--index", ixdir, "--format", "json").stdout)
    assert summary["files_read"] == 5 and summary["stories"] == 10
    assert summary["copies_folded"] == 3 and not summary["unchanged"]
    assert sorted(s["path"] for s in summary["skipped"]) == ["empty.txt", "picture.txt"]
    skipped = [
        json.loads(x)
        for x in _cli(
            "skipped", str(corpus), "--index", ixdir, "--format", "json"
        ).stdout.splitlines()
    ]
    assert skipped == [
        {"path": "empty.txt", "reason": "empty file"},
        {"path": "picture.txt", "reason": "binary file (PNG image)"},
    ]


def test_bulk_export_by_ids_query_and_all(ix, seed_library, tmp_path):
    rows = seed_library.stories()
    out = tmp_path / "notes"
    two = _cli("export", *ix, rows[0].id, rows[1].id, "-o", str(out))
    assert two.returncode == 0, two.stderr
    assert two.stdout.strip() == f"Exported 2 of 2 stories to {out}"
    assert len(list(out.glob("*.md"))) == 2
    query = _cli("export", *ix, "--query", "iraq", "-o", str(out / "iraq"))
    assert query.returncode == 0
    assert len(list((out / "iraq").glob("*.md"))) == 3
    before = {p: p.read_bytes() for p in out.glob("*.md")}
    every = _cli("export", *ix, "--all", "-o", str(out))
    assert every.returncode == 1  # two were there already: left as they were, and said
    assert "2 files already there (use --force to replace them)" in every.stderr
    assert len(list(out.glob("*.md"))) == 10
    assert all(p.read_bytes() == data for p, data in before.items())
    nowhere = _cli("export", *ix, "--all")
    assert nowhere.returncode == 1
    assert "several stories go into a folder: give -o FOLDER" in nowhere.stderr
    both = _cli("export", *ix, rows[0].id, "--all", "-o", str(out))
    assert both.returncode == 2


def test_a_mistyped_command_is_named(tmp_path):
    proc = _cli("frob", cwd=tmp_path)
    assert proc.returncode == 2
    assert "No such command 'frob'" in proc.stderr
    assert "Traceback" not in proc.stderr


def _complete(words: list[str], tmp_path: Path) -> list[str]:
    """What bash offers for the last word, through the script `storyreader` prints. A
    `storyreader` of this checkout goes first on PATH: the script calls it by name."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "storyreader"
    shim.write_text(f'#!/bin/sh\nexec {sys.executable} -m tui.cli "$@"\n')
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}
    script = subprocess.run(
        ["storyreader"],
        env={**env, "_STORYREADER_COMPLETE": "bash_source"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (tmp_path / "complete.bash").write_text(script)
    words_q = " ".join(f"'{w}'" for w in words)
    probe = (
        f"source {tmp_path / 'complete.bash'}\n"
        "complete -p storyreader >/dev/null || exit 3\n"
        f"COMP_WORDS=({words_q}); COMP_CWORD={len(words) - 1}\n"
        "_storyreader_completion storyreader 2>/dev/null\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    proc = subprocess.run(
        ["bash", "-c", probe], capture_output=True, text=True, timeout=60, env=env
    )
    assert proc.returncode == 0, proc.stderr
    return [line for line in proc.stdout.splitlines() if line]


def test_bash_completes_commands_and_story_ids(ix, seed_library, tmp_path):
    assert _complete(["storyreader", "st"], tmp_path) == ["stories"]
    assert set(_complete(["storyreader", "s"], tmp_path)) == {
        "search",
        "show",
        "skipped",
        "stories",
    }
    sudan = next(r.id for r in seed_library.stories() if r.title.startswith("Sudan"))
    offered = _complete(["storyreader", "show", *ix, sudan[:3]], tmp_path)
    assert sudan in offered
    assert all(o.startswith(sudan[:3]) for o in offered)


def test_exported_to_is_one_line_however_long_the_path(ix, seed_library, tmp_path):
    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / "notes"
    deep.mkdir(parents=True)
    sid = seed_library.stories()[0].id
    proc = _cli("export", *ix, sid, "-o", str(deep))
    assert proc.returncode == 0
    (line,) = proc.stdout.splitlines()
    assert line.startswith(f"Exported to {deep}/") and line.endswith(".md")
