"""`pipeline eval`: score a warehouse against gold files, with the rules of FORMAT.md.

Per document: metric precision / recall / F1 over (metric, value) pairs (values within 0.5 %,
a gold list of keys matches any of them, optional entries neither help nor hurt), qualifier
accuracy over matched pairs, attribution accuracy, locality recall, quoted-model recall, year
accuracy and language; across documents, story pairwise F1. Reported per language.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path, PurePosixPath

import duckdb
import yaml
from pydantic import BaseModel, ValidationError
from rapidfuzz import fuzz
from unidecode import unidecode

from schemas.gold import GoldFile, GoldMetric, GoldRecord, GoldStory

VALUE_TOLERANCE = 0.005
MODEL_MATCH = 85.0


def fold(text: str | None) -> str:
    """ASCII, case- and tone-mark-folded, punctuation-free form for comparing names."""
    if not text:
        return ""
    ascii_text = unidecode(text).lower()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in ascii_text).split())


@dataclass
class SysRecord:
    record_id: str
    model_name: str | None
    year: int | None
    localities: dict[str, str | None]

    def lowest(self) -> str | None:
        loc = self.localities
        return loc.get("commune") or loc.get("district") or loc.get("province")


@dataclass
class SysMetric:
    metric: str
    value: float
    qualifier: str
    record_id: str
    surface: str


@dataclass
class SysDoc:
    article_id: str
    path: str
    lang: str
    story_id: str
    metrics: list[SysMetric] = field(default_factory=list)
    records: dict[str, SysRecord] = field(default_factory=dict)


class DocScore(BaseModel):
    document: str
    gold_story: str
    gold_lang: str
    found: bool
    sys_lang: str | None = None
    tp: int = 0
    fp: int = 0
    fn: int = 0
    qualifier_ok: int = 0
    attribution_ok: int = 0
    localities_found: int = 0
    localities: int = 0
    models_found: int = 0
    models: int = 0
    years_ok: int = 0
    years: int = 0
    misses: list[str] = []
    extras: list[str] = []
    wrong_qualifiers: list[str] = []
    wrong_attributions: list[str] = []


class Scores(BaseModel):
    lang: str
    documents: int
    precision: float | None
    recall: float | None
    f1: float | None
    qualifier_accuracy: float | None
    attribution_accuracy: float | None
    locality_recall: float | None
    model_recall: float | None
    year_accuracy: float | None
    language_accuracy: float | None


class EvalReport(BaseModel):
    per_language: list[Scores]
    overall: Scores
    story_pairwise_f1: float
    story_pairs: dict[str, int]
    documents: list[DocScore]


def load_gold(paths: list[Path]) -> list[GoldStory]:
    """Stories of every gold file; a folder means every *.yaml in it."""
    stories: list[GoldStory] = []
    for path in paths:
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for f in files:
            try:
                gold = GoldFile.model_validate(yaml.safe_load(f.read_text("utf-8")))
            except (ValidationError, yaml.YAMLError) as exc:
                raise ValueError(f"{f} is not a valid gold file (see FORMAT.md): {exc}") from exc
            stories.extend(gold.stories)
    return stories


def load_system(con: duckdb.DuckDBPyConnection) -> dict[str, SysDoc]:
    docs = {aid: SysDoc(aid, path, lang, sid) for aid, path, lang, sid in con.execute(
        "SELECT article_id, path, lang, story_id FROM articles").fetchall()}
    for rid, aid, name, year, prov, dist, comm, vill in con.execute(
            "SELECT record_id, article_id, model_name, year, province, district, commune, "
            "village FROM records").fetchall():
        if aid in docs:
            docs[aid].records[rid] = SysRecord(rid, name, year, {
                "province": prov, "district": dist, "commune": comm, "village": vill})
    for aid, metric, value, qualifier, rid, surface in con.execute(
            "SELECT article_id, metric, value, qualifier, record_id, surface FROM metrics "
            "ORDER BY article_id, record_id, seq").fetchall():
        if aid in docs:
            docs[aid].metrics.append(SysMetric(metric, value, qualifier, rid, surface))
    return docs


def evaluate(con: duckdb.DuckDBPyConnection, gold: list[GoldStory]) -> EvalReport:
    system = load_system(con)
    doc_scores: list[DocScore] = []
    located: dict[str, tuple[str, SysDoc]] = {}  # document name -> (gold story id, system doc)
    for story in gold:
        for lang, name in story.documents.items():
            doc = _locate(name, system)
            if doc is None:
                doc_scores.append(DocScore(document=name, gold_story=story.id, gold_lang=lang,
                                           found=False))
                continue
            located[name] = (story.id, doc)
            doc_scores.append(score_document(name, story, lang, doc))
    by_lang: dict[str, list[DocScore]] = defaultdict(list)
    for d in doc_scores:
        by_lang[d.gold_lang].append(d)
    per_language = [_aggregate(lang, ds) for lang, ds in sorted(by_lang.items())]
    f1, pairs = _story_f1(located)
    return EvalReport(per_language=per_language, overall=_aggregate("all", doc_scores),
                      story_pairwise_f1=f1, story_pairs=pairs, documents=doc_scores)


def _locate(name: str, system: dict[str, SysDoc]) -> SysDoc | None:
    if name in system:
        return system[name]
    by_path = [d for d in system.values() if d.path == name]
    if len(by_path) == 1:
        return by_path[0]
    base = [d for d in system.values() if PurePosixPath(d.article_id).name == name]
    return base[0] if len(base) == 1 else None


def score_document(name: str, story: GoldStory, lang: str, doc: SysDoc) -> DocScore:
    score = DocScore(document=name, gold_story=story.id, gold_lang=lang, found=True,
                     sys_lang=doc.lang)
    required = [(r, m) for r in story.records for m in r.metrics if not m.optional]
    optional = [m for r in story.records for m in r.metrics if m.optional]
    unmatched = list(range(len(doc.metrics)))
    matched: list[tuple[GoldRecord, GoldMetric, SysMetric]] = []
    for record, gm in required:
        hit = next((i for i in unmatched if _matches(gm, doc.metrics[i])), None)
        if hit is None:
            score.misses.append(f"{'|'.join(gm.keys)}={gm.value:g} ({gm.qualifier})")
            continue
        unmatched.remove(hit)
        matched.append((record, gm, doc.metrics[hit]))
    extras = [doc.metrics[i] for i in unmatched
              if not any(_matches(o, doc.metrics[i]) for o in optional)]
    score.extras = [f"{m.metric}={m.value:g} ({m.qualifier}) «{m.surface}»" for m in extras]
    score.tp, score.fp, score.fn = len(matched), len(extras), len(score.misses)
    for record, gm, sm in matched:
        if gm.qualifier == sm.qualifier:
            score.qualifier_ok += 1
        else:
            score.wrong_qualifiers.append(f"{sm.metric}={sm.value:g}: {sm.qualifier} (gold "
                                          f"{gm.qualifier}) «{sm.surface}»")
        sys_record = doc.records.get(sm.record_id)
        if sys_record and fold(sys_record.lowest()) == fold(record.locality.lowest()):
            score.attribution_ok += 1
        else:
            got = sys_record.lowest() if sys_record else None
            score.wrong_attributions.append(f"{sm.metric}={sm.value:g}: {got} (gold "
                                            f"{record.locality.lowest()})")
    _score_records(score, story, lang, doc, matched)
    return score


def _matches(gm: GoldMetric, sm: SysMetric) -> bool:
    return sm.metric in gm.keys and abs(sm.value - gm.value) <= VALUE_TOLERANCE * abs(gm.value)


def _score_records(score: DocScore, story: GoldStory, lang: str, doc: SysDoc,
                   matched: list[tuple[GoldRecord, GoldMetric, SysMetric]]) -> None:
    found_places = {fold(v) for r in doc.records.values() for v in r.localities.values() if v}
    sys_models = [fold(r.model_name) for r in doc.records.values() if r.model_name]
    for record in story.records:
        lowest = record.locality.commune or record.locality.district
        if lowest:
            score.localities += 1
            score.localities_found += fold(lowest) in found_places
        name = record.model_in(lang)
        if record.quoted and name:
            score.models += 1
            score.models_found += any(fuzz.ratio(fold(name), m) >= MODEL_MATCH for m in sys_models)
        if record.year is not None:
            sys_record = _matched_record(record, lang, doc, matched, sys_models)
            if sys_record is not None:
                score.years += 1
                score.years_ok += sys_record.year == record.year


def _matched_record(record: GoldRecord, lang: str, doc: SysDoc,
                    matched: list[tuple[GoldRecord, GoldMetric, SysMetric]],
                    sys_models: list[str]) -> SysRecord | None:
    """The system record holding most of this gold record's matched metrics, else by name."""
    votes: dict[str, int] = defaultdict(int)
    for gold_record, _, sm in matched:
        if gold_record is record:
            votes[sm.record_id] += 1
    if votes:
        return doc.records.get(max(votes, key=lambda k: votes[k]))
    name = record.model_in(lang)
    if name:
        for r in doc.records.values():
            if r.model_name and fuzz.ratio(fold(name), fold(r.model_name)) >= MODEL_MATCH:
                return r
    return None


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _aggregate(lang: str, docs: list[DocScore]) -> Scores:
    tp, fp, fn = (sum(getattr(d, k) for d in docs) for k in ("tp", "fp", "fn"))
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = (round(2 * precision * recall / (precision + recall), 4)
          if precision is not None and recall is not None and precision + recall else
          (1.0 if tp + fp + fn == 0 and docs else None))
    found = [d for d in docs if d.found]
    return Scores(
        lang=lang, documents=len(docs), precision=precision, recall=recall, f1=f1,
        qualifier_accuracy=_ratio(sum(d.qualifier_ok for d in docs), tp),
        attribution_accuracy=_ratio(sum(d.attribution_ok for d in docs), tp),
        locality_recall=_ratio(sum(d.localities_found for d in docs),
                               sum(d.localities for d in docs)),
        model_recall=_ratio(sum(d.models_found for d in docs), sum(d.models for d in docs)),
        year_accuracy=_ratio(sum(d.years_ok for d in docs), sum(d.years for d in docs)),
        language_accuracy=_ratio(sum(d.sys_lang == d.gold_lang for d in found), len(docs)),
    )


def _story_f1(located: dict[str, tuple[str, SysDoc]]) -> tuple[float, dict[str, int]]:
    names = sorted(located)
    gold_pairs = {(a, b) for a, b in combinations(names, 2) if located[a][0] == located[b][0]}
    sys_pairs = {(a, b) for a, b in combinations(names, 2)
                 if located[a][1].story_id == located[b][1].story_id}
    both = len(gold_pairs & sys_pairs)
    counts = {"gold": len(gold_pairs), "system": len(sys_pairs), "agreed": both}
    if not gold_pairs and not sys_pairs:
        return 1.0, counts
    if not both:
        return 0.0, counts
    p, r = both / len(sys_pairs), both / len(gold_pairs)
    return round(2 * p * r / (p + r), 4), counts
