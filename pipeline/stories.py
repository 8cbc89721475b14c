"""Stories: a press release and its translations, keyed by the canonical source URL.

A translation cites its original ("Source:", "Nguồn:", "Sumber:", "منبع:"); an original is
known by its own canonical URL. Both canonicalise to the same key, so they share a story.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from functools import cache, lru_cache
from operator import itemgetter
from typing import Generic, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from extractors.lexicon import all_lexicons

T = TypeVar("T")

_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|ref|ref_src|cmpid|"
    r"zarsrc|gidzl|share|amp|s_cid|spm|at_\w+)$", re.I)
_HOST_PATH = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}(?::\d+)?(?:/\S*)?$", re.I)


def canonical_url(url: str | None) -> str | None:
    """One spelling per page: https, lower-case host without www., no default port, fragment,
    tracking parameters or trailing slash; remaining query parameters sorted."""
    if not url:
        return None
    url = url.strip().strip("<>\"'“”«»()[].,;")
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
        if url.startswith("//"):
            url = "https:" + url
        elif _HOST_PATH.match(url):
            url = "https://" + url
        else:
            return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    # the AMP copy of a page is the page: ".../article/amp", "/amp/article", "article.amp"
    path = re.sub(r"^/amp(?=/)|/amp$|\.amp$", "", path)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING.match(k))
    return urlunsplit(("https", host, path, urlencode(query), ""))


@cache
def _source_line_re() -> re.Pattern[str]:
    cues = sorted({c for lx in all_lexicons() for c in lx.source_cues}, key=len, reverse=True)
    body = "|".join(re.escape(c) for c in cues)
    # the address right after the cue, or after the source's name on the same line, where it
    # is written as one ("Source: Binh Duong newspaper (https://baobinhduong.vn/...)")
    return re.compile(
        rf"(?im)^\s*(?:{body})\s*[:：\-–]?\s*(?:\(?\s*)((?:https?://|www\.)?[\w.-]+\.[a-z]{{2,}}"
        rf"(?:/[^\s<>\"“”«»]*)?)"
        rf"|^\s*(?:{body})\s*[:：\-–]?[^\n]{{1,80}}?[\s(\[]((?:https?://|www\.)[\w.-]+\.[a-z]{{2,}}"
        rf"(?:/[^\s<>\"“”«»()\[\]]*)?)")


def _source_urls(text: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in _source_line_re().finditer(text)]


def page_url(url: str | None) -> str | None:
    """The canonical URL, where it names a page: a site's bare address ("Source: baolamdong.vn",
    the text of a link to the article) names no report, and as a story key would put every
    article citing that site in one story."""
    canon = canonical_url(url)
    if canon is None:
        return None
    parts = urlsplit(canon)
    return canon if parts.path or parts.query else None


def cited_url(text: str) -> str | None:
    """The page a translation cites on a 'Source: ...' line (the last one wins)."""
    for url in reversed(_source_urls(text)):
        canon = page_url(url)
        if canon:
            return canon
    return None


def cited_site(text: str, link: str | None = None) -> str | None:
    """The site a 'Source:' line (or the page's source link) names without naming a page
    ("Source: baolangson.vn"): the text is a republication, but not of a page a URL can key."""
    for url in [*reversed(_source_urls(text)), link]:
        canon = canonical_url(url)
        if canon and not page_url(url):
            return urlsplit(canon).hostname
    return None


def story_key(own_url: str | None, cited: str | None,
              source_site: str | None = None) -> tuple[str | None, str]:
    """(canonical URL that names the story, method). A text whose source is another site,
    named without its page, is keyed by no URL: its own would make a story of the copy
    alone, where its numbers can join it to the original's (see same_report)."""
    if cited:
        return cited, "cited_url"
    own = page_url(own_url)
    if own and not (source_site and source_site != urlsplit(own).hostname):
        return own, "own_url"
    return None, "singleton"


def story_id(key_url: str | None, article_id: str) -> str:
    basis = f"url:{key_url}" if key_url else f"doc:{article_id}"
    return "s_" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


FINGERPRINT_MIN_NUMBERS = 6
FINGERPRINT_MIN_OVERLAP = 0.8


def fingerprint_overlap(a: str | None, b: str | None) -> float:
    """Share of numerals two texts have in common (multiset), over the larger of the two."""
    if not a or not b:
        return 0.0
    fa, fb = _numerals(a), _numerals(b)
    if min(fa.n, fb.n) < FINGERPRINT_MIN_NUMBERS:
        return 0.0
    return fa.shared(fb) / max(fa.n, fb.n)


class _Numerals:
    """A fingerprint's numerals as a multiset: how many, and how many times each."""

    __slots__ = ("counts", "distinct", "n", "repeated")

    def __init__(self, fingerprint: str) -> None:
        numerals = fingerprint.split(",")
        self.n = len(numerals)
        self.counts = Counter(numerals)
        self.distinct = frozenset(self.counts)
        self.repeated = frozenset(k for k, c in self.counts.items() if c > 1)

    def shared(self, other: _Numerals) -> int:
        """Size of the multiset intersection, sum((self.counts & other.counts).values()): each
        common numeral counts once (a set intersection in C), plus, where it repeats in both
        texts, its repeats in common; a numeral repeated in one text only adds nothing."""
        common = len(self.distinct & other.distinct)
        both = self.repeated & other.repeated
        if not both:
            return common
        return common + sum(min(self.counts[k], other.counts[k]) - 1 for k in both)


@lru_cache(maxsize=4096)  # a new text is compared with many candidates, a candidate with many
def _numerals(fingerprint: str) -> _Numerals:
    return _Numerals(fingerprint)


def same_report(a: str | None, b: str | None) -> bool:
    """Conservative: two texts report the same thing if most of their many numbers agree."""
    if not a or not b:
        return False
    na, nb = _numerals(a).n, _numerals(b).n
    if min(na, nb) < FINGERPRINT_MIN_OVERLAP * max(na, nb):
        return False  # the overlap is at most min/max: no need to count (the common case)
    return fingerprint_overlap(a, b) >= FINGERPRINT_MIN_OVERLAP


class ByCount(Generic[T]):
    """Candidate texts indexed by how many numerals their fingerprint holds, kept in the order
    they were added.

    same_report() turns a pair down at once when one fingerprint holds fewer than
    FINGERPRINT_MIN_OVERLAP of the other's count, so `near(fp)` returns only the candidates
    inside that window (one numeral wider on each side; same_report still decides), in the
    order they came: the same matches, without reading every candidate.
    """

    def __init__(self) -> None:
        self._by_n: dict[int, list[tuple[int, T]]] = {}
        self._added = 0

    def add(self, fingerprint: str, item: T) -> None:
        self._by_n.setdefault(fingerprint.count(",") + 1, []).append((self._added, item))
        self._added += 1

    def near(self, fingerprint: str) -> list[T]:
        n = fingerprint.count(",") + 1
        low = math.floor(n * FINGERPRINT_MIN_OVERLAP) - 1
        high = math.ceil(n / FINGERPRINT_MIN_OVERLAP) + 1
        found = [x for k in range(max(low, 1), high + 1) for x in self._by_n.get(k, ())]
        found.sort(key=itemgetter(0))  # each list is in order; the sort merges them
        return [item for _, item in found]
