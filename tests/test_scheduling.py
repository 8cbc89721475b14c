"""Re-ingestion that never loses data: kills, concurrent runs, analysts holding the database."""

from __future__ import annotations

import importlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline import run
from pipeline.locking import WarehouseBusy
from tests.conftest import ROOT, SAMPLES
from tests.warehouse_snapshot import snapshot

RUN = [sys.executable, "-m", "pipeline.cli", "run"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Samples, held-out articles and variants of the text ones: about forty files."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLES, folder / "samples")
    shutil.copytree(ROOT / "tests" / "heldout" / "articles", folder / "heldout")
    for i, path in enumerate(sorted(SAMPLES.glob("*.txt"))):
        for copy in range(4):
            text = path.read_text("utf-8") + f"\nArchive note {i}-{copy}.\n"
            (folder / f"variant-{i}-{copy}.txt").write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def clean_build(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    run(corpus, db)
    return snapshot(db)


def _start(corpus: Path, db: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*RUN, str(corpus), "--db", str(db), "-q", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("hold", ["1", "3"])
def test_killed_runs_leave_a_consistent_warehouse_that_the_next_run_completes(
        corpus: Path, clean_build: dict, tmp_path: Path, hold: str) -> None:
    """Also when killed while it holds the warehouse across batches (not checkpointed: the
    committed batches are in DuckDB's write-ahead log, replayed on the next open)."""
    db = tmp_path / "killed.duckdb"
    rng = random.Random(7)
    for _ in range(4):
        proc = _start(corpus, db, "--batch-size", "2", "--hold-batches", hold)
        time.sleep(rng.uniform(2.0, 9.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():  # whatever was committed is readable and whole
            con = duckdb.connect(str(db), read_only=True)
            orphans = con.execute("SELECT count(*) FROM metrics WHERE record_id NOT IN "
                                  "(SELECT record_id FROM records)").fetchone()
            con.close()
            assert orphans == (0,)
    final = _start(corpus, db)
    assert final.wait(timeout=300) == 0, final.stderr.read() if final.stderr else ""
    assert snapshot(db) == clean_build
    con = duckdb.connect(str(db), read_only=True)
    statuses = {s for (s,) in con.execute("SELECT status FROM runs").fetchall()}
    assert "running" not in statuses and "completed" in statuses


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's exit may wait for a reaper that never comes)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path(f"/proc/self/task/{os.getpid()}/children").exists(),
                    reason="reads /proc/PID/task/TID/children")
def test_the_workers_of_a_killed_run_exit_with_it(corpus: Path, tmp_path: Path) -> None:
    proc = _start(corpus, tmp_path / "workers.duckdb", "--workers", "2", "--batch-size", "2")
    workers: set[int] = set()
    deadline = time.time() + 120
    while len(workers) < 2 and time.time() < deadline and proc.poll() is None:
        workers = {c for c in _children(proc.pid) if _running(c)}
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(workers) >= 2  # the pool had started
    deadline = time.time() + 15
    while any(_running(w) for w in workers) and time.time() < deadline:
        time.sleep(0.2)
    assert not any(_running(w) for w in workers)


def test_holding_the_warehouse_across_batches_closes_it_less_and_loads_the_same(
        corpus: Path, clean_build: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_module = importlib.import_module("pipeline.run")  # pipeline.run is also the function
    opened: list[int] = []
    real = run_module.connect_for_writing
    monkeypatch.setattr(run_module, "connect_for_writing",
                        lambda *a, **k: opened.append(1) or real(*a, **k))
    run(corpus, tmp_path / "each.duckdb", batch_size=2)
    each = len(opened)
    opened.clear()
    db = tmp_path / "held.duckdb"
    summary = run(corpus, db, batch_size=2, hold_batches=4)
    assert summary.status == "completed" and summary.options["hold_batches"] == 4
    batches = each - 2  # besides the batches: the run's start and end
    assert len(opened) - 2 == -(-batches // 4)
    assert snapshot(db) == clean_build


def test_two_simultaneous_runs_end_as_one(corpus: Path, clean_build: dict, tmp_path: Path) -> None:
    db = tmp_path / "twice.duckdb"
    first, second = _start(corpus, db), _start(corpus, db)
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    assert snapshot(db) == clean_build
    con = duckdb.connect(str(db), read_only=True)
    loaded = sorted(n for (n,) in con.execute("SELECT articles_loaded FROM runs").fetchall())
    assert loaded[0] == 0 and loaded[1] > 0  # the second waited, then found nothing new


def test_a_second_run_that_cannot_wait_says_so(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    first = _start(corpus, db)
    time.sleep(3)
    second = subprocess.run([*RUN, str(corpus), "--db", str(db), "--lock-wait", "0.5"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert second.returncode == 3
    assert "another pipeline run is writing" in second.stderr
    assert first.wait(timeout=300) == 0


def _hold_read_only(db: Path, seconds: float) -> subprocess.Popen[bytes]:
    code = (f"import duckdb, time; c = duckdb.connect({str(db)!r}, read_only=True); "
            f"print('holding', flush=True); time.sleep({seconds})")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"holding"
    return proc


def test_an_analyst_holding_the_database_makes_the_run_fail_clearly_and_lose_nothing(
        corpus: Path, clean_build: dict, tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    part = tmp_path / "part"
    shutil.copytree(corpus / "samples", part / "samples")  # same relative paths as the corpus
    run(part, db)
    before = snapshot(db)
    reader = _hold_read_only(db, 30)
    try:
        with pytest.raises(WarehouseBusy, match="held by another process"):
            run(corpus, db, retries=2)
    finally:
        reader.kill()
        reader.wait()
    assert snapshot(db) == before  # nothing half-loaded, nothing lost
    run(corpus, db)
    assert snapshot(db) == clean_build


def test_a_run_waits_out_a_short_read_only_session(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "short.duckdb"
    run(corpus / "heldout", db)
    reader = _hold_read_only(db, 2)
    summary = run(corpus / "samples", db, retries=6)
    reader.wait()
    assert summary.status == "completed" and summary.articles_loaded > 0


def test_rerun_over_unchanged_files_skips_them_without_reading(corpus: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "fast.duckdb"
    run(corpus, db)
    read = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or original(self))
    summary = run(corpus, db)
    assert summary.files_unchanged == summary.files_seen and read == []


def test_files_loaded_by_another_extractor_are_extracted_again(tmp_path: Path) -> None:
    """A fix to a lexicon or a rule reaches the rows already loaded: the next run re-extracts
    what an older extractor loaded (a warehouse from before the column, too), and no more."""
    db = tmp_path / "versions.duckdb"
    run(SAMPLES, db)
    con = duckdb.connect(str(db))
    (total,) = con.execute("SELECT count(*) FROM files").fetchone()
    con.execute("UPDATE files SET extractor = 'an-older-one' WHERE path LIKE '%.html'")
    (stale,) = con.execute("SELECT count(*) FROM files WHERE extractor = 'an-older-one'").fetchone()
    (records,) = con.execute("SELECT count(*) FROM records").fetchone()
    con.close()
    summary = run(SAMPLES, db)
    assert 0 < stale < total
    assert (summary.files_changed, summary.files_unchanged) == (stale, total - stale)
    con = duckdb.connect(str(db))
    assert con.execute("SELECT count(*) FROM records").fetchone() == (records,)
    assert con.execute("SELECT count(DISTINCT extractor) FROM files").fetchone() == (1,)
    # a warehouse made before files.extractor existed gets it, and re-extracts everything once
    con.execute("ALTER TABLE files DROP COLUMN extractor")
    con.close()
    assert run(SAMPLES, db).files_changed == total
    assert run(SAMPLES, db).files_unchanged == total


def test_the_extractor_version_follows_the_lexicons_and_the_rules(tmp_path: Path) -> None:
    from pipeline.extractor_version import PACKAGES, PIPELINE_MODULES, digest, extractor_version

    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "pipeline").mkdir()
    for module in PIPELINE_MODULES:
        shutil.copy(ROOT / "pipeline" / f"{module}.py", tmp_path / "pipeline")
    assert digest(tmp_path) == extractor_version()
    lexicon = tmp_path / "extractors" / "lexicons" / "fr.yaml"
    lexicon.write_text(lexicon.read_text("utf-8") + "\n# one more comment\n", "utf-8")
    changed = digest(tmp_path)
    assert changed != extractor_version()
    # the CLI, the warehouse's loader or the docs are no part of it
    (tmp_path / "pipeline" / "cli.py").write_text("# another CLI\n", "utf-8")
    assert digest(tmp_path) == changed


def test_interrupted_runs_are_marked(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "interrupted.duckdb"
    proc = _start(corpus, db, "--batch-size", "1")
    deadline = time.time() + 60
    while time.time() < deadline and not db.exists():
        time.sleep(0.2)
    time.sleep(4)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    run(corpus / "samples", db)
    con = duckdb.connect(str(db), read_only=True)
    statuses = [s for (s,) in con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()]
    assert statuses[0] == "interrupted" and statuses[-1] == "completed"
