"""Documents as they move through the stages: raw, cleaned, identified, grouped."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class RawDocument(BaseModel):
    """One article as read from a file, before cleaning.

    A `.jsonl` file yields one RawDocument per line; `article_id` tells them apart.
    """

    article_id: str = Field(description="path, or path#N for the Nth record of a multi-record file")
    path: str = Field(description="the file's path relative to the ingested folder, POSIX style")
    record_no: int = 0
    source_format: str = Field(description="html, text, news-please, trafilatura-json, plain-json")
    text: str = Field(description="article text; for HTML already extracted by trafilatura")
    title: str | None = None
    url: str | None = Field(default=None, description="the article's own canonical or og:url")
    cited_url: str | None = Field(default=None, description="source link found in the markup")
    published: date | None = None
    declared_lang: str | None = None
    encoding: str = "utf-8"


class Article(BaseModel):
    """A cleaned, language-identified article with its story."""

    article_id: str
    path: str
    record_no: int = 0
    source_format: str
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    cited_url: str | None = None
    story_id: str = ""
    story_method: str = ""
    lang: str
    lang_prob: float
    published: date | None = None
    encoding: str = "utf-8"
    text: str
    dropped_lines: int = 0
    fingerprint: str | None = Field(
        default=None, description="sorted numerals of the text: groups translations with no URL")


class Story(BaseModel):
    """A press release and all its translations."""

    story_id: str
    canonical_url: str | None = None
    method: str = Field(description="cited_url, own_url or singleton")
