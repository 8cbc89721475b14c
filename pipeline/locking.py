"""One writer at a time, and patience with readers.

Two guards: a lock file beside the warehouse, so a second `pipeline run` waits for the first
(up to a bound) instead of racing it; and retries with backoff when DuckDB's own file lock is
held by another process (an analyst's session), since DuckDB lets one process write and a
writer is refused while another process has the file open.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

DEFAULT_LOCK_WAIT = 300.0
DEFAULT_RETRIES = 6  # 0.5 + 1 + 2 + 4 + 8 + 16 s: about half a minute
DEFAULT_BACKOFF = 0.5


class WarehouseBusy(RuntimeError):
    """The warehouse could not be opened for writing; nothing was changed by this attempt."""


def lock_path(db: Path | str) -> Path:
    return Path(f"{db}.lock")


@contextmanager
def writer_lock(db: Path | str, wait: float = DEFAULT_LOCK_WAIT) -> Iterator[None]:
    """Hold the warehouse's writer lock; raise WarehouseBusy after `wait` seconds."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=wait)
    except Timeout as exc:
        raise WarehouseBusy(f"another pipeline run is writing to {db} (lock {path}); waited "
                            f"{wait:g} s. Try again later, or raise --lock-wait.") from exc
    try:
        yield
    finally:
        lock.release()


def connect_for_writing(db: Path | str, retries: int = DEFAULT_RETRIES,
                        backoff: float = DEFAULT_BACKOFF,
                        migrate: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for writing, retrying while another process holds its file."""
    from pipeline.warehouse import connect

    delay = backoff
    for attempt in range(retries + 1):
        try:
            return connect(db, migrate=migrate)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if attempt == retries:
                raise WarehouseBusy(
                    f"{db} is held by another process (an analyst's session?) and stayed "
                    f"locked through {retries} retries; nothing more was loaded. Close it, "
                    f"or let the next scheduled run pick up the remaining files.") from exc
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")
