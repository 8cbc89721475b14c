"""Quantities tied to what they count: vocabulary key, qualifier, unit and evidence.

For each number in an article the engine reads, from the lexicon alone:
  before it   a qualifier ("plus de", "hơn", "بیش از") and identifier words ("No.", "số");
  after it    a range ("2-3", "2 à 3"), a unit ("km", "héc-ta", "VND", with a link word as in
              "millions de VND"), words that make it no metric ("%", "wide", "years"), and
              within a short noun-phrase window the cue word of a metric key; the head noun is
              the first cue (vi, id, fr, fa) or the last one past modifiers (en "model gardens").
A number with neither unit nor cue is not a metric; nor is a year, a date or a URL fragment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from extractors.lexicon import Lexicon, Unit, load_lexicon
from extractors.numbers import Number, fraction_table, scan, word_tables
from extractors.text import (
    BREAK_PUNCT,
    PhraseTable,
    Token,
    fold_digits,
    norm,
    norm_text,
    sentence_at,
    sentence_spans,
    suffix_regex,
    tokenize,
)
from extractors.vocabulary import EVENT_KEYS, SURFACE_KEYS
from schemas.records import Evidence, Metric

_PREFIX_CHARS = 60


@dataclass(frozen=True)
class _Tables:
    articles: frozenset[str]
    cues: PhraseTable[str]
    cue_heads: frozenset[str]  # the lexicon's elided_heads ("suất")
    action_counters: frozenset[str]  # "lượt", "times"
    total_heads: PhraseTable[bool]  # "total number of", "tổng số"
    currency_suffixes: dict[str, float]  # "m" in "VND120m"
    units: PhraseTable[Unit]
    prefix_units: dict[str, Unit]
    breaks: PhraseTable[bool]
    range_words: PhraseTable[bool]
    unit_links: PhraseTable[bool]
    share_links: PhraseTable[bool]
    after: PhraseTable[bool]
    rate: PhraseTable[bool]
    modifiers: frozenset[str]
    possessive: tuple[str, ...]  # endings of a cue that determines the noun after it
    qualifier_re: re.Pattern[str] | None
    qualifier_of: dict[str, str]
    identifier_re: re.Pattern[str] | None
    reference_re: re.Pattern[str] | None  # "toàn", "this": before an identifier word, no name
    range_prefix_re: re.Pattern[str] | None
    range_pairs: dict[str, frozenset[str]]
    year_word_re: re.Pattern[str] | None
    ellipsis_re: re.Pattern[str] | None
    level_words: PhraseTable[bool]
    dimension_re: re.Pattern[str] | None
    length_re: re.Pattern[str] | None
    dimension_compound_re: re.Pattern[str] | None
    conjunctions: frozenset[str]
    landmark_re: re.Pattern[str] | None
    landmark_nouns: frozenset[str]
    rate_before_re: re.Pattern[str] | None
    frequency_re: re.Pattern[str] | None
    frequencies: PhraseTable[bool]
    break_re: re.Pattern[str] | None
    distributives: frozenset[str]  # first words of the rate_before phrases: "mỗi", "each"
    partitive_re: re.Pattern[str] | None
    target_re: re.Pattern[str] | None
    forecast_re: re.Pattern[str] | None
    qualifier_blocker_re: re.Pattern[str] | None
    locative: frozenset[str]
    amount_before: frozenset[str]
    weak_year_phrases: frozenset[tuple[str, ...]]  # "trong năm": a year phrase ending on a weak word


@cache
def tables(lang: str) -> _Tables:
    lex = load_lexicon(lang)
    qualifier_of = {norm(p): kind for kind, phrases in lex.qualifiers.model_dump().items()
                    if kind not in {"blockers", "locative", "amount_before"} for p in phrases}
    return _Tables(
        articles=frozenset(norm(w) for w in lex.article_numbers),
        cue_heads=frozenset(norm(w) for w in lex.elided_heads),
        action_counters=frozenset(norm(w) for w in lex.action_counters),
        total_heads=PhraseTable((w, True) for w in lex.total_heads),
        currency_suffixes={norm(k): float(v) for k, v in lex.currency_suffixes.items()},
        cues=PhraseTable(((w, key) for key, words in lex.metrics.items() for w in words),
                         lex.noun_suffixes),
        units=PhraseTable(((w, u) for u in lex.units for w in u.words), lex.noun_suffixes),
        prefix_units={norm(w): u for u in lex.units if u.prefix for w in u.words},
        breaks=PhraseTable((w, True) for w in lex.phrase_breaks),
        range_words=PhraseTable((w, True) for w in lex.range_words),
        unit_links=PhraseTable((w, True) for w in lex.unit_links),
        share_links=PhraseTable((w, True) for w in lex.share_links),
        after=_StopPhrases([*((w, True) for w in [*lex.not_metric.after,
                                                   *lex.not_metric.foreign_currencies]),
                      *((w, False) for w in lex.not_metric.not_rate)]),
        # a longer phrase that is no rate wins over the rate word it opens on ("par la population")
        rate=_StopPhrases([*((w, True) for w in [*lex.not_metric.rate, *lex.not_metric.frequencies]),
                     *((w, False) for w in lex.not_metric.not_rate)]),
        modifiers=frozenset(norm(w) for w in lex.modifier_forms),
        possessive=tuple(lex.possessive_endings),
        qualifier_re=suffix_regex(qualifier_of),
        qualifier_of=qualifier_of,
        identifier_re=suffix_regex([*lex.not_metric.before, *lex.not_metric.foreign_currencies]),
        reference_re=suffix_regex(lex.not_metric.reference_determiners),
        range_prefix_re=suffix_regex(lex.range_prefixes),
        range_pairs={norm(k): frozenset(norm(w) for w in v) for k, v in lex.range_pairs.items()},
        year_word_re=suffix_regex([*lex.year_words, *lex.month_names]),
        ellipsis_re=_word_regex(lex.ellipsis_cues),
        level_words=PhraseTable(((w, True) for level in ("province", "district", "commune", "village")
                                 for w in getattr(lex.locality_levels, level)),
                                [*lex.noun_suffixes, *lex.locality_levels.plural_suffixes]),
        dimension_re=_word_regex(lex.not_metric.dimension),
        length_re=_word_regex(lex.not_metric.length),
        dimension_compound_re=_word_regex(lex.not_metric.dimension_compounds),
        conjunctions=frozenset(norm(w) for w in lex.list_conjunctions),
        landmark_re=_landmark_regex(lex.locality_levels.landmark_cues),
        landmark_nouns=frozenset(norm(w.split()[0]) for w in [
            *lex.locality_levels.landmark_nouns, *lex.locality_levels.province,
            *lex.locality_levels.district, *lex.locality_levels.commune,
            *lex.locality_levels.village] if w.strip()),
        rate_before_re=_rate_before_regex(lex.not_metric.rate_before,
                                          lex.not_metric.each_before_noun),
        frequency_re=_word_regex(lex.not_metric.frequencies),
        frequencies=PhraseTable((w, True) for w in lex.not_metric.frequencies),
        break_re=_word_regex(lex.phrase_breaks),
        # "each", "mỗi", "هر"; not a number word opening a price's unit ("a kilogram of")
        distributives=frozenset(first for w in [*lex.not_metric.rate_before, *lex.not_metric.each_before_noun]
                                if w.strip() and (first := norm(w.split()[0])) not in word_tables(lang)[0]),
        partitive_re=_word_regex(lex.not_metric.partitive),
        target_re=_word_regex(lex.not_metric.target),
        forecast_re=_word_regex(lex.not_metric.forecasts),
        qualifier_blocker_re=suffix_regex(lex.qualifiers.blockers),
        locative=frozenset(norm(w) for w in lex.qualifiers.locative),
        amount_before=frozenset(norm(w) for w in lex.qualifiers.amount_before),
        weak_year_phrases=frozenset(
            words for p in lex.year_words if len(words := tuple(t.norm for t in tokenize(p))) > 1
            and words[-1] in {norm(w) for w in lex.weak_number_words}),
    )


def _word_regex(words: list[str]) -> re.Pattern[str] | None:
    """Any of the phrases, as whole words: a phrase ending on an elided article ("prévoit d'")
    runs on into the next word."""
    alts = sorted({norm(w) for w in words if w.strip()}, key=len, reverse=True)
    if not alts:
        return None
    body = "|".join(re.escape(a) + (r"(?!\w)" if a[-1].isalnum() else "") for a in alts)
    return re.compile(rf"(?<!\w)(?:{body})")


def _rate_before_regex(phrases: list[str], each: list[str]) -> re.Pattern[str] | None:
    """The rate_before phrases, and the "each" words when a word, not a number, follows them."""
    words = _word_regex(phrases)
    alts = "|".join(re.escape(norm(w)) for w in each if w.strip())
    if not alts:
        return words
    each_noun = rf"(?<!\w)(?:{alts})\s+(?=[^\W\d_])"
    return re.compile(f"{words.pattern}|{each_noun}" if words else each_noun)


class _StopPhrases(PhraseTable[bool]):
    """Rate (or after-word) phrases, with the longer phrases that open on one and are none."""

    def match(self, tokens: Sequence[Token], i: int) -> tuple[int, bool] | None:
        hit = super().match(tokens, i)
        return hit if hit and hit[1] else None


def _landmark_regex(cues: list[str]) -> re.Pattern[str] | None:
    """A landmark cue holding a length unit ("km de", "km from"), then the word after it."""
    alts = sorted({norm(c) for c in cues if c.strip()}, key=len, reverse=True)
    if not alts:
        return None
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return re.compile(rf"(?<!\w)(?:{body})\s+([^\W\d_][\w\u200c'’-]*)", re.I)


def extract_metrics(text: str, lang: str, published: date | None = None) -> list[Metric]:
    """Every metric in a cleaned article text, in reading order. `published` (the article's
    date) tells a forecast for a later year, a goal, from an estimate of the year it reports."""
    lex = load_lexicon(lang)
    tb = tables(lang)
    view, tokens, numbers = scan(text, lang)
    by_first = {n.first_index: k for k, n in enumerate(numbers)}
    spans = sentence_spans(text, lex.abbreviations)
    out: list[Metric] = []
    consumed: set[int] = set()
    for k, num in enumerate(numbers):
        if k in consumed:
            continue
        ends, j = [num], num.last_index + 1
        if _is_fraction(tokens, j, num):
            consumed.add(by_first.get(j + 1, -1))
            j += 2  # "10/10 villages": the numerator is the count achieved
        elif (whole := _share_whole(tokens, j, num, by_first, tb)) is not None:
            consumed.add(whole)  # "26 out of 30 cases": so is the part
            j = numbers[whole].last_index + 1
        second = _range_end(tokens, j, by_first, numbers, tb, num.first_index)
        multiplied = word_tables(lang)[1]
        if second is not None and tokens[num.last_index].norm in multiplied and \
                tokens[numbers[second].last_index].norm not in multiplied:
            second = None  # "lent VND 1.2 billion to 64 households": an amount, then a count
        if second is not None:
            consumed.add(second)
            ends.append(numbers[second])
            j = numbers[second].last_index + 1
            ends[0] = _shared_scale(ends[0], ends[1])
        if num.unit_word:  # "a half-hectare nursery"
            word = num.unit_word
            unit = _compound_kind([Token(word, 0, len(word), "word", norm(word))], 0, tb)
            if unit is None or unit[1] is None:
                continue
            found = (unit[0], unit[1], num.last_index)
        elif _hyphened(tokens, j, num):  # "a 1.2-km road", "a 35-member club": that word says
            found = _compound_kind(tokens, j + 1, tb)
            if found is None:
                continue  # "a 10-year plan"
        elif (glued := _currency_suffix(tokens, j, num, tb)) is not None:
            found = glued
        elif (action := _counted_action(view, tokens, j, num, tb)) is not None:
            found = action
        else:
            found = _quantity_kind(tokens, j, lex, tb)
        if found is None and (link := _counted_link(num, tokens, j, lang, tb)):
            found = _quantity_kind(tokens, j + link, lex, tb)  # "3 millions de personnes"
        if found is None:
            found = _prefixed_unit(num, tokens, j, tb)
        if found is None:
            found = _elliptic(view, num, tokens, j, out, spans, tb,
                              tokens[num.last_index].norm in word_tables(lang)[1])
        if found is None:
            found = _elided_head(tokens, j, num, sentence_at(spans, num.start)[0], tb)
        if found is None and len(ends) == 1:  # "fell from 120 to 45" is no range of a total
            earlier = out[-1].metric if out and out[-1].evidence.start >= \
                sentence_at(spans, num.start)[0] else None
            found = _total_before(tokens, j, num, tb, earlier)
        if found is None or all(n.value == 0 for n in ends):
            continue  # nothing counted, or nothing: "Bữa cơm 0 đồng" (a free meal) is a name
        key, factor, last_token = found
        half = 0.0
        if factor is not None and len(ends) == 1 and (
                after := fraction_table(lang).after(tokens, last_token, bare=True)):
            half, last_token = after  # "un hectare et demi", "1 ha rưỡi", "دو هکتار و نیم"
            consumed.add(by_first.get(last_token, -1))
        if any(n.year_like for n in ends) and (len(ends) == 2 or _after_year_word(view, num, tb)):
            continue  # "2009-2024", "năm 2021 ..."
        start = _range_prefix_start(view, num.start, tb) if len(ends) == 2 else num.start
        if num.first_index and tokens[num.first_index - 1].norm in tb.prefix_units and \
                key in {u.metric for u in tb.prefix_units.values()}:
            start = tokens[num.first_index - 1].start  # the surface reads "VND 1.2 billion"
        qualifier, surface_start = _qualifier(view, start, tb)
        if num.approx and qualifier == "exact":
            qualifier = "approx"  # "une quarantaine de membres"
        if qualifier == "more_than" and key in SURFACE_KEYS and _locative(view, surface_start,
                                                                        start, tb):
            qualifier = "exact"  # "lắp 54 biển báo trên 3 tuyến đường": on 3 roads
        if factor is None and _is_identifier(view, surface_start, tb):
            continue  # "inter-family group 8"; a measure after it is none: "این گروه ۵۲۰ تن" (520 tons)
        if key == "km" and _is_dimension(view, surface_start, tokens[last_token].end, tb):
            continue  # "mặt đường rộng 4 m", "roads 6 m wide": a width, not work done
        if key == "km" and factor is not None and num.value * factor < _SIZE_KM and \
                _is_length_of(view, surface_start, tokens[last_token].end, tb):
            continue  # "tàu cá dài trên 15 m", "boats over 15 m long": a thing's size
        if key == "hectares" and factor is not None and factor < _HECTARES_PER_M2 * 10 and \
                _after_building(tokens, num.first_index, tb):
            continue  # "nhà văn hóa rộng 120 m²", "a cultural house of 120 m²": a floor, no land
        partitive = _after_partitive(view, surface_start, tb.partitive_re)
        if partitive or (partitive is None and (
                _clause_words_before(view, surface_start, 4, tb.rate_before_re, tb)
                or _clause_opens_with(view, surface_start, tb.rate_before_re, factor is not None,
                                      _not_figures(numbers, k, tokens, tb)))):
            continue  # "mỗi hộ góp 20.000 đồng", "Each hectare is planted with ...": per unit
        sent = sentence_at(spans, num.start)
        scope = view[sent[0]:surface_start]  # a semicolon ends a goal: "phấn đấu 150; đến nay 163"
        scope = scope[max(scope.rfind(";"), scope.rfind("؛")) + 1:]
        if tb.target_re and tb.target_re.search(norm_text(scope)):
            continue  # "phấn đấu mỗi xã có ít nhất 2 mô hình", "strives to have 10": a goal
        year = _sentence_year(view, sent, num.start, tb) if published or tb.forecast_re else None
        if published is not None and year is not None and year > published.year:
            continue  # "Năm 2025, huyện tiếp tục nhân rộng 15 mô hình" written in 2024: a plan
        if tb.forecast_re and tb.forecast_re.search(norm_text(scope)):
            if published is None or year is None:
                continue  # "Dự kiến đến năm 2025 đạt 350 mô hình", undated: a goal
            qualifier = "approx" if qualifier == "exact" else qualifier  # this year's estimate
        if num.weak and qualifier == "exact" and not _weak_counts(num, tokens, factor, tb):
            continue
        if factor is None and any(n.value != int(n.value) for n in ends):
            continue  # a count is whole: "một nửa số hộ" (half the households) is a share
        if len(ends) == 2:
            qualifier = "range"
        surface_end = tokens[last_token].end
        for n in ends:
            value = (n.value + half) * (factor if factor is not None else 1.0)
            out.append(Metric(
                metric=key,
                value=round(value, 6),
                qualifier=qualifier,  # type: ignore[arg-type]
                unit=_unit_name(key),
                year=_sentence_year(view, sent, num.start, tb),
                evidence=Evidence(sentence=text[sent[0]:sent[1]], surface=text[surface_start:surface_end],
                                  start=surface_start, end=surface_end),
            ))
    return out


_HECTARES_PER_M2 = 0.0001
_BUILDING_WINDOW = 4  # words before an area in square metres that may name a building


def _after_building(tokens: list[Token], first: int, tb: _Tables) -> bool:
    """A house word (the houses cues) a few words before an area in square metres, in its
    clause: the building's floor."""
    words = 0
    for k in range(first - 1, -1, -1):
        tok = tokens[k]
        if tok.kind == "num" or (tok.kind == "punct" and tok.text in BREAK_PUNCT):
            return False
        if tok.kind != "word":
            continue
        if tb.cues.match(tokens, k) and tb.cues.match(tokens, k)[1] == "houses":
            return True
        words += 1
        if words >= _BUILDING_WINDOW:
            return False
    return False


def _weak_counts(num: Number, tokens: list[Token], factor: float | None, tb: _Tables) -> bool:
    """Whether a weak number word is a count after all. "un modèle", "một mô hình": an article,
    not a count; but an article before a unit is one ("a hectare of black turmeric", "un
    hectare"). A weak word that is no article ("سی", thirty, "năm", five or year) counts where
    its unit or cue follows it at once ("سی خانوار"), unless it ends a year phrase: "trong năm
    tổ chức 245 cuộc tuần tra" is "during the year (they) organised", not five groups."""
    i = num.first_index
    if any(i + 1 >= len(p) and tuple(t.norm for t in tokens[i + 1 - len(p):i + 1]) == p
           for p in tb.weak_year_phrases):
        return False
    word = tokens[i].norm
    if word in tb.articles:
        return factor is not None
    nxt = num.last_index + 1
    return nxt < len(tokens) and bool(tb.units.match(tokens, nxt) or tb.cues.match(tokens, nxt))


def _currency_suffix(tokens: list[Token], j: int, num: Number,
                     tb: _Tables) -> tuple[str, float | None, int] | None:
    """"VND120m", "VND500k": after a currency written before the number, a letter glued to it
    multiplies it ("120m" is no length there)."""
    if num.first_index == 0 or j >= len(tokens) or tokens[j].start != num.end:
        return None
    unit = tb.prefix_units.get(tokens[num.first_index - 1].norm)
    factor = tb.currency_suffixes.get(tokens[j].norm)
    if unit is None or factor is None:
        return None
    return unit.metric, unit.factor * factor, j


def _prefixed_unit(num: Number, tokens: list[Token], j: int,
                   tb: _Tables) -> tuple[str, float | None, int] | None:
    """"VND 1.2 billion": a currency written before the number, never before an article
    ("30,000 dong a kilo") nor after a number of its own ("15,000 dong a dozen": the dozen is
    what 15,000 dong buys, not 12 dong)."""
    if num.first_index == 0 or num.weak or (
            num.first_index > 1 and tokens[num.first_index - 2].kind == "num"):
        return None
    unit = tb.prefix_units.get(tokens[num.first_index - 1].norm)
    if unit is None or (j < len(tokens) and (tb.rate.match(tokens, j) or tb.after.match(tokens, j))):
        return None
    return unit.metric, unit.factor, num.last_index


def _elliptic(view: str, num: Number, tokens: list[Token], j: int, found: list[Metric],
              spans: list[tuple[int, int]], tb: _Tables,
              multiplied: bool = False) -> tuple[str, float | None, int] | None:
    """"19,300 models ..., of which 62 are economic and 38 ...": a bare count after an
    ellipsis cue, in the sentence of a counted metric, counts the same thing. A bare amount
    ending on a multiplier ("540 millions de dongs, dont 120 millions") is one of the measured
    metric before it (money, here), not of a count."""
    if tb.ellipsis_re is None or num.year_like or num.weak or not found:
        return None
    sentence = sentence_at(spans, num.start)
    previous = [m for m in found if sentence[0] <= m.evidence.start < num.start
                and (m.unit is not None) == multiplied]
    if not previous:
        return None
    between = norm_text(view[previous[0].evidence.end:num.start])
    after = norm_text(view[num.end:num.end + 30]).lstrip()
    if not (tb.ellipsis_re.search(between) or tb.ellipsis_re.match(after)):
        return None  # "... of which 62", or "1,320 of which were recognised"
    if j < len(tokens) and ((tokens[j].kind == "punct" and tokens[j].text in "%/")
                            or tb.after.match(tokens, j)):
        return None  # "dont 40 %", "dont deux tiers": a share
    if j < len(tokens) and tokens[j].kind == "word" and tokens[j].start == num.end:
        return None  # "4C", "5G": a code, the letters glued to the digit
    if _places_after(tokens, j, tb):
        return None  # "a quarter of them in its 16 wards", "in 7 mountainous communes": places
    return previous[-1].metric, 1.0 if multiplied else None, num.last_index


def _places_after(tokens: list[Token], j: int, tb: _Tables) -> bool:
    """A level word at tokens[j], or after one word more, an adjective ("7 mountainous
    communes"; "7 xã miền núi" has it first), never a conjunction or a phrase break ("298 dan
    Kota Vinh Yen": the next place of a ranking)."""
    for k in range(j, min(j + 2, len(tokens))):
        if tokens[k].kind != "word":
            return False
        if tb.level_words.match(tokens, k):
            return True
        if tokens[k].norm in tb.conjunctions or tb.breaks.match(tokens, k):
            return False
    return False


def _elided_head(tokens: list[Token], j: int, num: Number, sentence_start: int,
                 tb: _Tables) -> tuple[str, float | None, int] | None:
    """The first word of a cue phrase said earlier in the sentence, standing for the phrase:
    "mỗi tuần phục vụ 200 suất cơm ...; tổng cộng đã trao hơn 30.000 suất" (meals)."""
    if j >= len(tokens) or tokens[j].norm not in tb.cue_heads:
        return None
    head = tokens[j].norm
    for k in range(num.first_index - 1, -1, -1):
        if tokens[k].start < sentence_start:
            break
        if tokens[k].norm == head and (hit := tb.cues.match(tokens, k)) and hit[0] > 1:
            return hit[1], None, j
    return None


def _counted_action(view: str, tokens: list[Token], j: int, num: Number,
                    tb: _Tables) -> tuple[str, None, int] | None:
    """A counter of occurrences after the number, and a cue phrase ending just before it (or
    before its qualifier), or before an amount word: "tuần tra (hơn) 96 lượt" (patrolled 96
    times) and "berpatroli sebanyak 312 kali" (patrolled as many as 312 times) count patrols."""
    if j >= len(tokens) or tokens[j].norm not in tb.action_counters or not num.first_index \
            or _rate_after_count(tokens, j + 1, tb):
        return None  # "patrols 96 times a year": a rate
    surface = _qualifier(view, num.start, tb)[1]
    for k in range(num.first_index - 1, max(num.first_index - _CUE_BACK, 0) - 1, -1):
        if tokens[k].kind != "word":
            return None
        hit = tb.cues.match(tokens, k)
        gap = " ".join(norm_text(view[tokens[k + hit[0] - 1].end:surface]).split()) if hit else ""
        if hit and hit[1] in EVENT_KEYS and (not gap or gap in tb.amount_before):
            return hit[1], None, j
    return None


_CUE_BACK = 4  # the words of a cue phrase, and a qualifier, before a counted number


def _total_before(tokens: list[Token], j: int, num: Number, tb: _Tables,
                  earlier: str | None = None) -> tuple[str, None, int] | None:
    """A number ending its clause, counted by a total named earlier in the clause: "bringing
    the total number of models in the district to 318" (models), "nâng tổng số mô hình lên
    318". The total's head and a cue right after it (or a word later) name what is counted;
    with no cue there, what the sentence's figure before it counted: "added 14 models,
    bringing the total to 126" (`earlier`, models)."""
    if num.year_like or num.weak or (j < len(tokens) and not (
            tokens[j].kind == "punct" and tokens[j].text in BREAK_PUNCT)):
        return None
    for k in range(num.first_index - 1, max(num.first_index - _TOTAL_BACK, 0) - 1, -1):
        tok = tokens[k]
        if tok.kind == "num" or (tok.kind == "punct" and tok.text in BREAK_PUNCT):
            return None
        if (head := tb.total_heads.match(tokens, k)) is None:
            continue
        for c in range(k + head[0], min(k + head[0] + 2, num.first_index)):
            if (cue := tb.cues.match(tokens, c)) is not None:
                return cue[1], None, num.last_index
        return (earlier, None, num.last_index) if earlier else None
    return None


_TOTAL_BACK = 14  # tokens between a total's head and its number: "the total number of ... to"


def _unit_name(key: str) -> str | None:
    from extractors.vocabulary import UNIT_OF

    return UNIT_OF.get(key)


def _is_fraction(tokens: list[Token], j: int, num: Number) -> bool:
    return (j + 1 < len(tokens) and tokens[j].text == "/" and tokens[j].start == num.end
            and tokens[j + 1].kind == "num" and tokens[j + 1].start == tokens[j].end)


def _share_whole(tokens: list[Token], j: int, num: Number, by_first: dict[int, int],
                 tb: _Tables) -> int | None:
    """The whole after a part and a share link ("26 out of 30", "26 dari 30"), as an index
    into the numbers; never after a year ("en 2022 sur 5 km") or a number word that is an
    article ("هر یک از ۱۶ عضو": each one of the 16 members)."""
    if num.year_like or num.weak or j >= len(tokens) or (hit := tb.share_links.match(tokens, j)) is None:
        return None
    return by_first.get(j + hit[0])


def _hyphened(tokens: list[Token], j: int, num: Number) -> bool:
    """A number joined by a hyphen to the word after it, an adjective: "1.2-km", "35-member"."""
    return (j + 1 < len(tokens) and tokens[j].text in "-‑" and tokens[j].start == num.end
            and tokens[j + 1].kind == "word" and tokens[j + 1].start == tokens[j].end)


def _compound_kind(tokens: list[Token], i: int,
                   tb: _Tables) -> tuple[str, float | None, int] | None:
    """The metric of the one word a hyphen joins a number to: a unit or a cue, never the noun
    after it ("a 35-member club" counts members, not clubs)."""
    if (unit := tb.units.match(tokens, i)) and unit[0] == 1:
        return unit[1].metric, unit[1].factor, i
    if (cue := tb.cues.match(tokens, i)) and cue[0] == 1:
        return cue[1], None, i
    return None


def _range_end(tokens: list[Token], j: int, by_first: dict[int, int], numbers: list[Number],
               tb: _Tables, first: int = 0) -> int | None:
    """The number that ends a range opening at tokens[first], whose first end stops before
    tokens[j]: after a range word ("50 to 80"), or after the conjunction its opener pairs with
    ("between 50 and 80")."""
    if j >= len(tokens):
        return None
    hit = tb.range_words.match(tokens, j)
    if hit:
        nxt = j + hit[0]
    elif first > 0 and tokens[j].norm in tb.range_pairs.get(tokens[first - 1].norm, ()):
        nxt = j + 1
    else:
        return None
    k = by_first.get(nxt)
    return k if k is not None and not numbers[k].weak else None


def _counted_link(num: Number, tokens: list[Token], j: int, lang: str, tb: _Tables) -> int:
    """Tokens of a unit link ("de", "of") after a number that ends on a multiplier or is an
    approximate word, which take one before the counted noun ("une quarantaine de membres");
    0 otherwise (after a plain count, "two of the ..." counts nothing)."""
    if j >= len(tokens) or not (num.approx or tokens[num.last_index].norm in word_tables(lang)[1]):
        return 0
    link = tb.unit_links.match(tokens, j)
    return link[0] if link else 0


def _quantity_kind(tokens: list[Token], j: int, lex: Lexicon,
                   tb: _Tables) -> tuple[str, float | None, int] | None:
    """(metric key, unit factor or None for counts, index of the last token) after a number."""
    if j < len(tokens) and (stop := tb.after.match(tokens, j)) and not (
            (cue := tb.cues.match(tokens, j)) and cue[0] > stop[0]):
        return None  # "57 fishing boats" counts no key; a longer cue wins: "126 boat owners"
    unit_at = j
    if j < len(tokens) and (link := tb.unit_links.match(tokens, j)) and j + link[0] < len(tokens) \
            and tb.units.match(tokens, j + link[0]):
        unit_at = j + link[0]
    if unit_at < len(tokens) and (unit := tb.units.match(tokens, unit_at)) \
            and not _opens_a_name(tokens, unit_at + unit[0]):
        n, spec = unit
        end = unit_at + n
        if end < len(tokens) and (tb.after.match(tokens, end) or tb.rate.match(tokens, end)
                                  or _rate_after_material(tokens, end, tb)
                                  or _frequency_ends_clause(tokens, end, tb)):
            return None
        return spec.metric, spec.factor, end - 1
    cue = _cue_after(tokens, j, lex, tb)
    if cue is None:
        return None
    key, last = cue
    if _rate_after_count(tokens, last + 1, tb):
        return None
    return key, None, last


_CLAUSE_TAIL = 10  # tokens after a measure in which a frequency may end its clause


def _frequency_ends_clause(tokens: list[Token], i: int, tb: _Tables) -> bool:
    """A frequency ending the clause of a measure, no other figure between: "supplying about 18
    tons of fresh milk to the factory every day", "thu gom 12 tấn rác mỗi tháng": a day's."""
    for k in range(i, min(i + _CLAUSE_TAIL, len(tokens))):
        if tokens[k].kind == "num" or (tokens[k].kind == "punct" and tokens[k].text in BREAK_PUNCT):
            return False
        if hit := tb.frequencies.match(tokens, k):
            after = k + hit[0]
            return after >= len(tokens) or (tokens[after].kind == "punct"
                                            and tokens[after].text in BREAK_PUNCT)
    return False


def _opens_a_name(tokens: list[Token], end: int) -> bool:
    """A unit-like word that ends on an apostrophe glued to the word after it opens a name:
    "24 M'nong households" counts households, not 24 m; "N'Dir", "H'Mong" alike."""
    last = tokens[end - 1]
    return (end < len(tokens) and last.text[-1] in "'’" and tokens[end].kind == "word"
            and tokens[end].start == last.end)


_MATERIAL_WORDS = 3  # words of what a unit measures, before a rate: "5 tons of fresh tea buds per"


def _rate_after_material(tokens: list[Token], i: int, tb: _Tables) -> bool:
    """A rate after what a unit measures ("5 tons of fresh tea buds per crop", "5 ton pucuk
    teh segar per musim"): a yield, not a result."""
    k = i + (hit[0] if (hit := tb.unit_links.match(tokens, i)) else 0)
    words = 0
    while (k < len(tokens) and words < _MATERIAL_WORDS and tokens[k].kind == "word"
           and not tb.rate.match(tokens, k) and not tb.breaks.match(tokens, k)):
        k += 1
        words += 1
    return bool(words) and k < len(tokens) and tb.rate.match(tokens, k) is not None


_COUNTED_NOUN_WORDS = 2  # words of the counted noun a distributive may follow
_DISTRIBUTED_SPAN = 6  # tokens in which the figure a distributive governs follows it


def _rate_after_count(tokens: list[Token], i: int, tb: _Tables) -> bool:
    """Whether a rate follows a count's cue word at tokens[i]: at once ("300 lượt người/tháng"),
    or, for a distributive ("mỗi tháng", "each month"), after a word or two more of the counted
    noun ("400 lượt bạn đọc mỗi tháng"). A distributive whose clause goes on to a figure of its
    own distributes that figure, not the count: "42 hội viên mỗi tháng góp 1 kg gạo" (42
    members give 1 kg a month each)."""
    for k in range(i, min(i + _COUNTED_NOUN_WORDS + 1, len(tokens))):
        hit = tb.rate.match(tokens, k)
        distributive = tokens[k].norm in tb.distributives
        if hit and (k == i or distributive):
            return not (distributive and _figure_follows(tokens, k + hit[0], tb))
        if tokens[k].kind != "word" or tb.breaks.match(tokens, k):
            return False
    return False


def _figure_follows(tokens: list[Token], i: int, tb: _Tables) -> bool:
    """A number in the clause within a few tokens after tokens[i], before any phrase break: "2
    kali makan setiap minggu untuk 180 siswa" (for 180 pupils) is 2 meals a week."""
    for k in range(i, min(i + _DISTRIBUTED_SPAN, len(tokens))):
        t = tokens[k]
        if t.kind == "num":
            return True
        if (t.kind == "punct" and t.text in BREAK_PUNCT) or tb.breaks.match(tokens, k):
            return False
    return False


def _cue_after(tokens: list[Token], j: int, lex: Lexicon, tb: _Tables) -> tuple[str, int] | None:
    found: tuple[str, int] | None = None
    words = 0
    while j < len(tokens) and words < lex.cue_window:
        tok = tokens[j]
        if tok.kind == "num":
            break
        if tok.kind == "punct":
            if tok.text in BREAK_PUNCT:
                break
            j += 1
            continue
        hit = tb.cues.match(tokens, j)
        if hit:
            n, key = hit
            found = (key, j + n - 1)
            modifies = (n == 1 and tok.norm in tb.modifiers) or tokens[j + n - 1].text.endswith(tb.possessive)
            if lex.head == "first" or not modifies:
                break
            j += n
            words += n
            continue
        if tb.breaks.match(tokens, j) and not _joins_modifiers(tokens, j, found, lex, tb):
            break
        words += 1
        j += 1
    return found


def _joins_modifiers(tokens: list[Token], j: int, found: tuple[str, int] | None, lex: Lexicon,
                     tb: _Tables) -> bool:
    """Whether the conjunction at tokens[j] joins two words before a head noun still to come:
    "2,400 sao and dau trees", "50 poor and lonely elderly people". Only before any cue and
    where the head comes last; a number after it starts a count of its own, and a place unit
    before it is counted on its own ("12 communes and villages")."""
    return (found is None and lex.head == "last" and tokens[j].norm in tb.conjunctions
            and j + 1 < len(tokens) and tokens[j + 1].kind == "word"
            and not tb.level_words.match(tokens, j - 1))


def _prefix(view: str, end: int) -> str:
    return norm_text(view[max(0, end - _PREFIX_CHARS):end])


_SPATIAL = frozenset({"more_than", "less_than"})  # "over", "trên", "dưới": also a place or a particle


def _qualifier(view: str, start: int, tb: _Tables) -> tuple[str, int]:
    """The qualifier written just before `start`, and where the surface string begins."""
    if tb.qualifier_re is None:
        return "exact", start
    prefix = _prefix(view, start)
    m = tb.qualifier_re.search(prefix)
    if not m:
        return "exact", start
    phrase = re.sub(r"\s+", " ", m.group(0).strip())
    qualifier = tb.qualifier_of.get(phrase, "exact")
    if (qualifier in _SPATIAL and tb.qualifier_blocker_re
            and tb.qualifier_blocker_re.search(prefix[:m.start()].rstrip() + " ")):
        return "exact", start  # "handed over 5 subjects": a verb's particle, not "more than"
    return qualifier, start - (len(prefix) - m.start())


def _locative(view: str, cue_start: int, start: int, tb: _Tables) -> bool:
    """Whether the qualifier between cue_start and start means "on": a locative word after
    another figure or a closing quotation mark in its clause, not right after an amount word."""
    if not tb.locative or norm_text(view[cue_start:start]).strip() not in tb.locative:
        return False
    clause = re.split(r"[,;:.()!?\n]", view[max(0, cue_start - _PREFIX_CHARS):cue_start])[-1]
    words = norm_text(clause).split()
    if not words or words[-1] in tb.amount_before:
        return False
    return any(ch.isdigit() for ch in clause) or clause.rstrip().endswith(("”", "»", '"'))


def _range_prefix_start(view: str, start: int, tb: _Tables) -> int:
    if tb.range_prefix_re is None:
        return start
    prefix = _prefix(view, start)
    m = tb.range_prefix_re.search(prefix)
    return start - (len(prefix) - m.start()) if m else start


def _shared_scale(first: Number, second: Number) -> Number:
    """The first end of a range takes the multiplier written after the second only ("1.5-2
    million", "۱٫۵ تا ۲ میلیون": 1.5 million), where it stays no larger than the second."""
    if first.scale != 1.0 or second.scale == 1.0 or first.value * second.scale > second.value:
        return first
    return replace(first, value=first.value * second.scale, scale=second.scale)


def _is_identifier(view: str, start: int, tb: _Tables) -> bool:
    """An identifier word just before the number ("thôn 3", "group 8"), unless a determiner
    makes that word a reference to a unit named earlier: "toàn thôn 126 hộ" (the whole
    hamlet's 126 households), "این گروه ۵۲۰ تن" (this group's 520 tons)."""
    if tb.identifier_re is None:
        return False
    prefix = _prefix(view, start)
    if (m := tb.identifier_re.search(prefix)) is None:
        return False
    return not (tb.reference_re and tb.reference_re.search(prefix[:m.start()].rstrip() + " "))


def _clause_words_before(view: str, start: int, n: int, pattern: re.Pattern[str] | None,
                         tb: _Tables | None = None) -> bool:
    """One of the last n words of the number's clause opens a `pattern` phrase. A frequency
    phrase right after an earlier figure, with a phrase break between it and the number, is
    that figure's and is read past: "2 kali makan setiap minggu untuk 180 siswa" (2 meals a
    week, for 180 pupils), but "35 members each month collect 2 tons" (2 tons a month)."""
    if pattern is None:
        return False
    clause = re.split(r"[,;.:()\n،؛]", norm_text(view[max(0, start - 60):start]))[-1]
    words = clause.split()
    window = " ".join(words[-n:])
    if tb is not None and tb.frequency_re is not None and tb.break_re is not None:
        head, breaks = " ".join(words[:-n]), tb.break_re
        window = tb.frequency_re.sub(
            lambda m: " " if (_after_figure(f"{head} {m.string[:m.start()]}")
                              and breaks.search(m.string[m.end():])) else m.group(0), window)
    return bool(pattern.search(window))


_FIGURE_WORDS = 3  # words a frequency may stand after its figure: "2 kali makan setiap minggu"


def _after_figure(before: str) -> bool:
    """A figure that is no year among the last few words."""
    return any(_DIGIT.search(w) and not _YEARISH.fullmatch(fold_digits(w))
               for w in before.split()[-_FIGURE_WORDS:])


_YEARISH = re.compile(r"(?:19|20)\d\d")


# a digit in any script, as str.isdigit says (re's \d is Unicode's decimals; "m²" too)
_DIGIT = re.compile(r"[\d\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]")


_OPENING_QUOTES = "“”\"«»„‘’'"


def _not_figures(numbers: Sequence[Number], k: int, tokens: Sequence[Token],
                 tb: _Tables) -> list[tuple[int, int]]:
    """Where the numbers just before the k-th are written that a word after them makes no
    figure: "sau 10 năm" (a duration), "60%" (a share)."""
    return [(n.start, n.end) for n in numbers[max(0, k - 4):k]
            if n.last_index + 1 < len(tokens) and tb.after.match(tokens, n.last_index + 1)]


def _clause_opens_with(view: str, start: int, pattern: re.Pattern[str] | None,
                       measure: bool = False, not_figures: Sequence[tuple[int, int]] = ()) -> bool:
    """The clause of the number opens on a distributive word: "Each hectare is planted with";
    it distributes the clause's first figure only ("mỗi tháng quyên góp 300 kg gạo giúp 25 hộ
    nghèo": a month's 300 kg, but the same 25 households). A number that is no figure
    (`not_figures`) does not count as the first: "Mỗi ha quế sau 10 năm cho thu nhập khoảng 300
    triệu đồng" gives each hectare its 300 million."""
    if pattern is None:
        return False
    window = max(0, start - 120)
    before = view[window:start]
    for a, b in not_figures:
        if window <= a and b <= start:
            before = before[:a - window] + "#" * (b - a) + before[b - window:]
    parts = re.split(r"([,;.:()\n،؛])", norm_text(before))
    clause = parts[-1].split()
    if _DIGIT.search(" ".join(clause[1:])):
        return False
    # (a quotation may open on it: "cho biết: “Mỗi ha quế ...", "a dit : « Chaque hectare")
    if pattern.match(" ".join(clause).lstrip(_OPENING_QUOTES + " ")):
        return True
    # "Mỗi tháng, hội tổ chức 2 bữa ăn", "Each month, the union serves 2 meals": a sentence
    # (or a clause after a semicolon) opening on a distributive phrase set off by a comma
    # distributes its first clause too, but not a count that opens the clause, its subject
    # ("Every Sunday, 40 members clean"); a measure there is the period's ("chaque mois, 1,5
    # tonne de ferraille est collectée")
    if len(parts) < 3 or parts[-2] not in ",،" or (not clause and not measure) or (
            clause and any(ch.isdigit() for ch in clause[0])):
        return False
    opener = parts[-3].split()
    opens_sentence = parts[-4] in ".\n;؛" if len(parts) >= 5 else window == 0
    return opens_sentence and 0 < len(opener) <= 3 and bool(pattern.match(" ".join(opener)))


def _after_partitive(view: str, start: int, pattern: re.Pattern[str] | None) -> bool | None:
    """None where the clause does not open on a partitive ("Each of the"); else whether the
    number comes after the set's size: "Each of the 16 members grows half a hectare" counts 16
    members (False) and gives each half a hectare (True)."""
    if pattern is None:
        return None
    clause = re.split(r"[,;.:()\n]", norm_text(view[max(0, start - 80):start]))[-1].lstrip()
    opening = pattern.match(clause)
    if opening is None:
        return None
    return any(ch.isdigit() for ch in clause[opening.end():])


def _is_dimension(view: str, start: int, end: int, tb: _Tables) -> bool:
    """A dimension word within a few words before or just after a length."""
    if tb.dimension_re is None:
        return False
    clause = re.split(r"[,;.:()]", norm_text(view[max(0, start - 40):start]))[-1]
    before = " ".join(clause.split()[-4:])
    after_words = re.split(r"[,;.:()]", norm_text(view[end:end + 25]))[0].split()
    # "5,4 km dan lebar permukaan 6 m": a width after a conjunction is the next figure's
    after = "" if after_words[:1] and after_words[0] in tb.conjunctions else " ".join(after_words[:2])
    wider = norm_text(view[max(0, start - 60):start])
    if tb.dimension_compound_re is not None:  # "mở rộng 5,2 km đường": expanded, not wide
        before = tb.dimension_compound_re.sub(" ", before)
        after = tb.dimension_compound_re.sub(" ", after)
        wider = tb.dimension_compound_re.sub(" ", wider)
    if tb.dimension_re.search(before) or tb.dimension_re.search(after):
        return True
    # "à 30 km de Da Lat", "25 km dari Pleiku": a length measured from a named place (a capital
    # after the landmark cue; "6,3 km de ruelles" is work done), or from a centre or a unit,
    # which a script without capitals says so: "در ۸ کیلومتری مرکز کمون"
    landmark = tb.landmark_re.search(view, start, end + 30) if tb.landmark_re else None
    if landmark and landmark.start() < end and (landmark.group(1)[0].isupper() or norm(
            landmark.group(1)) in tb.landmark_nouns):
        return True
    # the cue before the length, its landmark between: "cách trung tâm thành phố 30 km"
    if tb.landmark_re is not None:
        raw = re.split(r"[,;.:()]", view[max(0, start - 40):start])[-1]
        for cue in tb.landmark_re.finditer(raw):
            if not any(ch.isdigit() for ch in raw[cue.end():]) and (
                    cue.group(1)[0].isupper() or norm(cue.group(1)) in tb.landmark_nouns):
                return True
    # "lebar 2,5 m dan panjang 15 m", "rộng 3 m, dài 20 m": a length after a width is a size
    return bool(tb.length_re and tb.length_re.search(before) and tb.dimension_re.search(wider))


_SIZE_KM = 0.1  # a length in metres said with a length word, below this, is a thing's size


def _is_length_of(view: str, start: int, end: int, tb: _Tables) -> bool:
    """A length word just before a short length or just after it, in its clause: "dài trên 15
    m", "15 m long", "de 15 m de long" (a boat's, a banner's), not work done."""
    if tb.length_re is None:
        return False
    before = re.split(r"[,;:.()]", norm_text(view[max(0, start - 30):start]))[-1].split()[-2:]
    after = re.split(r"[,;:.()]", norm_text(view[end:end + 20]))[0].split()[:2]
    return bool(tb.length_re.search(" ".join(before)) or tb.length_re.search(" ".join(after)))


def _after_year_word(view: str, num: Number, tb: _Tables) -> bool:
    return bool(tb.year_word_re and tb.year_word_re.search(_prefix(view, num.start)))


_YEAR = re.compile(r"(?<![\d.,])(19\d\d|20\d\d)(?![\d.,]\d)")


def _sentence_year(view: str, sent: tuple[int, int], before: int, tb: _Tables) -> int | None:
    """The year a figure refers to: a year introduced by a year word earlier in its sentence."""
    year = None
    for m in _YEAR.finditer(view, sent[0], before):
        if tb.year_word_re and tb.year_word_re.search(_prefix(view, m.start())):
            year = int(m.group(1))
    return year
