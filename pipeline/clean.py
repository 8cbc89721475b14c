"""Cleaning: Unicode normalisation and page furniture removed from article text.

HTML has already been through trafilatura (ingest.py); what is left, and what plain-text and
crawler records bring, is cleaned line by line with the boilerplate patterns of every lexicon:
language is not known yet, and a French page ends with English "Comment (0)" all the same.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import jdatetime

from extractors.lexicon import Lexicon, all_lexicons
from extractors.text import fold_digits, norm_text

_DATELINE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Fraction of the lines before which a "related articles" heading is taken for a sidebar
# inside the article rather than the list after it.
_TAIL_MIN_SHARE = 0.4


@dataclass
class CleanedText:
    text: str
    dropped: list[str] = field(default_factory=list)
    dateline: date | None = None


@dataclass(frozen=True)
class _Patterns:
    lines: re.Pattern[str]
    tails: re.Pattern[str]
    captions: re.Pattern[str]
    # a day, a month's name and a year ("6 mai 2026", "May 6, 2026", "۱۶ اردیبهشت ۱۴۰۵"), and
    # each name's month number and whether it is a Solar Hijri month
    month_date: re.Pattern[str]
    months: dict[str, tuple[int, bool]]


@cache
def _patterns() -> _Patterns:
    lexicons = all_lexicons()

    def union(parts: list[str], whole_line: bool) -> re.Pattern[str]:
        body = "|".join(f"(?:{p})" for p in parts)
        return re.compile(rf"^\s*(?:{body})\s*$" if whole_line else body, re.I)

    months = {norm_text(name): (number, solar) for lx in lexicons
              for solar, names in ((False, lx.month_names), (True, lx.solar_hijri_months))
              for number, name in enumerate(names, 1)}
    names = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    month_date = re.compile(rf"(?<!\w)(?:(?P<d1>\d{{1,2}})\.?\s+(?P<m1>{names})|(?P<m2>{names})"
                            rf"\s+(?P<d2>\d{{1,2}}),?)\s+(?P<y>\d{{4}})(?!\d)")
    return _Patterns(
        lines=union([p for lx in lexicons for p in lx.boilerplate.line_patterns], True),
        tails=union([p for lx in lexicons for p in lx.boilerplate.tail_markers], True),
        captions=union([p for lx in lexicons for p in lx.boilerplate.caption_patterns], False),
        month_date=month_date, months=months,
    )


def normalise_unicode(text: str) -> str:
    """NFC, unified newlines, control characters and stray spaces removed; ZWNJ kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text).replace("\ufeff", "").replace("\u200b", "")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def apply_char_map(text: str, lexicon: Lexicon) -> str:
    """Language-specific letter forms, e.g. Arabic yeh and kaf to Persian in Persian text."""
    if not lexicon.char_map:
        return text
    return text.translate(str.maketrans(lexicon.char_map))


def clean_text(raw: str) -> CleanedText:
    """Drop boilerplate lines, captions and the furniture after the article; keep paragraphs."""
    pats = _patterns()
    lines = [line for line in normalise_unicode(raw).split("\n")]
    content_idx = [i for i, line in enumerate(lines) if line]
    kept: list[str] = []
    dropped: list[str] = []
    dateline: date | None = None
    tail_from, boxes = _tail_start(lines, content_idx, pats)
    for i, line in enumerate(lines[:tail_from]):
        if any(a <= i < b for a, b in boxes):
            if line:
                dropped.append(line)
            continue
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if pats.lines.match(line) or pats.captions.search(line):
            dropped.append(line)
            continue
        if _is_caption_label(lines, i, pats):
            dropped.append(line)
            continue
        found = parse_dateline(line)
        if found is not None:
            dateline = dateline or found
            dropped.append(line)
            continue
        kept.append(line)
    dropped.extend(line for line in lines[tail_from:] if line)
    return CleanedText("\n".join(kept).strip(), dropped, dateline)


def _tail_start(lines: list[str], content_idx: list[int],
                pats: _Patterns) -> tuple[int, list[tuple[int, int]]]:
    """Index of the first 'related / same topic / comments (n)' line in the last part, and
    the (start, end) of the related boxes inside the article before it: a heading whose few
    headlines are followed by more of the article ("Tin liên quan:" in a crawler's text)."""
    if not content_idx:
        return len(lines), []
    threshold = content_idx[int(len(content_idx) * _TAIL_MIN_SHARE)]
    boxes: list[tuple[int, int]] = []
    for i in content_idx:
        if i >= threshold and pats.tails.match(lines[i]) and not (boxes and i < boxes[-1][1]):
            end = _inline_box_end(lines, i)
            if end is None:
                return i, boxes
            boxes.append((i, end))
    return len(lines), boxes


_BOX_MAX_ITEMS = 6
_PARAGRAPH_WORDS = 15
_COUNTER = re.compile(r"\(\s*\d+\s*\)")


def _inline_box_end(lines: list[str], i: int) -> int | None:
    """Where the article goes on after a related box opened by lines[i]: at the first body
    paragraph (a long line ending a sentence) within a few headlines; None when none follows,
    or when the heading is a comment counter (comments read like paragraphs)."""
    if _COUNTER.search(lines[i]):
        return None
    items = 0
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if not line:
            continue
        if len(line.split()) >= _PARAGRAPH_WORDS and line[-1] in _SENTENCE_END:
            return j if items else None
        items += 1
        if items > _BOX_MAX_ITEMS:
            return None
    return None


_SENTENCE_END = frozenset(".!?…؟\"”»)")


def _is_caption_label(lines: list[str], i: int, pats: _Patterns) -> bool:
    """A short unpunctuated line right before a caption ("Ảnh 1", "Je suis numéro 1")."""
    line = lines[i]
    if len(line.split()) > 5 or line[-1:] in ".!?:;,\"”»)":
        return False
    nxt = next((x for x in lines[i + 1:] if x), "")
    return bool(pats.captions.search(nxt))


def parse_dateline(line: str) -> date | None:
    """A short line that is mostly a date (a page's publication stamp): "22/11/2024 - 10:05",
    "Wednesday, May 6, 2026", "6 Mei 2026", a Persian page's "۱۶ اردیبهشت ۱۴۰۵"."""
    if len(line) > 60 or len(line.split()) > 6 or line[-1:] in ".!?":
        return None
    m = _DATELINE.search(line)
    if m:
        day, month, year = (int(g) for g in m.groups())
        solar = False
    else:
        pats = _patterns()
        named = pats.month_date.search(norm_text(fold_digits(line)))
        if not named:
            return None
        month, solar = pats.months[named["m1"] or named["m2"]]
        day, year = int(named["d1"] or named["d2"]), int(named["y"])
    try:
        return jdatetime.date(year, month, day).togregorian() if solar else date(year, month, day)
    except ValueError:
        return None
