"""Lexicons: every language file is complete, valid, and speaks the FORMAT.md vocabulary."""

from __future__ import annotations

import re

import pytest
import yaml
from pydantic import ValidationError

from extractors.lexicon import Lexicon, available_languages, load_lexicon
from extractors.vocabulary import METRIC_KEYS, UNIT_OF

LANGS = ["en", "fa", "fr", "id", "vi"]


def test_the_five_languages_have_lexicons() -> None:
    assert available_languages() == LANGS


@pytest.mark.parametrize("lang", LANGS)
def test_every_metric_key_has_cue_words_or_a_unit(lang: str) -> None:
    lex = load_lexicon(lang)
    covered = {k for k, words in lex.metrics.items() if words} | {u.metric for u in lex.units}
    assert covered == set(METRIC_KEYS), f"missing: {sorted(set(METRIC_KEYS) - covered)}"
    assert {u.metric for u in lex.units} >= set(UNIT_OF)


@pytest.mark.parametrize("lang", LANGS)
def test_boilerplate_patterns_compile(lang: str) -> None:
    lex = load_lexicon(lang)
    for pattern in [*lex.boilerplate.line_patterns, *lex.boilerplate.tail_markers,
                    *lex.boilerplate.caption_patterns]:
        re.compile(pattern)


@pytest.mark.parametrize("section", sorted(Lexicon.model_fields))
def test_a_lexicon_missing_a_section_is_rejected(section: str) -> None:
    from importlib import resources

    raw = yaml.safe_load((resources.files("extractors") / "lexicons" / "en.yaml").read_text("utf-8"))
    del raw[section]
    with pytest.raises(ValidationError):
        Lexicon.model_validate(raw)


def test_an_unknown_metric_key_is_rejected() -> None:
    raw = load_lexicon("en").model_dump()
    raw["metrics"]["bicycles"] = ["bicycles"]
    with pytest.raises(ValidationError, match="vocabulary"):
        Lexicon.model_validate(raw)


def test_the_engines_never_branch_on_a_language_code() -> None:
    """Language knowledge is data: no `lang == "xx"` in the extractors or cleaning code."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    pattern = re.compile(r"""lang\s*(==|!=|in)\s*[\(\[{]?\s*["'](vi|en|fr|id|fa)["']""")
    for path in [*root.glob("extractors/*.py"), *root.glob("pipeline/*.py")]:
        assert not pattern.search(path.read_text("utf-8")), path.name
