"""Numbers in every script and locale: a spec table per language (input, expected value)."""

from __future__ import annotations

import pytest

from extractors.lexicon import load_lexicon
from extractors.numbers import numbers_in, parse_numeral

CASES: dict[str, list[tuple[str, float]]] = {
    "en": [
        ("19,300 models", 19300), ("more than 7.1km", 7.1), ("1,2 km", 1.2), ("2,200", 2200),
        ("36.2km", 36.2), ("916m", 916), ("1,000 households", 1000), ("1,500,000", 1500000),
        ("0.5 ha", 0.5), ("12 gardens", 12), ("۱۲ gardens", 12), ("٣٤ gardens", 34),
        ("one model", 1), ("eight villages", 8), ("twelve members", 12),
        ("twenty-five houses", 25), ("forty two patrols", 42), ("one hundred", 100),
        ("three hundred", 300), ("two thousand", 2000), ("60 million VND", 60_000_000),
        ("1.5 billion VND", 1_500_000_000), ("2 thousand", 2000), ("5 millions", 5_000_000),
        ("a dozen houses", 12), ("10,000", 10000), ("6,540", 6540), ("1,254.5", 1254.5),
        ("nine", 9), ("seventy", 70), ("2 billion", 2_000_000_000),
        ("two hundred fifty", 250),
    ],
    "fr": [
        ("6 540 modèles", 6540), ("6\u00a0540 modèles", 6540), ("6\u202f540 modèles", 6540),
        ("1,2 km", 1.2), ("4,3 km", 4.3), ("13 000 soldats", 13000), ("2 870", 2870),
        ("1 500 000", 1500000), ("60 millions de VND", 60_000_000),
        ("1,5 milliard", 1_500_000_000), ("deux milliards", 2_000_000_000), ("un hectare", 1),
        ("huit villages", 8), ("vingt-cinq", 25), ("quarante", 40), ("deux cents", 200),
        ("trois mille", 3000), ("mille", 1000), ("dix", 10), ("douze", 12), ("cinquante", 50),
        ("3 000,5", 3000.5), ("0,916", 0.916), ("36,2 km", 36.2), ("7.1 km", 7.1),
        ("6.540", 6540), ("۶۵۴۰", 6540), ("12 membres", 12), ("trois cent vingt", 320),
        ("seize", 16), ("2 millions", 2_000_000),
    ],
    "id": [
        ("6.540 model", 6540), ("7.1km", 7.1), ("1,2 km", 1.2), ("60 juta VND", 60_000_000),
        ("1,5 miliar", 1_500_000_000), ("satu model", 1), ("delapan desa", 8),
        ("dua puluh lima", 25), ("dua belas", 12), ("seratus", 100), ("seribu", 1000),
        ("sejuta", 1_000_000), ("tiga ratus", 300), ("lima ribu", 5000), ("2 ribu", 2000),
        ("19.300", 19300), ("169 anggota", 169), ("36,2", 36.2), ("1.000.000", 1_000_000),
        ("sepuluh", 10), ("sebelas", 11), ("empat puluh", 40), ("tujuh", 7), ("sembilan", 9),
        ("2,5 juta", 2_500_000), ("۱۲", 12), ("1.200,5", 1200.5), ("seratus dua puluh", 120),
        ("dua ribu lima ratus", 2500), ("seratus dua belas", 112),
    ],
    "vi": [
        ("6.540 mô hình", 6540), ("4,3 km", 4.3), ("hơn 1.000 hộ", 1000),
        ("60 triệu đồng", 60_000_000), ("1,2 tỷ đồng", 1_200_000_000), ("một", 1),
        ("tám thôn", 8), ("hai mươi", 20), ("hai mươi lăm", 25), ("ba trăm", 300),
        ("mười", 10), ("mười hai", 12), ("5 nghìn", 5000), ("5 ngàn", 5000),
        ("2 tỉ đồng", 2_000_000_000), ("19.300", 19300), ("36,2", 36.2), ("0,916", 0.916),
        ("1.500.000", 1_500_000), ("hai hộ", 2), ("ba mô hình", 3), ("bốn", 4), ("sáu", 6),
        ("bảy", 7), ("chín", 9), ("hai nghìn", 2000), ("ba trăm hai mươi", 320), ("۱۲", 12),
        ("7.1 km", 7.1), ("1,5 tỷ", 1_500_000_000),
    ],
    "fa": [
        ("۶۵۴۰ مدل", 6540), ("۱٬۲۵۴", 1254), ("۴٫۳ کیلومتر", 4.3), ("۳۰۰ گشت", 300),
        ("٣٠٠ گشت", 300), ("6540", 6540), ("19,300", 19300), ("7.1", 7.1),
        ("۶۰ میلیون دونگ", 60_000_000), ("۱٫۵ میلیارد", 1_500_000_000), ("یک مدل", 1),
        ("هشت روستا", 8), ("بیست و پنج", 25), ("صد", 100), ("سیصد", 300), ("دو هزار", 2000),
        ("هزار خانوار", 1000), ("پنج", 5), ("هفت", 7), ("دوازده", 12), ("پانزده", 15),
        ("چهل", 40), ("شش", 6), ("سه", 3), ("دو", 2), ("۲ هزار", 2000), ("۱۲٫۵", 12.5),
        ("٤٫٣", 4.3), ("۱۲۰ عضو", 120), ("12 عضو", 12),
        ("۲ هزار و ۵۰۰ درخت", 2500),  # a remainder after the multiplier and و
    ],
}


@pytest.mark.parametrize(("lang", "text", "values"), [
    ("en", "one and a half hectares", [1.5]),  # never "one and a" (2) then "half"
    ("en", "One and a half million people", [1_500_000]),
    ("en", "2 and a half thousand trees", [2500]),
    ("en", "half a hectare", [0.5]),
    ("fr", "un demi-hectare", [1, 0.5]),  # "un" stays a weak article
    ("fa", "یک و نیم هکتار", [1.5]),
    ("id", "satu setengah hektare", [1.5]),
    ("vi", "một ha rưỡi", [1]),  # the metric engine adds the half after the unit
    ("vi", "một nửa ha", [0.5]),  # a lexicon phrase: "a half", never 1 + 0.5
])
def test_a_half_joins_the_number_before_it(lang: str, text: str, values: list[float]) -> None:
    assert [n.value for n in numbers_in(text, lang)] == values


@pytest.mark.parametrize(("lang", "text", "values"), [
    # a number written in words with a multiplier takes the numerals with smaller ones after it
    ("vi", "một tỷ 200 triệu đồng", [1_200_000_000]),
    ("fa", "یک میلیارد و ۲۰۰ میلیون دونگ", [1_200_000_000]),
    ("fr", "un milliard 200 millions de dongs", [1_200_000_000]),
    ("en", "one billion 200 million dong", [1_200_000_000]),
    ("id", "satu miliar 200 juta dong", [1_200_000_000]),
    # a larger multiplier after it, or a numeral with none, is another number
    ("vi", "một triệu đồng và 5 hộ", [1_000_000, 5]),
    ("fa", "یک میلیون دونگ و ۵ خانوار", [1_000_000, 5]),
])
def test_numerals_after_a_number_in_words_add_to_it(lang: str, text: str, values: list[float]) -> None:
    assert [n.value for n in numbers_in(text, lang)] == values


def test_a_remainder_after_a_multiplier_joins_it_only_where_the_lexicon_says_so() -> None:
    assert [n.value for n in numbers_in("۲ هزار و ۵۰۰ درخت", "fa")] == [2500]
    assert [n.value for n in numbers_in("VND95 million and 600 working days", "en")] == [
        95_000_000, 600]
    assert [n.value for n in numbers_in("95 millions de dôngs et 600 journées", "fr")] == [
        95_000_000, 600]


@pytest.mark.parametrize(("lang", "text", "value"),
                         [(lang, text, value) for lang, cases in CASES.items()
                          for text, value in cases])
def test_first_number(lang: str, text: str, value: float) -> None:
    numbers = numbers_in(text, lang)
    assert numbers, f"no number found in {text!r}"
    assert numbers[0].value == pytest.approx(value)


@pytest.mark.parametrize("lang", sorted(CASES))
def test_each_language_has_thirty_cases(lang: str) -> None:
    assert len(CASES[lang]) >= 30


@pytest.mark.parametrize(("lang", "raw", "value"), [
    ("en", "1.234.5", None),  # the same mark cannot both group and mark decimals
    ("id", "17.10.2024", None),  # a date, not a number
    ("fr", "1,2,3", None),
    ("en", "7,1", 7.1),  # a decimal comma in English text is still read as a decimal
])
def test_ambiguous_numerals(lang: str, raw: str, value: float | None) -> None:
    assert parse_numeral(raw, load_lexicon(lang)) == value


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "un modèle"), ("vi", "một mô hình"), ("fa", "یک مدل"), ("id", "satu model"),
])
def test_articles_that_double_as_one_are_weak(lang: str, text: str) -> None:
    assert numbers_in(text, lang)[0].weak


def test_years_are_marked() -> None:
    numbers = numbers_in("en 2021, 12 ménages", "fr")
    assert [n.year_like for n in numbers] == [True, False]
