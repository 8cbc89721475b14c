"""Scaling out: the Dask executor on a real local cluster gives the warehouse a local run gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pipeline import run
from pipeline.executors import read_shard, run_dask
from tests.conftest import SAMPLES
from tests.warehouse_snapshot import snapshot


def test_dask_executor_matches_a_local_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES / "translations", folder / "translations")
    shutil.copytree(SAMPLES / "baoquangngai", folder / "baoquangngai")
    shutil.copy(SAMPLES / "003_0ce8fcdb2e1cb020.txt", folder)
    local, distributed = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    run(folder, local)
    summary = run_dask(folder, distributed, tmp_path / "shards", workers=2, max_bytes=5_000_000)
    assert summary.status == "completed" and summary.articles_loaded == 4
    assert snapshot(distributed) == snapshot(local)
    again = run_dask(folder, distributed, tmp_path / "shards", workers=1, max_bytes=5_000_000)
    assert (again.files_unchanged, again.articles_loaded) == (4, 0)
    # a file an older extractor loaded is extracted again, the rest stay
    con = duckdb.connect(str(distributed))
    con.execute("UPDATE files SET extractor = 'an-older-one' WHERE path LIKE 'translations/%'")
    (old,) = con.execute("SELECT count(*) FROM files WHERE extractor = 'an-older-one'").fetchone()
    con.close()
    stale = run_dask(folder, distributed, tmp_path / "shards", workers=1, max_bytes=5_000_000)
    assert 0 < old < 4 and (stale.files_changed, stale.files_unchanged) == (old, 4 - old)
    assert snapshot(distributed) == snapshot(local)


def test_shards_are_parquet_per_table(tmp_path: Path) -> None:
    from pipeline.executors import process_shard
    from pipeline.ingest import find_files

    files = [f for f in find_files(SAMPLES) if f.path.endswith("003_0ce8fcdb2e1cb020.txt")]
    tally = process_shard(files, {}, 5_000_000, str(tmp_path / "s"), "run-1")
    assert tally["articles"] == 1 and tally["new"] == 1
    batch = read_shard(Path(str(tally["folder"])))
    assert {p.name for p in (tmp_path / "s").iterdir()} >= {"articles.parquet", "metrics.parquet",
                                                             "batch.json"}
    assert batch.replaced == ["003_0ce8fcdb2e1cb020.txt"] and len(batch.tables["metrics"]) == 17
