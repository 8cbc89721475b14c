"""The benchmark corpus generator: deterministic, every language, about the size asked for."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.generate import SET_SIZE, _language, base_documents, generate
from extractors.lexicon import available_languages
from pipeline.ingest import read_documents


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("corpus"), 120, seed=7)


def test_the_same_seed_writes_the_same_corpus(corpus: list[Path], tmp_path: Path) -> None:
    again = generate(tmp_path / "again", 120, seed=7)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in corpus]
    other = generate(tmp_path / "other", 120, seed=8)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in corpus]


def test_a_record_too_short_to_keep_gives_no_language_and_the_next_does() -> None:
    """A JSON Lines fixture may open on a record the pipeline rejects (round 63's first record
    is a one-line report); the generator takes the language of the first it keeps."""
    lines = ('{"url": "https://x.test/a", "text": "Ha Nam attracted 18 new projects."}\n'
             '{"url": "https://x.test/b", "text": "In 2022, Thanh Liem district had 87 recognized '
             'models, of which 12 were commended by the provincial committee."}\n')
    docs, _ = read_documents("mixed.jsonl", lines.encode())
    assert [_language(d) for d in docs] == [None, "en"]


def test_every_language_and_format_is_drawn_from() -> None:
    bases = base_documents()
    assert {lang for _, _, lang in bases} == set(available_languages())
    assert {suffix for suffix, _, _ in bases} >= {".txt", ".html", ".json", ".jsonl"}


def test_articles_are_about_the_size_asked_for(corpus: list[Path]) -> None:
    sizes = [p.stat().st_size for p in corpus if p.stat().st_size > 2100]  # not the bad files
    assert 5000 <= sum(sizes) / len(sizes) <= 8000


def _bad_kind(path: Path) -> str | None:
    data = path.read_bytes()
    if not data:
        return "empty"
    if data.startswith(b'{"url": "x", "maintext": "unterminated'):
        return "malformed json"
    if data.startswith(b"Das Modell"):
        return "unsupported language"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "binary"
    return None


def test_a_share_of_files_is_bad(corpus: list[Path], tmp_path: Path) -> None:
    assert sum(_bad_kind(p) is not None for p in corpus) < len(corpus) * 0.1
    # every kind of bad file is drawn (a larger share, so that no seed is needed to show it)
    files = generate(tmp_path, 400, seed=3, bad_share=0.25)
    kinds = Counter(kind for p in files if (kind := _bad_kind(p)) is not None)
    assert set(kinds) == {"empty", "malformed json", "unsupported language", "binary"}
    assert 0.15 * len(files) < sum(kinds.values()) < 0.35 * len(files)


def test_articles_of_a_set_cite_one_story(corpus: list[Path]) -> None:
    cited = [set(re.findall(r"story-(\d+)\.html", p.read_text(errors="replace"))) for p in corpus]
    for i, stories in enumerate(cited):
        assert stories <= {str(i // SET_SIZE)}, corpus[i].name
    assert sum(1 for s in cited if s) > len(corpus) / 2
