"""Kill a run at random moments (SIGKILL), re-run, and compare with a clean build.

    python -m benchmarks.kill_rerun --cycles 20 --n 60 --seed 0

Each cycle changes a random fifth of a generated corpus (so there is work to interrupt),
starts `pipeline run`, kills it after a random delay, and checks the warehouse is readable and
whole (no metric without its record); after the cycles one run completes, and its tables must
equal, row for row, those of a clean single run over the final folder.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from benchmarks.generate import generate
from pipeline import run
from tests.warehouse_snapshot import snapshot


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, clean, killed = Path(tmp) / "corpus", Path(tmp) / "clean.duckdb", Path(tmp) / "k.duckdb"
        files = generate(corpus, args.n, args.seed)
        started = time.perf_counter()
        run(corpus, Path(tmp) / "timing.duckdb")
        full = time.perf_counter() - started
        print(f"a full run takes {full:.1f}s")
        for cycle in range(args.cycles):
            for path in rng.sample(files, max(1, len(files) // 5)):
                if path.suffix == ".txt" and path.stat().st_size:
                    path.write_bytes(path.read_bytes() + f"\nRevision {cycle}.\n".encode())
            proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(corpus),
                                     "--db", str(killed), "-q", "--batch-size", "3"])
            delay = rng.uniform(0.5, full)
            time.sleep(delay)
            outcome = "finished" if proc.poll() is not None else "killed"
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            loaded = 0
            if killed.exists():
                con = duckdb.connect(str(killed), read_only=True)
                loaded = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                orphans = con.execute("SELECT count(*) FROM metrics WHERE record_id NOT IN "
                                      "(SELECT record_id FROM records)").fetchone()[0]
                con.close()
                assert orphans == 0, f"cycle {cycle}: {orphans} metrics without a record"
            print(f"cycle {cycle + 1:2d}: {outcome} after {delay:4.1f}s, {loaded} articles loaded")
        run(corpus, killed)
        run(corpus, clean)
        same = snapshot(killed) == snapshot(clean)
        print(f"after {args.cycles} kills and one more run: identical to a clean build: {same}")
        sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
