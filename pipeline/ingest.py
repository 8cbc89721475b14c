"""Find files, decode them and read each crawler format into RawDocuments.

Formats: HTML (trafilatura), plain text, and JSON / JSON Lines crawler records (news-please,
trafilatura's JSON output, plain {url, title, text|html}). Every failure is a Rejection value.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import trafilatura
from lxml import html as lxml_html

from pipeline.clean import parse_dateline
from pipeline.decoding import DecodeError, decode_bytes
from schemas import RawDocument, Rejection

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MIN_ARTICLE_CHARS = 200


@dataclass(frozen=True)
class FoundFile:
    path: str  # relative to the ingested folder, POSIX separators
    absolute: Path
    size: int
    mtime_ns: int


def find_files(folder: Path) -> Iterator[FoundFile]:
    """Every regular file below folder, in a stable order; hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            absolute = Path(root) / name
            try:
                st = absolute.stat()
            except OSError:
                continue
            yield FoundFile(absolute.relative_to(folder).as_posix(), absolute, st.st_size,
                            st.st_mtime_ns)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Rejected(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def read_documents(path: str, data: bytes) -> tuple[list[RawDocument], list[Rejection]]:
    """Decode and parse one file's bytes; bad records become Rejections, never exceptions."""
    suffix = Path(path).suffix.lower()
    base = {"path": path, "size": len(data), "content_hash": content_hash(data)}
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [Rejection(**base, code="unsupported_format",
                              reason=f"unsupported file type {suffix or '(none)'}; expected "
                                     f"{', '.join(sorted(SUPPORTED_SUFFIXES))}")]
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        return [], [Rejection(**base, code=exc.code, reason=exc.reason)]
    try:
        if suffix in HTML_SUFFIXES:
            return [_from_html(path, text, encoding)], []
        if suffix in TEXT_SUFFIXES:
            title, body = split_headline(text)
            return [RawDocument(article_id=path, path=path, source_format="text", text=body,
                                title=title, encoding=encoding)], []
        return _from_json(path, text, encoding, base)
    except Rejected as exc:
        return [], [Rejection(**base, code=exc.code, reason=exc.reason)]


# A plain-text article's first line is its headline when it is short, ends on no sentence
# punctuation and a blank line follows it.
_HEADLINE = re.compile(r"\A\s*([^\n]{1,200}?)[ \t\r]*\n[ \t\r]*\n")
_SENTENCE_END = (".", "!", "?", ":", ";", "…", "؟")
# a crawler's text: the headline, then at once its dateline ("Thứ Sáu, 22/11/2024 - 10:05",
# "Cập nhật lúc 09:30, 17/07/2024")
_DATED_HEADLINE = re.compile(r"\A\s*([^\n]{1,200}?)[ \t\r]*\n(?=[^\n]{0,60}"
                             r"(?<!\d)(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})(?!\d)[^\n]{0,20}\n)")


def split_headline(text: str) -> tuple[str | None, str]:
    """(headline, the rest) of a plain-text article; (None, text) where it opens on no headline.

    HTML and JSON give the title apart from the text, and a headline restates the body's
    figures ("More than 300 models" over "318 models"): a text file's headline leaves its text
    likewise, so that its figures are not counted twice."""
    m = _HEADLINE.match(text) or _DATED_HEADLINE.match(text)
    if m is not None:
        headline, rest = m.group(1), text[m.end():]
    else:  # a dateline in words under it: "۱ آذر ۱۴۰۳", "Kamis, 14 September 2023"
        headline, _, rest = text.lstrip().partition("\n")
        second = rest.partition("\n")[0].strip()
        if len(headline) > 200 or not second or parse_dateline(second) is None:
            return None, text
    if headline.rstrip().endswith(_SENTENCE_END):
        return None, text
    return headline.strip(), rest


# trafilatura drops every non-printable character, the zero-width non-joiner too, which Persian
# spells with ("جاده‌های", not "جادههای"): it crosses as a printable stand-in and is put back
_ZWNJ = re.compile(r"\u200c|&zwnj;|&#8204;|&#x200c;", re.IGNORECASE)
_ZWNJ_STAND_IN = "\u2e2c"


def _from_html(path: str, markup: str, encoding: str, article_id: str | None = None,
               record_no: int = 0, fallback: dict[str, object] | None = None,
               source_format: str = "html") -> RawDocument:
    protect = _ZWNJ_STAND_IN not in markup and _ZWNJ.search(markup) is not None
    try:
        extracted = trafilatura.bare_extraction(
            _ZWNJ.sub(_ZWNJ_STAND_IN, markup) if protect else markup, include_comments=False,
            with_metadata=True, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        raise Rejected("malformed_html", f"HTML could not be parsed: {exc}") from exc
    if extracted is None:
        raise Rejected("no_article", "HTML holds no article text that trafilatura could extract")
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    if protect:
        doc = {k: v.replace(_ZWNJ_STAND_IN, "\u200c") if isinstance(v, str) else v
               for k, v in doc.items()}
    text = doc.get("text") or ""
    own_url, cited, lead = _html_links(markup)
    if lead and " ".join(lead.split()) not in " ".join(text.split()):
        text = f"{lead}\n{text}"  # a lead trafilatura left out (a bare <div class="sapo">)
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise Rejected("no_article", f"HTML holds no article: {len(text.strip())} characters "
                                     f"of main text (at least {MIN_ARTICLE_CHARS} needed)")
    fallback = fallback or {}
    title = doc.get("title") or _str(fallback.get("title"))
    return RawDocument(
        article_id=article_id or path, path=path, record_no=record_no, source_format=source_format,
        text=_without_title(text, title), title=title,
        url=own_url or doc.get("url") or _str(fallback.get("url")),
        cited_url=cited, published=_date(doc.get("date")) or _date(fallback.get("date")),
        encoding=encoding)


def _without_title(text: str, title: str | None) -> str:
    """The text without the headline trafilatura sometimes keeps as its first line (an <h1>
    inside the <article>): the title is kept apart, as a text file's is (`split_headline`)."""
    if not title:
        return text
    first, _, rest = text.lstrip().partition("\n")
    same = " ".join(first.split()).casefold() == " ".join(title.split()).casefold()
    return rest if same and rest.strip() else text


# An article's lead: "sapo" in Vietnamese CMSs, "chapô" in French ones, "lead", "standfirst",
# "summary" or "description" in English ones. trafilatura drops it where it is a bare <div>, or a
# <p> outside the block it takes for the body. Matched as a class word or a part of one
# ("article__sapo", "lead-text", "article-summary"), never inside another word ("leaderboard",
# "misleading"), and never in a list item or a link, where teasers of other articles sit.
_LEAD_WORDS = ("sapo", "chapo", "chapeau", "lead", "standfirst", "summary", "description")
_LEAD_CLASS = re.compile(rf"(?:^|[-_])(?:{'|'.join(_LEAD_WORDS)})(?:[-_]|$)", re.I)
_LEAD_XPATH = ("//*[(" + " or ".join(f"contains(@class, '{w}')" for w in _LEAD_WORDS)
               + ") and not(ancestor-or-self::li) and not(ancestor-or-self::a)]")
_MIN_LEAD_CHARS = 40


def _html_links(markup: str) -> tuple[str | None, str | None, str | None]:
    """The page's canonical/og:url, a link whose anchor or lead-in names it as the source, and
    the article's lead (sapo)."""
    from pipeline.stories import _source_line_re  # cue words come from the lexicons

    try:
        tree = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return None, None, None
    leads = [" ".join(e.text_content().split()) for e in tree.xpath(_LEAD_XPATH)
             if any(_LEAD_CLASS.search(word) for word in (e.get("class") or "").split())]
    lead = next((t for t in leads if len(t) >= _MIN_LEAD_CHARS), None)
    own = (tree.xpath("//link[@rel='canonical']/@href")
           or tree.xpath("//meta[@property='og:url']/@content") or [None])[0]
    cited = None
    cue_re = _source_line_re()
    for anchor in tree.xpath("//a[@href]"):
        parent = anchor.getparent()
        lead_in = (parent.text_content() if parent is not None else "")[:80]
        probe = f"{lead_in.split(':')[0]}: {anchor.get('href')}"
        if cue_re.search(probe) and anchor.get("href", "").startswith(("http", "//", "www.")):
            cited = anchor.get("href")
    return own, cited, lead


def _from_json(path: str, text: str, encoding: str,
               base: dict[str, object]) -> tuple[list[RawDocument], list[Rejection]]:
    records: list[tuple[int, object]] = []
    stripped = text.lstrip()
    if Path(path).suffix.lower() in (".jsonl", ".ndjson"):
        rejections: list[Rejection] = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append((n, json.loads(line)))
            except json.JSONDecodeError as exc:
                rejections.append(Rejection(**base, article_id=f"{path}#{n}",  # type: ignore[arg-type]
                                            code="malformed_json", reason=f"line {n}: {exc}"))
        docs, more = _records(path, records, encoding, base, multi=True)
        return docs, rejections + more
    try:
        value = json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise Rejected("malformed_json", f"invalid JSON: {exc}") from exc
    if isinstance(value, list):
        return _records(path, list(enumerate(value, start=1)), encoding, base, multi=True)
    return _records(path, [(0, value)], encoding, base, multi=False)


def _records(path: str, records: list[tuple[int, object]], encoding: str,
             base: dict[str, object], multi: bool) -> tuple[list[RawDocument], list[Rejection]]:
    docs: list[RawDocument] = []
    rejections: list[Rejection] = []
    for n, record in records:
        article_id = f"{path}#{n}" if multi else path
        try:
            docs.append(_from_record(path, article_id, n, record, encoding))
        except Rejected as exc:
            rejections.append(Rejection(**base, article_id=article_id,  # type: ignore[arg-type]
                                        code=exc.code, reason=exc.reason))
    return docs, rejections


def _from_record(path: str, article_id: str, n: int, record: object,
                 encoding: str) -> RawDocument:
    if not isinstance(record, dict):
        raise Rejected("malformed_json", f"record is a JSON {type(record).__name__}, not an object")
    if "maintext" in record:  # news-please
        fmt, text = "news-please", record.get("maintext")
        url, date_value = record.get("url"), record.get("date_publish")
    elif "source-hostname" in record or ("raw_text" in record and "text" in record):
        fmt, text = "trafilatura-json", record.get("text") or record.get("raw_text")
        url, date_value = record.get("source") or record.get("url"), record.get("date")
    elif isinstance(record.get("text"), str):
        fmt, text = "plain-json", record.get("text")
        url, date_value = record.get("url"), record.get("date") or record.get("published")
    elif isinstance(record.get("html"), str):
        return _from_html(path, record["html"], encoding, article_id, n, record)
    elif isinstance(content := _rendered(record.get("content")), str):
        return _from_wordpress(path, article_id, n, record, content, encoding)
    elif (body := next((v for k in _BODY_KEYS if isinstance(v := record.get(k), str)), None)):
        return _from_crawler_item(path, article_id, n, record, body, encoding)
    else:
        keys = ", ".join(sorted(record)[:8]) or "none"
        raise Rejected("malformed_json", f"no article text: expected 'maintext' (news-please), "
                       f"'text', 'html', 'content.rendered' (WordPress), 'content' or 'body'; "
                       f"keys are {keys}")
    if not isinstance(text, str) or not text.strip():
        raise Rejected("no_article", f"{fmt} record has an empty article text")
    lang = record.get("language")
    return RawDocument(article_id=article_id, path=path, record_no=n, source_format=fmt,
                       text=text, title=_str(record.get("title")), url=_str(url),
                       published=_date(date_value), declared_lang=_str(lang), encoding=encoding)


def _rendered(value: object) -> str | None:
    """A WordPress REST API field: {"rendered": "<p>...</p>"}."""
    return value.get("rendered") if isinstance(value, dict) else None


def _from_wordpress(path: str, article_id: str, n: int, record: dict[str, object],
                    content: str, encoding: str) -> RawDocument:
    """A WordPress REST API post (/wp-json/wp/v2/posts): the body and the title are rendered
    HTML with entities escaped; the page address is its "link". The body goes through
    trafilatura as a page of its own, so that captions and share bars go as they do from HTML."""
    title = html.unescape(_rendered(record.get("title")) or "").strip()
    page = (f"<html><head><title>{html.escape(title)}</title></head>"
            f"<body><article>{content}</article></body></html>")
    fallback = {"title": title, "url": record.get("link"), "date": record.get("date")}
    return _from_html(path, page, encoding, article_id, n, fallback, "wordpress-json")


_BODY_KEYS = ("content", "body")  # a crawler item's article (Scrapy and kin)
_DATE_KEYS = ("date", "published", "published_at", "publish_date", "date_published",
              "datePublished", "pubDate")
_MARKUP = re.compile(r"<(?:p|div|br|article|section|span|h[1-6]|strong|em|b|i|ul|ol|li|a|figure)\b",
                     re.I)


def _from_crawler_item(path: str, article_id: str, n: int, record: dict[str, object],
                       body: str, encoding: str) -> RawDocument:
    """A crawler's item (a Scrapy export and kin): its "content" or "body" holds the article's
    HTML, which goes through trafilatura as a page of its own, or its text."""
    title = _str(record.get("title"))
    url = _str(record.get("url")) or _str(record.get("link"))
    published = next((d for k in _DATE_KEYS if (d := _date(record.get(k)))), None)
    if _MARKUP.search(body):
        page = (f"<html><head><title>{html.escape(title or '')}</title></head>"
                f"<body><article>{body}</article></body></html>")
        fallback = {"title": title, "url": url, "date": published.isoformat() if published else None}
        return _from_html(path, page, encoding, article_id, n, fallback, "crawler-json")
    if not body.strip():
        raise Rejected("no_article", "crawler item has an empty article text")
    return RawDocument(article_id=article_id, path=path, record_no=n, source_format="crawler-json",
                       text=body, title=title, url=url, published=published,
                       declared_lang=_str(record.get("language")), encoding=encoding)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _date(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
