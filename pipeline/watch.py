"""`pipeline watch`: re-run when files appear or change, and at least every interval."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pipeline.ingest import find_files
from pipeline.locking import WarehouseBusy
from pipeline.run import run
from schemas import RunSummary


def folder_signature(folder: Path) -> tuple[int, int, int]:
    """(files, total bytes, newest mtime): changes when a file appears, changes or goes."""
    count = size = newest = 0
    for f in find_files(folder):
        count, size, newest = count + 1, size + f.size, max(newest, f.mtime_ns)
    return count, size, newest


def watch(folder: Path, db: Path, *, interval: float = 3600.0, poll: float = 10.0,
          max_runs: int | None = None, on_run: Callable[[RunSummary], None] | None = None,
          on_error: Callable[[Exception], None] | None = None) -> int:
    """Loop: run now, then whenever the folder changes (checked every `poll` seconds) or
    `interval` seconds pass. A busy warehouse is reported and retried on the next turn.
    Returns the number of failed runs (after `max_runs` runs, if given)."""
    runs = failures = 0
    last_signature: tuple[int, int, int] | None = None
    last_run = 0.0
    while max_runs is None or runs < max_runs:
        signature = folder_signature(folder)
        due = time.monotonic() - last_run >= interval
        if signature != last_signature or due:
            try:
                summary = run(folder, db)
                if on_run:
                    on_run(summary)
                last_signature = signature
            except (WarehouseBusy, OSError) as exc:
                failures += 1
                if on_error:
                    on_error(exc)
            runs += 1
            last_run = time.monotonic()
            continue
        time.sleep(poll)
    return failures
