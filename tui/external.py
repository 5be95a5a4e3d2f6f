"""The user's own program for a file (`O` in the sources panel): $VISUAL, $EDITOR or $PAGER,
told which line to show in the syntax that program understands."""

from __future__ import annotations

import shlex
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Checked in this order: the editor a user set for full-screen use first, the pager last.
VARIABLES = ("VISUAL", "EDITOR", "PAGER")
FALLBACK = "less"
# Programs that open a file at line N with `+N FILE`.
PLUS_LINE = {
    "less",
    "more",
    "most",
    "vi",
    "vim",
    "nvim",
    "view",
    "vis",
    "nano",
    "pico",
    "emacs",
    "emacsclient",
    "micro",
    "kak",
    "joe",
    "jed",
    "mg",
    "ne",
    "mcedit",
    "gedit",
}
# ...with `FILE:N`.
COLON_LINE = {"hx", "helix", "subl", "zed"}
# ...with `-g FILE:N`.
GOTO_LINE = {"code", "codium", "code-insiders"}


class CommandError(ValueError):
    """The variable does not hold a command that can be run; the message says why."""


@dataclass(frozen=True, slots=True)
class Command:
    argv: list[str]
    variable: str | None  # where the command came from; None for the fallback
    with_line: bool  # False when the program's way of taking a line is not known

    @property
    def program(self) -> str:
        return self.argv[0]

    def describe(self) -> str:
        return f"{self.program} (from ${self.variable})" if self.variable else self.program


def external_command(path: Path, line: int, environ: Mapping[str, str]) -> Command:
    """The command that shows `path` at `line`; raises CommandError when it cannot run."""
    variable, value = next(
        ((v, environ[v]) for v in VARIABLES if environ.get(v, "").strip()), (None, FALLBACK)
    )
    where = f"${variable}" if variable else "the default pager"
    try:
        words = shlex.split(value)
    except ValueError as exc:
        raise CommandError(f"{where} is not a valid command ({exc}): {value}") from None
    if not words:
        raise CommandError(f"{where} is empty")
    if shutil.which(words[0]) is None:
        raise CommandError(f"{words[0]} was not found ({where})")
    name = Path(words[0]).name
    if name in PLUS_LINE:
        return Command([*words, f"+{line}", str(path)], variable, True)
    if name in COLON_LINE:
        return Command([*words, f"{path}:{line}"], variable, True)
    if name in GOTO_LINE:
        return Command([*words, "-g", f"{path}:{line}"], variable, True)
    # An unknown program may read "+N" as a file name: open the file without a line.
    return Command([*words, str(path)], variable, False)


def exit_problem(command: Command, returncode: int) -> str | None:
    """What went wrong, in one line, from the program's exit status (None when all went well)."""
    if returncode == 0:
        return None
    if returncode < 0:
        return f"{command.describe()} was stopped by signal {-returncode}"
    return f"{command.describe()} exited with status {returncode}"
