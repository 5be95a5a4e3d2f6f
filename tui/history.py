"""Small state the reader keeps across runs: past queries and export settings, in the
user's state directory."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

import platformdirs

from storyreader.tui.config import Config

MAX_QUERIES = 200


def state_dir() -> Path:
    return Path(platformdirs.user_state_dir("storyreader", appauthor=False))


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


class History:
    """Queries, oldest first, without repeats."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_dir() / "queries.txt"
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        self.entries: list[str] = [q for q in lines if q.strip()][-MAX_QUERIES:]

    def add(self, query: str) -> None:
        query = " ".join(query.split())
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query)
        del self.entries[:-MAX_QUERIES]
        # A read-only home must not stop the reader; the history is then just not kept.
        with contextlib.suppress(OSError):
            _write_atomic(self.path, "\n".join(self.entries) + "\n")


LIST_WIDTH = 40  # percent of the screen


class Settings:
    """Export folder, file name template, theme and the story list's width, remembered
    between runs. The config file gives them until the reader remembers a choice; an
    environment variable always wins, as it was set for this run."""

    def __init__(self, path: Path | None = None, defaults: Config | None = None) -> None:
        self.path = path or state_dir() / "settings.json"
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        config = defaults or Config()
        for key in config.from_env:
            data.pop(key, None)
        self.export_dir = Path(data.get("export_dir") or config.export_dir or default_export_dir())
        self.template = str(data.get("template") or config.template or "{title}")
        self.theme: str | None = data.get("theme") or config.theme
        width = data.get("list_width")
        self.list_width = width if isinstance(width, int) and 20 <= width <= 70 else LIST_WIDTH

    def save(self) -> None:
        data = {
            "export_dir": str(self.export_dir),
            "template": self.template,
            "theme": self.theme,
            "list_width": self.list_width,
        }
        with contextlib.suppress(OSError):
            _write_atomic(self.path, json.dumps(data, indent=2))


def default_export_dir() -> Path:
    return Path(platformdirs.user_documents_dir()) / "storyreader"
