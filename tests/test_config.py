"""Defaults from the config file and the environment, the cache's indexes, and the
README's Python example, as a user runs them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storyreader.tui.config import Config, ConfigError, load
from storyreader.tui.history import Settings

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storyreader.tui.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=120,
    )


def _config_file(text: str) -> Path:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "storyreader" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_the_file_then_the_environment(tmp_path):
    path = _config_file('glob = "*.md"\nworkers = 2\nexport_dir = "~/notes"\ntheme = "nord"\n')
    config = load(path, environ={})
    assert (config.glob, config.workers, config.theme) == ("*.md", 2, "nord")
    assert config.export_dir == Path("~/notes").expanduser()
    over = load(path, environ={"STORYREADER_GLOB": "*.txt", "STORYREADER_WORKERS": "1"})
    assert (over.glob, over.workers, over.theme) == ("*.txt", 1, "nord")
    assert over.from_env == {"glob", "workers"}


@pytest.mark.parametrize(
    ("text", "environ", "message"),
    [
        ('globb = "*.md"\n', {}, "unknown key 'globb'"),
        ("workers = 'two'\n", {}, "workers must be a int"),
        ("glob = \n", {}, "config file"),
        ("", {"STORYREADER_WORKERS": "many"}, "STORYREADER_WORKERS must be a number"),
        ("workers = 0\n", {}, "workers must be between 1 and 64"),
    ],
)
def test_mistakes_are_one_line(text, environ, message):
    path = _config_file(text)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load(path, environ=environ)


@pytest.mark.slow
def test_the_command_line_uses_the_file_and_flags_win(seeds, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds, corpus)
    for f in list(corpus.glob("00[34]*.txt")):
        f.rename(f.with_suffix(".news"))
    _config_file('glob = "*.news"\n')
    ix = str(tmp_path / "ix")
    by_file = json.loads(_cli("index", str(corpus), "--index", ix, "--format", "json").stdout)
    assert by_file["files_read"] == 2
    by_env = _cli(
        "index", str(corpus), "--index", ix, "--format", "json", env={"STORYREADER_GLOB": "*.txt"}
    )
    assert json.loads(by_env.stdout)["files_read"] == 3
    by_flag = _cli(
        "index",
        str(corpus),
        "--index",
        ix,
        "--format",
        "json",
        "--glob",
        "*",
        env={"STORYREADER_GLOB": "*.txt"},
    )
    assert json.loads(by_flag.stdout)["files_read"] == 6  # the seeds' README.md too
    _config_file("glob = [1]\n")
    bad = _cli("stories", str(corpus), "--index", ix)
    assert bad.returncode == 1
    assert bad.stderr.strip().endswith("glob must be a str")
    assert len(bad.stderr.strip().splitlines()) == 1


def test_the_reader_remembers_over_the_file_but_not_over_the_environment(tmp_path):
    state = tmp_path / "settings.json"
    state.write_text(json.dumps({"theme": "dracula", "export_dir": "/tmp/x", "template": "{id}"}))
    file_only = Config(theme="nord", template="{date} {title}")
    assert Settings(state, file_only).theme == "dracula"
    assert Settings(tmp_path / "none.json", file_only).template == "{date} {title}"
    env = Config(theme="nord", from_env=frozenset({"theme"}))
    assert Settings(state, env).theme == "nord"


@pytest.mark.slow
def test_indexes_lists_and_prunes_only_our_own(seeds, tmp_path):
    gone = tmp_path / "gone"
    shutil.copytree(seeds, gone)
    assert _cli("index", str(seeds)).returncode == 0
    assert _cli("index", str(gone)).returncode == 0
    root = Path(os.environ["XDG_CACHE_HOME"]) / "storyreader" / "indexes"
    stranger = root / "not-ours"
    stranger.mkdir()
    (stranger / "store.sqlite").write_text("my own notes")
    shutil.rmtree(gone)
    listed = [json.loads(x) for x in _cli("indexes", "--format", "json").stdout.splitlines()]
    assert {(r["corpus"], r["corpus_exists"], r["stories"]) for r in listed} == {
        (str(seeds.resolve()), True, 10),
        (str(gone.resolve()), False, 10),
    }
    assert all(r["size_bytes"] > 0 for r in listed)
    pruned = _cli("indexes", "--prune")
    assert pruned.returncode == 0
    assert "Removed 1 index" in pruned.stdout
    assert stranger.is_dir()
    assert (stranger / "store.sqlite").read_text() == "my own notes"
    assert len(list(root.iterdir())) == 2


def test_the_readme_python_example_runs(seeds, tmp_path):
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## From Python", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    shutil.copytree(seeds, tmp_path / "corpus")
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) >= 10 + 1
    assert any("Iraq Says US Troop Drawdown Talks" in line for line in lines)
    assert len(list((tmp_path / "notes").glob("*.md"))) == 1
