"""Language identification and story grouping."""

from __future__ import annotations

from pathlib import Path

import pytest
from langdetect.detector import Detector

from pipeline.detector import FastDetector
from pipeline.language import _factory, detect_language
from pipeline.stories import canonical_url, cited_site, cited_url, story_id, story_key
from tests.conftest import SEED_LANGS


@pytest.mark.parametrize(("name", "lang"), sorted(SEED_LANGS.items()))
def test_language_of_every_seed(seeds_dir: Path, name: str, lang: str) -> None:
    guess = detect_language((seeds_dir / name).read_text("utf-8"))
    assert (guess.lang, guess.supported) == (lang, True)


def test_language_is_deterministic() -> None:
    text = "Mô hình dân vận khéo ở xã Tịnh Phong " * 3
    assert len({detect_language(text).prob for _ in range(5)}) == 1


def _probabilities(cls: type[Detector], text: str) -> list[tuple[str, float]] | str:
    detector = cls(_factory())
    detector.n_trial = 3
    detector.append(text)
    try:
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except Exception as exc:  # the same failure is part of the same answer
        return repr(exc)


def test_the_fast_detector_answers_as_langdetect_does(seeds_dir: Path) -> None:
    """Bit-identical probabilities on every seed's windows and on random mixed-script text
    (capitals, Vietnamese marks, CJK, Arabic script, runs of spaces)."""
    import random

    rnd = random.Random(11)
    texts = [p.read_text("utf-8") for p in sorted(seeds_dir.iterdir())]
    samples = [t[i:i + n] for t in texts for i in range(0, len(t), 700) for n in (40, 400)]
    alphabet = "aAbBéÉ ąĄ  \u0300ấẤ日本ア한بیxyzXYZ-.,1\n"
    samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 120)))
                for _ in range(1500)]
    for text in samples:
        assert _probabilities(FastDetector, text) == _probabilities(Detector, text), text


@pytest.mark.parametrize(("text", "lang"), [
    ("Das Modell der geschickten Massenmobilisierung wurde in der Gemeinde eingeführt und hat "
     "viele Haushalte erreicht, sagte der Vorsitzende.", "de"),
    ("El modelo de movilización de masas se ha replicado en toda la provincia con gran éxito "
     "entre los hogares pobres.", "es"),
])
def test_other_languages_are_recorded_as_unsupported(text: str, lang: str) -> None:
    guess = detect_language(text)
    assert guess.lang == lang and not guess.supported and "not supported" in (guess.reason or "")


def test_too_little_text() -> None:
    assert detect_language("12 34 56").lang == "und"


@pytest.mark.parametrize(("url", "canonical"), [
    ("https://baoquangnam.vn/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("http://baoquangnam.vn/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("https://www.baoquangnam.vn/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("HTTPS://BaoQuangNam.VN/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("https://baoquangnam.vn/a-1.html/", "https://baoquangnam.vn/a-1.html"),
    ("https://baoquangnam.vn/a-1.html#comments", "https://baoquangnam.vn/a-1.html"),
    ("https://baoquangnam.vn/a-1.html?utm_source=fb&utm_medium=social",
     "https://baoquangnam.vn/a-1.html"),
    ("https://baoquangnam.vn/a-1.html?fbclid=Iw123&gclid=x", "https://baoquangnam.vn/a-1.html"),
    ("https://baoquangnam.vn/a-1.html?page=2&id=7", "https://baoquangnam.vn/a-1.html?id=7&page=2"),
    ("baoquangnam.vn/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("www.baoquangnam.vn/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("//baoquangnam.vn/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("https://baoquangnam.vn:443/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("https://baoquangnam.vn:8080/a-1.html", "https://baoquangnam.vn:8080/a-1.html"),
    ("<https://baoquangnam.vn/a-1.html>.", "https://baoquangnam.vn/a-1.html"),
    ("https://baoquangnam.vn//a//b", "https://baoquangnam.vn/a/b"),
    # the AMP copy of a page is the page
    ("https://baoapbac.vn/chinh-tri/cho-gao-1012345/amp/", "https://baoapbac.vn/chinh-tri/cho-gao-1012345"),
    ("https://baoapbac.vn/amp/chinh-tri/cho-gao-1012345", "https://baoapbac.vn/chinh-tri/cho-gao-1012345"),
    ("https://baoapbac.vn/cho-gao-1012345.amp", "https://baoapbac.vn/cho-gao-1012345"),
    ("https://baoapbac.vn/cho-gao-1012345.html?amp=1", "https://baoapbac.vn/cho-gao-1012345.html"),
    ("https://baoapbac.vn/amp", "https://baoapbac.vn"),
    ("Bao Quang Nam", None),
    ("mailto:toa-soan@baoquangnam.vn", None),
    ("", None),
])
def test_canonical_url(url: str, canonical: str | None) -> None:
    assert canonical_url(url) == canonical


@pytest.mark.parametrize(("text", "url"), [
    ("…\nSumber: https://baoquangnam.vn/a-1.html\nKomentar (0)", "https://baoquangnam.vn/a-1.html"),
    ("…\nSource : https://baoquangnam.vn/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("…\nNguồn: baoquangnam.vn/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("…\nمنبع: https://baoquangnam.vn/a-1.html", "https://baoquangnam.vn/a-1.html"),
    ("…\nSource: https://www.baoquangnam.vn/a-1.html?utm_source=x", "https://baoquangnam.vn/a-1.html"),
    ("…\nSource\nComment (0)", None),
    ("Theo ông Nguyễn Văn Minh, tổ trưởng.", None),
    # a site's bare address names no report: as a key it would make one story of a whole site
    ("…\nSource: baolamdong.vn", None),
    ("…\nSumber: https://www.baolamdong.vn/", None),
    ("…\nSource: baolamdong.vn/a-1.html\nSource: baolamdong.vn", "https://baolamdong.vn/a-1.html"),
    # the address after the source's name on its line, written as an address
    ("…\nSource: Binh Duong newspaper (https://baobinhduong.vn/a-1.html)", "https://baobinhduong.vn/a-1.html"),
    ("…\nNguồn: Báo Lào Cai - https://baolaocai.vn/a-1.html", "https://baolaocai.vn/a-1.html"),
    ("…\nSumber: Báo Hậu Giang (www.baohaugiang.com.vn/a-1.html).", "https://baohaugiang.com.vn/a-1.html"),
    ("…\nSource : Báo Cao Bằng, https://baocaobang.vn/a-1.html", "https://baocaobang.vn/a-1.html"),
    ("…\nSource: Binh Duong newspaper. Photo: baobinhduong.vn", None),
])
def test_cited_url(text: str, url: str | None) -> None:
    assert cited_url(text) == url


def test_a_translation_and_its_original_share_a_story() -> None:
    original = story_key("https://www.baoquangnam.vn/a-1.html/", None)
    translation = story_key("https://vietnam.vn/fr/x", "https://baoquangnam.vn/a-1.html")
    assert story_id(original[0], "orig.html") == story_id(translation[0], "fr.txt")
    assert (original[1], translation[1]) == ("own_url", "cited_url")


def test_documents_without_url_are_stories_of_their_own() -> None:
    key, method = story_key(None, None)
    assert method == "singleton"
    assert story_id(key, "a.txt") != story_id(key, "b.txt")
    assert story_id(key, "a.txt") == story_id(key, "a.txt")


@pytest.mark.parametrize(("text", "link", "own", "method"), [
    # a copy naming its source by the site alone is keyed by no URL: its numbers join it to
    # the original (its own URL would make a story of the copy)
    ("…\nSource: baolangson.vn", None, "https://www.vietnam.vn/en/loc-binh", "singleton"),
    ("…\nمنبع: www.baolangson.vn", None, "https://vietnam.vn/fa/loc-binh", "singleton"),
    ("…\nSumber: Báo Lạng Sơn", "https://baolangson.vn/", "https://vietnam.vn/id/loc-binh", "singleton"),
    # a site's own article naming itself is the original; no source at all keeps the own URL
    ("…\nNguồn: baolangson.vn", None, "https://baolangson.vn/loc-binh-5034567.html", "own_url"),
    ("…\nTheo Báo Lạng Sơn", None, "https://vietnam.vn/en/loc-binh", "own_url"),
])
def test_a_source_named_by_its_site_alone_leaves_the_story_to_the_numbers(
        text: str, link: str | None, own: str, method: str) -> None:
    assert story_key(canonical_url(own), None, cited_site(text, link))[1] == method


def test_the_count_index_keeps_every_match_in_order() -> None:
    """ByCount.near() may leave out only what same_report() would turn down, and keeps the
    order the candidates came in (the first match wins when a translation is grouped)."""
    import random

    from pipeline.stories import ByCount, same_report

    rnd = random.Random(9)
    pool = [str(v) for v in (1, 2, 5, 12, 30, 73, 120, 300, 6540, 1.2e9)]
    texts = []
    for _ in range(40):  # a report, and translations that lost or gained a few numbers
        base = rnd.choices(pool, k=rnd.randint(5, 30))
        for drop in range(0, len(base) // 3 + 1):
            texts.append(",".join(sorted(base[drop:] + rnd.choices(pool, k=rnd.randint(0, 4)))))
    index: ByCount[int] = ByCount()
    for i, fp in enumerate(texts):
        index.add(fp, i)
    for fp in texts[::3]:
        every = [i for i, other in enumerate(texts) if same_report(fp, other)]
        assert [i for i in index.near(fp) if same_report(fp, texts[i])] == every


def test_numeral_overlap_counts_as_a_multiset_intersection_does() -> None:
    """fingerprint_overlap() counts shared numerals with set operations; a numeral repeated
    in both texts counts as often as the rarer of the two has it, as Counter & counts."""
    import random
    from collections import Counter

    from pipeline.stories import fingerprint_overlap

    rnd = random.Random(4)
    pool = ["1", "2", "12", "73", "300", "6540", "1.2e+09", "2024"]
    for _ in range(2000):
        a = rnd.choices(pool, k=rnd.randint(1, 14))
        b = rnd.choices(pool[: rnd.randint(1, len(pool))], k=rnd.randint(1, 14))
        expected = 0.0
        if min(len(a), len(b)) >= 6:
            expected = sum((Counter(a) & Counter(b)).values()) / max(len(a), len(b))
        assert fingerprint_overlap(",".join(a), ",".join(b)) == expected


@pytest.mark.parametrize(("title", "text"), [
    ("Thọ Xuân: Hơn 300 mô hình “Dân vận khéo”",
     "Huyện Thọ Xuân đã xây dựng 318 mô hình, trong đó 45 mô hình tiêu biểu, với 215 hộ tham gia."),
    ("تو شوان: بیش از ۳۰۰ مدل",
     "شهرستان تو شوان ۳۱۸ مدل ساخته است که ۴۵ مدل نمونه هستند و ۲۱۵ خانوار در آنها شرکت دارند."),
])
def test_the_headlines_numbers_are_in_the_fingerprint_not_in_the_text(title: str, text: str) -> None:
    from pipeline.process import prepare_article
    from schemas import RawDocument

    doc = RawDocument(article_id="a.txt", path="a.txt", source_format="text", text=text, title=title)
    article = prepare_article(doc)
    assert article.fingerprint is not None and "300" in article.fingerprint.split(",")
    assert "300" not in article.text and "۳۰۰" not in article.text


def test_a_site_home_page_as_own_url_makes_no_story() -> None:
    assert story_key("https://www.vietnam.vn/", None) == (None, "singleton")


@pytest.mark.parametrize(("href", "anchor", "cited"), [
    # the text holds only the site's address, the link the page
    ("https://baolamdong.vn/chinh-tri/di-linh-5a1", "baolamdong.vn",
     "https://baolamdong.vn/chinh-tri/di-linh-5a1"),
    # a link to the site's home page cites no report
    ("https://baolamdong.vn/", "Báo Lâm Đồng", None),
])
def test_a_source_link_cites_the_page_it_links_to(href: str, anchor: str, cited: str | None) -> None:
    from pipeline.ingest import read_documents
    from pipeline.process import prepare_article

    body = " ".join(["Di Linh district currently has 215 models, 48 of them provincial."] * 4)
    page = (f"<html><head><title>Di Linh</title></head><body><article><h1>Di Linh</h1>"
            f"<p>{body}</p><p>Source: <a href='{href}'>{anchor}</a></p></article></body></html>")
    docs, _ = read_documents("di-linh.html", page.encode())
    article = prepare_article(docs[0])
    assert (article.cited_url, article.story_method) == (
        cited, "cited_url" if cited else "singleton")
