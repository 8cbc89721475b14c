"""Vietnamese administrative units, indexed in memory from vietnamadminunits' bundled data.

Built once per process from the package's SQLite file and its 2025 converter table (never from
its functions that geocode over the network), plus `aliases.yaml` for units it lacks. Names are
matched with and without tone marks, in any case, and, for Persian script, by consonant
skeleton within a province.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import yaml
from unidecode import unidecode


def fold(text: str | None) -> str:
    """Lower-case ASCII without tone marks or punctuation: "Trà Ka" -> "tra ka"."""
    if not text:
        return ""
    # names recur (every unit of a province is compared by its province's name): memoised
    return _fold_name(text) if len(text) <= 64 else _fold(text)


@lru_cache(maxsize=1 << 15)
def _fold_name(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    # Latin text: strip combining marks in C; anything else (Persian...) through unidecode
    stripped = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")
    if len(stripped) < 0.9 * len(text):
        stripped = transliterate(text)
    return " ".join(_NON_ALNUM.sub(" ", stripped.lower()).split())


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_TRANSLIT: dict[int, str] = {}


def transliterate(text: str) -> str:
    """unidecode(text) at the speed of str.translate: unidecode replaces each character on its
    own, so each is looked up once per process and remembered (a Persian article folds in a
    tenth of the time)."""
    for ch in set(text):
        if ord(ch) not in _TRANSLIT:
            _TRANSLIT[ord(ch)] = unidecode(ch)
    return text.translate(_TRANSLIT)


def ascii_name(text: str) -> str:
    """Display form in plain ASCII: "Trà Ka" -> "Tra Ka"."""
    return " ".join(unidecode(text.replace("đ", "d").replace("Đ", "D")).split())


# g and j are one class: Persian renders Vietnamese "gi" with گ as often as with ج; s and sh
# too: it renders Vietnamese x and s (both /s/ in the south) with س as often as with ش
_LATIN_STEPS = [("ph", "f"), ("th", "t"), ("ch", "C"), ("gh", "g"), ("kh", "k"), ("j", "g"),
                ("qu", "k"), ("c", "k"), ("q", "k"), ("x", "s"), ("đ", "d")]
_PERSIAN_MAP = {
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "g", "چ": "C",
    "خ": "k", "د": "d", "ذ": "z", "ز": "z", "ض": "z", "ظ": "z", "ر": "r", "ژ": "z", "ش": "s",
    "غ": "g", "ف": "f", "ق": "k", "ک": "k", "ك": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n",
}


def skeleton(name: str) -> str:
    """Consonant skeleton shared by a Latin name and its Persian transliteration.

    "Dien Phuoc" and "دین فوک" are both "dnfk"; vowels, h, w, y and their Persian carriers
    (ا و ی ه ع) drop out because transliteration renders them inconsistently; a word-initial
    w, which Persian writes و as it does v, is read as v on both sides.
    """
    if any("\u0600" <= ch <= "\u06ff" for ch in name):
        # a word-initial و is the consonant v ("وین" = Vinh); elsewhere a vowel carrier
        return "".join(("v" if word.startswith("و") else "")
                       + "".join(_PERSIAN_MAP.get(ch, "") for ch in word) for word in name.split())
    out = []
    for word in fold(name).split():
        if word.startswith("w"):  # "Ngok Wang" is written "نگوک وانگ": a word-initial w is v
            word = "v" + word[1:]
        for a, b in _LATIN_STEPS:
            word = word.replace(a, b)
        out.append("".join(ch for ch in word if ch not in "aeiouyhw0123456789"))
    return "".join(out)


def _joined_skeletons(name: str) -> list[str]:
    """Further skeletons of a Persian name whose syllables are written joined: a و inside a
    word may open a syllable, the consonant v ("باوی" is Ba Vi, "با وی" written as one word).
    Read only when the usual skeleton fits nothing."""
    words = name.split()
    # after a syllable's vowel and before one of its own: not "اوک" (Oc), whose و is a vowel
    inner = [(i, k) for i, w in enumerate(words) for k, ch in enumerate(w)
             if ch == "و" and k >= 2 and w[k + 1:k + 2] in _VOWEL_LETTERS]
    if not inner or len(inner) > _MAX_INNER_VAV:
        return []
    out = []
    for mask in range(1, 1 << len(inner)):
        chars = [list(w) for w in words]
        for bit, (i, k) in enumerate(inner):
            if mask >> bit & 1:
                chars[i][k] = " و"  # a word-initial و: the consonant v
        out.append(skeleton(" ".join("".join(c) for c in chars)))
    return out


def _final_ng_skeletons(name: str) -> list[str]:
    """Further skeletons of a Persian name whose word-final "ng" lost its گ ("لان نی تان" for
    Lản Nhì Thàng; the same article writes "مو سانگ" for Mù Sang): a word ending on ن may end
    on "ng". Read only when the usual and the joined skeletons fit nothing."""
    words = name.split()
    ends = [i for i, w in enumerate(words) if w.endswith("ن")]
    if not ends or len(ends) > _MAX_INNER_VAV:
        return []
    out = []
    for mask in range(1, 1 << len(ends)):
        written = list(words)
        for bit, i in enumerate(ends):
            if mask >> bit & 1:
                written[i] += "گ"
        out.append(skeleton(" ".join(written)))
    return out


_MAX_INNER_VAV = 3
_VOWEL_NAME_SCORE = 90  # rapidfuzz ratio: "hai hao" is Hai Hau (100 with u read as o), not Hai Ha
_VOWEL_LETTERS = ("ا", "آ", "ی")


def skeletons(name: str, spelled: str | None = None) -> set[str]:
    """The skeletons a Latin name may be written with in Persian: a word-initial "gi", which
    the north says /z/, is written ز as often as گ ("Ngai Giao": "نگای زائو"); so is a
    word-initial "d" (not "đ", which folding makes a d too: hence `spelled`, the name with its
    marks): "Tam Dương" is "تام زونگ" as often as "تام دونگ". A word-initial "tr", which the
    north says as "ch", may be written چ."""
    keys = {skeleton(name)}
    folded = fold(name)
    if _GI.search(folded):
        keys.add(skeleton(_GI.sub("z", folded)))
    if _TR.search(folded):  # the north says "tr" as "ch": "Tân Trào" is "تان چائو" too
        keys.add(skeleton(_TR.sub("ch", folded)))
    words, marked = folded.split(), (spelled or "").casefold().split()
    if len(marked) == len(words) and any(w.startswith("d") for w in marked):
        keys.add(skeleton(" ".join("z" + f[1:] if w.startswith("d") else f
                                   for w, f in zip(marked, words, strict=True))))
    return keys


_GI = re.compile(r"\bgi")
_TR = re.compile(r"\btr")
_ROMAN = {**{k: v.lower() for k, v in _PERSIAN_MAP.items()}, "C": "ch", "ش": "sh", "خ": "kh",
          "ا": "a", "آ": "a", "و": "o", "ی": "i", "ي": "i", "ه": "h", "ع": "", "ء": "", "ئ": "",
          "أ": "a", "ؤ": "o"}


def romanise(name: str) -> str:
    """A rough Latin spelling of a Persian-script name, to rank skeleton matches."""
    return "".join(_ROMAN.get(ch, ch) for ch in name)


def _closeness(roman: str, unit: str) -> tuple[float, float]:
    """How close a romanised Persian name is to a unit's name: first with the unit's u read
    as o, since و writes both ("هائو گیانگ" is Hau Giang, not Ha Giang), then as spelled
    ("هونگ" is Hong rather than Hung)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(roman, unit.replace("u", "o")), fuzz.ratio(roman, unit)


_ROMAN_NUMERALS = {"I": 1, "V": 5, "X": 10}
_ROMAN_END = re.compile(r"\s([IVX]+)$")


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral of I, V and X: "II" is 2, "IV" 4."""
    values = [_ROMAN_NUMERALS[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def digit_form(name: str) -> str | None:
    """The name with the Roman numeral that ends it written in digits, as a translation may write
    it ("Cay Truong 2" for Cay Truong II); None where no numeral ends it."""
    m = _ROMAN_END.search(name)
    return f"{name[:m.start()]} {roman_value(m.group(1))}" if m else None


def _number_of(unit: Unit) -> str | None:
    """The number of a unit named by its kind and a number ("Phuong 7", a Phường; "Quan 8", a
    Quận), else None: "Gia Tan 1", a Xã, is a name that holds a number."""
    head, _, number = unit.name.rpartition(" ")
    if number.isdigit() and unit.kind and fold(head) == fold(unit.kind):
        return str(int(number))
    return None


@dataclass(frozen=True)
class Unit:
    level: str  # province | district | commune
    name: str  # ASCII short name
    code: str
    province: str
    province_code: str
    district: str | None = None
    district_code: str | None = None
    kind: str | None = None  # Xã, Phường, Thị trấn, Huyện, Thành phố ...
    key: str | None = None  # the package's province_district_ward key, for the 2025 mapping
    map: str = "legacy"  # legacy (63 provinces) | 2025 (34 provinces)
    spelled: str | None = None  # the name with its marks ("Tam Dương"), for Persian skeletons


class Gazetteer:
    def __init__(self, units: list[Unit], to_2025: dict[str, tuple[str, str, str]]) -> None:
        self.units = units
        self.by_name: dict[tuple[str, str, str], list[Unit]] = defaultdict(list)
        self.by_skeleton: dict[tuple[str, str], list[Unit]] = defaultdict(list)
        self.provinces: dict[str, list[Unit]] = defaultdict(list)
        self.by_number: dict[tuple[str, str, str], list[Unit]] = defaultdict(list)
        for unit in units:
            self.by_name[(unit.map, unit.level, fold(unit.name))].append(unit)
            if digits := digit_form(unit.name):  # "Cay Truong 2" is Cay Truong II
                self.by_name[(unit.map, unit.level, fold(digits))].append(unit)
            if number := _number_of(unit):
                self.by_number[(unit.map, unit.level, number)].append(unit)
            for key in skeletons(unit.name, unit.spelled):
                self.by_skeleton[(unit.map, key)].append(unit)
            if unit.level == "province":
                self.provinces[fold(unit.name)].append(unit)
        self.names: frozenset[str] = frozenset(name for (_, _, name) in self.by_name)
        self._to_2025 = to_2025
        # a legacy province -> the 2025 province its communes went to (whole provinces merged)
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for unit in units:
            if unit.map == "legacy" and unit.level == "commune" and (new := self.to_2025(unit)):
                votes[fold(unit.province)][new[0]] += 1
        self._successors = {old: count.most_common(1)[0][0] for old, count in votes.items()}

    def lookup(self, name: str, level: str, province: str | None = None,
               district: str | None = None, map_: str = "legacy") -> list[Unit]:
        """Units of this level and name, narrowed by the province and district if given."""
        found = self.by_name.get((map_, level, fold(name)), [])
        return _narrow(found, province, district)

    def numbered(self, number: str, level: str, province: str | None = None,
                 district: str | None = None, map_: str = "legacy") -> list[Unit]:
        """Units named by their number ("Phường 7", "Quận 8"): the number alone, as a text
        gives it after any level word ("Ward 7", "District 8", "ناحیه ۸")."""
        return _narrow(self.by_number.get((map_, level, number), []), province, district)

    def knows(self, name: str) -> bool:
        """Whether any unit, of any level and on either map, has this name."""
        return fold(name) in self.names

    def by_consonants(self, name: str, levels: tuple[str, ...], province: str | None = None,
                      map_: str = "legacy") -> list[Unit]:
        """Units whose skeleton equals that of `name` (Persian script), within a province. A
        skeleton of one consonant ("اوک ائو", Oc Eo) is too common to search the country for:
        only within a province."""
        for key in (skeleton(name), *_joined_skeletons(name), *_final_ng_skeletons(name)):
            if len(key) < (1 if province else 2):
                continue
            found = [u for u in self.by_skeleton.get((map_, key), []) if u.level in levels]
            if found := _narrow(found, province, None):
                return found
        return []

    def best_by_consonants(self, name: str, levels: tuple[str, ...], province: str | None = None,
                           map_: str = "legacy") -> Unit | None:
        """The one unit a Persian-script name stands for, or None when it is unclear."""
        best = self.closest_by_consonants(name, levels, province, map_)
        if len({fold(u.name) for u in best}) != 1:
            return None
        return best[0]

    def closest_by_consonants(self, name: str, levels: tuple[str, ...],
                              province: str | None = None, map_: str = "legacy",
                              districts: frozenset[str] = frozenset()) -> list[Unit]:
        """The units a Persian-script name is closest to: those of its skeleton that its
        romanisation matches best (several where units share a name: "Son Tay" is a district
        of Quang Ngai and a town of Hanoi). Those in one of `districts` (folded names: the
        districts the article names) come first: "لونگ هوا" in Giong Trom district is Luong
        Hoa, not Long Hoa of another district, whose spelling it matches better. A district
        is in `districts` when it is one of them."""
        found = self.by_consonants(name, levels, province, map_)
        if districts:
            found = [u for u in found if fold(u.district or u.name) in districts] or found
        roman = fold(romanise(name))
        if not found:  # too short a skeleton ("هوی آن"): the romanised name, exactly
            exact = [u for lv in levels for u in self.lookup(roman, lv, province, None, map_)]
            return exact or self._closest_vowel_name(name, roman, levels, province, map_)
        scored = [(_closeness(roman, fold(u.name)), u) for u in found]
        top = max(score for score, _ in scored)
        return [u for score, u in scored if score == top]

    def _closest_vowel_name(self, name: str, roman: str, levels: tuple[str, ...],
                            province: str | None, map_: str) -> list[Unit]:
        """A name with no consonant the skeleton keeps ("هائی هائو", Hai Hau): the few units
        of an empty skeleton whose names its romanisation matches closely, if one does best."""
        if skeleton(name):
            return []
        units = _narrow([u for u in self.by_skeleton.get((map_, ""), []) if u.level in levels],
                        province, None)
        scored = [(_closeness(roman, fold(u.name)), u) for u in units]
        scored = [(score, u) for score, u in scored if score[0] >= _VOWEL_NAME_SCORE]
        if not scored:
            return []
        top = max(score for score, _ in scored)
        best = [u for score, u in scored if score == top]
        return best if len({fold(u.name) for u in best}) == 1 else []

    def to_2025(self, unit: Unit) -> tuple[str, str, str] | None:
        """(province, commune, commune code) on the 2025 map for a legacy commune."""
        return self._to_2025.get(unit.key or "")

    def successor(self, province: str) -> str:
        """The province a legacy province is part of on the 2025 map ("Long An" -> "Tay Ninh",
        "Tay Ninh" -> "Tay Ninh"); a name it does not know, unchanged."""
        return self._successors.get(fold(province), province)


def _narrow(units: list[Unit], province: str | None, district: str | None) -> list[Unit]:
    if province:
        units = [u for u in units if fold(u.province) == fold(province)] or []
    if district and len(units) > 1:
        narrowed = [u for u in units if fold(u.district) == fold(district)]
        units = narrowed or units
    return units


def _strip_qualifier(name: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*", "", name).strip()


def _package_data() -> Path:
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).parent / "data"


@cache
def gazetteer() -> Gazetteer:
    data = _package_data()
    con = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    units: list[Unit] = []
    seen: set[tuple[str, str, str]] = set()
    for (prov, dist, ward, pcode, dcode, wcode, dtype, wtype, pkey, dkey,
         wkey) in con.execute(
            "SELECT provinceShort, districtShort, wardShort, provinceCode, districtCode, wardCode, "
            "districtType, wardType, provinceKey, districtKey, wardKey FROM admin_units_legacy"):
        prov_a, dist_a = ascii_name(prov), ascii_name(_strip_qualifier(dist or ""))
        if ("province", pcode, "") not in seen:
            seen.add(("province", pcode, ""))
            units.append(Unit("province", prov_a, pcode, prov_a, pcode, key=pkey, spelled=prov))
        if ("district", dcode, "") not in seen:
            seen.add(("district", dcode, ""))
            units.append(Unit("district", dist_a, dcode, prov_a, pcode, kind=dtype,
                              key=f"{pkey}_{dkey}", spelled=_strip_qualifier(dist or "")))
        if ward:
            units.append(Unit("commune", ascii_name(_strip_qualifier(ward)), wcode, prov_a, pcode,
                              dist_a, dcode, wtype, f"{pkey}_{dkey}_{wkey}",
                              spelled=_strip_qualifier(ward)))
    new_names: dict[tuple[str, str], tuple[str, str, str]] = {}
    for prov, ward, pcode, wcode, wtype, pkey, wkey in con.execute(
            "SELECT provinceShort, wardShort, provinceCode, wardCode, wardType, provinceKey, "
            "wardKey FROM admin_units"):
        prov_a = ascii_name(prov)
        if ("province-2025", pcode, "") not in seen:
            seen.add(("province-2025", pcode, ""))
            units.append(Unit("province", prov_a, pcode, prov_a, pcode, key=pkey, map="2025"))
        units.append(Unit("commune", ascii_name(ward), wcode, prov_a, pcode, kind=wtype,
                          key=f"{pkey}_{wkey}", map="2025"))
        new_names[(pkey, wkey)] = (prov_a, ascii_name(ward), wcode)
    con.close()
    to_2025 = _converter(data, new_names)
    units.extend(_aliases(units))
    return Gazetteer(units, to_2025)


def _converter(data: Path, new_names: dict[tuple[str, str], tuple[str, str, str]]
               ) -> dict[str, tuple[str, str, str]]:
    """Legacy ward key -> its 2025 ward, from the package's converter table."""
    table = json.loads((data / "converter_2025.json").read_text("utf-8"))
    out: dict[str, tuple[str, str, str]] = {}
    for new_pkey, wards in table.get("DICT_PROVINCE_WARD_NO_DIVIDED", {}).items():
        for new_wkey, old_keys in wards.items():
            target = new_names.get((new_pkey, new_wkey))
            if target:
                for old in old_keys:
                    out[old] = target
    for new_pkey, olds in table.get("DICT_PROVINCE_WARD_DIVIDED", {}).items():
        for old, options in olds.items():
            default = next((o for o in options if o.get("isDefaultNewWard")), options[0])
            target = new_names.get((new_pkey, default.get("newWardKey", "")))
            if target and old not in out:
                out[old] = target
    return out


def _aliases(units: list[Unit]) -> list[Unit]:
    path = resources.files("extractors") / "gazetteer" / "aliases.yaml"
    entries = yaml.safe_load(path.read_text("utf-8")) or []
    codes = {(u.level, fold(u.name), fold(u.province)): u for u in units if u.map == "legacy"}
    out: list[Unit] = []
    for e in entries:
        prov = codes.get(("province", fold(e["province"]), fold(e["province"])))
        dist = codes.get(("district", fold(e.get("district")), fold(e["province"])))
        out.append(Unit(e["level"], e["name"], f"alias:{fold(e['name'])}", e["province"],
                        prov.code if prov else "", e.get("district"),
                        dist.code if dist else None, e.get("type"), None))
    return out
