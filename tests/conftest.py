from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
BASIL = SHARED / "basil" / "articles.jsonl"
ECBPLUS = SHARED / "ecbplus-dev" / "articles.jsonl"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Indexes and the demo corpus go to a temporary cache, never the user's."""
    root = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(root / "state"))


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def basil() -> Path:
    if not BASIL.is_file():
        pytest.skip("../shared/basil is not present")
    return BASIL


@pytest.fixture(scope="session")
def ecbplus() -> Path:
    if not ECBPLUS.is_file():
        pytest.skip("../shared/ecbplus-dev is not present")
    return ECBPLUS


@pytest.fixture(scope="session")
def seed_index(seeds, tmp_path_factory) -> Path:
    """The seeds indexed once for the whole session."""
    from storyreader.search.update.build import build

    index_dir = tmp_path_factory.mktemp("seed-index")
    build(seeds, index_dir, workers=1)
    return index_dir


@pytest.fixture()
def seed_library(seed_index):
    from storyreader.search.query import Library

    with Library(seed_index) as lib:
        yield lib
