"""Attribution: split an article into stretches about one model or one place, and build records.

Reading in order, a model name (quoted, or a description after a model cue) opens a model
record that takes the places of its sentence and the figures that follow, over several
sentences and paragraphs, until another model, a "whole district / toàn huyện / seluruh
provinsi" cue, or a paragraph that opens on another place. Counts of models always belong
to a place, never to one model: they form place-wide records (model_name None), as do figures
outside any model's stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache

from extractors.gazetteer import gazetteer, roman_value
from extractors.lexicon import Lexicon, load_lexicon
from extractors.localities import Place, places_in, to_locality
from extractors.metrics import extract_metrics
from extractors.model_names import ModelName, find_model_names
from extractors.numbers import scan
from extractors.text import (
    PhraseTable,
    Token,
    fold_digits,
    norm,
    norm_text,
    sentence_at,
    sentence_spans,
    tokenize,
)
from extractors.years import YearMention, find_years
from schemas import Locality, Metric, ModelRecord

PLACE_LEVELS = ("province", "district", "commune")


@dataclass
class _Stretch:
    start: int
    model: ModelName | None = None
    place: Place | None = None  # for place-wide records: the place they are about
    places: list[Place] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    context: dict[str, Place] = field(default_factory=dict)  # places named before it began
    bare_commune: bool = False  # its sentence says "the commune" without naming it
    sentence_start: int = -1  # where a model's sentence begins (before it, in a list)


def extract(text: str, lang: str, published: date | None = None) -> list[ModelRecord]:
    """Records with their metrics for one cleaned article in a supported language."""
    lex = load_lexicon(lang)
    names = find_model_names(text, lang, scan(text, lang)[1])
    # a figure inside a quoted model name is part of the name ("Gia đình 5 không, 3 sạch")
    metrics = [m for m in _drop_intertitle_repeats(text, extract_metrics(text, lang, published))
               if not any(n.quoted and n.start <= m.evidence.start < n.end for n in names)]
    places, province = places_in(text, lex, published)
    in_names = _numerals_ending_place_names(text, places)
    metrics = [m for m in metrics if m.evidence.start not in in_names]
    # a year after the article's own is a goal's ("Năm 2025, huyện phấn đấu ..."), never when
    # a model began or what its figures count
    years = [y for y in find_years(text, lang) if not (published and y.year > published.year)]
    sentences = sentence_spans(text, lex.abbreviations)
    tokens = scan(text, lang)[1]  # the metric engine's tokens (URLs and dates blanked)
    whole_table, field_table = _cue_tables(lang)
    wholes = _cues_in(tokens, whole_table)
    fields = _cues_in(tokens, field_table)

    events: list[tuple[int, int, object]] = [(n.start, 0, n) for n in names]
    events += [(w[0], 1, w) for w in wholes]
    events += [(p.start, 2, p) for p in places]
    events += [(m.evidence.start, 3, m) for m in metrics]
    events.sort(key=lambda e: (e[0], e[1]))

    models: list[_Stretch] = []
    place_wide: dict[tuple[str, ...], _Stretch] = {}
    current: _Stretch | None = None
    context: dict[str, Place] = {}
    target: Place | None = None
    whole: tuple[int, str] | None = None  # the last "whole province / toàn huyện" cue
    for pos, _, event in events:
        sentence = sentence_at(sentences, pos)
        if isinstance(event, ModelName):
            if current is not None and current.model is not None and current.model.end < sentence[0]:
                # "Cùng với đó, tại thôn Lập Thành, mô hình ...": places in the new model's
                # sentence are its own, not the last model's
                current.places = [p for p in current.places if p.start < sentence[0]]
            # its sentence's places (and years); in a list of models ("“A” of X district; “B”
            # in Y district"), those after its name, up to the next one
            listed = any(sentence[0] <= n.start < event.start for n in names)
            current = _Stretch(event.start if listed else sentence[0], model=event,
                               context=dict(context), sentence_start=sentence[0])
            hi = min((n.start for n in names if event.end <= n.start < sentence[1]),
                     default=sentence[1])
            current.places = [p for p in places
                              if (event.start if listed else sentence[0]) <= p.start < hi]
            if listed and not current.places:
                # "Ở phường X, mô hình “A” có ..., còn mô hình “B” ...": with no place of its
                # own, a listed model is at the places that open its sentence
                first = min(n.start for n in names if sentence[0] <= n.start < event.start)
                current.places = [p for p in places if sentence[0] <= p.start < first]
            current.bare_commune = _names_bare_level(text[sentence[0]:sentence[1]], lang, "commune")
            if not listed and not (whole is not None and sentence[0] <= whole[0] < sentence[1]):
                _take_figures_before(current, place_wide, sentence[0], event.start)
                _take_paragraph_figures(text, current, place_wide, names, sentence[0])
            models.append(current)
        elif isinstance(event, tuple):
            current, whole = None, event
            # "Những năm qua, phong trào ... ở Hiệp Đức ... toàn huyện có 127 mô hình": before
            # the article names its district with a level word, the one it names later
            target = (context.get(event[1]) or _sole(places, event[1])) \
                if event[1] != "province" else None
        elif isinstance(event, Place):
            if event.level in PLACE_LEVELS:
                context[event.level] = event
            if current is not None and _opens_paragraph_on_place(text, sentence, event, current):
                # the places of the sentence that opened the paragraph go with it
                current.places = [p for p in current.places if p.start < sentence[0]]
                current, target = None, event
            elif current is not None and event not in current.places:
                current.places.append(event)
            elif current is None and event.level in ("district", "commune") and not (
                    target is not None and target.level == "commune"
                    and event.level == "district" and target.district == event.name):
                target = event  # (a commune's own district named after it does not replace it)
        elif isinstance(event, Metric):
            if current is not None and (level := _opens_paragraph_on_bare_level(
                    text, sentence, current, context, lang, places)):
                current, target = None, _in_context(context, level)  # "The district now has"
            elif current is not None and any(
                    _opens_paragraph_on_organisation(text, opening, current, lang)
                    for opening in _paragraphs_since(text, sentences, current, sentence)):
                # "Hội Chữ thập đỏ xã cũng ...": another organisation's work, not the model's
                current = None
                target = context.get("commune") or context.get("district") or target
            if current is not None and event.metric != "models":
                current.metrics.append(event)
                continue
            # places of this sentence, but not those of a model named later in it
            cut = min((n.start for n in names if pos < n.start < sentence[1]), default=sentence[1])
            place = _nearest_lowest([p for p in places if sentence[0] <= p.start < cut
                                     and p.level in PLACE_LEVELS
                                     and not _after_ranking_cue(text, pos, p, lang)], pos)
            # a "whole province" cue in the sentence outranks a bare level word in it
            wholly = whole is not None and sentence[0] <= whole[0] < sentence[1]
            for level in () if wholly else ("commune", "district"):
                if place is None and (named := _in_context(context, level) or _sole(
                        places, level)) and _names_bare_level(
                        text[sentence[0]:sentence[1]], lang, level):
                    place = named  # "la commune a mobilisé", "the district has"
            place = place or target
            key: tuple[str, ...] = (place.level, place.name) if place else (
                "province", province or "")
            held = place_wide.get(key)
            if held is not None and event.year is not None and (
                    dated := _years_of(held, years, text)) and event.year not in dated:
                # "Năm 2024, toàn huyện ...": another year's facts than those already held
                # (their own years, or their sentences': "in the period 2020-2024")
                key = (*key, str(event.year))
            stretch = place_wide.setdefault(key, _Stretch(pos, place=place))
            stretch.metrics.append(event)
    _list_places(text, lex, places, models, place_wide, sentences)
    for stretch in models:
        _at_communes_jointly(text, lex, stretch)
    only = {p.name: p for p in places if p.level == "commune"}
    if len(only) == 1:  # an article about one commune: its models are there unless told
        for stretch in models:
            stretch.context.setdefault("commune", next(iter(only.values())))
            stretch.bare_commune = True
    _organisations(text, lang, models, sentences)
    return _records(models, list(place_wide.values()), province, years, fields, text, sentences)


def _sole(places: list[Place], level: str) -> Place | None:
    """The first place of this level in the article, where all of them name one unit."""
    of_level = [p for p in places if p.level == level]
    return of_level[0] if of_level and len({p.name for p in of_level}) == 1 else None


_INTERTITLE_WORDS = 12


_NAME_NUMBER = re.compile(r"\s(\d+|[IVX]+)$")


def _name_number(suffix: str) -> str:
    """"2" for "2" and for "II": Cây Trường II is "کای ترونگ ۲" in Persian."""
    return suffix if suffix.isdigit() else str(roman_value(suffix))
_NUMERAL = re.compile(r"[0-9۰-۹٠-٩]+")
_NAME_SPAN = 60  # characters from a place's start in which its name's number is written


def _numerals_ending_place_names(text: str, places: list[Place]) -> set[int]:
    """Where the numbers that end the names of known places are written: "Xuân Quang 2",
    "Komune Xuan Quang 2 memiliki model" (a commune's name, not 2 models), "کای ترونگ ۲ مدل"
    (Cây Trường II)."""
    out: set[int] = set()
    for p in places:
        number = _NAME_NUMBER.search(p.name) if p.unit is not None else None
        if number is None:
            continue
        for m in _NUMERAL.finditer(text, p.start, min(len(text), p.start + _NAME_SPAN)):
            if fold_digits(m.group(0)) == _name_number(number.group(1)):
                out.add(m.start())
                break
    return out


def _drop_intertitle_repeats(text: str, metrics: list[Metric]) -> list[Metric]:
    """An intertitle's figure that the paragraph after it repeats counts once, where the
    paragraph says it ("420 lampadaires pour les ruelles", then "... installer 420
    lampadaires ..."). An intertitle is a short line with no closing punctuation and a
    paragraph after it. Language-agnostic: lines and punctuation only."""
    out: list[Metric] = []
    for m in metrics:
        start = text.rfind("\n", 0, m.evidence.start) + 1
        end = text.find("\n", m.evidence.start)
        line = text[start:end if end >= 0 else len(text)].strip()
        if end < 0 or not line or line[-1] in _CLOSING or len(line.split()) > _INTERTITLE_WORDS:
            out.append(m)
            continue
        nxt = text.find("\n", end + 1)
        after = range(end + 1, nxt if nxt >= 0 else len(text))
        if not any(o.evidence.start in after and o.metric == m.metric
                   and abs(o.value - m.value) <= 0.005 * abs(m.value) for o in metrics):
            out.append(m)
    return out


_CLOSING = frozenset(".!?…:;؟\"”»)")


def _organisations(text: str, lang: str, models: list[_Stretch],
                   sentences: list[tuple[int, int]]) -> None:
    """The organisation named after each model name in its sentence (spaCy, batched)."""
    from extractors.nlp import organisations

    named = [s for s in models if s.model is not None]
    if not named:
        return
    spans = [sentence_at(sentences, s.model.start) for s in named]  # type: ignore[union-attr]
    ends = [s.model.end - a for s, (a, _) in zip(named, spans, strict=True)]  # type: ignore[union-attr]
    found = organisations([text[a:b] for a, b in spans], lang, ends)
    for stretch, orgs in zip(named, found, strict=True):
        if orgs and stretch.model is not None:
            stretch.model = replace(stretch.model, organisation=orgs[0][2])


def _take_figures_before(model: _Stretch, place_wide: dict[tuple[str, ...], _Stretch],
                         start: int, end: int) -> None:
    """Figures earlier in the model's own sentence, outside any model, are the model's ("has
    spent VND1.5bn since 2021 on the model “...”"); counts of models stay with their place."""
    for key, stretch in list(place_wide.items()):
        mine = [m for m in stretch.metrics
                if start <= m.evidence.start < end and m.metric != "models"]
        if not mine:
            continue
        model.metrics.extend(mine)
        stretch.metrics = [m for m in stretch.metrics if m not in mine]
        if not stretch.metrics:
            del place_wide[key]
    model.metrics.sort(key=lambda m: m.evidence.start)


def _take_paragraph_figures(text: str, model: _Stretch, place_wide: dict[tuple[str, ...], _Stretch],
                            names: list[ModelName], sentence_start: int) -> None:
    """A model named after its figures, in a later sentence of their paragraph: "Tại xã Hàm
    Trí, Hội Nông dân xã hướng dẫn 64 hộ dân trồng ... 85 ha. Mô hình “Thanh long sạch” được
    triển khai từ năm 2018". The figures of a commune or a village earlier in the paragraph,
    with no model named before it there, are the model's, and so is their place; a district's
    or a province's stay theirs (totals before the models they sum)."""
    para_start = text.rfind("\n", 0, sentence_start) + 1
    if para_start >= sentence_start or any(para_start <= n.start < sentence_start for n in names):
        return
    for key, stretch in list(place_wide.items()):
        place = stretch.place
        if place is None or place.level not in ("commune", "village"):
            continue
        mine = [m for m in stretch.metrics
                if para_start <= m.evidence.start < sentence_start and m.metric != "models"]
        if not mine or len(mine) < len(stretch.metrics):
            continue
        model.metrics = sorted([*mine, *model.metrics], key=lambda m: m.evidence.start)
        if place not in model.places:
            model.places.insert(0, place)
        del place_wide[key]


def _paragraphs_since(text: str, sentences: list[tuple[int, int]], current: _Stretch,
                      sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentences that open a paragraph after the model's name, up to this one: a paragraph
    about another organisation ends the model's stretch even when it gives no figure."""
    if current.model is None:
        return []
    return [s for s in sentences if current.model.end < s[0] <= sentence[0]
            and text[s[0] - 1] == "\n"]


def _opens_paragraph_on_organisation(text: str, sentence: tuple[int, int], current: _Stretch,
                                     lang: str) -> bool:
    """A paragraph after the model's own that opens on another organisation's work and names
    no model: "Selain itu, Persatuan Pemuda komune membentuk ..." (an addition cue), or "Hội
    Chữ thập đỏ xã cũng ..." after a model the Hội Cựu chiến binh runs (the model's stretch
    names an organisation, and not this one). An organisation named first after the model
    may be its own: "The commune's Farmers' Association mobilised ..." goes on about it."""
    para_start = text.rfind("\n", 0, sentence[0]) + 1
    if current.model is None or sentence[0] != para_start or para_start <= current.model.start:
        return False
    opening = _opening_organisation(text[sentence[0]:sentence[1]], lang)
    if opening is None:
        return False
    phrase, added, cased = opening
    if added:
        return True
    if not cased:  # no capitals to tell "Hội Chữ thập đỏ" from "the household group"
        return False
    named = _organisations_named(text[current.start:para_start], lang)
    return bool(named) and phrase not in named


@lru_cache(maxsize=256)
def _opening_organisation(sentence: str, lang: str) -> tuple[str, bool, bool] | None:
    """The organisation a sentence opens on (its cue word and the word that names it, within
    the first few words), whether an addition cue ("In addition", "Selain itu") comes first,
    and whether the script has capitals; None where there is none, where the sentence names
    a model, or where the cue is not capitalised as a name is ("la coopérative a ...")."""
    tables = _org_tables(lang)
    tokens = [t for t in tokenize(sentence) if t.kind == "word"]
    if tables.models.find_all(tokens) or any(q in sentence for q in "“«\""):
        return None
    cased = any(t.text != t.text.lower() for t in tokens)
    for i in range(min(len(tokens), _OPENING_WORDS)):
        if (hit := tables.orgs.match(tokens, i)) and (
                not cased or _capitalised(tokens, i, hit[0], lang)):
            added = any(tables.additions.match(tokens, k) for k in range(i))
            return _org_phrase(tokens, i, lang), added, cased
    return None


def _capitalised(tokens: list[Token], i: int, width: int, lang: str) -> bool:
    """Whether the cue at tokens[i] or the word naming it is capitalised past the sentence's
    first word: "Persatuan Pemuda", "Hội Chữ thập đỏ", "the Youth Union"."""
    last = load_lexicon(lang).head == "last"
    around = tokens[max(1, i - 1 if last else i):i + width + (0 if last else 1)]
    return any(t.text[:1].isupper() for t in around)


def _organisations_named(text: str, lang: str) -> set[str]:
    tables = _org_tables(lang)
    tokens = [t for t in tokenize(text) if t.kind == "word"]
    return {_org_phrase(tokens, i, lang) for i, _, _ in tables.orgs.find_all(tokens)}


def _org_phrase(tokens: list[Token], i: int, lang: str) -> str:
    """The cue word at tokens[i] and the word that tells the organisation apart: "hội cựu",
    "persatuan pemuda", "women's union" (the word before, where heads come last)."""
    n = _org_tables(lang).orgs.match(tokens, i)
    width = n[0] if n else 1
    last = load_lexicon(lang).head == "last"
    words = tokens[i - 1:i + width] if last and i > 0 else tokens[i:i + width + 1]
    return " ".join(t.norm for t in words)


_OPENING_WORDS = 5


@dataclass(frozen=True)
class _OrgTables:
    orgs: PhraseTable[bool]
    models: PhraseTable[bool]
    additions: PhraseTable[bool]


@cache
def _org_tables(lang: str) -> _OrgTables:
    lex = load_lexicon(lang)
    return _OrgTables(PhraseTable((w, True) for w in lex.organisation_cues),
                      PhraseTable(((w, True) for w in lex.model_cues), lex.noun_suffixes),
                      PhraseTable((w, True) for w in lex.addition_cues))


def _opens_paragraph_on_bare_level(text: str, sentence: tuple[int, int], current: _Stretch,
                                   context: dict[str, Place], lang: str,
                                   places: list[Place]) -> str | None:
    """The level ("district", "province") of a paragraph after the model's own that opens on
    it without naming it ("The district now has 210 models ..."): the model's stretch ends."""
    para_start = text.rfind("\n", 0, sentence[0]) + 1
    if current.model is None or sentence[0] != para_start or para_start <= current.model.start:
        return None
    found = next((level for level in ("district", "province") if _in_context(context, level)
                  and _bare_level(text, sentence, lang, level, places)), None)
    district = context.get("district")
    if found is None and district is not None and district.town and _names_bare_town(
            text[sentence[0]:sentence[1]], lang):
        return "district"  # "Kim Bang town ...", then "the town also mobilised ..."
    return found


@lru_cache(maxsize=256)
def _names_bare_town(sentence: str, lang: str) -> bool:
    """A town word ("town", "city"), which names a district or a commune, standing alone: the
    district the article has called a town, when it names no district in this sentence."""
    from extractors.localities import find_mentions

    towns = load_lexicon(lang).locality_levels.town_words
    pattern = "|".join(re.escape(norm(w)) for w in towns if " " not in w.strip())
    if not pattern or not re.search(rf"(?<!\w)(?:{pattern})(?!\w)", norm_text(sentence)):
        return False
    return not any("district" in m.levels for m in find_mentions(sentence, lang))


def _in_context(context: dict[str, Place], level: str) -> Place | None:
    """The place of that level named last; for a district where none was named, the one the
    gazetteer puts the last commune in: "Dans la commune de Sa Phin ...", then "le Comité ...
    du district, Dong Van compte 87 modèles" (the district is Dong Van, named only in passing)."""
    place = context.get(level)
    commune = context.get("commune")
    if place is None and level == "district" and commune is not None and commune.district \
            and commune.unit is not None:
        units = gazetteer().lookup(commune.district, "district", commune.province)
        place = Place("district", commune.district, commune.start, commune.province,
                      unit=units[0] if len(units) == 1 else None,
                      resolved_by=commune.resolved_by)
    return place


def _bare_level(text: str, sentence: tuple[int, int], lang: str, level: str,
                places: list[Place]) -> bool:
    """_names_bare_level, or a level word of that level in a sentence where no place of that
    level was resolved: in Persian, which has no capitals, any word may follow a level word
    ("کمیته جبهه میهن شهرستان ساخت ...", the district committee built), and only the
    gazetteer tells a name from the next word."""
    chunk = text[sentence[0]:sentence[1]]
    if _names_bare_level(chunk, lang, level):
        return True
    words, only = _level_words(lang, level)
    if not only or not any(m.group() in only for m in words.finditer(norm_text(chunk))):
        return False
    return not any(p.level == level and sentence[0] <= p.start < sentence[1] for p in places)


def _opens_paragraph_on_place(text: str, sentence: tuple[int, int], place: Place,
                              current: _Stretch) -> bool:
    """A paragraph whose first sentence names a place, after the model's own paragraph."""
    if place.level not in ("district", "commune") or current.model is None:
        return False
    own = [p for p in current.places if p.level == place.level]
    if not own and not any(p.level == "commune" for p in current.places):
        # no place of that level or below in the model's sentence: the one named before it
        own = [p for p in (current.context.get(place.level),) if p is not None]
    if any(p.name == place.name for p in own):
        return False  # the model's own commune named again
    para_start = text.rfind("\n", 0, place.start) + 1
    return para_start > current.model.start and sentence[0] == para_start


def _after_ranking_cue(text: str, pos: int, place: Place, lang: str) -> bool:
    """A place named after the figure and after a ranking or ellipsis cue ("1,248 models ...,
    topped by Hoa Vang district with 215", "dont 215 dans le district de ...") is the later
    figures', not this one's."""
    from extractors.metrics import tables

    cue = tables(lang).ellipsis_re
    return place.start > pos and cue is not None and cue.search(norm_text(text[pos:place.start])) is not None


def _nearest_lowest(places: list[Place], pos: int) -> Place | None:
    """The lowest place of a sentence; of several at that level, the last one before the
    figure: "Tam Duong leads with 312 models, followed by Lap Thach with 298 and Vinh Yen
    city with 176" gives each district its own count."""
    lowest = _lowest(places)
    if lowest is None:
        return None
    before = [p for p in places if p.level == lowest.level and p.start < pos]
    return before[-1] if len(before) > 1 else lowest


def _lowest(places: list[Place]) -> Place | None:
    for level in ("commune", "district", "province"):
        found = [p for p in places if p.level == level]
        if found:
            return found[0]
    return None


@cache
def _cue_tables(lang: str) -> tuple[PhraseTable[str], PhraseTable[str]]:
    lex = load_lexicon(lang)
    wholes = PhraseTable((phrase, level) for level, phrases in lex.whole_place.items()
                         for phrase in phrases)
    fields = PhraseTable((cue, name) for name, cues in lex.field_cues.items() for cue in cues)
    return wholes, fields


def _cues_in(tokens: list[Token], table: PhraseTable[str]) -> list[tuple[int, str]]:
    return [(tokens[i].start, payload) for i, _, payload in table.find_all(tokens)]


_JOINED_WORDS = 3  # words at most between two communes of a list: "và xã", "et de"


def _at_communes_jointly(text: str, lex: Lexicon, stretch: _Stretch) -> None:
    """A model whose first commune is listed with another of the same district ("24 căn nhà ở
    xã Gio Sơn và xã Gio An", "in Gio Son and Gio An communes") is at both: its record is the
    district's, not the first commune's."""
    communes = [p for p in stretch.places if p.level == "commune"]
    if len(communes) < 2 or stretch.model is None:
        return
    first, other = communes[0], communes[1]
    if other.name == first.name or not first.district or first.district != other.district:
        return
    between = text[first.start:other.start].split()[len(first.name.split()):]
    joined = {norm(w) for w in lex.list_conjunctions}
    if not between or len(between) > _JOINED_WORDS or not (
            norm(between[0]) in joined or text[first.start:other.start].split()[
                len(first.name.split()) - 1].endswith(",")):
        return
    district = gazetteer().lookup(first.district, "district", first.province)
    stretch.places = [p for p in stretch.places if p.level not in ("commune", "village")]
    if not any(p.level == "district" for p in stretch.places):
        unit = district[0] if len(district) == 1 else None
        stretch.places.append(Place("district", first.district, first.start, first.province,
                                    unit=unit, resolved_by=first.resolved_by))


def _list_places(text: str, lex: Lexicon, places: list[Place], models: list[_Stretch],
                 place_wide: dict[tuple[str, ...], _Stretch],
                 sentences: list[tuple[int, int]]) -> None:
    """Places named in a sentence about models ("models such as ... in Son Giang commune")
    that no record holds yet become records of their own: a model reported there."""
    held = {(p.level, p.name) for s in models for p in s.places}
    held |= {(k[0], k[1]) for k in place_wide}
    cue = re.compile("|".join(re.escape(norm(c)) for c in lex.model_cues))
    for p in places:
        if p.level not in ("district", "commune") or (p.level, p.name) in held:
            continue
        s, e = sentence_at(sentences, p.start)
        if cue.search(norm_text(text[s:e])):
            models.append(_Stretch(p.start, places=[p]))
            held.add((p.level, p.name))


def _records(models: list[_Stretch], place_wide: list[_Stretch], province: str | None,
             years: list[YearMention],
             fields: list[tuple[int, str]], text: str,
             sentences: list[tuple[int, int]]) -> list[ModelRecord]:
    stretches = sorted(models + place_wide, key=lambda s: s.start)
    ends = {id(s): _stretch_end(s, stretches, len(text), sentences) for s in stretches}
    out: list[ModelRecord] = []
    for s in stretches:
        if s.model is None and s.place is None and not s.metrics and not s.places:
            continue
        places = s.places if s.model is not None or s.place is None else [s.place]
        locality = to_locality(places, province)
        if s.model is not None and not locality.commune and (locality.village or s.bare_commune):
            # a village, or "the commune", of the commune the article is about
            commune = s.context.get("commune")
            if commune is not None:
                locality = to_locality([commune, *places], province)
        if s.model is not None and not (locality.commune or locality.district):
            district = s.context.get("district")
            if district is not None:
                locality = to_locality([district, *places], province)
        year, year_from, year_to = _year(years, s, ends[id(s)], text)
        out.append(ModelRecord(
            seq=len(out), model_name=s.model.name if s.model else None,
            quoted=bool(s.model and s.model.quoted),
            organisation=s.model.organisation if s.model else None,
            field=_field(fields, s, ends[id(s)]) if s.model else None,  # type: ignore[arg-type]
            locality=locality, year=year, year_from=year_from, year_to=year_to,
            metrics=sorted(s.metrics, key=lambda m: m.evidence.start)))
    return out


def _stretch_end(s: _Stretch, stretches: list[_Stretch], length: int,
                 sentences: list[tuple[int, int]]) -> int:
    """Where a stretch's text ends: its last figure for a place; for a model, the next model,
    or the sentence of the first place-wide figures after its own ("from 2020, the whole
    district ...": that year is the district's, not the model's)."""
    last = max((m.evidence.end for m in s.metrics), default=s.start + 1)
    if s.model is None:
        return last
    later = [o.start for o in stretches if o.model is not None and o.start > s.start]
    later += [max(sentence_at(sentences, o.start)[0], last) for o in stretches
              if o.model is None and o.metrics and o.start >= last]
    return min(later, default=length)


@lru_cache(maxsize=512)  # asked again for each figure of the same sentence
def _names_bare_level(sentence: str, lang: str, level: str) -> bool:
    """'the commune has set up', 'the district has recognised': a level word (of that level
    alone) that no name follows (or, in English, precedes)."""
    from extractors.localities import find_mentions

    words, only = _level_words(lang, level)
    if not only or not any(m.group() in only for m in words.finditer(norm_text(sentence))):
        return False
    return not any(level in m.levels for m in find_mentions(sentence, lang))


@cache
def _level_words(lang: str, level: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """A regex of every level word and compound ("xã hội", "thị xã"), longest first, so that
    a word is read whole; and the words of this level that name no other level."""
    levels = load_lexicon(lang).locality_levels
    by_level = {lv: {norm(w) for w in getattr(levels, lv)}
                for lv in ("province", "district", "commune")}
    others = set().union(*(ws for lv, ws in by_level.items() if lv != level))
    compounds = {norm(c) for c in levels.compounds}
    words = {*by_level["province"], *by_level["district"], *by_level["commune"], *compounds}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # a compound that is also a level word ("huyện ủy Cầu Kè" names the district) still
    # names no place when it stands alone ("Huyện ủy chỉ đạo"): never "the district"
    return (re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"),
            frozenset(by_level[level] - others - compounds))


def _year(years: list[YearMention], s: _Stretch, end: int,
          text: str) -> tuple[int | None, int | None, int | None]:
    """First year of the stretch; else, for a model, the last year earlier in its paragraph."""
    if s.model is None and s.metrics:
        inside = [y for y in years if any(_same_sentence(text, y.start, m.evidence.start)
                                          for m in s.metrics)]
    else:
        inside = [y for y in years if s.start <= y.start < end]
    inside = [y for y in inside if not y.bare] or [y for y in inside if not _in_metric(y, s)]
    if not inside and s.model is not None:
        # (a model listed after others: not their years, said in its sentence before it)
        before = s.sentence_start if 0 <= s.sentence_start < s.start else s.start
        para = text.rfind("\n", 0, before) + 1
        inside = [y for y in years if para <= y.start < before and not y.bare][-1:]
    if not inside:
        return None, None, None
    first = inside[0]
    if first.until:
        return first.year, first.year, first.until
    return first.year, first.year if first.open_ended else None, None


def _years_of(s: _Stretch, years: list[YearMention], text: str) -> set[int]:
    """The years a place's figures are dated by: their own, or those said in their sentences."""
    return {m.year for m in s.metrics if m.year is not None} | {
        y.year for y in years if not y.bare and any(
            _same_sentence(text, y.start, m.evidence.start) for m in s.metrics)}


def _in_metric(year: YearMention, s: _Stretch) -> bool:
    return any(m.evidence.start <= year.start < m.evidence.end for m in s.metrics)


def _same_sentence(text: str, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return not re.search(r"[.!?؟]\s|\n", text[lo:hi])


def _field(fields: list[tuple[int, str]], s: _Stretch, end: int) -> str | None:
    """The field named in the model's stretch, else the last one named before it."""
    inside = [f for pos, f in fields if s.start <= pos < end]
    if inside:
        return inside[0]
    before = [f for pos, f in fields if pos < s.start]
    return before[-1] if before else None


def locality_of(record: ModelRecord) -> Locality:
    return record.locality
