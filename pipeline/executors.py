"""Scaling out: the per-file work on a Dask cluster, Parquet shards in, one writer loading them.

    pipeline run DIR --executor dask [--scheduler tcp://host:8786] [--workers 4]

Dask rather than Ray: `dask.distributed` is pure Python, starts a real local cluster of
processes in about a second (so CI tests the same code path), and connects to an existing
cluster by address; Ray needs its own runtime and object store, heavy for a 2-core CI box.

Each task takes a chunk of files, runs the same `examine` as a local run, and writes the rows
as Parquet shards (one file per table) to a shared folder; the driver, the only process that
writes to DuckDB, loads each shard in one transaction as it completes. Workers need the
files and the shard folder on a shared path.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import warehouse
from pipeline.ingest import FoundFile, find_files
from pipeline.locking import DEFAULT_LOCK_WAIT, DEFAULT_RETRIES, connect_for_writing, writer_lock
from pipeline.warehouse import Batch, FileState
from schemas import RunSummary

SHARD_FILES = 100


def process_shard(files: list[FoundFile], known: dict[str, FileState], max_bytes: int,
                  out: str, run_id: str) -> dict[str, object]:
    """Examine and process a chunk of files; write its rows as Parquet; return its tallies."""
    from pipeline.run import examine

    results = [r for f in files if (r := examine(f, known.get(f.path), max_bytes)) is not None]
    batch = warehouse.batch_rows(results, run_id)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in batch.tables.items():
        if rows:
            pq.write_table(pa.Table.from_pylist(rows), folder / f"{table}.parquet")
    (folder / "batch.json").write_text(json.dumps({"replaced": batch.replaced,
                                                   "touched": batch.touched}))
    langs = Counter(a["lang"] for a in batch.tables["articles"])
    return {
        "folder": str(folder),
        "new": sum(1 for r in results if not r.touch_only and r.path not in known),
        "changed": sum(1 for r in results if not r.touch_only and r.path in known),
        "touched": sum(1 for r in results if r.touch_only),
        "unchanged": len(files) - len(results),
        "rejected_files": sum(1 for r in results if not r.touch_only and not r.articles),
        "rejections": sum(len(r.rejections) for r in results),
        "articles": len(batch.tables["articles"]), "records": len(batch.tables["records"]),
        "metrics": len(batch.tables["metrics"]), "langs": dict(langs),
    }


def read_shard(folder: Path) -> Batch:
    meta = json.loads((folder / "batch.json").read_text())
    tables = {t: pq.read_table(folder / f"{t}.parquet").to_pylist()
              for t in warehouse.LOADED_TABLES if (folder / f"{t}.parquet").exists()}
    return Batch(replaced=meta["replaced"], touched=meta["touched"], tables=tables)


def run_dask(folder: Path | str, db: Path | str, shard_dir: Path | str, *,
             scheduler: str | None = None, workers: int = 2, max_bytes: int,
             lock_wait: float = DEFAULT_LOCK_WAIT, retries: int = DEFAULT_RETRIES) -> RunSummary:
    """Like pipeline.run, with the per-file work on a Dask cluster (local if no scheduler)."""
    from distributed import Client, LocalCluster, as_completed

    from pipeline.run import begin_run, finish

    folder = Path(folder)
    started = time.perf_counter()
    with writer_lock(db, lock_wait):
        summary, known = begin_run(folder, db, {"executor": "dask", "scheduler": scheduler,
                                                "workers": workers}, retries)
        files = list(find_files(folder))
        summary.files_seen = len(files)
        pending = [f for f in files if not (
            (s := known.get(f.path)) and s.size == f.size and s.mtime_ns == f.mtime_ns
            and s.current())]
        summary.files_unchanged = len(files) - len(pending)
        chunks = [pending[i:i + SHARD_FILES] for i in range(0, len(pending), SHARD_FILES)]
        langs: Counter[str] = Counter()
        cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1,
                                                      processes=True, dashboard_address=None)
        client = Client(scheduler or cluster)
        try:
            futures = [client.submit(process_shard, chunk, {f.path: known[f.path] for f in chunk
                                                            if f.path in known},
                                     max_bytes, str(Path(shard_dir) / f"{summary.run_id}-{i:05d}"),
                                     summary.run_id, pure=False)
                       for i, chunk in enumerate(chunks)]
            for future in as_completed(futures):
                tally = future.result()
                con = connect_for_writing(db, retries, migrate=False)
                try:
                    warehouse.load_rows(con, read_shard(Path(str(tally["folder"]))))
                finally:
                    con.close()
                summary.files_new += int(tally["new"])  # type: ignore[call-overload]
                summary.files_changed += int(tally["changed"])  # type: ignore[call-overload]
                summary.files_unchanged += int(tally["touched"]) + int(tally["unchanged"])  # type: ignore[call-overload]
                summary.files_rejected += int(tally["rejected_files"])  # type: ignore[call-overload]
                summary.articles_loaded += int(tally["articles"])  # type: ignore[call-overload]
                summary.records += int(tally["records"])  # type: ignore[call-overload]
                summary.metrics += int(tally["metrics"])  # type: ignore[call-overload]
                langs.update(tally["langs"])  # type: ignore[arg-type]
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        summary.articles_per_lang = dict(sorted(langs.items()))
        summary.status = "completed"
        finish(db, summary, started, retries)
    return summary
