"""Extractors: pure functions from a cleaned article to records with metrics.

    from extractors import extract
    records = extract(text, "fr")
"""

from extractors.records import extract

__all__ = ["extract"]
