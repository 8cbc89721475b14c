"""A folder of bad files: each is recorded with a reason, the good ones load, the run completes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline import run

GERMAN = ("Das Modell der geschickten Massenmobilisierung wurde in der Gemeinde eingeführt. Mehr "
          "als 300 Patrouillen wurden organisiert und 12 Haushalte haben mitgemacht, sagte der "
          "Vorsitzende des Komitees bei der Konferenz in der Provinz.")


@pytest.fixture
def messy_folder(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "messy"
    folder.mkdir()
    shutil.copy(seeds_dir / "003_0ce8fcdb2e1cb020.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (folder / "undecodable.txt").write_bytes(b"\xff\xfe\x00")
    (folder / "german.txt").write_text(GERMAN, "utf-8")
    (folder / "broken.json").write_text('{"url": "x", "maintext": "abc', "utf-8")
    (folder / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "huge.txt").write_bytes(b"a" * 3_000_000)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    lines = [json.dumps({"url": "u", "text": GERMAN}), "not json"]
    (folder / "feed.jsonl").write_text("\n".join(lines), "utf-8")
    return folder


def test_every_bad_file_is_recorded_and_the_good_one_loads(messy_folder: Path, db: Path) -> None:
    summary = run(messy_folder, db, max_bytes=1_000_000)
    assert summary.status == "completed"
    assert summary.articles_loaded == 1
    con = duckdb.connect(str(db), read_only=True)
    codes = {(p, c) for p, c in con.execute("SELECT coalesce(article_id, path), code "
                                            "FROM rejections").fetchall()}
    assert codes == {
        ("empty.txt", "empty"), ("image.html", "binary"), ("undecodable.txt", "undecodable"),
        ("german.txt", "unsupported_language"), ("broken.json", "malformed_json"),
        ("menu.html", "no_article"), ("huge.txt", "too_large"),
        ("notes.docx", "unsupported_format"), ("feed.jsonl#1", "unsupported_language"),
        ("feed.jsonl#2", "malformed_json"),
    }
    reasons = dict(con.execute("SELECT path, reason FROM rejections").fetchall())
    assert "'de'" in reasons["german.txt"] and "MB" in reasons["huge.txt"]
    assert con.execute("SELECT path FROM articles").fetchall() == [("good.txt",)]


def test_rejected_files_are_not_reprocessed_until_they_change(messy_folder: Path, db: Path) -> None:
    run(messy_folder, db, max_bytes=1_000_000)
    again = run(messy_folder, db, max_bytes=1_000_000)
    assert (again.files_new, again.files_changed, again.files_unchanged) == (0, 0, 10)
    (messy_folder / "empty.txt").write_text("Mô hình dân vận khéo ở xã Tịnh Phong có 25 thành "
                                            "viên, tổ chức hơn 120 cuộc tuần tra trong năm qua, "
                                            "giải quyết 15 vụ việc.", "utf-8")
    fixed = run(messy_folder, db, max_bytes=1_000_000)
    assert (fixed.files_changed, fixed.articles_loaded) == (1, 1)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM rejections WHERE path = 'empty.txt'").fetchone() == (0,)
