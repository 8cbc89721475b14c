"""Ingest: every crawler format, every encoding, and every kind of bad input."""

from __future__ import annotations

import json

import pytest

from pipeline.ingest import read_documents
from tests.encodings import encode_cp1258

VI = ("Mô hình “Tổ tự quản an ninh trật tự” ở xã Tịnh Phong được thành lập năm 2021 với "
      "25 thành viên. Đến nay tổ đã tổ chức hơn 120 cuộc tuần tra, giải quyết 15 vụ việc.")
ARTICLE_HTML = """<html><head><title>T</title>
<link rel="canonical" href="https://baoquangngai.vn/a-52817.htm"></head><body>
<nav><a href="/">Trang chủ</a><a href="/x">Thời sự</a></nav>
<article><h1>Sơn Tịnh nhân rộng mô hình</h1><p>{p}</p><p>{p}</p>
<p>Nguồn: <a href="https://baoquangnam.vn/goc-1.html">Báo Quảng Nam</a></p></article>
<section class="comments"><p>Bình luận hay quá! 5 sao</p></section></body></html>"""


def test_html_goes_through_trafilatura_and_keeps_metadata() -> None:
    html = ARTICLE_HTML.format(p=VI)
    (doc,), rejections = read_documents("a.html", html.encode())
    assert rejections == []
    assert doc.source_format == "html"
    assert "120 cuộc tuần tra" in doc.text
    assert "Thời sự" not in doc.text and "Bình luận hay" not in doc.text
    assert doc.url == "https://baoquangngai.vn/a-52817.htm"
    assert doc.cited_url == "https://baoquangnam.vn/goc-1.html"



LEAD = ("YEN BAI – Over the past five years, Mu Cang Chai district has built 132 models, helping "
        "Mong people preserve their terraced fields.")


@pytest.mark.parametrize(("markup", "cls"), [
    ('<div class="{cls}">{lead}</div>', "article__sapo"),  # a bare <div>: trafilatura drops it
    ('<p class="{cls}">{lead}</p>', "detail-sapo"),  # a <p>: trafilatura keeps it, once
    ('<div class="{cls}">{lead}</div>', "chapo"),
    ('<p class="{cls}">{lead}</p>', "lead"),  # a <p> outside the body's block: dropped
    ('<div class="{cls}">{lead}</div>', "article-lead text-muted"),
    ('<p class="{cls}">{lead}</p>', "standfirst"),
    ('<div class="{cls}">{lead}</div>', "article-summary"),
    ('<p class="{cls}">{lead}</p>', "description"),
])
def test_the_lead_sapo_is_kept_once(markup: str, cls: str) -> None:
    # the lead, then the body in a container of its own, as news CMSs lay them out
    html = ARTICLE_HTML.format(p=VI).replace(
        "<h1>Sơn Tịnh nhân rộng mô hình</h1><p>",
        "<h1>Sơn Tịnh nhân rộng mô hình</h1>" + markup.format(cls=cls, lead=LEAD)
        + '<div class="article__body"><p>').replace("</article>", "</div></article>")
    (doc,), _ = read_documents("a.html", html.encode())
    assert doc.text.count("built 132 models") == 1
    assert doc.text.index("built 132 models") < doc.text.index("120 cuộc tuần tra")


def test_a_teaser_in_a_list_or_a_link_is_not_the_lead() -> None:
    teaser = f'<ul class="top-stories"><li><p class="summary">{LEAD}</p></li></ul>'
    linked = f'<a href="/other.html"><div class="article-summary">{LEAD}</div></a>'
    for block in (teaser, linked):
        html = ARTICLE_HTML.format(p=VI).replace("<article>", block + "<article>")
        (doc,), _ = read_documents("a.html", html.encode())
        assert "120 cuộc tuần tra" in doc.text and "built 132 models" not in doc.text


def test_a_wordpress_rest_api_post() -> None:
    record = {"id": 7, "date": "2024-03-12T07:30:00", "link": "https://x.vn/tin-tuc/7/a",
              "title": {"rendered": "Kiến Xương: &#8220;Dân vận khéo&#8221; ở cơ sở"},
              "content": {"rendered": "".join(f"<p>{s}.</p>\n" for s in VI.split(". "))
                          + "<p>Hội Nông dân xã vận động 40 hộ trồng rừng, bảo vệ môi trường.</p>"},
              "excerpt": {"rendered": "<p>Tóm tắt</p>"}}
    (doc,), rejections = read_documents("wp.json", json.dumps(record, ensure_ascii=False).encode())
    assert rejections == []
    assert (doc.source_format, doc.url, doc.published.isoformat()) == (
        "wordpress-json", "https://x.vn/tin-tuc/7/a", "2024-03-12")
    assert doc.title == "Kiến Xương: “Dân vận khéo” ở cơ sở"
    assert "25 thành viên" in doc.text and "<p>" not in doc.text and "Tóm tắt" not in doc.text


def test_a_class_that_only_contains_lead_is_not_a_lead() -> None:
    # an advertising slot above the article, which trafilatura leaves out
    html = ARTICLE_HTML.format(p=VI).replace(
        "<article>", f'<div class="leaderboard-ad"><div class="misleading">{LEAD}</div></div><article>')
    (doc,), _ = read_documents("a.html", html.encode())
    assert "120 cuộc tuần tra" in doc.text
    assert "built 132 models" not in doc.text


FA = ("مدل «جاده‌های گل روستایی» در کمون هونگ توی از سال ۲۰۲۲ راه‌اندازی شده و ۱۵۰ عضو در آن "
      "مشارکت دارند. مردم بیش از ۴۰ میلیون دونگ و ۶۰۰ روز کاری کمک کرده‌اند. همچنین با حمایت "
      "کمیته جبهه میهن کمون، ۲۵ خانه برای خانوارهای فقیر ساخته شد.")


@pytest.mark.parametrize("zwnj", ["\u200c", "&zwnj;", "&#8204;", "&#x200C;"])
def test_html_keeps_the_persian_zero_width_non_joiner(zwnj: str) -> None:
    # trafilatura alone drops it: "جاده‌های" would come out as "جادههای"
    html = ARTICLE_HTML.replace("Sơn Tịnh nhân rộng mô hình", FA[:20]).format(p=FA)
    html = html.replace("\u200c", zwnj)
    (doc,), _ = read_documents("a.html", html.encode())
    assert FA in doc.text
    assert doc.title == FA[:20]
    assert "\u2e2c" not in doc.text

def test_the_sample_html_pages_drop_navigation_and_related_headlines() -> None:
    from tests.conftest import SAMPLES

    for name, dropped in [
        ("baoquangngai/son-tinh-nhan-rong-mo-hinh-dan-van-kheo.html", "1.200 hộ dân"),
        ("crawler/longan-women-clean-water.html", "500 billion VND"),
    ]:
        (doc,), _ = read_documents(name, (SAMPLES / name).read_bytes())
        assert dropped not in doc.text
        assert doc.url and doc.url.startswith("https://")


def test_plain_text() -> None:
    (doc,), _ = read_documents("a.txt", VI.encode("utf-8"))
    assert doc.source_format == "text" and doc.text == VI


MORE = "Năm 2023, tổ được Ủy ban nhân dân huyện khen thưởng vì thành tích giữ gìn an ninh trật tự ở thôn."


@pytest.mark.parametrize(("name", "record", "fmt", "url"), [
    ("np.json", {"url": "https://x.vn/a", "title": "T", "maintext": VI,
                 "date_publish": "2024-06-12 08:00:00", "language": "vi"}, "news-please", "https://x.vn/a"),
    ("tf.json", {"title": "T", "source": "https://x.vn/b", "source-hostname": "x.vn",
                 "text": VI, "raw_text": VI, "date": "2024-06-12"}, "trafilatura-json", "https://x.vn/b"),
    ("plain.json", {"url": "https://x.vn/c", "title": "T", "text": VI}, "plain-json", "https://x.vn/c"),
    ("html.json", {"url": "https://x.vn/d", "html": ARTICLE_HTML.format(p=VI)}, "html",
     "https://baoquangngai.vn/a-52817.htm"),
    # a crawler's item (Scrapy and kin) whose "content" or "body" holds the article's HTML or text
    ("scrapy.json", {"url": "https://x.vn/e", "title": "T", "published_at": "2024-06-12T08:00:00+07:00",
                     "content": f"<p><strong>{VI}</strong></p>\n<p>{MORE}</p>\n<p><em>Thu Hằng</em></p>"},
     "crawler-json", "https://x.vn/e"),
    ("scrapy-text.json", {"link": "https://x.vn/f", "title": "T", "body": VI}, "crawler-json",
     "https://x.vn/f"),
])
def test_crawler_json_formats(name: str, record: dict[str, str], fmt: str, url: str) -> None:
    (doc,), rejections = read_documents(name, json.dumps(record, ensure_ascii=False).encode())
    assert rejections == []
    assert doc.source_format == fmt
    assert doc.url == url
    assert "25 thành viên" in doc.text


def test_a_crawler_items_date_and_html_body() -> None:
    record = {"url": "https://x.vn/e", "title": "T", "published_at": "2024-06-12T08:00:00+07:00",
              "content": f"<p>{VI}</p><p>{MORE}</p><p><em>Thu Hằng</em></p>"}
    (doc,), _ = read_documents("a.json", json.dumps(record, ensure_ascii=False).encode())
    assert str(doc.published) == "2024-06-12"
    assert "<p>" not in doc.text and doc.title == "T"


def test_news_please_date_and_language() -> None:
    record = {"url": "u", "maintext": VI, "date_publish": "2024-06-12 08:00:00", "language": "vi"}
    (doc,), _ = read_documents("a.json", json.dumps(record).encode())
    assert str(doc.published) == "2024-06-12" and doc.declared_lang == "vi"


def test_json_lines_give_one_document_per_line_and_reject_bad_lines() -> None:
    lines = [json.dumps({"url": "u1", "text": VI}), "{not json", "",
             json.dumps({"url": "u3", "text": VI})]
    docs, rejections = read_documents("feed.jsonl", "\n".join(lines).encode())
    assert [d.article_id for d in docs] == ["feed.jsonl#1", "feed.jsonl#4"]
    assert [(r.article_id, r.code) for r in rejections] == [("feed.jsonl#2", "malformed_json")]


def test_json_array_of_records() -> None:
    data = json.dumps([{"url": "u1", "text": VI}, {"url": "u2", "maintext": VI}])
    docs, _ = read_documents("batch.json", data.encode())
    assert [d.source_format for d in docs] == ["plain-json", "news-please"]


@pytest.mark.parametrize(("label", "data"), [
    ("utf-8 with BOM", b"\xef\xbb\xbf" + VI.encode("utf-8")),
    ("utf-16 with BOM", VI.encode("utf-16")),
    ("utf-16-le without BOM", VI.encode("utf-16-le")),
    ("windows-1258", encode_cp1258(VI)),
])
def test_encodings(label: str, data: bytes) -> None:
    import unicodedata

    (doc,), rejections = read_documents("a.txt", data)
    assert rejections == [], label
    assert unicodedata.normalize("NFC", doc.text) == VI


@pytest.mark.parametrize(("name", "data", "code"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t", "empty"),
    ("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    ("noise.txt", bytes(range(256)) * 20, "binary"),
    ("broken.json", b'{"url": "x", "text": ', "malformed_json"),
    ("list.json", b'[1, 2]', "malformed_json"),
    ("keys.json", b'{"url": "x", "summary": "no text key"}', "malformed_json"),
    ("empty-text.json", b'{"url": "x", "maintext": ""}', "no_article"),
    ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no_article"),
    ("sheet.xlsx", b"PK\x03\x04rest", "unsupported_format"),
    ("bad-bom.txt", b"\xff\xfe\x00", "undecodable"),
])
def test_bad_input_is_rejected_with_a_reason(name: str, data: bytes, code: str) -> None:
    docs, rejections = read_documents(name, data)
    assert docs == []
    assert [r.code for r in rejections][:1] == [code]
    assert rejections[0].reason


@pytest.mark.parametrize(("text", "title"), [
    ("Thọ Xuân: Hơn 300 mô hình “Dân vận khéo”\n\n" + VI, "Thọ Xuân: Hơn 300 mô hình “Dân vận khéo”"),
    ("Gio Linh: 96 models of skilled mass mobilisation\r\n\r\n" + VI,
     "Gio Linh: 96 models of skilled mass mobilisation"),
    ("  تو شوان: بیش از ۳۰۰ مدل\n \n" + VI, "تو شوان: بیش از ۳۰۰ مدل"),
    # a crawler's headline, its dateline at once under it
    ("Bắc Yên: 71 mô hình “Dân vận khéo”\nThứ Sáu, 22/11/2024 - 10:05\n" + VI,
     "Bắc Yên: 71 mô hình “Dân vận khéo”"),
    ("Vĩnh Bảo: Đưa “Dân vận khéo” vào khu dân cư\nCập nhật lúc 09:30, 2024-07-17\n" + VI,
     "Vĩnh Bảo: Đưa “Dân vận khéo” vào khu dân cư"),
    # a headline over a dateline in words: a solar date, a month's name
    ("مو کای نام: ۱۳۴ مدل\n۱ آذر ۱۴۰۳\n\n" + VI, "مو کای نام: ۱۳۴ مدل"),
    ("Mo Cay Nam: 134 models for new rural areas\nWednesday, November 20, 2024\n" + VI,
     "Mo Cay Nam: 134 models for new rural areas"),
    ("Mo Cay Nam : 134 modèles\n20 novembre 2024\n" + VI, "Mo Cay Nam : 134 modèles"),
    # no headline: a sentence, a line with no blank line after it, or none at all
    ("Huyện có 318 mô hình.\n\n" + VI, None),
    ("Kabupaten Minh Hoa memiliki 58 model\n" + VI, None),
    (VI, None),
])
def test_a_text_files_headline_is_its_title_not_its_text(text: str, title: str | None) -> None:
    (doc,), _ = read_documents("a.txt", text.encode())
    assert doc.title == title
    assert (title or "\x00") not in doc.text
    assert VI[:20] in doc.text


TITLED = """<html><head><meta charset="utf-8"><title>{title}</title></head><body><main><article>
<h1>{title}</h1><div class="info">08/10/2025 06:30</div><h2 class="sapo">{lead}</h2>
<div class="detail-content"><p>{p}</p></div></article></main></body></html>"""


@pytest.mark.parametrize("title", ["Nghệ An: Hơn 4.200 mô hình “Dân vận khéo” sau sắp xếp",
                                   "Ca Mau: 3.150 model setelah penggabungan provinsi"])
def test_a_headline_trafilatura_keeps_in_the_text_is_the_title_only(title: str) -> None:
    # the headline restates the body's figures ("Hơn 4.200" over 4.236): counted once, in the body
    html = TITLED.format(title=title, lead=LEAD, p=VI)
    (doc,), _ = read_documents("a.html", html.encode())
    assert doc.title == title
    assert title not in doc.text
    assert "120 cuộc tuần tra" in doc.text and "built 132 models" in doc.text
