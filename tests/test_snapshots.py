"""Snapshot tests pinning the reader's main screens (pytest-textual-snapshot). After an
intended change to the look of a screen, accept it with `pytest --snapshot-update`."""

from __future__ import annotations

import pytest

from screenshots.scenes import SCENES, SIZE, demo_app


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SCENES))
def test_screen(name, snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=SCENES[name])
