"""The `pipeline` command: thin over the library; parses options, calls, prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pipeline.ingest import DEFAULT_MAX_BYTES
from schemas import RunSummary

app = typer.Typer(help="Multilingual news-to-structured-data pipeline for 'Skilled Mass "
                       "Mobilization' reports.", no_args_is_help=True, add_completion=False)
DEFAULT_DB = Path("data/warehouse.duckdb")


def _console() -> Console:
    """A console that does not squeeze tables to 80 columns when output is piped."""
    return Console(width=None if sys.stdout.isatty() else 132)
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file.")]


@app.callback()
def _root() -> None:
    """Multilingual news-to-structured-data pipeline for 'Skilled Mass Mobilization' reports."""


@app.command("run")
def run_command(
    folder: Annotated[Path, typer.Argument(help="Folder of crawled articles (searched recursively).",
                                           exists=True, file_okay=False)],
    db: DbOption = DEFAULT_DB,
    strict: Annotated[bool, typer.Option(help="Exit 1 if any file or record was rejected.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Reject files larger than this.")] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing unless it fails.")] = False,
) -> None:
    """Clean, identify, group, extract and load every article under FOLDER, incrementally."""
    from pipeline.run import run

    console = _console()
    summary = run(folder, db, max_bytes=max_bytes)
    if not quiet:
        print_summary(summary, console)
    if strict and summary.rejections:
        raise typer.Exit(code=1)


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


def main() -> None:  # pragma: no cover - entry point
    app(prog_name="pipeline")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
