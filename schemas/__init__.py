"""Pydantic models: the one definition of every record the pipeline passes or stores."""

from schemas.articles import Article, RawDocument, Story
from schemas.records import Evidence, Locality, Metric, ModelRecord, Qualifier
from schemas.runs import Rejection, RunSummary

__all__ = [
    "Article",
    "Evidence",
    "Locality",
    "Metric",
    "ModelRecord",
    "Qualifier",
    "RawDocument",
    "Rejection",
    "RunSummary",
    "Story",
]
