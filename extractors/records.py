"""Assemble an article's metrics into ModelRecords."""

from __future__ import annotations

from extractors.metrics import extract_metrics
from schemas import ModelRecord


def extract(text: str, lang: str) -> list[ModelRecord]:
    """Records with their metrics for one cleaned article in a supported language."""
    metrics = extract_metrics(text, lang)
    return [ModelRecord(seq=0, metrics=metrics)] if metrics else []
