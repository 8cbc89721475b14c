"""What analysts do with the warehouse, as library calls a notebook can make too.

    from pipeline.analysis import query, stats, search, export
    query("data/warehouse.duckdb", "SELECT * FROM story_summary")

All of them open the warehouse read-only (several readers at once are fine while no run
is loading a batch).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb

from pipeline.warehouse import TABLES, VIEWS

EXPORTED = (*TABLES, *VIEWS)


def open_read_only(db: Path | str) -> duckdb.DuckDBPyConnection:
    if not Path(db).exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `pipeline run DIR --db {db}` first")
    return duckdb.connect(str(db), read_only=True)


def query(db: Path | str, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(column names, rows) of a read-only SQL query."""
    con = open_read_only(db)
    try:
        cursor = con.execute(sql)
        return [d[0] for d in cursor.description or []], cursor.fetchall()
    finally:
        con.close()


def export(db: Path | str, out: Path | str, fmt: str = "parquet") -> list[Path]:
    """Every documented table and view as one Parquet or CSV file each; returns the paths."""
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"format must be parquet or csv, not {fmt!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    con = open_read_only(db)
    written: list[Path] = []
    try:
        for name in EXPORTED:
            target = out / f"{name}.{fmt}"
            options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
            con.execute(f"COPY (SELECT * FROM {name}) TO '{_quote(target)}' ({options})")
            written.append(target)
    finally:
        con.close()
    return written


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def stats(db: Path | str) -> dict[str, Any]:
    """Articles per language and source, stories, records, metrics, last runs, rejections."""
    con = open_read_only(db)
    try:
        one = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "totals": dict(zip(
                ["articles", "stories", "records", "metrics", "story_metrics", "rejections"],
                one("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories), "
                    "(SELECT count(*) FROM records), (SELECT count(*) FROM metrics), "
                    "(SELECT count(*) FROM story_metrics), (SELECT count(*) FROM rejections)")[0],
                strict=True)),
            "languages": one("SELECT lang, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"),
            "sources": one(
                "SELECT regexp_extract(coalesce(cited_url, canonical_url, ''), "
                "'https://([^/]+)', 1) AS source, count(*) FROM articles GROUP BY 1 "
                "ORDER BY 2 DESC LIMIT 10"),
            "story_methods": one("SELECT method, count(*) FROM stories GROUP BY 1 ORDER BY 2 DESC"),
            "runs": one("SELECT run_id, status, files_seen, files_new, files_changed, "
                        "articles_loaded, seconds FROM runs ORDER BY started_at DESC LIMIT 5"),
            "rejections": one("SELECT code, count(*) FROM rejections GROUP BY 1 ORDER BY 2 DESC"),
        }
    finally:
        con.close()


def search(db: Path | str, terms: str, limit: int = 10) -> list[tuple[str, str, float, str]]:
    """Full-text search over cleaned article text: (article_id, lang, score, snippet).

    DuckDB's `fts` extension cannot be installed offline for the DuckDB in use, so this is
    the documented fallback: every term must occur as a word (case- and tone-mark-insensitive,
    via DuckDB's strip_accents), ranked by occurrences per 1,000 characters.
    """
    from unidecode import unidecode

    words = [re.escape(unidecode(w)) for w in re.findall(r"\w+", terms.lower()) if w]
    if not words:
        return []
    con = open_read_only(db)
    try:
        folded = "strip_accents(lower(replace(replace(text, 'đ', 'd'), 'Đ', 'D')))"
        patterns = [rf"\b{w}\b" for w in words]
        conditions = " AND ".join(f"regexp_matches({folded}, ?)" for _ in patterns)
        hits = " + ".join(f"len(regexp_extract_all({folded}, ?))" for _ in patterns)
        sql = (f"SELECT article_id, lang, round(({hits}) * 1000.0 / greatest(length(text), 1), 3)"
               f" AS score, text FROM articles WHERE {conditions} ORDER BY score DESC LIMIT ?")
        params: list[Any] = [*patterns, *patterns, limit]
        rows = con.execute(sql, params).fetchall()
    finally:
        con.close()
    return [(aid, lang, score, _snippet(text, terms.split()[0])) for aid, lang, score, text in rows]


def _snippet(text: str, word: str, width: int = 80) -> str:
    from unidecode import unidecode

    at = unidecode(text.lower()).find(unidecode(word))
    start = max(0, at - width // 2)
    return " ".join(text[start:start + width].split())
