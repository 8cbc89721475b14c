"""Model names: a quoted name next to a model cue word (or naming a team, club or cooperative
itself), or the description after the cue.

'mô hình “Tổ tự quản an ninh trật tự”', 'le modèle « 5 en 1 »', 'model Tim Swakelola "5 in 1"',
'"Living Blood Bank Club" model', 'مدل «خانوارهای ثروتمند ...»'; unquoted: 'a model of raising
bees under melaleuca forests', 'un modèle de culture de plantes médicinales sur un terrain
vague'. The movement itself ("Skilled Mass Mobilization") and mottos are not models.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from extractors.lexicon import load_lexicon
from extractors.text import PhraseTable, Token, norm, tokenize

# “...”, « ... », „...“, "...", and ‘...’ (a closing ’ followed by a letter is an apostrophe:
# ‘Women’s club’)
QUOTED = re.compile(r"“([^“”\n]{1,160})”|«\s?([^«»\n]{1,160}?)\s?»|„([^„“”\n]{1,160})[“”]"
                    r"|\"(?=\S)([^\"\n]{1,160}?)(?<=\S)\""
                    r"|(?<!\w)‘(?=\S)([^‘\n]{1,160}?)(?<=\S)’(?!\w)")
_CUE_WINDOW = 7
_AFTER_WINDOW = 3  # the cue, or two words and the cue, after a quoted name
_MAX_NAME_WORDS = 14
_MAX_DESCRIPTION_WORDS = 10


@dataclass(frozen=True)
class ModelName:
    name: str
    quoted: bool
    start: int  # offset of the name (or of its cue for descriptions)
    end: int
    organisation: str | None = None


@dataclass(frozen=True)
class _Cues:
    model: PhraseTable[bool]
    heads: PhraseTable[bool]
    examples: PhraseTable[bool]
    links: frozenset[str]
    blockers: PhraseTable[bool]
    movement: re.Pattern[str]
    movement_names: re.Pattern[str]
    slogans: PhraseTable[bool]
    organisations: PhraseTable[bool]
    stops: PhraseTable[bool]
    suffixes: tuple[str, ...]
    function_words: frozenset[str]
    conjunctions: frozenset[str]
    head_first: bool  # the lexicon's head: "first" (a team's qualifier follows its head word)


@cache
def _cues(lang: str) -> _Cues:
    lex = load_lexicon(lang)
    levels = [w for lv in ("province", "district", "commune", "village")
              for w in getattr(lex.locality_levels, lv)]
    movement = "|".join(re.escape(norm(w)) for w in lex.movement_words)
    return _Cues(
        model=PhraseTable(((w, True) for w in lex.model_cues), lex.noun_suffixes),
        heads=PhraseTable(((w, True) for w in [*lex.metrics.get("groups", []), *lex.model_heads]),
                          lex.noun_suffixes),
        examples=PhraseTable((w, True) for w in lex.example_cues),
        links=frozenset(norm(w) for w in lex.model_links),
        blockers=PhraseTable((w, True) for w in lex.description_blockers),
        movement=re.compile(rf"(?:{movement})", re.I),
        movement_names=re.compile("|".join(re.escape(norm(w)).replace(r"\ ", r"\s+") for w in
                                           sorted(lex.movement_names, key=len, reverse=True))
                                  or "(?!)", re.I),
        slogans=PhraseTable((w, True) for w in lex.slogan_cues),
        organisations=PhraseTable((w, True) for w in lex.organisation_cues),
        stops=PhraseTable((w, True) for w in [*levels, *lex.organisation_cues]),
        suffixes=tuple(lex.noun_suffixes),
        function_words=frozenset(norm(w) for w in [*lex.phrase_breaks, *lex.name_stopwords]),
        conjunctions=frozenset(norm(w) for w in lex.list_conjunctions),
        head_first=lex.head == "first",
    )


def _is_movement(name: str, cues: _Cues) -> bool:
    """"Dân vận khéo" is the movement; "Dân vận khéo trong giải phóng mặt bằng" a model named
    after it (its full name and two words more)."""
    folded = norm(name)
    if not cues.movement.search(folded):
        return False
    full = cues.movement_names.search(folded)
    rest = (folded[:full.start()] + " " + folded[full.end():]) if full else ""
    return len(re.findall(r"[^\W\d_][\w\u200c]*", rest)) < 2


def find_model_names(text: str, lang: str, tokens: list[Token] | None = None) -> list[ModelName]:
    """Quoted names and unquoted descriptions of models, in reading order."""
    cues = _cues(lang)
    tokens = tokenize(text) if tokens is None else tokens
    out = _quoted(text, tokens, cues) + _descriptions(text, tokens, cues)
    out.sort(key=lambda m: m.start)
    return _drop_overlaps(out)


_SENTENCE_END = frozenset(".!?؟\n")
_LIST_GAP = 14  # tokens at most between two quoted names of one list
_LIST_ITEM_GAP = 40  # ... when each item of the list after a semicolon says what its model did


def _quoted(text: str, tokens: list[Token], cues: _Cues) -> list[ModelName]:
    out: list[ModelName] = []
    starts = [t.start for t in tokens]
    last = -1  # token index just after the last quoted model
    for m in QUOTED.finditer(text):
        group = next(i for i in range(1, 6) if m.group(i) is not None)
        name = m.group(group).strip().strip(".,;:!?").strip()
        if not name or len(name.split()) > _MAX_NAME_WORDS or _is_movement(name, cues):
            continue
        at = bisect_left(starts, m.start())
        before = tokens[max(0, at - _CUE_WINDOW):at]
        after = tokens[bisect_left(starts, m.end()):][:_AFTER_WINDOW]
        if _has(cues.slogans, before[-3:]):
            continue
        inside = [t for t in tokens[at:bisect_left(starts, m.end())] if t.kind == "word"]
        if not (_has(cues.model, before) or _cue_after(after, cues)
                or _headed(cues.heads, inside) or _named_group(cues, before, after)
                or _listed(tokens, at, last, cues) or _list_item(text, m.start(), cues)):
            continue
        out.append(ModelName(name, True, m.start(group), m.start(group) + len(name),
                             _organisation(text, tokens, starts, m.end(), cues)))
        last = bisect_left(starts, m.end())
    return out


def _cue_after(after: list[Token], cues: _Cues) -> bool:
    """The model cue just after the name ('"Green Sunday" model'), or after a word or two
    that qualify it ('"Digital citizens" Zalo group model'), none of them a function word
    ('"Green Sunday" launched the model' is another clause)."""
    for k, t in enumerate(after):
        if cues.model.match(after, k):
            return True
        if t.kind != "word" or t.norm in cues.function_words or k >= 2:
            return False
    return False


def _listed(tokens: list[Token], at: int, last: int, cues: _Cues) -> bool:
    """A quoted name in a list of models: 'models ... such as “A” of X; “B” in Y; “C”'.

    The first follows an example cue ("such as", "như", "seperti") in a sentence that has
    already said "model"; each next one follows the last model name of that sentence across
    a comma or semicolon, or a conjunction just before it ("... in Y and “C”"), with no
    figure between; or it opens an item of the list after a semicolon, the items saying what
    each model did: '“A” in X, which has collected 3.6 tonnes ...; “B” in Y, where ...'.
    """
    if 0 <= last <= at and at - last <= _LIST_ITEM_GAP:
        gap = tokens[last:at]
        if not any(t.text in _SENTENCE_END for t in gap):
            plain = not any(t.kind == "num" for t in gap) and at - last <= _LIST_GAP
            if plain and (any(t.text in ",;،؛" for t in gap)
                          or (gap and gap[-1].norm in cues.conjunctions)):
                return True
            opener = gap[-2:] if gap and gap[-1].norm in cues.conjunctions else gap[-1:]
            if opener and opener[0].text in ";؛":
                return True
    near = tokens[max(0, at - 4):at]
    if not _has(cues.examples, near):
        return False
    sentence = tokens[max(0, at - 3 * _CUE_WINDOW):at]
    ends = [k for k, t in enumerate(sentence) if t.text in _SENTENCE_END]
    return _has(cues.model, sentence[ends[-1] + 1 if ends else 0:])


_BULLET = re.compile(r"[ \t]*(?:[-–•*+][ \t]*)?")
_ITEM = re.compile(r"(?:[-–•*+]\s*)?[\"“«‘']")  # a list item's line opens on a quoted name
_MAX_ITEMS = 30


def _list_item(text: str, start: int, cues: _Cues) -> bool:
    """A quoted name opening an item of a list, one item a line, whose introduction says
    "model" and ends on a colon: "Các mô hình tiêu biểu gồm:" then "- “Gà đồi an toàn” của
    ..." (an HTML <ul>), "The typical models include:" then dashed lines."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or not _BULLET.fullmatch(text, line_start, start):
        return False
    end = line_start - 1  # the newline before this item
    for _ in range(_MAX_ITEMS):
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end].strip()
        if line.endswith(":"):
            return bool(cues.model.find_all(tokenize(line)))
        if line and not _ITEM.match(line):
            return False
        if begin == 0:
            return False
        end = begin - 1
    return False


def _descriptions(text: str, tokens: list[Token], cues: _Cues) -> list[ModelName]:
    out: list[ModelName] = []
    starts = [t.start for t in tokens]
    for i, n, _ in cues.model.find_all(tokens):
        tok = tokens[i]
        j = i + n
        if j < len(tokens) and tokens[j].norm in cues.links and tokens[j].norm:
            j += 1
        elif "" not in cues.links:
            continue
        if j >= len(tokens) or tokens[j].kind != "word" or cues.blockers.match(tokens, j) \
                or _is_function_word(tokens[j], cues):
            continue  # ("model-model di seluruh provinsi": a place phrase, not a name)
        words: list[Token] = []
        ended_at_name = False  # a description runs up to its organisation or its place
        while j < len(tokens) and len(words) < _MAX_DESCRIPTION_WORDS:
            t = tokens[j]
            if t.kind == "word" and (cues.stops.match(tokens, j) or (t.text[0].isupper() and words)):
                ended_at_name = True
                break
            if t.kind != "word":
                break
            words.append(t)
            j += 1
        while words and _is_function_word(words[-1], cues):
            words.pop()
        if ended_at_name and len(words) >= 2 and not cues.movement.search(
                " ".join(w.norm for w in words)) and not _quoted_next(text, tokens[j].start):
            name = text[words[0].start:words[-1].end]
            out.append(ModelName(name, False, tok.start, words[-1].end,
                                 _organisation(text, tokens, starts, words[-1].end, cues)))
    return out


# at most two words, then a quote opens
_QUOTE_AHEAD = re.compile(r"(?:[^\W\d_][\w'’-]*\s+){0,2}(?=[“«„\"‘])")


def _quoted_next(text: str, pos: int) -> bool:
    """Whether a quoted name follows within two words: the description before it is that
    name's ("model homestay etnis Thai “Sambutan rumah panggung”"), no model of its own."""
    m = _QUOTE_AHEAD.match(text, pos)
    return bool(m and QUOTED.match(text, m.end()))


def _headed(heads: PhraseTable[bool], words: list[Token]) -> bool:
    """A name that is itself a team, club or cooperative ("Goat Raising Cooperative", "Koperasi
    Peternakan Kambing"): its head noun opens it or ends it, depending on the language."""
    if not words:
        return False
    if heads.match(words, 0):
        return True
    return any((hit := heads.match(words, k)) is not None and k + hit[0] == len(words)
               for k in range(1, len(words)))


def _named_group(cues: _Cues, before: list[Token], after: list[Token]) -> bool:
    """A name given to a team, club or cooperative right before or after it: 'l'équipe
    « Jeunes volontaires »', 'tim "Pemuda Penjaga Hutan"', 'the "Green Sunday" team'. Where
    the head comes first, a word that qualifies it may stand between, with its link: 'le
    groupe d'autogestion « Ruelle sûre »', 'گروه خودگردان “کوچه امن”'."""
    heads = cues.heads
    words = [t for t in before if t.kind == "word"]
    if before and before[-1].kind == "word":
        for k in range(len(words)):
            hit = heads.match(words, k)
            if hit is None:
                continue
            rest = words[k + hit[0]:]
            if not rest or (cues.head_first and _qualifier_of_head(rest, cues)):
                return True
    return bool(after) and after[0].kind == "word" and heads.match(after, 0) is not None


def _qualifier_of_head(words: list[Token], cues: _Cues) -> bool:
    """One word, after a link word or not ("d'autogestion", "خودگردان"), no function word."""
    if len(words) == 2 and words[0].norm in cues.links:
        words = words[1:]
    return len(words) == 1 and not _is_function_word(words[0], cues)


def _is_function_word(token: Token, cues: _Cues) -> bool:
    return token.norm in cues.function_words or cues.blockers.match([token], 0) is not None


def _has(table: PhraseTable[bool], window: list[Token]) -> bool:
    return any(table.match(window, k) for k in range(len(window)))


def _organisation(text: str, tokens: list[Token], starts: list[int], pos: int,
                  cues: _Cues) -> str | None:
    """The organisation named right after a model name: 'of the Women's Union of ...'
    (`starts`: the tokens' offsets)."""
    at = bisect_left(starts, pos)
    after = tokens[at:at + 8]
    for k, tok in enumerate(after):
        if tok.kind == "punct" and tok.text in ",.;()":
            return None
        hit = cues.organisations.match(after, k)
        if hit:
            end = k + hit[0]
            while end < len(after) and after[end].kind == "word" and after[end].text[0].isupper():
                end += 1
            return text[tok.start:after[end - 1].end]
    return None


def _drop_overlaps(names: list[ModelName]) -> list[ModelName]:
    """A description that contains a quoted name is the same model: keep the quoted one."""
    out: list[ModelName] = []
    for name in names:
        clash = next((o for o in out if name.start < o.end and o.start < name.end), None)
        if clash is None:
            out.append(name)
        elif name.quoted and not clash.quoted:
            out[out.index(clash)] = name
    return out
