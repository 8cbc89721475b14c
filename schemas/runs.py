"""Rejections and run summaries: errors are values with reasons."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class Rejection(BaseModel):
    """A file (or one record in it) that was not loaded, and why."""

    path: str
    article_id: str | None = None
    code: str = Field(
        description="empty, binary, undecodable, too_large, malformed_json, no_article, "
        "unsupported_language, unsupported_format, read_error, too_short, extract_error"
    )
    reason: str
    size: int = 0
    content_hash: str | None = None


class RunSummary(BaseModel):
    run_id: str
    folder: str
    db: str
    started_at: datetime
    finished_at: datetime | None = None
    status: str = "running"
    files_seen: int = 0
    files_new: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    files_rejected: int = 0
    articles_loaded: int = 0
    articles_per_lang: dict[str, int] = Field(default_factory=dict)
    stories: int = 0
    records: int = 0
    metrics: int = 0
    seconds: float = 0.0
    rejections: list[Rejection] = Field(default_factory=list)
    version: str = ""
    options: dict[str, object] = Field(default_factory=dict)
