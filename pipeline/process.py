"""The per-file work: bytes in, a FileResult out. Pure: no warehouse, no printing.

Workers and executors call `process_file`; the single writer loads what it returns.
"""

from __future__ import annotations

from pipeline.clean import apply_char_map, clean_text
from pipeline.ingest import read_documents
from pipeline.language import detect_language
from pipeline.stories import canonical_url, cited_site, cited_url, page_url, story_id, story_key
from pipeline.warehouse import FileResult
from schemas import Article, RawDocument, Rejection

MIN_CLEAN_CHARS = 80


def process_file(path: str, data: bytes, size: int, mtime_ns: int, digest: str) -> FileResult:
    """Read, clean, identify, group and extract every article of one file."""
    result = FileResult(path=path, size=size, mtime_ns=mtime_ns, content_hash=digest)
    documents, rejections = read_documents(path, data)
    result.rejections.extend(rejections)
    for doc in documents:
        try:
            article = prepare_article(doc)
        except ArticleRejected as exc:
            result.rejections.append(Rejection(path=path, article_id=doc.article_id,
                                               code=exc.code, reason=exc.reason, size=size,
                                               content_hash=digest))
            continue
        try:
            from extractors import extract

            records = extract(article.text, article.lang, article.published)
        except Exception as exc:  # an extractor bug must not stop the run: record it
            result.rejections.append(Rejection(path=path, article_id=doc.article_id,
                                               code="extract_error",
                                               reason=f"{type(exc).__name__}: {exc}",
                                               size=size, content_hash=digest))
            continue
        result.articles.append(article)
        result.records[article.article_id] = records
    return result


def warm_up() -> None:
    """Load every lexicon, the gazetteer and the spaCy pipelines once, before workers fork,
    so that they share them instead of each loading its own."""
    from extractors import extract
    from extractors.gazetteer import gazetteer
    from extractors.lexicon import available_languages, load_lexicon
    from extractors.nlp import get_nlp
    from extractors.text import fold_digits
    from pipeline.language import _factory

    _factory()
    gazetteer()
    fold_digits("۱")  # builds the table of every script's digits
    for lang in available_languages():
        load_lexicon(lang)
        get_nlp(lang)
        extract("2024: 12.", lang)  # compiles the lexicon's patterns


class ArticleRejected(Exception):
    """A document the pipeline does not keep, with the code and reason its rejection records."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


def prepare_article(doc: RawDocument) -> Article:
    """Clean, identify the language of, and place in a story one raw document."""
    from extractors.lexicon import load_lexicon

    cleaned = clean_text(doc.text)
    if len(cleaned.text) < MIN_CLEAN_CHARS:
        raise ArticleRejected("too_short", f"only {len(cleaned.text)} characters of article "
                               f"text after cleaning (at least {MIN_CLEAN_CHARS} needed)")
    guess = detect_language(cleaned.text)
    if not guess.supported:
        code = "unsupported_language" if guess.lang != "und" else "too_short"
        raise ArticleRejected(code, guess.reason or "language not supported")
    lex = load_lexicon(guess.lang)
    text = apply_char_map(cleaned.text, lex)
    # the headline's numbers are the report's too ("More than 300 models"), whether the format
    # gives the title apart (HTML, JSON) or a text file's first line did
    headline = apply_char_map(doc.title, lex) if doc.title else ""
    # the text's "Source:" line, else a link the page names its source (an HTML <a> whose
    # text may be the site's bare address, which the text then holds)
    cited = cited_url(text) or page_url(doc.cited_url)
    own = canonical_url(doc.url)
    if cited == own:
        cited = None  # an original citing itself is still the original
    key, method = story_key(own, cited, None if cited else cited_site(text, doc.cited_url))
    return Article(
        article_id=doc.article_id, path=doc.path, record_no=doc.record_no,
        source_format=doc.source_format, title=doc.title, url=doc.url, canonical_url=own,
        cited_url=cited, story_id=story_id(key, doc.article_id), story_method=method,
        lang=guess.lang, lang_prob=round(guess.prob, 4), published=doc.published or cleaned.dateline,
        encoding=doc.encoding, text=text, dropped_lines=len(cleaned.dropped),
        fingerprint=number_fingerprint(text, guess.lang, headline))


def number_fingerprint(text: str, lang: str, headline: str = "") -> str | None:
    """The multiset of numbers of a text and its headline (numerals and number words, not weak
    ones such as "một" or "one"): much the same in every translation. The text's numbers come
    from the scan the extractors share (scanned once); the headline is scanned on its own."""
    from extractors.numbers import numbers_in

    found = numbers_in(text, lang) + (numbers_in(headline, lang) if headline else [])
    values = sorted(n.value for n in found if not n.weak and n.end > n.start)
    digits = [f"{v:g}" for v in values]
    return ",".join(digits) if digits else None
