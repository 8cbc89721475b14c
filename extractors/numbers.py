"""Numbers in any script and locale: numerals with the lexicon's separators, and number words.

`find_numbers` returns every number in a masked view of a text (see text.masked_view), each with
its value and span; the metric engine decides which of them are metrics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.lexicon import Lexicon, load_lexicon
from extractors.text import PhraseTable, Token, norm, tokenize

_FALLBACK_DECIMALS = ".,٫"


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    start: int
    end: int
    weak: bool = False  # a word that doubles as an article: needs a qualifier or a unit
    year_like: bool = False  # four plain digits 1900-2100
    first_index: int = 0  # index of the first and last token of the number
    last_index: int = 0
    approx: bool = False  # a word that is itself approximate: "une quarantaine" (about 40)
    unit_word: str = ""  # the unit a fraction is joined to: "half-hectare" (hectare)
    scale: float = 1.0  # the multiplier after a numeral: "2 million" (1e6)


@cache
def numeral_regex(lang: str) -> str:
    """Regex for a written numeral in this language (ASCII digits: views fold all scripts)."""
    lex = load_lexicon(lang)
    spaces = [s for s in lex.group_separators if s.isspace()]
    marks = {s for s in [*lex.group_separators, *lex.decimal_separators] if not s.isspace()}
    marks |= set(_FALLBACK_DECIMALS)
    mark_class = "[" + "".join(re.escape(m) for m in sorted(marks)) + "]"
    plain = rf"\d+(?:{mark_class}\d+)*"
    if not spaces:
        return plain
    space_class = "[" + "".join(spaces) + "]"
    decimal = "|".join(re.escape(d) for d in lex.decimal_separators)
    # "6 540" or "13 000,5": space groups only of exactly three digits
    spaced = rf"\d{{1,3}}(?:{space_class}\d{{3}})+(?!\d)(?:(?:{decimal})\d+)?"
    return rf"{spaced}|{plain}"


def parse_numeral(raw: str, lex: Lexicon) -> float | None:
    """Value of a numeral string under the lexicon's separators; None if it is no number."""
    parts = re.split(r"(\D)", raw)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return float(groups[0])
    decimal_at: int | None = None
    last, tail = seps[-1], groups[-1]
    is_group = last in lex.group_separators and len(tail) == 3
    if last in lex.decimal_separators and not (is_group and len(seps) > 1):
        decimal_at = len(seps) - 1
    elif not is_group and last in _FALLBACK_DECIMALS:
        decimal_at = len(seps) - 1  # "7.1km" in Indonesian, "1,2" in English: read as decimals
    whole = seps if decimal_at is None else seps[:decimal_at]
    if whole and (len(set(whole)) > 1 or (whole[0] not in lex.group_separators
                  and whole[0] not in _FALLBACK_DECIMALS)):
        return None
    if any(len(g) != 3 for g in groups[1:len(whole) + 1]):
        return None
    if decimal_at is not None and whole and last in whole:
        return None  # "1.234.5": the same mark cannot group and mark decimals
    integer = "".join(groups[: len(whole) + 1])
    if decimal_at is None:
        return float(integer)
    return float(f"{integer}.{groups[-1]}")


@cache
def word_tables(lang: str) -> tuple[PhraseTable[float], PhraseTable[float]]:
    lex = load_lexicon(lang)
    return (PhraseTable(lex.number_words.items()), PhraseTable(lex.multipliers.items()))


def find_numbers(view: str, tokens: list[Token], lex: Lexicon) -> list[Number]:
    """Numbers among tokens: numerals (with a following multiplier) and number-word sequences."""
    words, multipliers = word_tables(lex.lang)
    scales = {norm(k): v for k, v in lex.scale_words.items()}
    addends = {norm(k): v for k, v in lex.addend_words.items()}
    connectors = {norm(c) for c in lex.number_connectors}
    weak_words = {norm(w) for w in lex.weak_number_words}
    prefixes = {norm(k): v for k, v in lex.number_prefixes.items()}
    halves = fraction_table(lex.lang)
    out: list[Number] = []
    opens = _openers(lex.lang)
    i = 0  # the first token not yet read: a number's tokens are skipped
    # only a numeral or a word that may open a number starts one: the rest are passed over
    # here, in a comprehension, rather than one by one in the loop
    for at in [k for k, t in enumerate(tokens) if t.kind == "num" or opens[t.norm]]:
        if at < i:
            continue
        i = at
        tok = tokens[i]
        if tok.kind == "word" and tok.norm.startswith(halves.starts) and (
                lone := halves.lone(tokens, i)):
            value, j, unit_word = lone  # "half a hectare", "demi-hectare"
            out.append(Number(value, tok.start, tokens[j].end if not unit_word else
                              tok.start + len(tok.text) - len(unit_word) - 1, False, False, i, j,
                              unit_word=unit_word))
            i = j + 1
            continue
        if tok.kind == "num":
            value = parse_numeral(tok.text, lex)
            if value is None:
                continue
            year_like = bool(re.fullmatch(r"(19|20)\d\d", tok.text)) and 1900 <= value <= 2100
            end, j = tok.end, i
            hit = multipliers.match(tokens, i + 1) if i + 1 < len(tokens) else None
            scale = hit[1] if hit else 1.0
            if hit:
                value *= hit[1]
                j = i + hit[0]
                value, j = _smaller_parts(tokens, j, value, hit[1], multipliers, connectors, lex)
                end = tokens[j].end
                year_like = False
            elif (half := halves.after(tokens, j)) is not None:  # "1 and a half"
                value, j, year_like = value + half[0], half[1], False
                if j + 1 < len(tokens) and (hit := multipliers.match(tokens, j + 1)):
                    value, j = value * hit[1], j + hit[0]
                end = tokens[j].end
            out.append(Number(value, tok.start, end, False, year_like, i, j, scale=scale))
            i = j + 1
            continue
        if tok.kind == "word" and (about := _approximate(tokens, i, lex, weak_words)):
            value, j = about
            out.append(Number(value, tok.start, tokens[j].end, False, False, i, j, approx=True))
            i = j + 1
            continue
        if tok.kind == "word" and _may_start_number(tok.norm, lex.lang):
            parsed = _number_words(tokens, i, words, multipliers, scales, addends, connectors,
                                   prefixes, halves)
            if parsed:
                value, j, weak_candidate = parsed
                if (half := halves.after(tokens, j)) is not None:  # "one and a half"
                    value, j, weak_candidate = value + half[0], half[1], False
                    if j + 1 < len(tokens) and (hit := multipliers.match(tokens, j + 1)):
                        value, j = value * hit[1], j + hit[0]  # "one and a half million"
                elif j > i and (hit := multipliers.match(tokens, j)) and hit[0] == 1:
                    # "một tỷ 200 triệu", "یک میلیارد و ۲۰۰ میلیون": numerals after the words
                    value, j = _smaller_parts(tokens, j, value, hit[1], multipliers, connectors, lex)
                weak = weak_candidate and tokens[i].norm in weak_words
                out.append(Number(value, tok.start, tokens[j].end, weak, False, i, j))
                i = j + 1
    return out


@dataclass(frozen=True)
class _Halves:
    """A lexicon's fraction words, with the connectors and articles that lead to them."""

    words: dict[str, float]
    connectors: set[str]
    articles: set[str]
    starts: tuple[str, ...]  # what a word must start with to be one ("half", "half-hectare")

    def after(self, tokens: list[Token], j: int, bare: bool = False) -> tuple[float, int] | None:
        """(fraction, index of its token) of "and a half", "et demi", "و نیم" after tokens[j];
        with `bare`, also a fraction straight after ("1 ha rưỡi")."""
        k = j + 1
        linked = k < len(tokens) and tokens[k].norm in self.connectors
        if linked:
            k += 1
            if k < len(tokens) and tokens[k].norm in self.articles and \
                    k + 1 < len(tokens) and tokens[k + 1].norm in self.words:
                k += 1  # "and a half"
        if (linked or bare) and k < len(tokens) and tokens[k].norm in self.words:
            return self.words[tokens[k].norm], k
        return None

    def lone(self, tokens: list[Token], i: int) -> tuple[float, int, str] | None:
        """(fraction, index of its last token, a unit joined to it) of a fraction that opens a
        quantity: "half a hectare" (the article after it is the fraction's), "demi-hectare"."""
        word = tokens[i].norm
        head, _, rest = word.partition("-")
        if rest and head in self.words:
            return self.words[head], i, tokens[i].text[len(head) + 1:]
        if word not in self.words or (i and tokens[i - 1].kind == "num"):
            return None
        if i + 1 < len(tokens) and tokens[i + 1].norm in self.articles:
            return self.words[word], i + 1, ""
        return None


@cache
def fraction_table(lang: str) -> _Halves:
    lex = load_lexicon(lang)
    words = {norm(k): v for k, v in lex.fraction_words.items()}
    return _Halves(words, {norm(c) for c in lex.number_connectors},
                   {norm(w) for w in lex.article_numbers}, tuple(words))


def _smaller_parts(tokens: list[Token], j: int, value: float, scale: float,
                   multipliers: PhraseTable[float], connectors: set[str],
                   lex: Lexicon) -> tuple[float, int]:
    """"1 milliard 200 millions", "1 tỷ 200 triệu", "۱ میلیارد و ۲۰۰ میلیون": each numeral with a
    smaller multiplier after the last one (across a connector word) adds to the amount, and so
    does a last bare numeral below the multiplier across a connector ("۲ هزار و ۵۰۰", 2,500).
    Returns the amount and the index of its last token."""
    while True:
        k = j + 1
        linked = k < len(tokens) and tokens[k].norm in connectors
        if linked:
            k += 1
        if not (k < len(tokens) and tokens[k].kind == "num"):
            return value, j
        part = parse_numeral(tokens[k].text, lex)
        hit = multipliers.match(tokens, k + 1) if k + 1 < len(tokens) else None
        if part is not None and hit is None and linked and part < scale and \
                lex.multiplier_remainders:
            return value + part, k
        if part is None or hit is None or not part * hit[1] < scale:
            return value, j
        value += part * hit[1]
        scale = hit[1]
        j = k + hit[0]


def _approximate(tokens: list[Token], i: int, lex: Lexicon,
                 weak_words: set[str]) -> tuple[float, int] | None:
    """(value, index of its last token) of "une quarantaine" or "quarantaine" at tokens[i]."""
    table = lex.approximate_numbers
    if not table:
        return None
    word = tokens[i].norm
    if word in weak_words and i + 1 < len(tokens) and tokens[i + 1].norm in table:
        return table[tokens[i + 1].norm], i + 1
    return (table[word], i) if word in table else None


def _number_words(tokens: list[Token], i: int, words: PhraseTable[float],
                  multipliers: PhraseTable[float], scales: dict[str, float],
                  addends: dict[str, float], connectors: set[str],
                  prefixes: dict[str, float], halves: _Halves) -> tuple[float, int, bool] | None:
    """Parse "dua puluh lima", "seratus dua puluh", "hai mươi", "vingt-cinq", "بیست و پنج",
    "dua ribu lima ratus", "seribu" at tokens[i].

    Returns (value, index of the last token used, whether it is a single word).
    """
    total, current, last_unit = 0.0, 0.0, 0.0
    used, last = 0, -1
    j = i
    while j < len(tokens) and tokens[j].kind == "word":
        word = tokens[j].norm
        hit = multipliers.match(tokens, j) if used else None
        if hit:  # "dua ribu", "دو هزار", "trois mille": close the group, keep reading
            total += (current or 1) * hit[1]
            current = last_unit = 0.0
            used += 1
            last = j + hit[0] - 1
            j += hit[0]
            continue
        phrase = words.match(tokens, j)
        if phrase and phrase[0] > 1:  # a number phrase: "một nửa" is a half, not 1 + 0.5
            current += phrase[1]
            last_unit = phrase[1]
            used += 1
            last = j + phrase[0] - 1
            j += phrase[0]
            continue
        part_values = [_word_value(p, words) for p in word.split("-")]
        if all(v is not None for v in part_values):
            value = sum(v for v in part_values if v is not None)
            current += value
            last_unit = value
        elif word in scales and used:
            scale = scales[word]
            if scale < 100:  # "dua puluh", "hai mươi": tens multiply the last unit only
                current += last_unit * (scale - 1)
            else:
                current = (current or 1) * scale
            last_unit = 0.0
        elif word in addends and used:  # Indonesian "dua belas" = 2 + 10
            current += addends[word]
            last_unit = 0.0
        elif word in connectors and used and j + 1 < len(tokens):
            if halves.after(tokens, j - 1) is not None:
                break  # "one and a half": the half is added after, never read as "a" (one)
            j += 1
            continue
        elif not used and (prefixed := _prefixed(word, prefixes, multipliers)):
            current = prefixed
        else:
            break
        used += 1
        last = j
        j += 1
    if not used:
        return None
    return total + current, last, used == 1


@cache
def _starters(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    lex = load_lexicon(lang)
    words = {norm(w).split()[0] for w in lex.number_words}
    return frozenset(words), tuple(norm(p) for p in lex.number_prefixes)


@cache
def _start_memo(lang: str) -> dict[str, bool]:
    return {}


class _Openers(dict[str, bool]):
    """Whether a word may open a number (a number word, a fraction, an approximate count, a
    prefixed numeral): asked of every word of a text, so memoised, and bounded, since a stream
    of articles never stops bringing words. Numerals and punctuation are settled by kind."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        lex = load_lexicon(lang)
        self.lang = lang
        self.fractions = fraction_table(lang).starts
        self.approximate = {norm(w) for w in [*lex.weak_number_words, *lex.approximate_numbers]}

    def __missing__(self, word: str) -> bool:
        if len(self) >= 1 << 16:
            self.clear()
        opens = self[word] = bool(word) and (
            word.startswith(self.fractions) or word in self.approximate
            or _may_start_number(word, self.lang))
        return opens


@cache
def _openers(lang: str) -> _Openers:
    return _Openers(lang)


def _may_start_number(word: str, lang: str) -> bool:
    """Whether a word could open a number in words; asked of every word, so memoised."""
    memo = _start_memo(lang)
    known = memo.get(word)
    if known is None:
        if len(memo) >= 1 << 16:  # bounded: a stream of articles never stops bringing words
            memo.clear()
        words, prefixes = _starters(lang)
        known = memo[word] = word.split("-")[0] in words or word.startswith(prefixes)
    return known


def _word_value(word: str, words: PhraseTable[float]) -> float | None:
    hit = words.match([Token(word, 0, 0, "word", word)], 0)
    return hit[1] if hit else None


def _prefixed(word: str, prefixes: dict[str, float], multipliers: PhraseTable[float]) -> float | None:
    """Indonesian "seribu", "sejuta": a bound numeral prefix on a multiplier."""
    for prefix, value in prefixes.items():
        rest = word[len(prefix):]
        if word.startswith(prefix) and rest and rest in multipliers:
            hit = multipliers.match([Token(rest, 0, 0, "word", rest)], 0)
            if hit:
                return value * hit[1]
    return None


def numbers_in(text: str, lang: str) -> list[Number]:
    """Every number in a raw text."""
    return scan(text, lang)[2]


@lru_cache(maxsize=8)
def scan(text: str, lang: str) -> tuple[str, list[Token], list[Number]]:
    """(masked view, tokens, numbers) of a text; cached, since metrics and fingerprints share it."""
    from extractors.text import masked_view

    view = masked_view(text)
    tokens = tokenize(view, numeral_regex(lang))
    return view, tokens, find_numbers(view, tokens, load_lexicon(lang))
