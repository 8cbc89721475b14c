"""Localities: level words in the text, names after (or before) them, resolved on the gazetteer.

"xã Tịnh Phong", "commune de Tra Ka (Bac Tra My)", "Komune Tam Thang (Tam Ky)", "کمون ترا کا",
"Thien Loc commune", "Nguyen Du ward (Ha Tinh city)". Level words come from the lexicons; the
article's province narrows the search; Persian names are matched by consonant skeleton.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from extractors.gazetteer import Unit, ascii_name, fold, gazetteer, skeleton
from extractors.lexicon import Lexicon, load_lexicon
from extractors.model_names import QUOTED
from extractors.text import fold_digits, norm, norm_text
from schemas import Locality

NEW_MAP_FROM = date(2025, 7, 1)
LEVELS = ("province", "district", "commune", "village")
_LATIN_NAME = re.compile(r"[^\W\d_][\w'’.-]*|\d+", re.UNICODE)
_PERSIAN = re.compile(r"[\u0600-\u06ff]")
_PERSIAN_WORD = re.compile(r"[\u0600-\u060b\u060d-\u061a\u061c-\u061e\u0620-\u06ff\u200c]+")
_NAME_BREAK = re.compile(r"[^\w\s\u200c'’\-–]+")  # punctuation that no place name spans
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_][\w'’-]*)")


@dataclass
class PlaceMention:
    levels: tuple[str, ...]  # candidate levels from the level word ("thành phố": province, district)
    name: str
    start: int
    end: int
    parent: str | None = None  # "(Bac Tra My)" right after the name
    from_parent: bool = False  # the mention is such a parent: kept only if it resolves
    unsure: bool = False  # kept only if the gazetteer knows it ("À Ang To, commune voisine")
    town: bool = False  # its level word calls it a town or a city (lexicon `town_words`)


@dataclass
class Place:
    level: str
    name: str  # ASCII
    start: int
    province: str | None = None
    district: str | None = None
    unit: Unit | None = None
    resolved_by: str = "text"
    extra: dict[str, str] = field(default_factory=dict)
    town: bool = False  # a district its mention calls a town or a city ("Kim Bang town")


@cache
def _level_regex(lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    lex = load_lexicon(lang)
    levels_of: dict[str, list[str]] = {}
    for level in LEVELS:
        for word in getattr(lex.locality_levels, level):
            levels_of.setdefault(norm(word), []).append(level)
    words = sorted(levels_of, key=len, reverse=True)
    # a word ending on an elided article ("district d'") runs straight into the name: "d'An Lao"
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                    + (r"(?![\w])" if w[-1].isalnum() else "") for w in words)
    return (re.compile(rf"(?<![\w])(?:{body})", re.IGNORECASE),
            {w: tuple(v) for w, v in levels_of.items()})


def find_mentions(text: str, lang: str) -> list[PlaceMention]:
    lex = load_lexicon(lang)
    pattern, levels_of = _level_regex(lang)
    stop = {norm(w) for w in lex.name_stopwords}
    openers_not = stop | {norm(w) for w in lex.name_determiners}
    quantities = _quantity_words(lang)
    towns = {norm(w) for w in lex.locality_levels.town_words}
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    out: list[PlaceMention] = []
    for m in pattern.finditer(text):
        levels = levels_of.get(re.sub(r"\s+", " ", norm(m.group(0))), ())
        if not levels or any(a < m.start() < b for a, b in quoted):
            continue  # a level word inside a quoted name names no place: "Safe village, no drugs"
        if lex.locality_levels.name_after_level or _PERSIAN.search(m.group(0)):
            described = _adjective_after(lang).match(text, m.end())  # "xã ven biển Vĩnh Thái"
            found = _name_after(text, described.end() if described else m.end(), stop, quantities,
                                openers_not)
        else:
            found = _name_before(text, m.start(), stop)
            if found is None and (described := _adjective_before(lang).search(
                    text, max(0, m.start() - 40), m.start())):
                found = _name_before(text, described.start(), stop)  # "Vinh Thai coastal commune"
            if found is None and (link := _after_link(lang).match(text, m.end())):
                found = _name_after(text, link.end(), stop, quantities)  # "district of Bac Ha"
                if found and _level_follows(text, found[2], pattern):
                    found = None  # "a commune of Tam Nong district": that is the district
            if found is None and m.group(0)[:1].isupper() and (
                    numbered := _name_after(text, m.end(), stop, quantities)) and \
                    numbered[0].isdigit():
                found = numbered  # "In Ward 7", "Hamlet 3": a unit named by its number
        unsure = False
        if found is None and "village" not in levels:
            found, unsure = _apposed(text, m, levels, pattern, levels_of, stop)
        if found is None:
            continue
        name, start, end = found
        if "village" not in levels and not _PERSIAN.search(name):
            end = _known_end(text, start, end)  # "Huyện ủy Mộ Đức Nguyễn Văn Hòa": Mo Duc
            name = text[start:end]
        if (landmark := _landmark(lang)) and landmark.search(
                norm(text[max(0, min(start, m.start()) - 30):min(start, m.start())])):
            continue  # "40 km from Kon Tum city": where a distance is measured from
        parent = _parent(text, max(end, m.end()))
        out.append(PlaceMention(levels, name, start, end, parent, unsure=unsure,
                                town=norm(m.group(0)) in towns))
        if parent and "commune" in levels:  # "Tra Ka (Bac Tra My)": the parent is a district
            out.append(PlaceMention(("district", "province"), parent, end + 1,
                                    end + 1 + len(parent), from_parent=True))
    return out


_APPOSITION = re.compile(r",\s*(?:[^\W\d_]+\s+)?$")  # "Phu Cuong, " or "Phu Cuong, une "
_ABOVE = {"commune": ("district", "province"), "district": ("province",), "province": ()}


def _apposed(text: str, m: re.Match[str], levels: tuple[str, ...], pattern: re.Pattern[str],
             levels_of: dict[str, tuple[str, ...]],
             stop: set[str]) -> tuple[tuple[str, int, int] | None, bool]:
    """A name set before its level word by apposition, where no name follows it: "À Phu Cuong,
    commune du district de Tam Nông", "Phu Cuong, a commune of Tam Nong district", and whether
    it is unsure. It is sure where a level word above it comes within a few words, which says
    where the unit lies; otherwise ("À Ang To, commune voisine, ...") only a name the gazetteer
    knows will do ("Tran Van Hoa, commune chairman" is a person)."""
    before = _APPOSITION.search(text, max(0, m.start() - 40), m.start())
    if before is None or before.group(0).strip(", \t").lower() != before.group(0).strip(", \t"):
        return None, False
    nxt = pattern.search(text, m.end(), min(len(text), m.end() + 40))
    above = {lv for level in levels for lv in _ABOVE.get(level, ())}
    sure = nxt is not None and len(text[m.end():nxt.start()].split()) <= 3 and bool(
        above & set(levels_of.get(re.sub(r"\s+", " ", norm(nxt.group(0))), ())))
    return _name_before(text, before.start(), stop), not sure


def _level_follows(text: str, end: int, pattern: re.Pattern[str]) -> bool:
    nxt = pattern.match(text, end + 1) if text[end:end + 1] == " " else None
    return nxt is not None


@cache
def _landmark(lang: str) -> re.Pattern[str] | None:
    """A lexicon landmark cue ending the text before a place: "km from ", "cách "."""
    cues = sorted({norm(c) for c in load_lexicon(lang).locality_levels.landmark_cues}, key=len,
                  reverse=True)
    if not cues:
        return None
    body = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(rf"(?:^|(?<=[\s\d]))(?:{body})\s+$")


def _alternation(words: list[str]) -> str:
    # normalised, and as written: norm() drops the Persian zero-width non-joiner the raw text
    # keeps ("جزیره‌ای", island)
    alts = sorted({v for w in words if w.strip() for v in (norm(w), w.strip().lower())},
                  key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for w in alts) or "(?!)"


@cache
def _adjective_after(lang: str) -> re.Pattern[str]:
    """A lexicon level adjective right after a level word, and its link: " côtière de "."""
    levels = load_lexicon(lang).locality_levels
    adjectives, links = _alternation(levels.level_adjectives), _alternation(levels.adjective_links)
    return re.compile(rf"[ \u00a0]+(?:{adjectives})(?![\w\u200c])"
                      rf"(?:[ \u00a0]+(?:{links})(?=[ \u00a0])|[ \u00a0]+(?:{links})(?<=['’]))?",
                      re.IGNORECASE)


@cache
def _adjective_before(lang: str) -> re.Pattern[str]:
    """A lexicon level adjective right before a level word: "coastal " in "Vinh Thai coastal
    commune"."""
    adjectives = _alternation(load_lexicon(lang).locality_levels.level_adjectives)
    return re.compile(rf"(?<![\w])(?:{adjectives})[ \u00a0]+$", re.IGNORECASE)


@cache
def _after_link(lang: str) -> re.Pattern[str]:
    links = [norm(w) for w in load_lexicon(lang).locality_levels.after_links]
    body = "|".join(re.escape(w) for w in sorted(links, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\s+(?:{body})\s+", re.IGNORECASE)


@cache
def _quantity_words(lang: str) -> frozenset[str]:
    """First words of the lexicon's units and metric cues: after one, a number is a quantity."""
    lex = load_lexicon(lang)
    phrases = [w for u in lex.units for w in u.words] + [w for ws in lex.metrics.values() for w in ws]
    return frozenset(norm(p.split()[0]) for p in phrases if p.strip())


def _name_after(text: str, pos: int, stop: set[str], quantities: frozenset[str] = frozenset(),
                openers_not: Set[str] | None = None) -> tuple[str, int, int] | None:
    """The name after a level word. `openers_not` (the stop words by default) may not open
    it unless the gazetteer knows the name they open; stop words end it."""
    rest = text[pos:pos + 80]
    lead = len(rest) - len(rest.lstrip(" \u00a0"))
    openers_not = stop if openers_not is None else openers_not
    if _PERSIAN.match(rest[lead:lead + 1]):
        return _persian_name(text, pos + lead, stop, quantities, openers_not)
    words: list[tuple[int, int]] = []
    for w in _LATIN_NAME.finditer(text, pos + lead, min(len(text), pos + 80)):
        gap = text[(words[-1][1] if words else pos + lead):w.start()]
        if gap.strip() or "\n" in gap or len(words) == 4:
            break  # a name never runs on past a line break (a title, then the lead)
        token = w.group(0).rstrip(".")
        if not (token[0].isupper() or token.isdigit()) or (
                not words and norm(token) in openers_not and not _opens_known_name(text, w.start())):
            break  # a stopword can be part of a name ("Dong La"), its start only where the
            # gazetteer knows the name with it: Indonesian "di" (in) opens "Distrik Di Linh"
        if token.isdigit():
            # "thôn 2", "Phường 7"; but "cách trung tâm xã 7 km" is a distance, not commune 7
            after = _NEXT_WORD.match(text, w.end())
            if not (after and norm(after.group(1)) in quantities):
                words.append((w.start(), w.start() + len(token)))
            break
        words.append((w.start(), w.start() + len(token)))
    if not words:
        return None
    return text[words[0][0]:words[-1][1]], words[0][0], words[-1][1]


def _known_end(text: str, start: int, end: int) -> int:
    """Where a name of three or more words that the gazetteer does not know ends, if its first
    two or more words make one it does: a person's name after an office and its place ("Bí
    thư Huyện ủy Mộ Đức Nguyễn Văn Hòa") is no part of the place. Villages, which the gazetteer
    does not hold, are not cut."""
    words = list(_LATIN_NAME.finditer(text, start, end))
    gz = gazetteer()
    if len(words) < 3 or gz.knows(text[start:end]):
        return end
    return next((words[k - 1].end() for k in range(len(words) - 1, 1, -1)
                 if gz.knows(text[start:words[k - 1].end()])), end)


def _opens_known_name(text: str, start: int) -> bool:
    """Whether two to four words from `start` make a name the gazetteer knows."""
    words = text[start:start + 40].split()[:4]
    return any(gazetteer().knows(" ".join(words[:k]).rstrip(".,;:!?)")) for k in range(2, len(words) + 1))


def _name_before(text: str, pos: int, stop: set[str]) -> tuple[str, int, int] | None:
    words = [w for w in _LATIN_NAME.finditer(text, max(0, pos - 60), pos)]
    picked: list[re.Match[str]] = []
    end = pos
    for w in reversed(words):
        gap = text[w.end():end]
        if gap.strip() or "\n" in gap or len(picked) == 4:
            break
        if not (w.group(0)[0].isupper() or w.group(0).isdigit()):
            break
        picked.insert(0, w)
        end = w.start()
    # "The Tra Ka commune" (a stop word opens no name; "Bac A" is a name), unless the gazetteer
    # knows the name with it: "In An Vien commune" is An Vien
    while picked and norm(picked[0].group(0)) in stop and not gazetteer().knows(
            text[picked[0].start():picked[-1].end()]):
        picked.pop(0)
    if not picked or all(w.group(0).isdigit() for w in picked):
        return None  # "96 district-level": a unit named by its number comes after its level word
    return text[picked[0].start():picked[-1].end()], picked[0].start(), picked[-1].end()


def _persian_name(text: str, pos: int, stop: Set[str] = frozenset(),
                  quantities: Set[str] = frozenset(),
                  openers_not: Set[str] | None = None) -> tuple[str, int, int] | None:
    """Up to three Persian-script words; the resolver decides how many belong to the name.
    None where a stop word or a punctuation mark (، ؛ ؟) comes first ("ناحیه، مردم",
    "ناحیه در سه سال"), or a number with a unit ("مردم ناحیه ۱۲۰۰۰ روز کاری")."""
    words = list(_PERSIAN_WORD.finditer(text[pos:pos + 60]))
    if not words or words[0].start() > 0:
        return None
    if norm(words[0].group()) in (stop if openers_not is None else openers_not) and \
            not _opens_known_persian([w.group() for w in words[:4]]):
        return None  # "با" (with) opens "با ریا - وونگ تائو" (Ba Ria - Vung Tau) only; "آن"
        # (its) opens "آن جیانگ" (An Giang) but not "بخش آن مدل‌هایی" (its ward models)
    if fold_digits(words[0].group()).isdigit():
        if len(words) > 1 and norm(words[1].group()) in quantities:
            return None
        # a unit named by its number is that number alone: "ناحیه ۸ شهر هوشی‌مین" (District 8
        # of Ho Chi Minh City)
        return words[0].group(), pos, pos + words[0].end()
    picked = []
    last, most = 0, 3
    for w in words:
        gap = text[pos + last:pos + w.start()]
        if (len(picked) == most and len(w.group()) > 1) or len(picked) > most \
                or (gap.strip() and gap.strip() != "-") or "\n" in gap:
            break  # a fourth word of one letter ends a lettered name: "هائو می باک ب" (Hậu Mỹ Bắc B)
        if picked and norm(w.group()) in stop and not _goes_on_persian(
                [p.group() for p in picked], w.group()):
            break  # "هائی هائو در": the name ends before "in"
        most += gap.strip() == "-"  # a hyphenated name: one more word ("با ریا - وونگ تائو")
        picked.append(w)
        last = w.end()
    if not picked:
        return None
    return text[pos:pos + picked[-1].end()], pos, pos + picked[-1].end()


def _goes_on_persian(head: list[str], word: str) -> bool:
    """A stop word goes on a name where the words before it have consonants of their own and,
    with it, make a name the gazetteer knows exactly: "کین که" is Kien Khe ("که" is also
    "that"), but "هائی هائو در" is Hai Hau, then "in", whose consonants alone once made it Ia
    H'Drai."""
    name = " ".join(head)
    return bool(skeleton(name)) and bool(gazetteer().by_consonants(
        f"{name} {word}", ("province", "district", "commune")))


def _opens_known_persian(words: list[str]) -> bool:
    """Whether two to four Persian-script words make a name whose consonants the gazetteer
    knows exactly: a stopword may open such a name."""
    gz = gazetteer()
    return any(gz.by_consonants(" ".join(words[:k]), ("province", "district", "commune"))
               for k in range(2, len(words) + 1))


@cache
def _level_prefix() -> re.Pattern[str]:
    """Level words of every lexicon (with "de", "of"...) that may open a parenthesised parent."""
    from extractors.lexicon import all_lexicons

    words = {norm(w) for lx in all_lexicons() for lv in ("province", "district")
             for w in getattr(lx.locality_levels, lv) if w[-1].isalnum()} | {"tp.", "tp", "tx.", "tx"}
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:{body})(?:\s+(?:de|of|du)\s+|\s+d['’]|\s+)", re.I)


def _parent(text: str, end: int) -> str | None:
    m = re.match(r"\s*\(([^()]{2,40})\)", text[end:end + 50])
    if not m:
        return None
    inner = _level_prefix().sub("", m.group(1).strip())
    return inner or None


def article_province(text: str, mentions: list[PlaceMention], new_map: bool = False) -> str | None:
    """The province the article is about: the most named one (names, level words, parents).

    On the 2025 map (`new_map`: an article dated after the reorganisation) a former province
    counts for the one it is part of: "phường Long An", "xã Đức Huệ (trước đây thuộc ... tỉnh
    Long An)" in a Tay Ninh report."""
    gz = gazetteer()
    counts: Counter[str] = Counter()
    # a name's words are separated by spaces only: "250 triệu đồng/ha/năm" names no "Ha Nam"
    folded = f" {' | '.join(fold(part) for part in _NAME_BREAK.split(text))} "
    for key, units in gz.provinces.items():
        if key and f" {key} " in folded:
            name = units[0].name
            counts[name] += folded.count(f" {key} ")
    for m in mentions:  # "phường Long An", "Hoa Binh ward": a ward's name, not its province's
        if "province" not in m.levels and (units := gz.provinces.get(fold(m.name))):
            counts[units[0].name] -= 1
    counts = +counts  # names only ever given a lower level word count for nothing
    for m in mentions:
        if "province" not in m.levels or m.from_parent:
            continue
        if _PERSIAN.search(m.name):
            unit = _persian_unit(m.name, ("province",), None)
            if unit:
                counts[unit.name] += 2
        elif fold(m.name) in gz.provinces:  # "tỉnh Trà Vinh": named as a province, not in passing
            counts[gz.provinces[fold(m.name)][0].name] += 1
    for m in mentions:  # a district's parent is its province: "ناحیه سون تای (کوانگ نگای)"
        if m.parent and "commune" not in m.levels and _PERSIAN.search(m.parent):
            unit = _persian_unit(m.parent, ("province",), None)
            if unit:
                counts[unit.name] += 2
    if not counts:  # no province named: that of the districts and communes named, if unique
        for m in mentions:
            for level, name, parent in (("district", m.name, None), ("district", m.parent, None),
                                        ("commune", m.name, _parent_names(m.parent))):
                if not name or (level == "district" and name == m.name
                                and "district" not in m.levels) or (
                        level == "commune" and "commune" not in m.levels):
                    continue
                if _PERSIAN.search(name):  # every closest unit: a name two provinces share
                    units = _persian_units(name, (level,), None)  # settles nothing
                else:
                    units = gz.lookup(name, level, None, parent)
                if len({u.province for u in units}) == 1:
                    counts[units[0].province] += 1
    if new_map:
        merged: Counter[str] = Counter()
        for name, count in counts.items():
            merged[gz.successor(name)] += count
        counts = merged
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _persian_unit(name: str, levels: tuple[str, ...], province: str | None,
                  map_: str = "legacy", districts: frozenset[str] = frozenset()) -> Unit | None:
    """The one unit a Persian-script name stands for (see _persian_units), or None."""
    units = _persian_units(name, levels, province, map_, districts)
    return units[0] if len({fold(u.name) for u in units}) == 1 else None


def _persian_units(name: str, levels: tuple[str, ...], province: str | None,
                   map_: str = "legacy", districts: frozenset[str] = frozenset()) -> list[Unit]:
    """The units closest to the longest leading part of a Persian-script name that fits any
    (the name may run on into the next words: "باک ها مدل‌های"). Shorter parts are not tried
    once one fits several ("سون" alone would be Son Ha); among several (other names, or one
    name in several districts: "داک لونگ" is in Dak Glei and in Dak Ha), those in a district
    the article names are kept."""
    gz = gazetteer()
    words = name.split()
    for n in range(len(words), 0, -1):
        closest = gz.closest_by_consonants(" ".join(words[:n]), levels, province, map_, districts)
        if len({fold(u.district) for u in closest}) > 1 and districts:
            closest = [u for u in closest if fold(u.district) in districts] or closest
        if len(closest) > 1 and (number := next((str(int(fold_digits(w))) for w in words[:n + 1]
                                                 if fold_digits(w).isdigit()), None)):
            # "شوان کوانگ ۲": the consonants fit Xuan Quang 1, 2 and 3; the number picks one
            closest = [u for u in closest if u.name.endswith(f" {number}")] or closest
        if closest:
            return closest
    return []


def resolve(mentions: list[PlaceMention], province: str | None, new_map: bool) -> list[Place]:
    """Mentions resolved on the map in force when the article was written (`new_map`: after
    2025-07-01), then on the other."""
    maps = ("2025", "legacy") if new_map else ("legacy", "2025")
    # the districts first: a Persian commune name that fits several is read in one of them,
    # and a Persian district name that fits several is read as the one its communes are in
    fitted = _districts_communes_fit(mentions, province, maps[0])
    districts = frozenset(fold(p.name) for m in mentions if "district" in m.levels
                          and (p := _resolve_one(m, province, maps, fitted=fitted))
                          and p.level == "district")
    out: list[Place] = []
    for m in mentions:
        place = _resolve_one(m, province, maps, districts, fitted)
        if place:
            out.append(place)
    return out


def _districts_communes_fit(mentions: list[PlaceMention], province: str | None,
                            map_: str) -> frozenset[str]:
    """The districts (folded names) that the most of the article's Persian commune names fit
    by their consonants: "ناحیه تان سون" fits Tan Son and Thanh Son, and the communes after it
    ("توک لوین", "ین سون") are Thanh Son's."""
    votes: Counter[str] = Counter()
    for m in mentions:
        if "commune" in m.levels and _PERSIAN.search(m.name):
            words = m.name.split()
            for n in range(len(words), 0, -1):  # the name may run on into the next words
                if fits := gazetteer().by_consonants(" ".join(words[:n]), ("commune",),
                                                     province, map_):
                    votes.update({fold(u.district) for u in fits if u.district})
                    break
    if not votes:
        return frozenset()
    top = max(votes.values())
    return frozenset(d for d, count in votes.items() if count == top)


def _resolve_one(m: PlaceMention, province: str | None, maps: tuple[str, ...],
                 districts: frozenset[str] = frozenset(),
                 fitted: frozenset[str] = frozenset()) -> Place | None:
    gz = gazetteer()
    persian = bool(_PERSIAN.search(m.name))
    if m.levels == ("village",):
        if persian:
            digits = re.search(r"\d+", fold_digits(m.name))
            return Place("village", digits.group(0), m.start) if digits else None
        return Place("village", ascii_name(m.name), m.start)
    levels = tuple(lv for lv in m.levels if lv != "village")
    number = fold_digits(m.name).strip()
    for map_ in maps:
        for level in levels:
            if map_ == "2025" and level == "district":
                continue
            if number.isdigit():
                # a unit named by its number ("Phường 7", "District 8", "ناحیه ۸"): the
                # gazetteer names it by its kind ("Phuong 7", "Quan 8")
                units = gz.numbered(str(int(number)), level,
                                    province if level != "province" else None, None, map_)
                if len(units) > 1 and level == "commune" and districts:
                    units = [u for u in units if fold(u.district) in districts] or units
                how = "gazetteer" if map_ == "legacy" else "gazetteer-2025"
            elif persian:
                within = districts if level == "commune" else fitted if level == "district" \
                    else frozenset()
                unit = _persian_unit(m.name, (level,), province if level != "province" else None,
                                     map_, within)
                units = [unit] if unit else []
                how = "skeleton"
            else:
                parent = _parent_names(m.parent)
                units = gz.lookup(m.name, level, province if level != "province" else None,
                                  parent, map_)
                if not units and province and level != "province":
                    units = [u for u in gz.lookup(m.name, level, None, parent, map_)
                             if fold(u.district) == fold(parent)] if parent else []
                if len(units) > 1 and level == "commune" and districts:
                    # "xã Quang Trung": one of several in the province; the article's district
                    units = [u for u in units if fold(u.district) in districts] or units
                how = "gazetteer" if map_ == "legacy" else "gazetteer-2025"
                if units and units[0].code.startswith("alias:"):
                    how = "alias"
            if len(units) == 1 or (units and len({(u.province, u.district) for u in units}) == 1):
                unit = units[0]
                if level == "district" and m.town and (town := _seat(unit, map_)):
                    unit, level = town, "commune"
                return Place(level, unit.name, m.start, unit.province, unit.district, unit, how,
                             town=m.town and level == "district")
    if m.town and "commune" not in levels and (township := _township(m.name, persian, province,
                                                                     maps, districts)):
        return Place("commune", township.name, m.start, township.province, township.district,
                     township, "gazetteer")
    if persian or m.from_parent or m.unsure:
        return None
    level = levels[0] if levels else "commune"
    if number.isdigit() and province and level == "commune":
        # a unit named by its number that is no ward of the province: a neighbourhood below
        # the ward ("quartier 3", "ward 3" for "khối phố 3", "khu phố 3"), the village level
        return Place("village", str(int(number)), m.start)
    return Place(level, ascii_name(m.name), m.start, province,
                 ascii_name(m.parent) if m.parent and level == "commune" else None)


def _township(name: str, persian: bool, province: str | None, maps: tuple[str, ...],
              districts: frozenset[str]) -> Unit | None:
    """The one township (thị trấn) of this name, for a town word whose levels are a city's
    (id "Kota Mang Den", fa "شهر ..."): the word says town, and a township is one."""
    for map_ in maps:
        if persian:
            units = _persian_units(name, ("commune",), province, map_, districts)
        else:
            units = gazetteer().lookup(name, "commune", province, None, map_)
        towns = [u for u in units if u.kind == "Thị trấn"]
        if len(towns) == 1:
            return towns[0]
    return None


def _seat(district: Unit, map_: str) -> Unit | None:
    """The township (thị trấn) of a district that bears the district's name: a level word
    that calls the place a town or a city ("Di Linh town", "Kota Di Linh") means it, since
    such a district is a rural one (huyện), never called either."""
    towns = [u for u in gazetteer().lookup(district.name, "commune", district.province,
                                           district.name, map_) if u.kind == "Thị trấn"]
    return towns[0] if len(towns) == 1 else None


def _parent_names(parent: str | None) -> str | None:
    return ascii_name(parent) if parent and not _PERSIAN.search(parent) else None


def to_locality(places: list[Place], province: str | None) -> Locality:
    """The Locality of a record from the places in its stretch of text (lowest level wins)."""
    loc = Locality(province=province)
    how: list[str] = []
    for level in ("district", "commune", "village"):
        place = next((p for p in places if p.level == level), None)
        if place is None:
            continue
        setattr(loc, level, place.name)
        how.append(place.resolved_by)
        if place.province:
            loc.province = place.province
        if place.district and level == "commune":
            loc.district = place.district
        elif level == "commune" and place.unit and place.unit.map == "2025":
            loc.district = None  # the 2025 map has none: "huyện Đức Huệ (cũ)" is a former one
        if place.unit:
            _codes(loc, place.unit)
    if loc.province:
        prov = gazetteer().provinces.get(fold(loc.province))
        if prov:
            loc.province_code = loc.province_code or prov[0].code
    loc.resolved_by = "+".join(dict.fromkeys(how)) or ("article" if province else None)
    return loc


def _codes(loc: Locality, unit: Unit) -> None:
    if unit.map == "2025":
        loc.province_2025, loc.commune_2025 = unit.province, unit.name
        loc.commune_code = loc.commune_code or unit.code
        return
    if unit.level == "district":
        loc.district_code = unit.code
    if unit.level == "commune":
        loc.commune_code, loc.district_code = unit.code, unit.district_code
        new = gazetteer().to_2025(unit)
        if new:
            loc.province_2025, loc.commune_2025 = new[0], new[1]
    loc.province_code = unit.province_code


def places_in(text: str, lex: Lexicon, published: date | None = None) -> tuple[list[Place], str | None]:
    """Every resolved place in a text, and the article's province."""
    mentions = find_mentions(text, lex.lang)
    new_map = published >= NEW_MAP_FROM if published else says_new_map(text, lex.lang)
    province = article_province(text, mentions, new_map)
    places = resolve(mentions, province, new_map)
    bare = _communes_named_bare(text, places, mentions)
    return sorted(places + bare, key=lambda p: p.start) if bare else places, province


@cache
def _new_map_regex(lang: str) -> re.Pattern[str] | None:
    cues = sorted({norm(c) for c in load_lexicon(lang).new_map_cues if c.strip()}, key=len,
                  reverse=True)
    body = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)") if cues else None


def says_new_map(text: str, lang: str) -> bool:
    """An undated article written on the 2025 map: "(که پیش‌تر بخشی از ناحیه دونگ وان بود)",
    "Sau khi hợp nhất, toàn tỉnh ..." (lexicon `new_map_cues`)."""
    pattern = _new_map_regex(lang)
    return bool(pattern and pattern.search(norm_text(text)))


_MIN_BARE_WORDS = 2  # a commune named without its level word: two words at least ("A Mu Sung")


def _communes_named_bare(text: str, places: list[Place],
                         mentions: list[PlaceMention]) -> list[Place]:
    """Communes of the article's districts named without a level word, as a border post or a
    police station is named after its commune ("Đồn Biên phòng A Mú Sung", "The A Mu Sung
    Border Guard Station"): a capitalised name of two words or more that the gazetteer holds
    in a district the article names, outside quotes and outside any mention. Latin script only
    (a Persian name is matched by its consonants, too loosely to look for it anywhere)."""
    districts = {(p.province, p.name, p.unit.map) for p in places
                 if p.level == "district" and p.unit is not None}
    if not districts or _PERSIAN.search(text):
        return []
    folded = _fold_in_place(text)
    taken = [(m.start, m.end) for m in mentions] + [(q.start(), q.end())
                                                     for q in QUOTED.finditer(text)]
    by_name, pattern = _communes_of(frozenset(districts))
    out: list[Place] = []
    for m in pattern.finditer(folded) if pattern else ():
        unit = by_name[re.sub(r"\s+", " ", m.group(0))]
        if not text[m.start()].isupper() or any(a <= m.start() < b or a < m.end() <= b
                                                for a, b in taken):
            continue
        out.append(Place("commune", unit.name, m.start(), unit.province, unit.district, unit,
                         "gazetteer-bare"))
    return out


@lru_cache(maxsize=256)
def _communes_of(districts: frozenset[tuple[str | None, str, str]]
                 ) -> tuple[dict[str, Unit], re.Pattern[str] | None]:
    """The communes of these districts with two words or more, by folded name, and one
    pattern for them all (longest first). A name two districts share is left out."""
    by_name: dict[str, Unit] = {}
    shared: set[str] = set()
    for u in gazetteer().units:
        if u.level == "commune" and len(u.name.split()) >= _MIN_BARE_WORDS and (
                u.province, u.district, u.map) in districts:
            key = fold(u.name)
            if key in by_name and by_name[key].code != u.code:
                shared.add(key)
            by_name[key] = u
    names = sorted(set(by_name) - shared, key=len, reverse=True)
    if not names:
        return {}, None
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return by_name, re.compile(rf"(?<!\w)(?:{body})(?!\w)")


class _FoldTable(dict[int, str]):
    """str.translate's table for fold() one character at a time, filled as characters come."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = fold(ch)
        self[code] = out = folded if len(folded) == 1 else ch.lower()
        return out


_FOLD_TABLE = _FoldTable()


def _fold_in_place(text: str) -> str:
    """fold() one character at a time, keeping every offset: a character that does not fold
    to one stays as it is (lower-cased)."""
    return text.translate(_FOLD_TABLE)
