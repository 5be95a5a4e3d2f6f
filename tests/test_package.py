"""The installed package: one top-level name, a facade that resolves every name it exports
and loads nothing heavy until asked, and a demo that does without the benchmark generator."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import storyreader.search as facade


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_the_distribution_installs_one_top_level_package():
    top = importlib.metadata.distribution("storyreader").read_text("top_level.txt") or ""
    assert top.split() == ["storyreader"]


def test_every_name_the_facade_exports_resolves():
    # open_corpus is the facade's own: it joins an update and a Library, two stages apart.
    assert set(facade.__all__) == set(facade._EXPORTS) | {"open_corpus"}
    for name in facade.__all__:
        value = getattr(facade, name)
        assert not isinstance(value, type(sys)), f"{name} resolves to a module"


def test_the_facade_loads_no_engine_until_a_name_is_used():
    loaded = _modules_after("import storyreader.search")
    assert not {"whoosh", "numpy", "sqlite3", "textual"} & loaded


def test_the_demo_is_written_without_the_generator(tmp_path: Path):
    loaded = _modules_after(
        "from pathlib import Path\n"
        "from storyreader.search import ensure_demo_corpus\n"
        f"ensure_demo_corpus(Path({str(tmp_path / 'demo')!r}))"
    )
    assert "storyreader.search.demo.page" in loaded
    assert not {"bench", "bench.synth", "wordfreq"} & loaded
    assert any((tmp_path / "demo").rglob("*.txt"))
