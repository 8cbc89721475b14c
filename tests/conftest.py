"""Shared fixtures: the seed articles, the gold files, a temporary warehouse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
GOLD = ROOT / "tests" / "gold"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
SEED_LANGS = {
    "000_479188b24d4138e7.txt": "id",
    "001_25e1e20f13ec6b91.txt": "fa",
    "002_5433d715464fb01d.txt": "fr",
    "003_0ce8fcdb2e1cb020.txt": "en",
    "004_816f2ea199a5feb0.txt": "id",
}


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed articles: ../shared/seeds when present, else the copies in data/samples."""
    if SHARED_SEEDS.is_dir():
        return SHARED_SEEDS
    target = tmp_path_factory.mktemp("seeds")
    for name in SEED_LANGS:
        shutil.copy(SAMPLES / name, target / name)
    return target


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"
