"""Text primitives every extractor shares: digit folding, masks, tokens, phrase tables, sentences.

Offsets are always offsets into the cleaned article text: every transformation here keeps the
length of the string (digits fold one-for-one, masked spans become spaces).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")

URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”«»]+|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info|gov)"
    r"(?:/[^\s<>\"“”«»]*)", re.I)
# What every URL_RE match holds; the regex itself only runs on the non-space runs around one.
_URL_HINT = re.compile(r"://|www\.|\.(?:vn|com|net|org|info|gov)/", re.I)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# Numeric dates: 17/10/2024, 8-12-2023, 2024-10-17, 17.10.2024. Written-out dates are left to
# the metric engine, which never counts a bare number followed by a month name.
# The first digit comes first in the pattern (then a look back past it), so the regex engine
# only tries positions holding a digit: five times faster than starting with the look-behind.
DATE_RE = re.compile(
    r"\d(?<![\d.,]\d)(?:\d?[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{3}[/.-]\d{1,2}[/.-]\d{1,2})(?!\d)")
BREAK_PUNCT = frozenset(",;.:()[]!?…/|\n،؛")
ZWNJ = "\u200c"


@cache
def _digit_table() -> dict[int, str]:
    """Every Unicode decimal digit (Persian ۰-۹, Arabic-Indic ٠-٩, ...) to its ASCII digit."""
    table: dict[int, str] = {}
    for code in range(0x110000):
        ch = chr(code)
        if ch.isdecimal() and not ("0" <= ch <= "9"):
            table[code] = str(unicodedata.decimal(ch))
    return table


_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a digit, not an ASCII one: one class test per character


def fold_digits(text: str) -> str:
    # translate() looks every character up; most texts have no digit to fold, and a regex
    # search (in C) says so far faster
    if text.isascii() or not _OTHER_DIGIT.search(text):
        return text
    return text.translate(_digit_table())


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def replace_urls(text: str, repl: str | Callable[[re.Match[str]], str]) -> str:
    """URL_RE.sub(repl, text), five times faster on articles.

    A URL never spans whitespace, and every one holds "://", "www." or ".vn/"-like text, so the
    regex (which otherwise tries each word of the text) reads only the non-space runs around
    those hints: the same matches, in the same order.
    """
    out: list[str] = []
    last, n = 0, len(text)
    for m in _URL_HINT.finditer(text):
        if m.start() < last:
            continue  # inside the run just replaced
        start, end = m.start(), m.end()
        while start > last and not text[start - 1].isspace():  # str.isspace() is re's \s
            start -= 1
        while end < n and not text[end].isspace():
            end += 1
        out += (text[last:start], URL_RE.sub(repl, text[start:end]))
        last = end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def masked_view(text: str) -> str:
    """Digits folded to ASCII; URLs, e-mails and numeric dates blanked; same length as text."""
    view = replace_urls(fold_digits(text), _blank)
    if "@" in view:
        view = EMAIL_RE.sub(_blank, view)
    return DATE_RE.sub(_blank, view)


def norm_text(text: str) -> str:
    """The form tokens and cue words are compared in."""
    return text.casefold().replace("’", "'").replace(ZWNJ, "")


# memoised for words (a text repeats its words); running text goes through norm_text, so that
# sentences, which never repeat, do not push the words out of the cache
norm = lru_cache(maxsize=1 << 16)(norm_text)


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str  # num, word, punct
    norm: str


# A run of capitals glued to a number is a word of its own ("VND2.5 billion", "USD10");
# lower-case units keep their digits ("m2", "km2").
_WORD = r"[A-Z]{2,}(?=\d)|[^\W\d_][\w\u200c]*(?:-[^\W\d_][\w\u200c]*)*['’]?"


_KINDS = {"num": "num", "word": "word", "punct": "punct", "nl": "punct", None: "punct"}


@cache
def _token_re(numeral: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<num>{numeral})|(?P<word>{_WORD})|(?P<punct>[^\w\s])|(?P<nl>\n)")


def tokenize(view: str, numeral: str = r"\d+", start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of view[start:end] with absolute offsets; `numeral` is the lexicon's number regex."""
    make = Token._make  # tuple.__new__: a third of the cost of calling Token(...)
    return [make((text := m.group(), m.start(), m.end(), _KINDS[m.lastgroup], norm(text)))
            for m in _token_re(numeral).finditer(view, start, len(view) if end is None else end)]


class PhraseTable(Generic[T]):
    """Multi-word phrases (as token sequences) to payloads; longest match wins.

    `suffixes` are endings the last word of a phrase may carry (plural, ezafe).
    """

    def __init__(self, phrases: Iterable[tuple[str, T]], suffixes: Sequence[str] = ()) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        endings = ["", *(norm(s) for s in suffixes)]
        for phrase, payload in phrases:
            words = tuple(t.norm for t in tokenize(phrase))
            if not words:
                continue
            for ending in endings:
                variant = (*words[:-1], words[-1] + ending)
                self._by_first.setdefault(variant[0], []).append((variant, payload))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.firsts = frozenset(self._by_first)

    def find_all(self, tokens: Sequence[Token]) -> list[tuple[int, int, T]]:
        """(index, number of tokens, payload) of the longest phrase at every token that starts
        one; the first word is looked up in a set before any matching is tried."""
        firsts = self.firsts
        return [(i, *hit) for i, t in enumerate(tokens)
                if t.norm in firsts and (hit := self.match(tokens, i))]

    def match(self, tokens: Sequence[Token], i: int) -> tuple[int, T] | None:
        """(number of tokens matched, payload) for the longest phrase starting at tokens[i]."""
        entries = self._by_first.get(tokens[i].norm)
        if not entries:
            return None
        for words, payload in entries:
            n = len(words)
            if i + n <= len(tokens) and all(tokens[i + k].norm == words[k] for k in range(1, n)):
                return n, payload
        return None

    def __contains__(self, word: str) -> bool:
        return norm(word) in self._by_first


def suffix_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """A regex matching any phrase that ends the searched string (modulo spaces).

    Used on the text just before a number: qualifiers ("plus d'") and identifier words ("n°").
    """
    alts = sorted({norm(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not alts:
        return None
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return re.compile(rf"(?:^|(?<=[\s\W]))(?:{body})\s*$")


_SENTENCE_END = re.compile(r"[.!?؟…]+[\"'”»)]*\s+|\n+")


def sentence_spans(text: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence: ends at . ! ? ؟ … before whitespace, or at a newline.

    Memoised for the last few texts (the metric engine and the attribution both split the
    article): the list is shared, read it only.
    """
    return _sentence_spans(text, tuple(abbreviations))


@lru_cache(maxsize=8)
def _sentence_spans(text: str, abbreviations: tuple[str, ...]) -> list[tuple[int, int]]:
    abbrevs = {norm(a) for a in abbreviations}
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if "\n" not in m.group(0):
            words = text[start:m.start() + 1].split()
            last_word = words[-1] if words else ""
            if norm(last_word) in abbrevs:
                continue
            nxt = text[m.end():m.end() + 1]
            if nxt and nxt.islower():
                continue
        end = m.start() + len(m.group(0).rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return (offset, offset)
