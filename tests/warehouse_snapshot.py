"""Compare warehouses by content, ignoring what legitimately differs between runs."""

from __future__ import annotations

from pathlib import Path

import duckdb

QUERIES = {
    "articles": "SELECT * EXCLUDE (run_id) FROM articles ORDER BY article_id",
    "stories": "SELECT * FROM stories ORDER BY story_id",
    "records": "SELECT * FROM records ORDER BY record_id",
    "metrics": "SELECT * FROM metrics ORDER BY metric_id",
    "story_records": "SELECT * FROM story_records ORDER BY story_record_id",
    "story_metrics": "SELECT * FROM story_metrics ORDER BY story_metric_id",
    "rejections": "SELECT path, article_id, code, reason FROM rejections ORDER BY ALL",
    "files": "SELECT path, size, content_hash, status, articles FROM files ORDER BY path",
}


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in QUERIES.items()}
    finally:
        con.close()
