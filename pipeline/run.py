"""`run(folder, db)`: the whole pipeline over a folder, incrementally, into a warehouse.

Unchanged files are skipped on size and mtime, then on content hash, if this installation's
extractor loaded them (pipeline/extractor_version.py); changed and new files are processed and
loaded in batches, each batch one transaction, the warehouse opened only while a batch loads (so
analysts' read-only sessions are blocked for moments, not the whole run). One run writes at a
time (pipeline/locking.py). The run itself is a row in `runs`.
"""

from __future__ import annotations

import gc
import os
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import duckdb

from pipeline import warehouse
from pipeline.ingest import DEFAULT_MAX_BYTES, FoundFile, content_hash, find_files
from pipeline.locking import (
    DEFAULT_LOCK_WAIT,
    DEFAULT_RETRIES,
    connect_for_writing,
    writer_lock,
)
from pipeline.process import process_file
from pipeline.warehouse import Batch, FileResult, FileRows, FileState, file_rows
from schemas import Rejection, RunSummary

DEFAULT_BATCH = 500
Progress = Callable[[int, str], None]


def pipeline_version() -> str:
    try:
        return version("dvk-pipeline")
    except PackageNotFoundError:
        return "dev"


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def run(folder: Path | str, db: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES,
        batch_size: int = DEFAULT_BATCH, progress: Progress | None = None,
        lock_wait: float = DEFAULT_LOCK_WAIT, retries: int = DEFAULT_RETRIES,
        workers: int = 1, hold_batches: int = 1) -> RunSummary:
    """Ingest `folder` into the warehouse at `db`; returns the run's summary.

    The warehouse is closed (and DuckDB checkpoints it) after every `hold_batches` batches, so
    that read-only sessions get in between; more batches a close cost the writer less (each
    batch still commits on its own) and keep readers out longer.

    Raises WarehouseBusy when another run holds the writer lock past `lock_wait` seconds, or
    another process holds the database through `retries` retries; batches loaded before that
    stay loaded.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder")
    try:
        with writer_lock(db, lock_wait):
            return _run_locked(folder, db, max_bytes, batch_size, progress, retries, workers,
                               max(hold_batches, 1))
    finally:
        gc.unfreeze()


def begin_run(folder: Path, db: Path | str, options: dict[str, object],
              retries: int) -> tuple[RunSummary, dict[str, FileState]]:
    """Record a new run in the warehouse (under the writer lock) and read the file states."""
    summary = RunSummary(run_id=new_run_id(), folder=str(folder), db=str(db),
                         started_at=datetime.now(UTC).replace(tzinfo=None),
                         version=pipeline_version(), options=options)
    con = connect_for_writing(db, retries)
    try:
        warehouse.start_run(con, summary)
        return summary, warehouse.file_states(con)
    finally:
        con.close()


def _run_locked(folder: Path, db: Path | str, max_bytes: int, batch_size: int,
                progress: Progress | None, retries: int, workers: int,
                hold_batches: int) -> RunSummary:
    started = time.perf_counter()
    options: dict[str, object] = {"max_bytes": max_bytes, "batch_size": batch_size,
                                  "workers": workers}
    if hold_batches > 1:
        options["hold_batches"] = hold_batches
    summary, known = begin_run(folder, db, options, retries)
    batch: list[FileRows] = []
    langs: Counter[str] = Counter()
    writer = _Writer(db, retries, hold_batches)
    try:
        for found, result in _results(folder, known, max_bytes, workers, summary.run_id,
                                      batch_size):
            summary.files_seen += 1
            if progress:
                progress(summary.files_seen, found.path)
            if result is None:
                summary.files_unchanged += 1
                continue
            _count(result, known.get(found.path), summary)
            _tally(result, summary, langs)
            batch.append(result)
            if len(batch) >= batch_size:
                writer.load(batch)
                batch.clear()
                settle_memory()  # the models a single process loaded lazily, too
        writer.load(batch)
        writer.close()
        summary.articles_per_lang = dict(sorted(langs.items()))
        summary.status = "completed"
    except BaseException as exc:
        writer.close()
        summary.status = "failed"
        finish(db, summary, started, retries=1, error=f"{type(exc).__name__}: {exc}")
        raise
    finish(db, summary, started, retries)
    return summary


def settle_memory() -> None:
    """Collect garbage, then hide what survives (the models, lexicons, gazetteer: 300,000
    objects that never change) from the cyclic garbage collector until the run ends. Its full
    collections stop walking them, and forked workers stop copying the pages it would write
    to. Reference counting still frees anything dropped later; run() unfreezes at the end."""
    gc.collect()
    gc.freeze()


class _Writer:
    """The run's batches into the warehouse, each one transaction. The connection is opened
    for a batch and closed after every `hold` batches: closing is when DuckDB checkpoints, and
    when a read-only session can open the file."""

    def __init__(self, db: Path | str, retries: int, hold: int = 1) -> None:
        self.db, self.retries, self.hold = db, retries, hold
        self.con: duckdb.DuckDBPyConnection | None = None
        self.held = 0

    def load(self, batch: list[FileRows]) -> None:
        if not batch:
            return
        rows = Batch()
        for one in batch:
            rows.extend(one.rows)
        if self.con is None:
            self.con = connect_for_writing(self.db, self.retries, migrate=False)
        try:
            warehouse.load_rows(self.con, rows)
        except BaseException:
            self.close()
            raise
        self.held += 1
        if self.held >= self.hold:
            self.close()

    def close(self) -> None:
        if self.con is not None:
            con, self.con, self.held = self.con, None, 0
            con.close()


def finish(db: Path | str, summary: RunSummary, started: float, retries: int,
           error: str | None = None) -> None:
    """Record the run's end, counts and status."""
    summary.finished_at = datetime.now(UTC).replace(tzinfo=None)
    summary.seconds = round(time.perf_counter() - started, 3)
    try:
        con = connect_for_writing(db, retries, migrate=False)
    except Exception:  # the warehouse may be what failed; the summary still goes back
        if error is None:
            raise
        return
    try:
        summary.stories = warehouse.counts(con)["stories"]
        warehouse.finish_run(con, summary, error)
    finally:
        con.close()


def _results(folder: Path, known: dict[str, FileState], max_bytes: int, workers: int,
             run_id: str, batch_size: int = DEFAULT_BATCH
             ) -> Iterator[tuple[FoundFile, FileRows | None]]:
    """(file, what to load for it or None when unchanged), in folder order.

    Unchanged files are settled here on size and mtime without being read; the rest are read,
    hashed and processed, by `workers` processes when there are several. At most a batch and
    a few files per worker are in flight (enough to keep the workers busy while the writer
    loads a batch), so memory stays flat however large the folder. Workers take the files in
    chunks of consecutive ones (chunk_size), and hand them back in folder order.
    """
    def fast(found: FoundFile) -> bool:
        state = known.get(found.path)
        return bool(state and state.size == found.size and state.mtime_ns == found.mtime_ns
                    and state.current())

    if workers <= 1:
        for found in find_files(folder):
            yield found, None if fast(found) else examine_rows(found, known.get(found.path),
                                                               max_bytes, run_id)
        return
    from pipeline.process import warm_up

    warm_up()
    settle_memory()  # before the fork: the workers inherit the frozen models
    yield from _pooled(folder, known, max_bytes, workers, run_id, batch_size, fast)


def _pooled(folder: Path, known: dict[str, FileState], max_bytes: int, workers: int,
            run_id: str, batch_size: int, fast: Callable[[FoundFile], bool]
            ) -> Iterator[tuple[FoundFile, FileRows | None]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = chunk_size(batch_size, workers)
    window: deque[tuple[FoundFile, _Chunk | None, int]] = deque()
    pending: _Chunk | None = None
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        def submit(chunk: _Chunk) -> None:
            chunk.future = pool.submit(examine_chunk, chunk.jobs, max_bytes, run_id)

        for found in find_files(folder):
            if fast(found):
                window.append((found, None, 0))
            else:
                pending = pending or _Chunk()
                window.append((found, pending, len(pending.jobs)))
                pending.jobs.append((found, known.get(found.path)))
                if len(pending.jobs) >= size:
                    submit(pending)
                    pending = None
            while len(window) > batch_size + workers * 2 * size or (
                    window and _ready(window[0][1])):
                head, chunk, i = window.popleft()
                if chunk is not None and chunk.future is None:  # the window is full: send it
                    submit(chunk)
                    pending = None
                yield head, chunk.result(i) if chunk is not None else None
        if pending is not None:
            submit(pending)
        while window:
            head, chunk, i = window.popleft()
            yield head, chunk.result(i) if chunk is not None else None


def exit_with_parent(parent: int) -> None:
    """In a worker: exit once the run that forked it is gone (killed by a scheduler, say).
    Otherwise it waits forever on the task queue, whose write end its sibling workers hold."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def chunk_size(batch_size: int, workers: int) -> int:
    """Files per task sent to a worker: a task costs the writer's process about 0.1 ms of
    CPU (a future, a pipe write, a wake-up), a third of what loading a file costs it; eight
    files a task cut that eightfold, while a batch still spreads over every worker."""
    return max(1, min(8, batch_size // (4 * workers)))


class _Chunk:
    """Consecutive files to examine, sent to a worker as one task."""

    def __init__(self) -> None:
        self.jobs: list[tuple[FoundFile, FileState | None]] = []
        self.future: Future[list[FileRows | None]] | None = None

    def result(self, i: int) -> FileRows | None:
        assert self.future is not None
        return self.future.result()[i]


def _ready(chunk: _Chunk | None) -> bool:
    return chunk is None or (chunk.future is not None and chunk.future.done())


def examine_chunk(jobs: list[tuple[FoundFile, FileState | None]], max_bytes: int,
                  run_id: str) -> list[FileRows | None]:
    """examine_rows() for each of several files (one task for a worker)."""
    return [examine_rows(found, state, max_bytes, run_id) for found, state in jobs]


def _count(result: FileRows, state: FileState | None, summary: RunSummary) -> None:
    if result.touch_only:
        summary.files_unchanged += 1
    elif state is None:
        summary.files_new += 1
    else:
        summary.files_changed += 1


def examine_rows(found: FoundFile, state: FileState | None, max_bytes: int,
                 run_id: str) -> FileRows | None:
    """examine() as rows for the writer (what workers return)."""
    result = examine(found, state, max_bytes)
    return None if result is None else file_rows(result, run_id)


def examine(found: FoundFile, state: FileState | None, max_bytes: int) -> FileResult | None:
    """What to load for a file whose size or mtime changed (None: unchanged after all)."""
    if found.size > max_bytes:
        if state and state.size == found.size and state.content_hash is None and state.current():
            return None
        return FileResult(found.path, found.size, found.mtime_ns, None, rejections=[Rejection(
            path=found.path, code="too_large", size=found.size,
            reason=f"file is {found.size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
                   f"(--max-bytes)")])
    try:
        data = found.absolute.read_bytes()
    except OSError as exc:
        return FileResult(found.path, found.size, found.mtime_ns, None, rejections=[Rejection(
            path=found.path, code="read_error", size=found.size, reason=f"cannot read: {exc}")])
    digest = content_hash(data)
    if state and state.content_hash == digest and state.current():
        return FileResult(found.path, found.size, found.mtime_ns, digest, touch_only=True)
    return process_file(found.path, data, found.size, found.mtime_ns, digest)


def _tally(result: FileRows, summary: RunSummary, langs: Counter[str]) -> None:
    if result.touch_only:
        return
    if not result.articles:
        summary.files_rejected += 1
    summary.rejections.extend(result.rejections)
    summary.articles_loaded += result.articles
    langs.update(result.langs)
    summary.records += result.records
    summary.metrics += result.metrics
