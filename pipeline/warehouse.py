"""DuckDB warehouse: open and migrate, read file states, load a batch of files atomically.

The only module that talks to DuckDB. A batch is one transaction: a changed file's old rows
are deleted and its new rows inserted together, so a failure or a kill never leaves half a file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from schemas import Article, ModelRecord, Rejection, RunSummary

TABLES = ("runs", "files", "articles", "stories", "records", "metrics", "rejections",
          "story_records", "story_metrics")
WRITER_MEMORY_LIMIT = "512MB"
VIEWS = ("record_facts", "metric_facts", "story_summary", "story_metric_facts")


@dataclass(frozen=True)
class FileState:
    size: int
    mtime_ns: int
    content_hash: str | None
    extractor: str | None = None  # the extractor version that loaded it (extractor_version.py)

    def current(self) -> bool:
        """Whether this installation's extractor loaded it: if not, it is extracted again."""
        from pipeline.extractor_version import extractor_version

        return self.extractor == extractor_version()


@dataclass
class FileResult:
    """Everything one file contributes to the warehouse (or a touch of its mtime)."""

    path: str
    size: int
    mtime_ns: int
    content_hash: str | None
    articles: list[Article] = field(default_factory=list)
    records: dict[str, list[ModelRecord]] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    touch_only: bool = False  # same content, new mtime: update the file state only

    @property
    def status(self) -> str:
        if not self.articles:
            return "rejected"
        return "partial" if self.rejections else "loaded"


def schema_sql() -> str:
    return (resources.files("pipeline") / "warehouse.sql").read_text(encoding="utf-8")


def connect(db: Path | str, read_only: bool = False, migrate: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writable open applies the schema (idempotent) unless told not to."""
    if not read_only:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=read_only)
    if not read_only:
        # DuckDB's default is 80 % of the machine's memory, which a writer loading batch after
        # batch into a growing file fills with cached pages: capped, it evicts them instead
        con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")
    if not read_only and migrate:
        con.execute(schema_sql())
    return con


def file_states(con: duckdb.DuckDBPyConnection) -> dict[str, FileState]:
    rows = con.execute("SELECT path, size, mtime_ns, content_hash, extractor FROM files").fetchall()
    return {path: FileState(size, mtime, digest, extractor)
            for path, size, mtime, digest, extractor in rows}


def start_run(con: duckdb.DuckDBPyConnection, summary: RunSummary) -> None:
    # a run still 'running' was killed: the writer lock is ours, so no run is in progress
    con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
    con.execute(
        "INSERT INTO runs (run_id, started_at, status, folder, version, options) "
        "VALUES (?, ?, 'running', ?, ?, ?)",
        [summary.run_id, summary.started_at, summary.folder, summary.version,
         json.dumps(summary.options, default=str)])


def finish_run(con: duckdb.DuckDBPyConnection, summary: RunSummary, error: str | None = None) -> None:
    con.execute(
        """UPDATE runs SET finished_at = ?, status = ?, files_seen = ?, files_new = ?,
           files_changed = ?, files_unchanged = ?, files_rejected = ?, articles_loaded = ?,
           records = ?, metrics = ?, seconds = ?, error = ? WHERE run_id = ?""",
        [summary.finished_at, summary.status, summary.files_seen, summary.files_new,
         summary.files_changed, summary.files_unchanged, summary.files_rejected,
         summary.articles_loaded, summary.records, summary.metrics, summary.seconds, error,
         summary.run_id])


@dataclass
class Batch:
    """Plain rows for one load: what a worker or a Parquet shard hands the single writer."""

    replaced: list[str] = field(default_factory=list)  # paths whose rows are replaced
    touched: list[dict[str, object]] = field(default_factory=list)  # path, new mtime_ns
    tables: dict[str, list[dict[str, object]]] = field(default_factory=dict)


    def extend(self, other: Batch) -> None:
        self.replaced += other.replaced
        self.touched += other.touched
        for table, rows in other.tables.items():
            self.tables.setdefault(table, []).extend(rows)


@dataclass
class FileRows:
    """One file's rows and tallies: what a worker hands the writer. Plain data, so it crosses
    processes cheaply (unpickling pydantic models cost the writer a millisecond a file)."""

    path: str
    touch_only: bool
    rows: Batch
    rejections: list[Rejection]
    langs: dict[str, int]

    @property
    def articles(self) -> int:
        return len(self.rows.tables.get("articles", []))

    @property
    def records(self) -> int:
        return len(self.rows.tables.get("records", []))

    @property
    def metrics(self) -> int:
        return len(self.rows.tables.get("metrics", []))


def file_rows(result: FileResult, run_id: str) -> FileRows:
    langs: dict[str, int] = {}
    for a in result.articles:
        langs[a.lang] = langs.get(a.lang, 0) + 1
    return FileRows(result.path, result.touch_only, batch_rows([result], run_id),
                    [] if result.touch_only else result.rejections, langs)


LOADED_TABLES = ("articles", "records", "metrics", "rejections", "files")


def batch_rows(results: Sequence[FileResult], run_id: str) -> Batch:
    """The rows of some files' results (pure: no warehouse needed)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    fresh = [r for r in results if not r.touch_only]
    return Batch(
        replaced=[r.path for r in fresh],
        touched=[{"path": r.path, "mtime_ns": r.mtime_ns} for r in results if r.touch_only],
        tables={
            "articles": [_article_row(a, r, run_id) for r in fresh for a in r.articles],
            "records": [_record_row(rec, a) for r in fresh for a in r.articles
                        for rec in r.records.get(a.article_id, [])],
            "metrics": [_metric_row(m, i, rec, a) for r in fresh for a in r.articles
                        for rec in r.records.get(a.article_id, [])
                        for i, m in enumerate(rec.metrics)],
            "rejections": [{**j.model_dump(), "run_id": run_id, "rejected_at": now}
                           for r in fresh for j in r.rejections],
            "files": [_file_row(r, run_id, now) for r in fresh],
        })


def load_batch(con: duckdb.DuckDBPyConnection, results: Sequence[FileResult], run_id: str) -> None:
    """Replace the rows of every file in `results` in one transaction."""
    load_rows(con, batch_rows(results, run_id))


def load_rows(con: duckdb.DuckDBPyConnection, batch: Batch) -> None:
    """Load one batch of rows in one transaction: a failure or a kill leaves none of it."""
    if not batch.replaced and not batch.touched:
        return
    articles = batch.tables.get("articles", [])
    con.execute("BEGIN TRANSACTION")
    try:
        if batch.touched:
            _register(con, "_touched", batch.touched)
            con.execute("UPDATE files SET mtime_ns = t.mtime_ns FROM _touched t "
                        "WHERE files.path = t.path")
        touched: set[str] = set()
        if batch.replaced:
            _register(con, "_replaced", [{"path": p} for p in batch.replaced])
            # every path with rows has a files row: new files (most of a run) delete nothing,
            # and need not scan the tables, which grow with the warehouse, to find that out
            if con.execute("SELECT count(*) FROM files WHERE path IN "
                           "(SELECT path FROM _replaced)").fetchall()[0][0]:
                touched |= {sid for (sid,) in con.execute(
                    "SELECT DISTINCT story_id FROM articles WHERE path IN "
                    "(SELECT path FROM _replaced)").fetchall()}
                for table in ("metrics", "records", "articles", "rejections", "files"):
                    con.execute(f"DELETE FROM {table} WHERE path IN (SELECT path FROM _replaced)")
        _group_by_fingerprint(con, articles, batch.tables.get("records", []))
        for table in LOADED_TABLES:
            _insert(con, table, batch.tables.get(table, []))
        new_stories = _new_stories(con, articles)
        _insert(con, "stories", new_stories)
        adopted = _adopt_loose_translations(con, articles)
        _drop_empty_stories(con, touched | adopted)
        touched |= adopted | {str(a["story_id"]) for a in articles}
        # a story new in this batch, which adopted no older article, has all its rows here
        in_batch = {str(row["story_id"]) for row in new_stories} - adopted
        reconcile_stories(con, touched, batch if in_batch else None, in_batch)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in ("_touched", "_replaced", "_stories"):
            con.unregister(name)


def _group_by_fingerprint(con: duckdb.DuckDBPyConnection, articles: list[dict[str, object]],
                          records: list[dict[str, object]]) -> None:
    """Translations citing no URL join the story of a text in another language that carries
    the same numbers (see stories.same_report); the method is recorded as 'fingerprint'."""
    from pipeline.stories import ByCount, same_report

    loose = [a for a in articles if a["story_method"] == "singleton" and a.get("fingerprint")]
    if not loose:
        return
    Candidate = tuple[object, object, object]
    batch: ByCount[Candidate] = ByCount()
    for a in articles:
        if a["story_method"] != "singleton" and a.get("fingerprint"):
            batch.add(str(a["fingerprint"]), (a["story_id"], a["lang"], a["fingerprint"]))
    moved: dict[object, object] = {}
    # one query for the batch: every article sharing the largest numeral of a loose one
    largest = sorted({_largest(str(a["fingerprint"])) for a in loose})
    sharing: dict[str, ByCount[Candidate]] = {}
    wanted = set(largest)
    for sid, lang, fp in con.execute(
            "SELECT story_id, lang, fingerprint FROM articles WHERE fingerprint IS NOT NULL AND "
            "story_method <> 'fingerprint' AND regexp_matches(fingerprint, ?)",
            [_holding_any(largest)]).fetchall():
        for numeral in wanted.intersection(str(fp).split(",")):
            if (index := sharing.get(numeral)) is None:
                index = sharing[numeral] = ByCount()
            index.add(str(fp), (sid, lang, fp))
    for a in loose:
        mine = str(a["fingerprint"])
        known = sharing.get(_largest(mine))
        candidates = [*(known.near(mine) if known else []), *batch.near(mine)]
        match = next((sid for sid, lang, fp in candidates
                      if lang != a["lang"] and sid != a["story_id"]
                      and same_report(mine, fp)), None)  # type: ignore[arg-type]
        if match:
            a["story_id"], a["story_method"] = match, "fingerprint"
            moved[a["article_id"]] = match
        else:
            batch.add(mine, (a["story_id"], a["lang"], a["fingerprint"]))
    for r in records:
        if r["article_id"] in moved:
            r["story_id"] = moved[r["article_id"]]


def _adopt_loose_translations(con: duckdb.DuckDBPyConnection,
                              articles: list[dict[str, object]]) -> set[str]:
    """The other direction: loose translations loaded earlier join a story that arrives now,
    so the grouping does not depend on the order in which files are loaded."""
    from pipeline.stories import ByCount, same_report

    touched: set[str] = set()
    anchors = [a for a in articles if a.get("fingerprint") and a["story_method"] != "fingerprint"]
    if not anchors:
        return touched
    # the loose translations holding an anchor's largest numeral (its only candidates), indexed
    # by those numerals: one query a batch, and it reads only them, however large the warehouse
    largest = sorted({_largest(str(a["fingerprint"])) for a in anchors})
    by_numeral: dict[str, ByCount[tuple[str, str, str, str]]] = {}
    wanted = set(largest)
    for row in con.execute("SELECT article_id, story_id, lang, fingerprint FROM articles "
                           "WHERE story_method = 'singleton' AND fingerprint IS NOT NULL AND "
                           "regexp_matches(fingerprint, ?)", [_holding_any(largest)]).fetchall():
        for numeral in wanted.intersection(row[3].split(",")):
            if (index := by_numeral.get(numeral)) is None:
                index = by_numeral[numeral] = ByCount()
            index.add(row[3], row)
    moved: set[str] = set()
    for match in anchors:
        found = by_numeral.get(_largest(str(match["fingerprint"])))
        for aid, sid, lang, fp in found.near(str(match["fingerprint"])) if found else []:
            if aid in moved or lang == match["lang"] or sid == match["story_id"] \
                    or aid == match["article_id"] \
                    or not same_report(fp, match.get("fingerprint")):  # type: ignore[arg-type]
                continue
            _move(con, aid, str(match["story_id"]))
            moved.add(aid)
            touched |= {sid, str(match["story_id"])}
    return touched


def _holding_any(numerals: list[str]) -> str:
    """A regex for fingerprints holding one of these numerals: the same rows as splitting
    every fingerprint of the warehouse into a list each batch, at a fifth of the cost."""
    return "(?:^|,)(?:" + "|".join(re.escape(n) for n in numerals) + ")(?:,|$)"


def _largest(fingerprint: str) -> str:
    return max(fingerprint.split(","), key=float)


def _move(con: duckdb.DuckDBPyConnection, article_id: str, story_id: str) -> None:
    """A loose translation joins a story (its records follow it)."""
    con.execute("UPDATE articles SET story_id = ?, story_method = 'fingerprint' "
                "WHERE article_id = ?", [story_id, article_id])
    con.execute("UPDATE records SET story_id = ? WHERE article_id = ?", [story_id, article_id])


def _register(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict[str, object]]) -> None:
    con.register(name, pa.Table.from_pylist(rows))


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    con.register("_rows", pa.Table.from_pylist(rows))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
    finally:
        con.unregister("_rows")


def _article_row(a: Article, r: FileResult, run_id: str) -> dict[str, object]:
    row = a.model_dump()
    row.update(n_chars=len(a.text), content_hash=r.content_hash, run_id=run_id)
    return row


def _record_row(rec: ModelRecord, a: Article) -> dict[str, object]:
    loc = rec.locality
    return {
        "record_id": f"{a.article_id}/{rec.seq}", "article_id": a.article_id, "path": a.path,
        "story_id": a.story_id, "lang": a.lang, "seq": rec.seq, "model_name": rec.model_name,
        "quoted": rec.quoted, "organisation": rec.organisation, "field": rec.field,
        "province": loc.province, "district": loc.district, "commune": loc.commune,
        "village": loc.village, "province_code": loc.province_code,
        "district_code": loc.district_code, "commune_code": loc.commune_code,
        "province_2025": loc.province_2025, "commune_2025": loc.commune_2025,
        "resolved_by": loc.resolved_by, "year": rec.year, "year_from": rec.year_from,
        "year_to": rec.year_to,
    }


def _metric_row(m: object, i: int, rec: ModelRecord, a: Article) -> dict[str, object]:
    from schemas import Metric

    assert isinstance(m, Metric)
    record_id = f"{a.article_id}/{rec.seq}"
    return {
        "metric_id": f"{record_id}/{i}", "record_id": record_id, "article_id": a.article_id,
        "path": a.path, "seq": i, "metric": m.metric, "value": m.value, "qualifier": m.qualifier,
        "unit": m.unit, "year": m.year, "surface": m.evidence.surface,
        "evidence": m.evidence.sentence, "start_char": m.evidence.start,
        "end_char": m.evidence.end,
    }


def _drop_empty_stories(con: duckdb.DuckDBPyConnection, candidates: set[str]) -> None:
    """Stories left without articles: only those that lost one (replaced, or moved to another
    story) can be, so only they are checked, not the whole table."""
    if not candidates:
        return
    _register(con, "_emptied", [{"story_id": s} for s in sorted(candidates)])
    try:
        con.execute("DELETE FROM stories WHERE story_id IN (SELECT story_id FROM _emptied) AND "
                    "story_id NOT IN (SELECT story_id FROM articles WHERE story_id IN "
                    "(SELECT story_id FROM _emptied))")
    finally:
        con.unregister("_emptied")


def _new_stories(con: duckdb.DuckDBPyConnection,
                 articles: list[dict[str, object]]) -> list[dict[str, object]]:
    ids = sorted({str(a["story_id"]) for a in articles})
    if not ids:
        return []
    existing = {row[0] for row in con.execute(
        "SELECT story_id FROM stories WHERE story_id IN (SELECT unnest(?))", [ids]).fetchall()}
    out: dict[object, dict[str, object]] = {}
    # a story's row comes from an article keyed by a URL before one that joined it by its
    # numbers, so that it does not depend on which of them a batch happens to hold
    for a in sorted(articles, key=lambda a: a["story_method"] == "fingerprint"):
        sid = a["story_id"]
        if sid not in existing and sid not in out:
            key = a["cited_url"] if a["story_method"] == "cited_url" else a["canonical_url"]
            out[sid] = {"story_id": sid, "canonical_url": key, "method": a["story_method"]}
    return list(out.values())


def _file_row(r: FileResult, run_id: str, now: datetime) -> dict[str, object]:
    from pipeline.extractor_version import extractor_version

    return {"path": r.path, "size": r.size, "mtime_ns": r.mtime_ns,
            "content_hash": r.content_hash, "status": r.status,
            "articles": len(r.articles), "run_id": run_id, "loaded_at": now,
            "extractor": extractor_version()}


def reconcile_stories(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str],
                      batch: Batch | None = None, in_batch: set[str] | None = None) -> None:
    """Recompute the story-level tables of these stories from their articles' rows.

    The rows of the stories in `in_batch` are all in `batch` (the stories are new): they are
    taken from it instead of being read back, and have no story rows to delete.
    """
    from pipeline.reconcile import reconcile

    ids = sorted(set(story_ids))
    if not ids:
        return
    here = set(in_batch or ()) & set(ids) if batch is not None else set()
    stored = [s for s in ids if s not in here]
    by_story: dict[str, tuple[list[dict[str, object]], ...]] = {sid: ([], [], []) for sid in ids}
    for i, rows in enumerate(_stored_inputs(con, stored)):
        for row in rows:
            by_story[str(row["story_id"])][i].append(row)
    if here and batch is not None:
        _batch_inputs(batch, here, by_story)
    out_records: list[dict[str, object]] = []
    out_metrics: list[dict[str, object]] = []
    for sid in ids:
        recs, mets = reconcile(sid, *by_story[sid])
        out_records.extend(recs)
        out_metrics.extend(mets)
    for row in out_records:
        row["model_names"] = json.dumps(row["model_names"], ensure_ascii=False) \
            if row["model_names"] else None
    _insert(con, "story_records", out_records)
    _insert(con, "story_metrics", out_metrics)


def _stored_inputs(con: duckdb.DuckDBPyConnection, ids: list[str]
                   ) -> tuple[list[dict[str, object]], ...]:
    """(records, metrics, articles) of these stories as the warehouse holds them; their story
    rows are deleted, to be written anew."""
    if not ids:
        return [], [], []
    _register(con, "_stories", [{"story_id": s} for s in ids])
    for table in ("story_metrics", "story_records"):
        con.execute(f"DELETE FROM {table} WHERE story_id IN (SELECT story_id FROM _stories)")
    where = "WHERE story_id IN (SELECT story_id FROM _stories)"
    articles = _dicts(con, f"SELECT article_id, lang, story_id, story_method FROM articles {where}")
    records = _dicts(con, f"SELECT * FROM records {where}")
    metrics = _dicts(con, "SELECT m.*, r.story_id FROM metrics m JOIN records r "
                          f"ON r.record_id = m.record_id {where.replace('story_id', 'r.story_id', 1)}")
    return records, metrics, articles


def _batch_inputs(batch: Batch, ids: set[str],
                  by_story: dict[str, tuple[list[dict[str, object]], ...]]) -> None:
    """The same rows, for stories whose every article is in the batch, taken from it."""
    story_of: dict[object, str] = {}
    for rec in batch.tables.get("records", []):
        sid = str(rec["story_id"])
        if sid in ids:
            by_story[sid][0].append(rec)
            story_of[rec["record_id"]] = sid
    for m in batch.tables.get("metrics", []):
        if (sid := story_of.get(m["record_id"])) is not None:
            by_story[sid][1].append(m)
    for a in batch.tables.get("articles", []):
        sid = str(a["story_id"])
        if sid in ids:
            by_story[sid][2].append(a)


def _dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, object]]:
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every table (for summaries and stats)."""
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # type: ignore[index]
