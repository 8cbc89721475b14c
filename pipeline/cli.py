"""The `pipeline` command: thin over the library; parses options, calls, prints."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.ingest import DEFAULT_MAX_BYTES
from pipeline.locking import DEFAULT_LOCK_WAIT, DEFAULT_RETRIES, WarehouseBusy
from pipeline.run import DEFAULT_BATCH
from schemas import RunSummary

app = typer.Typer(help="Multilingual news-to-structured-data pipeline for 'Skilled Mass "
                       "Mobilization' reports.", no_args_is_help=True, add_completion=False)
DEFAULT_DB = Path("data/warehouse.duckdb")
EXIT_BUSY = 3
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file.")]
Folder = Annotated[Path, typer.Argument(help="Folder of crawled articles (searched recursively).",
                                        exists=True, file_okay=False)]


def _console() -> Console:
    """A console that does not squeeze tables to 80 columns when output is piped."""
    return Console(width=None if sys.stdout.isatty() else 132)


@app.callback()
def _root() -> None:
    """Multilingual news-to-structured-data pipeline for 'Skilled Mass Mobilization' reports."""


@app.command("run")
def run_command(
    folder: Folder,
    db: DbOption = DEFAULT_DB,
    strict: Annotated[bool, typer.Option(help="Exit 1 if any file or record was rejected.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Reject files larger than this.")] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Files loaded per transaction.")] = DEFAULT_BATCH,
    workers: Annotated[int, typer.Option(
        help="Processes for the per-article work (one writer loads what they return).")] = 1,
    hold_batches: Annotated[int, typer.Option(
        help="Batches between closes of the warehouse (DuckDB checkpoints on close; readers "
             "get in only then). More cost the writer less on large backfills.")] = 1,
    lock_wait: Annotated[float, typer.Option(
        help="Seconds to wait for another run writing to the same warehouse.")] = DEFAULT_LOCK_WAIT,
    retries: Annotated[int, typer.Option(
        help="Retries, with doubling backoff, while another process holds the warehouse.")
    ] = DEFAULT_RETRIES,
    executor: Annotated[str, typer.Option(
        help="local (processes on this machine) or dask (a Dask cluster; Parquet shards).")
    ] = "local",
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address; a local cluster of --workers processes if not given.")
    ] = None,
    shard_dir: Annotated[Path, typer.Option(help="Shared folder for Dask's Parquet shards.")
                         ] = Path("data/shards"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing unless it fails.")] = False,
) -> None:
    """Clean, identify, group, extract and load every article under FOLDER, incrementally.

    Exit codes: 0 completed, 1 --strict and something was rejected, 3 the warehouse was busy
    (another run, or another process holding it), 4 the run failed.
    """
    from pipeline.run import run

    console = _console()
    try:
        if executor == "dask":
            from pipeline.executors import run_dask

            summary = run_dask(folder, db, shard_dir, scheduler=scheduler, workers=max(workers, 1),
                               max_bytes=max_bytes, lock_wait=lock_wait, retries=retries)
        elif quiet or not sys.stdout.isatty():
            summary = run(folder, db, max_bytes=max_bytes, batch_size=batch_size,
                          lock_wait=lock_wait, retries=retries, workers=workers,
                          hold_batches=hold_batches)
        else:
            with _progress(console) as (progress, task):
                summary = run(folder, db, max_bytes=max_bytes, batch_size=batch_size,
                              lock_wait=lock_wait, retries=retries, workers=workers,
                              hold_batches=hold_batches,
                              progress=lambda n, path: progress.update(
                                  task, completed=n, description=path[-40:]))
    except WarehouseBusy as exc:
        typer.echo(f"pipeline run: warehouse busy: {exc}", err=True)
        raise typer.Exit(code=EXIT_BUSY) from exc
    if not quiet:
        print_summary(summary, console)
    if strict and summary.rejections:
        raise typer.Exit(code=1)


class _progress:
    """A progress bar over files seen (total unknown until the walk ends)."""

    def __init__(self, console: Console) -> None:
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=console, transient=True)

    def __enter__(self) -> tuple[Progress, Any]:
        self.bar.__enter__()
        return self.bar, self.bar.add_task("files", total=None)

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(*exc)  # type: ignore[arg-type]


def print_summary(summary: RunSummary, console: Console) -> None:
    console.print(f"[bold]run {summary.run_id}[/bold] {summary.status} in {summary.seconds:.2f}s "
                  f"-> {summary.db}")
    console.print(f"files   seen {summary.files_seen}  new {summary.files_new}  changed "
                  f"{summary.files_changed}  unchanged {summary.files_unchanged}  rejected "
                  f"{summary.files_rejected}")
    langs = ", ".join(f"{k} {v}" for k, v in summary.articles_per_lang.items()) or "none"
    console.print(f"loaded  articles {summary.articles_loaded} ({langs})  records "
                  f"{summary.records}  metrics {summary.metrics}")
    console.print(f"warehouse stories {summary.stories}")
    if summary.rejections:
        table = Table("path", "code", "reason", title=f"{len(summary.rejections)} rejected",
                      title_justify="left")
        for r in summary.rejections:
            table.add_row(r.article_id or r.path, r.code, r.reason)
        console.print(table)


@app.command("watch")
def watch_command(
    folder: Folder,
    db: DbOption = DEFAULT_DB,
    interval: Annotated[float, typer.Option(help="Re-run at least this often (seconds).")] = 3600.0,
    poll: Annotated[float, typer.Option(help="Check the folder for new files this often.")] = 10.0,
    max_runs: Annotated[int | None, typer.Option(help="Stop after this many runs.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only failures.")] = False,
) -> None:
    """Re-run when files appear or change in FOLDER, and at least every --interval seconds."""
    from pipeline.watch import watch

    def report(summary: RunSummary) -> None:
        if not quiet:
            typer.echo(f"{summary.run_id} {summary.status}: {summary.files_new} new, "
                       f"{summary.files_changed} changed, {summary.articles_loaded} articles "
                       f"loaded in {summary.seconds:.1f}s")

    failures = watch(folder, db, interval=interval, poll=poll, max_runs=max_runs, on_run=report,
                     on_error=lambda exc: typer.echo(f"pipeline watch: {exc}", err=True))
    raise typer.Exit(code=1 if failures else 0)


@app.command("query")
def query_command(
    sql: Annotated[str, typer.Argument(help="SQL to run read-only against the warehouse.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a read-only SQL query and print the result."""
    from pipeline.analysis import query

    columns, rows = query(db, sql)
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        typer.echo(json.dumps([dict(zip(columns, r, strict=True)) for r in rows],
                              ensure_ascii=False, default=str, indent=1))
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        _console().print(table)


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the files to.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="parquet or csv.")] = "parquet",
) -> None:
    """Export every documented table and view, one Parquet (or CSV) file each."""
    from pipeline.analysis import export

    for path in export(db, out, fmt):
        typer.echo(str(path))


@app.command("stats")
def stats_command(db: DbOption = DEFAULT_DB) -> None:
    """Articles per language and source, stories, records, metrics, last runs, rejections."""
    from pipeline.analysis import stats

    data = stats(db)
    console = _console()
    console.print(" ".join(f"{k} {v}" for k, v in data["totals"].items()))
    for title, headers in (("languages", ("lang", "articles")), ("sources", ("source", "articles")),
                           ("story_methods", ("method", "stories")),
                           ("rejections", ("code", "files")),
                           ("runs", ("run", "status", "seen", "new", "changed", "loaded", "s"))):
        table = Table(*headers, title=title, title_justify="left")
        for row in data[title]:
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)


@app.command("search")
def search_command(
    terms: Annotated[str, typer.Argument(help="Words that must all occur.")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Most results.")] = 10,
) -> None:
    """Full-text search over article text (tone marks and case ignored)."""
    from pipeline.analysis import search

    table = Table("article", "lang", "score", "snippet")
    for aid, lang, score, snippet in search(db, terms, limit):
        table.add_row(aid, lang, f"{score:.2f}", snippet)
    _console().print(table)


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path], typer.Option("--gold", help="Gold YAML file or folder (repeatable).",
                                             exists=True)],
    db: DbOption = DEFAULT_DB,
    run_folder: Annotated[Path | None, typer.Option(
        "--run", help="Run the pipeline on this folder into --db first.", exists=True,
        file_okay=False)] = None,
    details: Annotated[bool, typer.Option(help="Print each document's misses and extras.")] = True,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the full report as JSON.")] = None,
    fail_under: Annotated[float | None, typer.Option(
        help="Exit 1 if metric F1 of any language is below this.")] = None,
) -> None:
    """Score the warehouse against gold annotations (metric P/R/F1, qualifiers, stories...)."""
    from pipeline import warehouse
    from pipeline.evaluate import evaluate, load_gold

    console = _console()
    if run_folder is not None:
        from pipeline.run import run

        summary = run(run_folder, db)
        console.print(f"ran pipeline on {run_folder}: {summary.articles_loaded} articles loaded, "
                      f"{summary.files_unchanged} unchanged")
    con = warehouse.connect(db, read_only=True)
    report = evaluate(con, load_gold(gold))
    con.close()
    print_report(report, console, details)
    if json_out:
        json_out.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    if fail_under is not None and any((s.f1 or 0) < fail_under for s in report.per_language):
        raise typer.Exit(code=1)


def print_report(report: object, console: Console, details: bool) -> None:
    from pipeline.evaluate import EvalReport

    assert isinstance(report, EvalReport)

    def pct(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    table = Table("lang", "docs", "P", "R", "F1", "qualifier", "attribution", "locality",
                  "model", "year", "language", title="metric extraction vs gold",
                  title_justify="left")
    for s in [*report.per_language, report.overall]:
        table.add_row(s.lang, str(s.documents), pct(s.precision), pct(s.recall), pct(s.f1),
                      pct(s.qualifier_accuracy), pct(s.attribution_accuracy),
                      pct(s.locality_recall), pct(s.model_recall), pct(s.year_accuracy),
                      pct(s.language_accuracy))
    console.print(table)
    console.print(f"story pairwise F1 {report.story_pairwise_f1:.3f} "
                  f"(pairs: {report.story_pairs})")
    if not details:
        return
    for d in report.documents:
        if not d.found:
            console.print(f"[red]{d.document}[/red]: not in the warehouse")
            continue
        if d.misses or d.extras or d.wrong_qualifiers or d.wrong_attributions:
            console.print(f"[bold]{d.document}[/bold] ({d.gold_lang})")
            for m in d.misses:
                console.print(f"  [red]miss[/red]  {m}")
            for m in d.extras:
                console.print(f"  [yellow]extra[/yellow] {m}")
            for m in d.wrong_qualifiers:
                console.print(f"  [magenta]qual[/magenta]  {m}")
            for m in d.wrong_attributions:
                console.print(f"  [cyan]place[/cyan] {m}")


def main() -> None:  # pragma: no cover - entry point
    app(prog_name="pipeline")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
