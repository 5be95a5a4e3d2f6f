"""The installed `storyreader` in a real terminal: a tmux session of its own, keys sent as
a user types them and the screen read back as tmux shows it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

TMUX = shutil.which("tmux")
STORYREADER = Path(sys.executable).parent / "storyreader"
# The shell line printed once the reader has quit, with its exit status.
EXITED = "storyreader exited with status"
# Generous: the reader indexes the corpus first, on a machine shared with other work.
WAIT_SECONDS = 60


class Terminal:
    def __init__(
        self, corpus: Path, home: Path, env: Mapping[str, str], size: tuple[int, int] = (120, 40)
    ) -> None:
        self.server = f"storyreader-test-{uuid.uuid4().hex[:10]}"
        self.width, self.height = size
        settings = {
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            **env,
        }
        # COLUMNS and LINES (pytest-xdist's workers carry 80 and 24) would override the
        # window's real size in the app, so the size tmux gives is the only one it sees.
        inherited = ("VISUAL", "EDITOR", "PAGER", "NO_COLOR", "COLUMNS", "LINES")
        unset = [x for name in inherited for x in ("-u", name)]
        command = [
            "env",
            *unset,
            *(f"{k}={v}" for k, v in settings.items()),
            str(STORYREADER),
            str(corpus),
        ]
        shell = f"{subprocess.list2cmdline(command)}; echo {EXITED} $?; sleep 600"
        self._tmux(
            "new-session", "-d", "-s", "main", "-x", str(self.width), "-y", str(self.height), shell
        )

    def _tmux(self, *args: str) -> str:
        return subprocess.run(
            [TMUX, "-L", self.server, *args],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "TMUX": ""},
        ).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "main")

    def toasts(self) -> str:
        """The text of the notifications on screen, their lines joined: Textual wraps a
        toast's text inside a box drawn with "▌" on its left."""
        parts = [
            line.rsplit("▌", 1)[1].rstrip(" │╯╮")
            for line in self.screen().splitlines()
            if "▌" in line
        ]
        return " ".join(" ".join(parts).split())

    def wait_for_toast(self, text: str) -> str:
        return self.wait_for(lambda _: text in self.toasts(), f"a notification saying {text!r}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "main", key)
            time.sleep(0.15)

    def wait_for(self, check: Callable[[str], bool] | str, what: str = "") -> str:
        """The screen once `check` holds of it (or once it shows the text `check`)."""
        test = (lambda s: check in s) if isinstance(check, str) else check
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            screen = self.screen()
            if test(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {what or check!r}; the screen:\n{screen}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.server, "kill-server"], capture_output=True)
