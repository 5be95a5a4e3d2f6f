"""A command run in a real pseudo-terminal, its screen read as a user sees it.

pexpect gives the command a terminal of the chosen size; pyte keeps the screen that the
command's output draws. Used by the terminal tests and by the reader's benchmark.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence

import pexpect
import pyte

KEYS = {
    "backspace": "\x7f",
    "ctrl+u": "\x15",
    "escape": "\x1b",
    "enter": "\r",
}


class Terminal:
    def __init__(
        self,
        argv: Sequence[str],
        env: dict[str, str],
        size: tuple[int, int] = (120, 40),
        cwd: str | None = None,
    ) -> None:
        columns, rows = size
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.started = time.perf_counter()
        # Every screen drawn: a progress bar may show for a moment only.
        self.history: list[str] = []
        self._text: str | None = None  # the screen as text, until the next output
        self.child = pexpect.spawn(
            argv[0],
            list(argv[1:]),
            # No COLUMNS or LINES: they would pin the size the program reads when resized.
            env={k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
            | {"TERM": "xterm-256color"},
            dimensions=(rows, columns),
            cwd=cwd,
        )

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def pump(self, seconds: float = 0.05) -> None:
        """Take in what the command drew during the next `seconds` (or until it is quiet)."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            try:
                data = self.child.read_nonblocking(1 << 16, timeout=max(0.0, left))
            except (pexpect.TIMEOUT, pexpect.EOF):
                break
            self.stream.feed(data)
            self._text = None
            self.history.append(self.text())
            if left <= 0:
                break

    def text(self) -> str:
        if self._text is None:  # pyte draws the whole screen for each read of it
            self._text = "\n".join(line.rstrip() for line in self.screen.display)
        return self._text

    def resize(self, size: tuple[int, int]) -> None:
        """The terminal's window made `size` (columns, rows), as a user drags it."""
        columns, rows = size
        self.screen.resize(rows, columns)
        self._text = None
        self.child.setwinsize(rows, columns)

    def line(self, row: int) -> str:
        return self.screen.display[row].rstrip()

    def wait_for(
        self, what: str | re.Pattern | Callable[[str], bool], timeout: float = 60
    ) -> re.Match | bool:
        """Pump until the screen shows `what` (a regular expression, or a test of the
        screen's text); raise TimeoutError with the screen when it never does."""
        test = what if callable(what) else re.compile(what).search
        deadline = time.monotonic() + timeout
        while True:
            found = test(self.text())
            if found:
                return found
            if not self.alive:
                raise TimeoutError(f"the program ended before showing {what!r}:\n{self.text()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what!r} not shown after {timeout} s:\n{self.text()}")
            self.pump(0.05)

    def seen(self, pattern: str) -> bool:
        """Whether any screen drawn so far showed `pattern`."""
        return any(re.search(pattern, screen) for screen in self.history)

    def press(self, *keys: str, pause: float = 0.1) -> None:
        """Keys by name (`escape`, `backspace`, `ctrl+u`, `enter`) or text typed at once."""
        for key in keys:
            self.child.send(KEYS.get(key, key))
            self.pump(pause)

    def wait_exit(self, timeout: float = 30) -> bool:
        """Whether the command ended within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while self.alive and time.monotonic() < deadline:
            self.pump(0.05)
        return not self.alive

    @property
    def alive(self) -> bool:
        return self.child.isalive()

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close(force=True)
