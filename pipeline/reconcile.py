"""One set of facts per story: align the records of a story's translations and vote.

Pure functions over plain rows. Records of the story's articles are aligned to story records
by shared metric values, then locality, year and order; each story metric groups the
translations' metrics of one value and counts how many articles agree. Where they name the
value differently ("73 sujets" / "73 kasus") the story metric keeps the majority key and is
flagged as a conflict, with every key listed. Summing story metrics counts each fact once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from extractors.gazetteer import fold

TOLERANCE = 0.005
Row = dict[str, Any]


@dataclass
class _Cluster:
    records: list[Row] = field(default_factory=list)
    metrics: list[list[Row]] = field(default_factory=list)  # groups of equal-valued metrics
    place: str | None = None  # the first record's lowest place, folded


@dataclass
class _ValueIndex:
    """Every metric group's value in a story, sorted, with its cluster: which clusters hold
    a value close to a record's is a binary search, not a scan of every cluster."""

    values: list[tuple[float, int]] = field(default_factory=list)

    def add(self, value: float, cluster: int) -> None:
        insort(self.values, (value, cluster))

    def clusters_near(self, value: float) -> set[int]:
        # _close(value, v) needs value(1 - t) <= v <= value / (1 - t) (values are never negative)
        lo = bisect_left(self.values, (value * (1 - TOLERANCE), -1))
        hi = bisect_right(self.values, (value / (1 - TOLERANCE), len(self.values) + 1))
        return {c for v, c in self.values[lo:hi] if _close(value, v)}


def reconcile(story_id: str, records: list[Row], metrics: list[Row],
              articles: list[Row]) -> tuple[list[Row], list[Row]]:
    """(story_records, story_metrics) of one story from its articles' rows."""
    by_record: dict[str, list[Row]] = {}
    for m in metrics:
        by_record.setdefault(m["record_id"], []).append(m)
    order = _article_order(articles, records, metrics)
    clusters: list[_Cluster] = []
    index = _ValueIndex()
    for article_id in order:
        taken: set[int] = set()
        for rec in sorted((r for r in records if r["article_id"] == article_id),
                          key=lambda r: r["seq"]):
            mine = by_record.get(rec["record_id"], [])
            best = None
            if len(taken) < len(clusters):  # else every cluster holds one of this article's
                shared = Counter(c for m in mine for c in index.clusters_near(m["value"]))
                best, _ = _best_cluster(rec, mine, clusters, taken, shared)
            if best is None:
                clusters.append(_Cluster())
                best = len(clusters) - 1
            taken.add(best)
            for value in _absorb(clusters[best], rec, mine):
                index.add(value, best)
    langs = {a["article_id"]: a["lang"] for a in articles}
    return _rows(story_id, clusters, langs)


def _article_order(articles: list[Row], records: list[Row], metrics: list[Row]) -> list[str]:
    """The original first (it is the source), then articles with the most metrics."""
    counts = Counter(m["article_id"] for m in metrics)
    def key(a: Row) -> tuple[int, int, str]:
        original = a.get("story_method") == "own_url"
        return (0 if original else 1, -counts[a["article_id"]], a["article_id"])
    present = {r["article_id"] for r in records}
    return [a["article_id"] for a in sorted(articles, key=key) if a["article_id"] in present]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-9)


def _best_cluster(rec: Row, mine: list[Row], clusters: list[_Cluster], taken: set[int],
                  shared_by: Counter[int]) -> tuple[int | None, float]:
    """The cluster a record joins: shared_by[i] of its metrics have a value in cluster i."""
    best, best_score = None, 0.0
    place = _folded_place(rec)
    # a record with metrics joins only a cluster sharing one of their values: those alone are
    # scored (in cluster order, so ties go the same way), not every cluster of the story
    for i in sorted(shared_by) if mine else range(len(clusters)):
        if i in taken:
            continue
        c, shared = clusters[i], shared_by[i]
        head = c.records[0]
        same_place = bool(place) and place == c.place
        same_kind = (rec.get("model_name") is None) == (head.get("model_name") is None)
        score = 3.0 * shared + (2.0 if same_place else 0.0) + (0.5 if same_kind else 0.0)
        if rec.get("year") and rec.get("year") == head.get("year"):
            score += 0.5
        enough = shared > 0 or (same_place and same_kind and not mine and not c.metrics)
        if enough and score > best_score:
            best, best_score = i, score
    return best, best_score


def _folded_place(rec: Row) -> str | None:
    lowest = _lowest(rec)
    return fold(lowest) if lowest else None


def _lowest(rec: Row) -> str | None:
    return rec.get("commune") or rec.get("district") or rec.get("province")


def _absorb(cluster: _Cluster, rec: Row, mine: list[Row]) -> list[float]:
    """Add a record and its metrics to a cluster; returns the values of new metric groups."""
    if not cluster.records:  # a new cluster: each metric opens a group (none can share one)
        cluster.place = _folded_place(rec)
        cluster.records.append(rec)
        cluster.metrics = [[m] for m in mine]
        return [m["value"] for m in mine]
    new: list[float] = []
    cluster.records.append(rec)
    used: set[int] = set()
    for m in mine:
        k = next((i for i, g in enumerate(cluster.metrics)
                  if i not in used and _close(g[0]["value"], m["value"])
                  and all(x["article_id"] != m["article_id"] for x in g)), None)
        if k is None:
            cluster.metrics.append([m])
            new.append(m["value"])
            used.add(len(cluster.metrics) - 1)
        else:
            cluster.metrics[k].append(m)
            used.add(k)
    return new


def _vote(values: list[Any]) -> Any:
    """The most frequent value that is not None (the first seen among equals)."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    first = present[0]
    if len(present) == 1 or all(v == first for v in present):  # most votes are unanimous
        return first
    return Counter(present).most_common(1)[0][0]


VOTED = ("field", "province", "district", "commune", "village", "province_code",
         "district_code", "commune_code", "province_2025", "commune_2025", "year", "year_from",
         "year_to")


def _voted(records: list[Row]) -> Row:
    """Each field's vote over a cluster's records (most clusters hold one: its own values)."""
    if len(records) == 1:
        return {k: records[0].get(k) for k in VOTED}
    return {k: _vote([r.get(k) for r in records]) for k in VOTED}


def _rows(story_id: str, clusters: list[_Cluster], langs: dict[str, str]) -> tuple[list[Row], list[Row]]:
    story_records: list[Row] = []
    story_metrics: list[Row] = []
    for seq, c in enumerate(clusters):
        srid = f"{story_id}/{seq}"
        names = {langs.get(r["article_id"], "?"): r["model_name"] for r in c.records
                 if r.get("model_name")}
        articles = sorted({r["article_id"] for r in c.records})
        story_records.append({
            "story_record_id": srid, "story_id": story_id, "seq": seq,
            "model_name": next(iter(names.values()), None), "model_names": names or None,
            "quoted": any(r.get("quoted") for r in c.records),
            **_voted(c.records),
            "n_articles": len(articles),
            "languages": sorted({langs.get(a, "?") for a in articles}),
            "record_ids": [r["record_id"] for r in c.records],
        })
        for mseq, group in enumerate(c.metrics):
            lead = group[0]
            if len(group) == 1:  # most groups: one article's metric, its own values
                story_metrics.append(_single(lead, f"{srid}/{mseq}", srid, story_id, langs))
                continue
            keys = Counter(m["metric"] for m in group)
            story_metrics.append({
                "story_metric_id": f"{srid}/{mseq}", "story_record_id": srid,
                "story_id": story_id, "metric": _vote([m["metric"] for m in group]),
                "value": lead["value"], "qualifier": _vote([m["qualifier"] for m in group]),
                "unit": lead.get("unit"), "year": _vote([m.get("year") for m in group]),
                "n_articles": len({m["article_id"] for m in group}),
                "languages": sorted({langs.get(m["article_id"], "?") for m in group}),
                "conflict": len(keys) > 1, "keys": sorted(keys),
                "evidence": lead.get("evidence"), "metric_ids": [m["metric_id"] for m in group],
            })
    return story_records, story_metrics


def _single(m: Row, smid: str, srid: str, story_id: str, langs: dict[str, str]) -> Row:
    """The story metric of a group of one: what the vote over one metric gives."""
    return {
        "story_metric_id": smid, "story_record_id": srid, "story_id": story_id,
        "metric": m["metric"], "value": m["value"], "qualifier": m["qualifier"],
        "unit": m.get("unit"), "year": m.get("year"), "n_articles": 1,
        "languages": [langs.get(m["article_id"], "?")], "conflict": False, "keys": [m["metric"]],
        "evidence": m.get("evidence"), "metric_ids": [m["metric_id"]],
    }
