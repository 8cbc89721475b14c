"""The pipeline: ingest, clean, identify, group, extract, load. `run` is the entry point.

    from pipeline import run
    summary = run("data/samples", "data/warehouse.duckdb")
"""

from pipeline.run import run

__all__ = ["run"]
