"""What analysts use: query, export, stats, search, the notebook, and watch."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline import run
from pipeline.analysis import export, query, search, stats
from tests.conftest import ROOT, SAMPLES


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("analysis") / "warehouse.duckdb"
    run(SAMPLES, db)
    return db


def test_query(sample_db: Path) -> None:
    columns, rows = query(sample_db, "SELECT lang, count(*) FROM articles GROUP BY 1 ORDER BY 1")
    assert columns[0] == "lang" and [r[0] for r in rows] == ["en", "fa", "fr", "id", "vi"]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_query_command_formats(sample_db: Path, fmt: str) -> None:
    out = subprocess.run([sys.executable, "-m", "pipeline.cli", "query",
                          "SELECT story_id, n_articles FROM story_summary ORDER BY 1",
                          "--db", str(sample_db), "--format", fmt],
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out))) if fmt == "csv" else json.loads(out)
    assert len(rows) == 5 and {"story_id", "n_articles"} <= set(rows[0])


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_every_table_and_view(sample_db: Path, tmp_path: Path, fmt: str) -> None:
    written = export(sample_db, tmp_path / fmt, fmt)
    names = {p.stem for p in written}
    assert {"articles", "metric_facts", "record_facts", "story_metric_facts"} <= names
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    path = tmp_path / fmt / f"metric_facts.{fmt}"
    (n,) = duckdb.connect().execute(f"SELECT count(*) FROM {reader}('{path}')").fetchone()
    (expected,) = duckdb.connect(str(sample_db), read_only=True).execute(
        "SELECT count(*) FROM metric_facts").fetchone()
    assert n == expected > 0


def test_stats(sample_db: Path) -> None:
    data = stats(sample_db)
    assert data["totals"]["articles"] == 12 and data["totals"]["stories"] == 5
    assert dict(data["languages"])["id"] == 3
    assert data["runs"][0][1] == "completed"


@pytest.mark.parametrize(("terms", "expected"), [
    ("tuần tra", "baoquangngai/son-tinh-nhan-rong-mo-hinh-dan-van-kheo.html"),
    ("tuan tra", "baoquangngai/son-tinh-nhan-rong-mo-hinh-dan-van-kheo.html"),
    ("patrouilles", "002_5433d715464fb01d.txt"),
    ("kunyit hitam", "000_479188b24d4138e7.txt"),
])
def test_search(sample_db: Path, terms: str, expected: str) -> None:
    hits = search(sample_db, terms)
    assert hits and hits[0][0] == expected


def test_search_needs_every_term(sample_db: Path) -> None:
    assert search(sample_db, "patrouilles kunyit") == []


def test_the_analysis_notebook_executes(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("DVK_WAREHOUSE", str(sample_db))
    notebook = nbformat.read(ROOT / "notebooks" / "analysis.ipynb", as_version=4)
    NotebookClient(notebook, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "Quang Nam" in text and "households" in text


def test_watch_runs_when_files_appear(tmp_path: Path) -> None:
    from pipeline.watch import watch

    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    folder.mkdir()
    (folder / "a.txt").write_text((SAMPLES / "003_0ce8fcdb2e1cb020.txt").read_text("utf-8"), "utf-8")
    seen: list[int] = []
    failures = watch(folder, db, interval=3600, poll=0.05, max_runs=1,
                     on_run=lambda s: seen.append(s.articles_loaded))
    (folder / "b.txt").write_text((SAMPLES / "004_816f2ea199a5feb0.txt").read_text("utf-8"), "utf-8")
    failures += watch(folder, db, interval=3600, poll=0.05, max_runs=1,
                      on_run=lambda s: seen.append(s.articles_loaded))
    assert failures == 0 and seen == [1, 1]
