"""The warehouse: schema in step with the pydantic models, incremental and atomic loads."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from pipeline import run, warehouse
from schemas import Article, Rejection
from tests.conftest import SEED_LANGS


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}


def test_schema_follows_the_pydantic_models(db: Path) -> None:
    con = warehouse.connect(db)
    assert set(Article.model_fields) <= _columns(con, "articles")
    assert set(Rejection.model_fields) <= _columns(con, "rejections")
    from schemas import Locality, ModelRecord

    record_cols = _columns(con, "records")
    assert set(Locality.model_fields) - {"resolved_by"} <= record_cols
    assert set(ModelRecord.model_fields) - {"locality", "metrics"} <= record_cols
    assert {"metric", "value", "qualifier", "unit", "year", "surface", "evidence", "start_char",
            "end_char"} <= _columns(con, "metrics")


def test_contract_views_have_their_columns(db: Path) -> None:
    con = warehouse.connect(db)
    record_facts = ["path", "lang", "story_id", "model_name", "field", "province", "district",
                    "commune", "village", "year"]
    assert [c for c in _ordered(con, "record_facts")][:10] == record_facts
    assert _ordered(con, "metric_facts")[:15] == [*record_facts, "metric", "value", "qualifier",
                                                 "unit", "evidence"]
    assert {"path", "lang", "story_id"} <= _columns(con, "articles")


@pytest.mark.parametrize(("table", "column"), [("metrics", "evidence"),
                                               ("story_metrics", "evidence")])
def test_long_text_is_stored_with_zstd(seeds_dir: Path, db: Path, table: str,
                                       column: str) -> None:
    """The checkpoint of every batch compresses it: zstd costs half the default's analysis.
    (articles.text is declared zstd too, but on the seeds DuckDB would pick zstd for it by
    itself, so a check of it could not fail.)"""
    run(seeds_dir, db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = {c for (c,) in con.execute(
            f"SELECT DISTINCT compression FROM pragma_storage_info('{table}') "
            "WHERE column_name = ? AND segment_type = 'VARCHAR'", [column]).fetchall()}
    finally:
        con.close()
    assert found == {"ZSTD"}


def test_fingerprints_holding_a_numeral_are_found_as_a_split_would_find_them() -> None:
    """The regex that picks translation candidates selects exactly the fingerprints whose
    comma-separated numerals include one of those asked (decimals, exponents, prefixes)."""
    import random

    rnd = random.Random(5)
    pool = ["0", "1", "12", "120", "1.2", "1.2e+09", "12e+09", "2.5", "25", "300", "3000",
            "1e-05", "6540", "65400", "0.5"]
    fingerprints = [",".join(sorted(rnd.choices(pool, k=rnd.randint(1, 8)))) for _ in range(400)]
    con = duckdb.connect()
    con.execute("CREATE TABLE t (fp VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?)", [[f] for f in fingerprints])
    for _ in range(40):
        asked = sorted(set(rnd.sample(pool, rnd.randint(1, 4))))
        by_regex = con.execute("SELECT fp FROM t WHERE regexp_matches(fp, ?) ORDER BY fp",
                               [warehouse._holding_any(asked)]).fetchall()
        by_split = con.execute("SELECT fp FROM t WHERE list_has_any(string_split(fp, ','), ?) "
                               "ORDER BY fp", [asked]).fetchall()
        assert by_regex == by_split, asked


def _ordered(con: duckdb.DuckDBPyConnection, view: str) -> list[str]:
    return [r[0] for r in con.execute(f"DESCRIBE {view}").fetchall()]


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    out = {
        "articles": con.execute("SELECT article_id, story_id, lang, text FROM articles "
                                "ORDER BY 1").fetchall(),
        "records": con.execute("SELECT * FROM records ORDER BY record_id").fetchall(),
        "metrics": con.execute("SELECT * FROM metrics ORDER BY metric_id").fetchall(),
        "stories": con.execute("SELECT * FROM stories ORDER BY 1").fetchall(),
        "rejections": con.execute("SELECT path, code FROM rejections ORDER BY 1").fetchall(),
    }
    con.close()
    return out


@pytest.fixture
def folder(tmp_path: Path, seeds_dir: Path) -> Path:
    target = tmp_path / "in"
    shutil.copytree(seeds_dir, target)
    return target


def test_a_second_run_adds_changes_and_duplicates_nothing(folder: Path, db: Path) -> None:
    first = run(folder, db)
    before = _snapshot(db)
    second = run(folder, db)
    assert (first.files_new, second.files_new, second.files_changed, second.files_unchanged) == (5, 0, 0, 5)
    assert second.articles_loaded == 0
    assert _snapshot(db) == before


def test_keys_are_unique(folder: Path, db: Path) -> None:
    run(folder, db)
    run(folder, db)
    con = duckdb.connect(str(db), read_only=True)
    for table, key in [("articles", "article_id"), ("records", "record_id"),
                       ("metrics", "metric_id"), ("stories", "story_id"), ("files", "path"),
                       ("runs", "run_id")]:
        dupes = con.execute(f"SELECT count(*) - count(DISTINCT {key}) FROM {table}").fetchone()
        assert dupes == (0,), table


def test_a_changed_file_replaces_only_its_own_rows(folder: Path, db: Path) -> None:
    run(folder, db)
    before = _snapshot(db)
    target = folder / "003_0ce8fcdb2e1cb020.txt"
    target.write_text(target.read_text("utf-8").replace("more than 19,300 models",
                                                        "more than 19,400 models"), "utf-8")
    summary = run(folder, db)
    after = _snapshot(db)
    assert (summary.files_changed, summary.files_unchanged) == (1, 4)
    con = duckdb.connect(str(db), read_only=True)
    values = {v for (v,) in con.execute("SELECT value FROM metric_facts WHERE path = ? AND "
                                        "metric = 'models'", [target.name]).fetchall()}
    assert 19400 in values and 19300 not in values
    others = [m for m in after["metrics"] if not str(m[0]).startswith(target.name)]
    assert others == [m for m in before["metrics"] if not str(m[0]).startswith(target.name)]


def test_new_files_are_added(folder: Path, db: Path, tmp_path: Path) -> None:
    run(folder, db)
    shutil.copy(folder / "004_816f2ea199a5feb0.txt", folder / "new-copy.txt")
    summary = run(folder, db)
    assert (summary.files_new, summary.files_unchanged, summary.articles_loaded) == (1, 5, 1)


def test_touched_but_unchanged_file_is_not_reloaded(folder: Path, db: Path) -> None:
    import os

    run(folder, db)
    target = folder / "000_479188b24d4138e7.txt"
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    summary = run(folder, db)
    assert (summary.files_unchanged, summary.articles_loaded) == (5, 0)
    con = duckdb.connect(str(db), read_only=True)
    (mtime,) = con.execute("SELECT mtime_ns FROM files WHERE path = ?", [target.name]).fetchone()
    assert mtime == target.stat().st_mtime_ns


def test_a_failing_batch_loads_nothing_and_keeps_what_was_loaded(
        folder: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(folder, db)
    before = _snapshot(db)
    for path in folder.iterdir():
        path.write_text(path.read_text("utf-8") + "\nExtra line 7 households.", "utf-8")
    real_insert = warehouse._insert

    def failing_insert(con: duckdb.DuckDBPyConnection, table: str, rows: list) -> None:
        if table == "metrics":
            raise OSError("disk full (injected)")
        real_insert(con, table, rows)

    monkeypatch.setattr(warehouse, "_insert", failing_insert)
    with pytest.raises(OSError, match="injected"):
        run(folder, db)
    assert _snapshot(db) == before
    con = duckdb.connect(str(db), read_only=True)
    statuses = [s for (s,) in con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()]
    assert statuses == ["completed", "failed"]


def test_seed_stories_and_languages(folder: Path, db: Path) -> None:
    run(folder, db)
    con = duckdb.connect(str(db), read_only=True)
    langs = dict(con.execute("SELECT path, lang FROM articles").fetchall())
    assert langs == SEED_LANGS
    groups = sorted(sorted(p) for (p,) in con.execute(
        "SELECT list(path) FROM articles GROUP BY story_id").fetchall())
    assert groups == [["000_479188b24d4138e7.txt", "001_25e1e20f13ec6b91.txt",
                       "002_5433d715464fb01d.txt"], ["003_0ce8fcdb2e1cb020.txt"],
                      ["004_816f2ea199a5feb0.txt"]]
    with_metrics = {p for (p,) in con.execute("SELECT DISTINCT path FROM metric_facts").fetchall()}
    assert with_metrics == set(SEED_LANGS)


def test_a_translation_citing_no_url_joins_its_original_by_fingerprint(tmp_path: Path, db: Path) -> None:
    from tests.conftest import SAMPLES

    folder = tmp_path / "fp"
    folder.mkdir()
    shutil.copy(SAMPLES / "baoquangngai" / "son-tinh-nhan-rong-mo-hinh-dan-van-kheo.html", folder)
    english = (SAMPLES / "translations" / "vietnam-vn-son-tinh-en.txt").read_text("utf-8")
    (folder / "en.txt").write_text(english.replace("Source: https://", "Posted: "), "utf-8")
    shutil.copy(SAMPLES / "003_0ce8fcdb2e1cb020.txt", folder)
    run(folder, db)
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT path, story_method FROM articles").fetchall())
    assert rows["en.txt"] == "fingerprint"
    assert rows["003_0ce8fcdb2e1cb020.txt"] == "singleton"  # a different report is never merged
    (n,) = con.execute("SELECT count(DISTINCT story_id) FROM articles WHERE path <> "
                       "'003_0ce8fcdb2e1cb020.txt'").fetchone()
    assert n == 1


def _translation_before_original(folder: Path) -> Path:
    """A translation citing no URL ("a-en.txt") and its original ("b-original.html"): in
    folder order, and so in batches of one, the translation is loaded first."""
    from tests.conftest import SAMPLES

    folder.mkdir()
    english = (SAMPLES / "translations" / "vietnam-vn-son-tinh-en.txt").read_text("utf-8")
    (folder / "a-en.txt").write_text(english.replace("Source: https://", "Posted: "), "utf-8")
    shutil.copy(SAMPLES / "baoquangngai" / "son-tinh-nhan-rong-mo-hinh-dan-van-kheo.html",
                folder / "b-original.html")
    return folder


def test_an_original_loaded_after_its_loose_translation_reconciles_both(tmp_path: Path,
                                                                       db: Path) -> None:
    """The translation (batch 1) joins the original's story when the original arrives (batch 2):
    the story, new in batch 2, holds an older article, and its facts must count it."""
    folder = _translation_before_original(tmp_path / "fp")
    run(folder, db, batch_size=1)
    con = duckdb.connect(str(db), read_only=True)
    assert dict(con.execute("SELECT path, story_method FROM articles").fetchall())["a-en.txt"] \
        == "fingerprint"
    (shared,) = con.execute("SELECT count(*) FROM story_metrics WHERE n_articles = 2").fetchone()
    assert shared >= 3


def _empty_stories(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM stories WHERE story_id NOT IN "
                           "(SELECT story_id FROM articles)").fetchall()[0][0]
    finally:
        con.close()


def test_a_story_that_loses_its_articles_is_dropped(tmp_path: Path, db: Path) -> None:
    """A changed file that now cites another source leaves its old story; a loose translation
    loaded before its original is adopted by it (a batch later): neither leaves an empty story
    behind, and stories that keep their articles stay."""
    from tests.conftest import SAMPLES

    folder = _translation_before_original(tmp_path / "moves")
    shutil.copy(SAMPLES / "003_0ce8fcdb2e1cb020.txt", folder)
    run(folder, db, batch_size=1)  # the translation is loaded, alone, before its original
    assert _empty_stories(db) == 0
    con = duckdb.connect(str(db), read_only=True)
    stories = {sid for (sid,) in con.execute("SELECT story_id FROM stories").fetchall()}
    con.close()
    assert len(stories) == 2
    target = folder / "003_0ce8fcdb2e1cb020.txt"
    target.write_text("Source: https://example.vn/another-report\n" + target.read_text("utf-8"),
                      "utf-8")
    run(folder, db)
    assert _empty_stories(db) == 0
    con = duckdb.connect(str(db), read_only=True)
    after = {sid for (sid,) in con.execute("SELECT story_id FROM stories").fetchall()}
    con.close()
    assert len(after) == 2 and len(after & stories) == 1


def test_story_level_facts_count_each_fact_once(db: Path) -> None:
    from tests.conftest import SAMPLES

    run(SAMPLES, db)
    con = duckdb.connect(str(db), read_only=True)
    (quang_nam,) = con.execute("SELECT sum(value) FROM story_metric_facts WHERE metric = "
                               "'households' AND province = 'Quang Nam'").fetchone()
    assert quang_nam == 12  # reported by three translations, counted once
    conflicts = con.execute("SELECT value, keys FROM story_metrics WHERE conflict").fetchall()
    assert conflicts == [(73.0, ["cases", "subjects"])]


def test_workers_build_the_same_warehouse(tmp_path: Path) -> None:
    from tests.conftest import SAMPLES
    from tests.warehouse_snapshot import snapshot

    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    first = run(SAMPLES, one, workers=1)
    summary = run(SAMPLES, two, workers=2)
    assert summary.articles_loaded == 12
    assert snapshot(one) == snapshot(two)
    # the tallies workers send back (plain rows, not models) add up to what was loaded
    con = duckdb.connect(str(two), read_only=True)
    records, metrics = con.execute("SELECT (SELECT count(*) FROM records), "
                                   "(SELECT count(*) FROM metrics)").fetchone()  # type: ignore[misc]
    langs = dict(con.execute("SELECT lang, count(*) FROM articles GROUP BY lang").fetchall())
    con.close()
    for s in (first, summary):
        assert (s.records, s.metrics, s.articles_per_lang) == (records, metrics, langs)


@pytest.mark.parametrize(("batch_size", "changed"), [
    (16, slice(None, None, 3)),  # 2 files a task with 2 workers, over the window of 24
    (500, slice(None, None, 3)),  # 8 files a task
    (16, slice(0, 1)),  # a task of one file, sent because the window filled up behind it
])
def test_workers_take_files_in_chunks_and_hand_them_back_in_folder_order(
        tmp_path: Path, batch_size: int, changed: slice) -> None:
    """A re-run where some files changed: the unchanged ones are settled by the run itself,
    between chunks of changed ones the workers examine; the run still sees every file in
    folder order and loads what one process loads."""
    from pipeline.ingest import find_files
    from tests.conftest import SAMPLES
    from tests.warehouse_snapshot import snapshot

    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)  # and every held-out round: 30 files, over the window
    shutil.copytree(SAMPLES.parent.parent / "tests" / "heldout", folder / "heldout",
                    ignore=shutil.ignore_patterns("*.yaml", "*.md"))
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    run(folder, one)
    run(folder, two, workers=2, batch_size=batch_size)
    paths = [f.path for f in find_files(folder)]
    for path in paths[changed]:
        with (folder / path).open("ab") as f:
            f.write(b"\n\n")
    seen: dict[int, list[str]] = {1: [], 2: []}
    first = run(folder, one, progress=lambda n, path: seen[1].append(path))
    again = run(folder, two, workers=2, batch_size=batch_size,
                progress=lambda n, path: seen[2].append(path))
    assert _run_module().chunk_size(batch_size, 2) > 1
    assert seen[1] == seen[2] == paths
    assert (again.files_changed, again.files_unchanged) == (first.files_changed,
                                                            first.files_unchanged)
    assert again.files_changed == len(paths[changed]) and again.files_unchanged > 0
    assert snapshot(one) == snapshot(two)


def _run_module() -> ModuleType:
    return importlib.import_module("pipeline.run")  # `pipeline.run` is also the function


STORY_TABLES = ("SELECT * FROM story_records ORDER BY story_record_id",
                 "SELECT * FROM story_metrics ORDER BY story_metric_id")


@pytest.mark.parametrize("batch_size", [1, 500])
def test_story_rows_taken_from_the_batch_equal_those_rebuilt_from_the_warehouse(
        tmp_path: Path, db: Path, batch_size: int) -> None:
    """A story whose articles all arrive in one batch is reconciled from the batch's rows, not
    read back: rebuilding every story from the warehouse's rows must give the same rows."""
    from tests.conftest import SAMPLES

    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    shutil.copytree(SAMPLES.parent.parent / "tests" / "heldout" / "articles", folder / "heldout")
    run(folder, db, batch_size=batch_size)
    con = duckdb.connect(str(db))
    loaded = [con.execute(q).fetchall() for q in STORY_TABLES]
    (merged,) = con.execute("SELECT count(*) FROM story_metrics WHERE n_articles > 1").fetchone()
    ids = [sid for (sid,) in con.execute("SELECT story_id FROM stories").fetchall()]
    con.execute("DELETE FROM story_records")
    con.execute("DELETE FROM story_metrics")
    warehouse.reconcile_stories(con, ids)
    rebuilt = [con.execute(q).fetchall() for q in STORY_TABLES]
    con.close()
    assert merged >= 5  # translations were reconciled, not just copied
    assert rebuilt == loaded


@pytest.mark.parametrize("workers", [1, 2])
def test_models_hidden_from_the_collector_only_while_a_run_lasts(tmp_path: Path,
                                                                 workers: int) -> None:
    """run() freezes what survives each batch (the models) and unfreezes it when it ends; the
    small batches settle several times and the warehouse is what one batch builds."""
    import gc

    from tests.conftest import SAMPLES
    from tests.warehouse_snapshot import snapshot

    whole, small = tmp_path / "whole.duckdb", tmp_path / "small.duckdb"
    run(SAMPLES, whole, workers=workers)
    frozen: list[int] = []
    run(SAMPLES, small, workers=workers, batch_size=3,
        progress=lambda n, path: frozen.append(gc.get_freeze_count()))
    assert gc.get_freeze_count() == 0
    assert max(frozen) > 100_000  # the models were frozen during the run
    assert snapshot(whole) == snapshot(small)


@pytest.mark.parametrize("order", [0, 1])
def test_a_storys_row_comes_from_its_url_keyed_article_whatever_the_order(
        tmp_path: Path, order: int) -> None:
    """A translation joined by its numbers and the original it joined, in one batch: the
    story's row is the original's URL, as it is when they arrive in two batches."""
    joined = {"story_id": "s_1", "story_method": "fingerprint", "cited_url": None,
              "canonical_url": None}
    anchor = {"story_id": "s_1", "story_method": "cited_url",
              "cited_url": "https://baolaocai.vn/bat-xat-389123.html",
              "canonical_url": "https://www.vietnam.vn/id/bat-xat"}
    con = warehouse.connect(tmp_path / "w.duckdb")
    try:
        rows = warehouse._new_stories(con, [joined, anchor][::1 if order == 0 else -1])
    finally:
        con.close()
    assert rows == [{"story_id": "s_1", "canonical_url": "https://baolaocai.vn/bat-xat-389123.html",
                     "method": "cited_url"}]
