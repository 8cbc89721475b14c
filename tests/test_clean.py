"""Cleaning: boilerplate dropped, article paragraphs kept, Unicode normalised."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from extractors.lexicon import load_lexicon
from pipeline.clean import apply_char_map, clean_text, normalise_unicode

PARAGRAPH = ("Dilaksanakan pada tahun 2021, Blok Mobilisasi Massa Komune Tra Ka memobilisasi "
             "12 rumah tangga di Desa 2 untuk menanam lebih dari 1 hektar kunyit hitam.")


@pytest.mark.parametrize("line", [
    "Comment (0)", "Komentar (0)", "Bình luận (12)", "نظر (0)", "[iklan_2]", "No data",
    "Vietnam.vn - Nền tảng quảng bá Việt Nam", "Việt NamViệt Nam17/10/2024",
    "Le secrétaire a offert des fleurs aux collectifs. Photo : N.D",
    "Tổ tự quản tuần tra ban đêm. Ảnh: T.Phương",
])
def test_boilerplate_lines_are_dropped(line: str) -> None:
    cleaned = clean_text(f"{line}\n{PARAGRAPH}\n{PARAGRAPH}")
    assert line not in cleaned.text.split("\n")
    assert cleaned.text.count(PARAGRAPH) == 2


def test_a_comment_counter_ends_the_article() -> None:
    cleaned = clean_text(f"{PARAGRAPH}\n{PARAGRAPH}\nKomentar (3)\nBerita lain: 500 rumah\n")
    assert cleaned.text == f"{PARAGRAPH}\n{PARAGRAPH}"


@pytest.mark.parametrize("heading", ["Même sujet", "Same topic", "Cùng chủ đề", "Topik yang sama",
                                     "همان موضوع", "Related news", "Tin liên quan",
                                     "Bài viết liên quan:", "Đọc thêm", "Articles similaires",
                                     "Similar stories", "Artikel serupa", "Bài viết tương tự",
                                     "اخبار مشابه"])
def test_related_headlines_after_the_article_are_dropped(heading: str) -> None:
    body = "\n".join([PARAGRAPH] * 4)
    cleaned = clean_text(f"{body}\n{heading}\nDes avions et 13 000 soldats s'entraînent\nChiffre")
    assert "13 000 soldats" not in cleaned.text
    assert cleaned.text.count(PARAGRAPH) == 4


@pytest.mark.parametrize("line", [
    "Lire aussi : Soc Trang : 3 000 ménages sortent de la pauvreté",
    "À lire également: 1 200 pêcheurs formés",
    "Read also: Ha Tinh builds 300 houses for the poor",
    "Xem thêm: Gia Viễn có 500 hộ hiến đất",
    "Bạn đọc có thể xem thêm: Yên Bái có 1.500 mô hình “Dân vận khéo”",
    "Mời bạn đọc xem thêm: Lục Yên có 16 tổ tự quản",
    "Baca juga: 2.000 rumah tangga keluar dari kemiskinan",
    "همچنین بخوانید: ۳۰۰ خانوار از فقر خارج شدند",
    "Tin liên quan: Thanh Hóa có 6.000 mô hình dân vận khéo",
    "Related news: Soc Trang aims for 1,000 OCOP products",
    "Berita terkait: 1.500 rumah untuk keluarga miskin",
    "Articles liés : 200 hectares de café certifiés",
    "Articles similaires : Binh Thuan exporte 500 000 tonnes de fruits du dragon",
    "Similar news: Binh Thuan exports 500,000 tons of dragon fruit",
    "Berita serupa: Binh Thuan mengekspor 500.000 ton buah naga",
    "Tin tương tự: Bình Thuận xuất khẩu 500.000 tấn thanh long",
    "مطالب مشابه: بین توان ۵۰۰ هزار تن میوه اژدها صادر می‌کند",
    "اخبار مرتبط: ۵۰۰ خانه برای خانوارهای فقیر",
])
def test_a_read_also_line_goes_with_its_headline(line: str) -> None:
    # the headline's figures belong to another article
    cleaned = clean_text(f"{PARAGRAPH}\n{line}\n{PARAGRAPH}")
    assert cleaned.text == f"{PARAGRAPH}\n{PARAGRAPH}"


@pytest.mark.parametrize("heading", ["Tin liên quan:", "Related news", "Berita terkait",
                                     "Articles liés", "اخبار مرتبط"])
def test_a_related_box_inside_the_article_goes_and_the_article_after_it_stays(
        heading: str) -> None:
    # a crawler's text keeps an inline box where the page had it: the headlines go, the
    # paragraphs after them are still the article
    body = "\n".join([PARAGRAPH] * 3)
    cleaned = clean_text(f"{body}\n{heading}\n- 1.200 mô hình được công nhận\n"
                         f"- 500 suất quà cho hộ nghèo\n{PARAGRAPH}\n{PARAGRAPH}")
    assert cleaned.text.count(PARAGRAPH) == 5
    assert "1.200" not in cleaned.text and "500 suất" not in cleaned.text


def test_a_related_lead_straight_after_its_heading_is_not_taken_for_the_article() -> None:
    body = "\n".join([PARAGRAPH] * 3)
    lead = ("Sebanyak 2.000 rumah tangga di Provinsi Soc Trang telah keluar dari kemiskinan "
            "berkat model-model yang diluncurkan oleh Front Tanah Air.")
    cleaned = clean_text(f"{body}\nBerita terkait\n{lead}")
    assert cleaned.text == body


def test_comments_after_a_comment_counter_are_not_taken_for_the_article() -> None:
    body = "\n".join([PARAGRAPH] * 3)
    cleaned = clean_text(f"{body}\nBình luận (2)\nNguyễn An\n{PARAGRAPH}")
    assert cleaned.text.count(PARAGRAPH) == 3


def test_a_related_heading_early_in_the_article_does_not_truncate_it() -> None:
    cleaned = clean_text(f"Related news\n{PARAGRAPH}\n{PARAGRAPH}\n{PARAGRAPH}")
    assert cleaned.text.count(PARAGRAPH) == 3


def test_caption_label_before_a_caption_is_dropped() -> None:
    cleaned = clean_text(f"{PARAGRAPH}\nJe suis numéro 1\nLe secrétaire et des fleurs. Photo : N.D\n"
                         f"{PARAGRAPH}")
    assert "Je suis numéro 1" not in cleaned.text


def test_the_dateline_becomes_the_publication_date() -> None:
    cleaned = clean_text(f"Việt NamViệt Nam17/10/2024\n{PARAGRAPH}")
    assert str(cleaned.dateline) == "2024-10-17"


@pytest.mark.parametrize(("line", "published"), [
    ("Wednesday, May 6, 2026", "2026-05-06"),
    ("Jeudi 6 mai 2026", "2026-05-06"),
    ("Rabu, 6 Mei 2026 15:30 WIB", "2026-05-06"),
    ("Thứ Tư, 06/05/2026 - 08:20", "2026-05-06"),
    # a Persian page dates itself in the Solar Hijri calendar (Esfand 1403 had 30 days, 1404 29)
    ("۱۶ اردیبهشت ۱۴۰۵", "2026-05-06"),
    ("چهارشنبه ۳۰ اسفند ۱۴۰۳", "2025-03-20"),
    ("۳۰ اسفند ۱۴۰۴", None),
    ("31 février 2026", None),
    # a month and a year with no day, or a sentence, is no dateline
    ("In May 2026", None),
    ("The model began on 6 May 2026.", None),
])
def test_a_dateline_with_a_months_name(line: str, published: str | None) -> None:
    cleaned = clean_text(f"{line}\n{PARAGRAPH}")
    assert (str(cleaned.dateline) if cleaned.dateline else None) == published
    assert (line in cleaned.text) == (published is None)


def test_source_lines_and_paragraphs_with_numbers_are_kept() -> None:
    text = f"{PARAGRAPH}\nSumber: https://baoquangnam.vn/a.html"
    assert clean_text(text).text == text


def test_unicode_is_nfc_and_zwnj_survives() -> None:
    decomposed = unicodedata.normalize("NFD", "Trà Ka có 12 hộ")
    assert normalise_unicode(decomposed) == "Trà Ka có 12 hộ"
    assert "\u200c" in normalise_unicode("خانه\u200cها")


def test_persian_letter_forms() -> None:
    assert apply_char_map("كمون تراكا ي", load_lexicon("fa")) == "کمون تراکا ی"
    assert apply_char_map("ي", load_lexicon("fr")) == "ي"


def test_seed_boilerplate(seeds_dir: Path) -> None:
    fr = clean_text((seeds_dir / "002_5433d715464fb01d.txt").read_text("utf-8"))
    assert "13 000 soldats" not in fr.text and "No videos available" not in fr.text
    assert "plus de 300 patrouilles" in fr.text
    assert fr.text.rstrip().endswith("dien-hinh-3142841.html")
