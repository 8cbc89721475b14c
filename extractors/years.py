"""Years: the year a model started or a figure refers to, and periods ("2009-2024", "from 2013")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.lexicon import load_lexicon
from extractors.text import fold_digits, norm_text, sentence_at, sentence_spans, suffix_regex

_YEAR = re.compile(r"(?<![\d.,/])(19[5-9]\d|20[0-4]\d)(?![\d]|[.,]\d)")
# "tháng 3/2023", "03/2023": a month and its year, a bare year (a day before the month makes a
# date, which names no model's year; "35/2023/NQ" is a resolution's number)
_MONTH_YEAR = re.compile(r"(?<![\d/.,])(?:0?[1-9]|1[0-2])/(19[5-9]\d|20[0-4]\d)(?![\d/]|[.,]\d)")
_GOAL_AFTER_WORDS = 5  # a goal's cue this close after a year makes it the goal's year
_RANGE = re.compile(r"\s*(?:-|–|—|to|à|đến|hingga|sampai|تا)\s*(19[5-9]\d|20[0-4]\d)(?!\d)")


@dataclass(frozen=True)
class YearMention:
    start: int
    year: int
    until: int | None = None  # end of a period "2009-2024"
    open_ended: bool = False  # "from 2013 to present", "since 2021"
    bare: bool = False  # no year word before it ("Tết Nguyên đán 2024"): a fallback only


def find_years(text: str, lang: str) -> list[YearMention]:
    """Years introduced by a year word ("năm 2021", "in 2020") or written as a period."""
    from extractors.metrics import tables

    lex = load_lexicon(lang)
    intro = suffix_regex([*lex.year_words, *lex.month_names])
    months = "|".join(re.escape(norm_text(m)) for m in lex.month_names)
    day_month = re.compile(rf"(?<![\d.,/])\d{{1,2}}\s+(?:{months})\.?\s*$") if months else None
    goal = tables(lang).target_re
    spans = sentence_spans(text, lex.abbreviations)
    view = fold_digits(text)
    out: list[YearMention] = []
    found = sorted([*_YEAR.finditer(view), *_MONTH_YEAR.finditer(view)], key=lambda m: m.start(1))
    for m in found:
        start, end = sentence_at(spans, m.start())
        if goal and (goal.search(norm_text(view[start:m.start()])) or goal.search(
                " ".join(norm_text(view[m.end():end]).split()[:_GOAL_AFTER_WORDS]))):
            # "mục tiêu đến năm 2030", "visait 100 modèles d'ici 2025", and the goal said just
            # after its year: "năm 2026 tỉnh phấn đấu", "in 2026 the province strives"
            continue
        prefix = norm_text(view[max(0, m.start() - 30):m.start()])
        rng = _RANGE.match(view, m.end())
        # "in August 2023" introduces a year; "5 mars 2024", a day before the month, is a date
        introduced = bool(intro and intro.search(prefix)) and not (
            day_month and day_month.search(prefix))
        if rng:
            out.append(YearMention(m.start(), int(m.group(1)), int(rng.group(1))))
        elif introduced:
            opening = bool(re.search(r"(since|from|depuis|sejak|dari|từ|از)\s*$", prefix))
            out.append(YearMention(m.start(), int(m.group(1)), None, opening))
        else:
            out.append(YearMention(m.start(), int(m.group(1)), bare=True))
    # the second year of a period is not a mention of its own
    ends = {(y.until, y.start) for y in out if y.until}
    return [y for y in out if not any(y.year == e and 0 < y.start - s < 12 for e, s in ends)]
