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

    console = Console(stderr=False)
    summary = run(folder, db, max_bytes=max_bytes)
    if not quiet:
        print_summary(summary, console)
    if strict and summary.rejections:
        raise typer.Exit(code=1)


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
