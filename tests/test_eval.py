"""`pipeline eval`: the scorer follows FORMAT.md, and quality on gold stays above its floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import run, warehouse
from pipeline.evaluate import EvalReport, SysDoc, SysMetric, evaluate, load_gold, score_document
from schemas.gold import GoldStory
from tests.conftest import GOLD, SAMPLES

STORY = GoldStory.model_validate({
    "id": "s", "documents": {"fr": "a.txt"},
    "records": [{"model": None, "locality": {"province": "Quang Nam"}, "metrics": [
        {"metric": "models", "value": 6540},
        {"metric": ["subjects", "cases"], "value": 73},
        {"metric": "km", "value": 0.916},
        {"metric": "models", "value": 2, "qualifier": "range", "optional": True},
    ]}],
})


def _doc(*metrics: tuple[str, float, str]) -> SysDoc:
    return SysDoc("a.txt", "a.txt", "fr", "s1",
                  [SysMetric(k, v, q, "a.txt/0", f"{v} {k}") for k, v, q in metrics])


def test_values_match_within_half_a_percent_and_keys_may_be_a_list() -> None:
    score = score_document("a.txt", STORY, "fr", _doc(("models", 6541, "exact"),
                                                      ("cases", 73, "exact"),
                                                      ("km", 0.92, "exact")))
    assert (score.tp, score.fp, score.fn) == (3, 0, 0)


def test_optional_entries_neither_help_nor_hurt() -> None:
    without = score_document("a.txt", STORY, "fr", _doc(("models", 6540, "exact")))
    with_optional = score_document("a.txt", STORY, "fr", _doc(("models", 6540, "exact"),
                                                            ("models", 2, "range")))
    assert (without.tp, without.fp) == (with_optional.tp, with_optional.fp) == (1, 0)


def test_misses_extras_and_qualifiers_are_reported() -> None:
    score = score_document("a.txt", STORY, "fr", _doc(("models", 6540, "approx"),
                                                      ("households", 12, "exact")))
    assert (score.tp, score.fp, score.fn, score.qualifier_ok) == (1, 1, 2, 0)
    assert any("households=12" in e for e in score.extras)
    assert any("km=0.916" in m for m in score.misses)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> EvalReport:
    db = tmp_path_factory.mktemp("eval") / "w.duckdb"
    run(SAMPLES, db)
    con = warehouse.connect(db, read_only=True)
    try:
        return evaluate(con, load_gold([GOLD]))
    finally:
        con.close()


def test_every_gold_document_is_found(report: EvalReport) -> None:
    assert all(d.found for d in report.documents)
    assert {s.lang for s in report.per_language} == {"en", "fa", "fr", "id", "vi"}


@pytest.mark.parametrize("lang", ["en", "fa", "fr", "id", "vi"])
def test_metric_quality_floor(report: EvalReport, lang: str) -> None:
    scores = next(s for s in report.per_language if s.lang == lang)
    assert scores.f1 is not None and scores.f1 >= 0.95
    assert scores.qualifier_accuracy is not None and scores.qualifier_accuracy >= 0.95
    assert scores.language_accuracy == 1.0


def test_stories_are_grouped_as_in_gold(report: EvalReport) -> None:
    assert report.story_pairwise_f1 == 1.0


def test_no_false_positive_from_boilerplate_dates_or_identifiers(report: EvalReport) -> None:
    extras = [e for d in report.documents for e in d.extras]
    assert extras == []


def test_gold_folder_loads_every_file() -> None:
    stories = load_gold([GOLD])
    assert len(stories) >= 5
    assert Path(GOLD / "seeds.yaml").exists()


@pytest.mark.parametrize(("articles", "gold"), [("articles", "gold.yaml"),
                                               ("round2", "round2/gold.yaml"),
                                               ("round3", "round3/gold.yaml"),
                                               ("round4", "round4/gold.yaml"),
                                               ("round5", "round5/gold.yaml"),
                                               ("round6", "round6/gold.yaml"),
                                               ("round7", "round7/gold.yaml"),
                                               ("round8", "round8/gold.yaml"),
                                               ("round9", "round9/gold.yaml"),
                                               ("round10", "round10/gold.yaml"),
                                               ("round11", "round11/gold.yaml"),
                                               ("round12", "round12/gold.yaml"),
                                               ("round13", "round13/gold.yaml"),
                                               ("round14", "round14/gold.yaml"),
                                               ("round15", "round15/gold.yaml"),
                                               ("round16", "round16/gold.yaml"),
                                               ("round17", "round17/gold.yaml"),
                                               ("round18", "round18/gold.yaml"),
                                               ("round19", "round19/gold.yaml"),
                                               ("round20", "round20/gold.yaml"),
                                               ("round21", "round21/gold.yaml"),
                                               ("round22", "round22/gold.yaml"),
                                               ("round23", "round23/gold.yaml"),
                                               ("round24", "round24/gold.yaml"),
                                               ("round25", "round25/gold.yaml"),
                                               ("round26", "round26/gold.yaml"),
                                               ("round27", "round27/gold.yaml"),
                                               ("round28", "round28/gold.yaml"),
                                               ("round29", "round29/gold.yaml"),
                                               ("round30", "round30/gold.yaml"),
                                               ("round31", "round31/gold.yaml"),
                                               ("round32", "round32/gold.yaml"),
                                               ("round33", "round33/gold.yaml"),
                                               ("round34", "round34/gold.yaml"),
                                               ("round35", "round35/gold.yaml"),
                                               ("round36", "round36/gold.yaml"),
                                               ("round37", "round37/gold.yaml"),
                                               ("round38", "round38/gold.yaml"),
                                               ("round39", "round39/gold.yaml"),
                                               ("round40", "round40/gold.yaml"),
                                               ("round41", "round41/gold.yaml"),
                                               ("round42", "round42/gold.yaml"),
                                               ("round43", "round43/gold.yaml"),
                                               ("round44", "round44/gold.yaml"),
                                               ("round45", "round45/gold.yaml"),
                                               ("round46", "round46/gold.yaml"),
                                               ("round47", "round47/gold.yaml"),
                                               ("round48", "round48/gold.yaml"),
                                               ("round49", "round49/gold.yaml"),
                                               ("round50", "round50/gold.yaml"),
                                               ("round51", "round51/gold.yaml"),
                                               ("round52", "round52/gold.yaml"),
                                               ("round53", "round53/gold.yaml"),
                                               ("round54", "round54/gold.yaml"),
                                               ("round55", "round55/gold.yaml"),
                                               ("round56", "round56/gold.yaml"),
                                               ("round57", "round57/gold.yaml"),
                                               ("round58", "round58/gold.yaml"),
                                               ("round59", "round59/gold.yaml"),
                                               ("round60", "round60/gold.yaml"),
                                               ("round61", "round61/gold.yaml"),
                                               ("round62", "round62/gold.yaml"),
                                               ("round63", "round63/gold.yaml"),
                                               ("round64", "round64/gold.yaml"),
                                               ("round65", "round65/gold.yaml"),
                                               ("round66", "round66/gold.yaml"),
                                               ("round67", "round67/gold.yaml"),
                                               ("round68", "round68/gold.yaml"),
                                               ("round69", "round69/gold.yaml"),
                                               ("round70", "round70/gold.yaml"),
                                               ("round71", "round71/gold.yaml"),
                                               ("round72", "round72/gold.yaml"),
                                               ("round73", "round73/gold.yaml"),
                                               ("round74", "round74/gold.yaml"),
                                               ("round75", "round75/gold.yaml"),
                                               ("round76", "round76/gold.yaml"),
                                               ("round77", "round77/gold.yaml"),
                                               ("round78", "round78/gold.yaml"),
                                               ("round79", "round79/gold.yaml"),
                                               ("round80", "round80/gold.yaml"),
                                               ("round81", "round81/gold.yaml"),
                                               ("round82", "round82/gold.yaml"),
                                               ("round83", "round83/gold.yaml"),
                                               ("round84", "round84/gold.yaml"),
                                               ("round85", "round85/gold.yaml"),
                                               ("round86", "round86/gold.yaml"),
                                               ("round87", "round87/gold.yaml"),
                                               ("round88", "round88/gold.yaml"),
                                               ("round89", "round89/gold.yaml"),
                                               ("round90", "round90/gold.yaml"),
                                               ("round91", "round91/gold.yaml"),
                                               ("round92", "round92/gold.yaml"),
                                               ("round93", "round93/gold.yaml")])
def test_held_out_articles_stay_above_their_floor(tmp_path: Path, articles: str, gold: str) -> None:
    from tests.conftest import ROOT

    db = tmp_path / "heldout.duckdb"
    run(ROOT / "tests" / "heldout" / articles, db)
    con = warehouse.connect(db, read_only=True)
    report = evaluate(con, load_gold([ROOT / "tests" / "heldout" / gold]))
    con.close()
    assert all(d.found for d in report.documents)
    assert report.overall.f1 is not None and report.overall.f1 >= 0.9
    assert report.overall.attribution_accuracy is not None and report.overall.attribution_accuracy >= 0.8
