"""`O` hands a file to the user's own program: which program, how it is told the line, and
the reader getting its terminal back whatever that program does (in a real terminal)."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from storyreader.tui.external import CommandError, external_command
from tests.tmux import EXITED, TMUX, Terminal

FILE = Path("/corpus/004_36ac3283226cc475.txt")


def _program(folder: Path, name: str) -> Path:
    """A real executable called `name` (it lists its arguments, one a line, in args.txt)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{folder}/args.txt"\n')
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_visual_then_editor_then_pager(tmp_path):
    vim = _program(tmp_path / "a", "vim")
    nano = _program(tmp_path / "b", "nano")
    less = _program(tmp_path / "c", "less")
    env = {"VISUAL": str(vim), "EDITOR": str(nano), "PAGER": str(less)}
    assert external_command(FILE, 117, env).argv == [str(vim), "+117", str(FILE)]
    assert external_command(FILE, 117, {**env, "VISUAL": " "}).argv[0] == str(nano)
    command = external_command(FILE, 117, {"PAGER": f"{less} -R"})
    assert command.argv == [str(less), "-R", "+117", str(FILE)]
    assert command.variable == "PAGER"


def test_each_program_is_told_the_line_its_own_way(tmp_path):
    hx = _program(tmp_path, "hx")
    code = _program(tmp_path, "code")
    assert external_command(FILE, 9, {"EDITOR": str(hx)}).argv == [str(hx), f"{FILE}:9"]
    assert external_command(FILE, 9, {"EDITOR": str(code)}).argv == [
        str(code),
        "-g",
        f"{FILE}:9",
    ]
    # A program whose line syntax is unknown gets the file alone, not "+9" as a file name.
    other = _program(tmp_path, "mypager")
    command = external_command(FILE, 9, {"PAGER": str(other)})
    assert command.argv == [str(other), str(FILE)]
    assert not command.with_line


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("/nonexistent/pager", "/nonexistent/pager was not found ($PAGER)"),
        ("less 'unclosed", "$PAGER is not a valid command"),
    ],
)
def test_a_command_that_cannot_run_says_why(value, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        external_command(FILE, 1, {"PAGER": value})


def _reach_sources(term: Terminal) -> None:
    term.wait_for("10 stories · 5 files")
    term.press("Tab", "Tab")  # the list, then the article, then the sources panel
    term.wait_for("O Open in your editor")  # the panel's own key, in the footer once it has focus


@pytest.mark.slow
@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("PAGER", "/nonexistent/pager", "/nonexistent/pager was not found ($PAGER)"),
        ("PAGER", "false", "false (from $PAGER) exited with status 1"),
        ("EDITOR", "/nonexistent/editor", "/nonexistent/editor was not found ($EDITOR)"),
    ],
)
def test_a_failing_pager_gives_the_terminal_back(seeds, tmp_path, variable, value, message):
    term = Terminal(seeds, tmp_path, {variable: value})
    try:
        _reach_sources(term)
        term.press("O")
        screen = term.wait_for_toast(message)
        # The reader is drawn again, sources panel and all, not a blank screen.
        assert "storyreader · seeds" in screen
        assert "lines 117–133" in screen
        # The app reads keys again (they are not echoed raw): q quits cleanly.
        term.press("j", "q")
        screen = term.wait_for(EXITED)
        assert f"{EXITED} 0" in screen
        assert "^[" not in screen
    finally:
        term.close()
