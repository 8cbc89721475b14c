"""How long a scheduled re-run takes over a large folder where nothing changed.

    python -m benchmarks.rerun_unchanged --n 10000 --workers 2

Generates n files, loads them once, then times `pipeline run` again (the whole command, Python
start-up included, and the library call alone): every file should be settled on size and mtime.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate
from pipeline import run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, db = Path(tmp) / "corpus", Path(tmp) / "w.duckdb"
        generate(corpus, args.n, seed=3)
        t = time.perf_counter()
        first = run(corpus, db, workers=args.workers)
        print(f"first load: {first.files_seen} files, {first.articles_loaded} articles in "
              f"{time.perf_counter() - t:.1f}s")
        t = time.perf_counter()
        cli = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--db",
                              str(db), "-q"], check=True)
        command = time.perf_counter() - t
        t = time.perf_counter()
        again = run(corpus, db)
        library = time.perf_counter() - t
        print(f"re-run, nothing changed: `pipeline run` {command:.2f}s (exit {cli.returncode}); "
              f"run() {library:.2f}s; unchanged {again.files_unchanged} of {again.files_seen}")


if __name__ == "__main__":
    main()
