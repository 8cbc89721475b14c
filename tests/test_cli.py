"""The command line, for real: `pipeline` as a subprocess on the seeds into a temporary warehouse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

PIPELINE = [sys.executable, "-m", "pipeline.cli"]


def _pipeline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PIPELINE, *args], capture_output=True, text=True, timeout=300,
                          check=False)


def test_end_to_end_on_the_seeds(seeds_dir: Path, db: Path) -> None:
    first = _pipeline("run", str(seeds_dir), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "seen 5  new 5" in first.stdout
    assert "en 1, fa 1, fr 1, id 2" in first.stdout
    second = _pipeline("run", str(seeds_dir), "--db", str(db))
    assert "new 0  changed 0  unchanged 5" in second.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(DISTINCT path) FROM metric_facts").fetchone() == (5,)
    assert con.execute("SELECT count(*) FROM stories").fetchone() == (3,)


def test_strict_fails_on_rejections(tmp_path: Path, db: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    lenient = _pipeline("run", str(tmp_path / "in"), "--db", str(db))
    strict = _pipeline("run", str(tmp_path / "in"), "--db", str(db), "--strict")
    assert lenient.returncode == 0 and "empty" in lenient.stdout
    assert strict.returncode == 0  # unchanged on the second run: nothing new was rejected
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    assert _pipeline("run", str(tmp_path / "in"), "--db", str(db), "--strict").returncode == 1


def test_missing_folder_is_a_usage_error(db: Path) -> None:
    result = CliRunner().invoke(app, ["run", "/no/such/folder", "--db", str(db)])
    assert result.exit_code == 2


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_group(app)
    return sorted(group.commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output) > 200


def test_eval_reports_per_language(seeds_dir: Path, db: Path) -> None:
    import json

    from tests.conftest import GOLD

    out = db.parent / "report.json"
    result = _pipeline("eval", "--gold", str(GOLD / "seeds.yaml"), "--db", str(db), "--run",
                       str(seeds_dir), "--fail-under", "0.95", "--json", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(out.read_text("utf-8"))
    assert [s["lang"] for s in report["per_language"]] == ["en", "fa", "fr", "id"]
    assert all(s["f1"] >= 0.95 for s in report["per_language"])
    assert "story pairwise F1 1.000" in result.stdout
