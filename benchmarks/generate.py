"""Generate a corpus of any size from the project's own articles: deterministic by seed.

Every language and format of data/samples and tests/heldout (HTML, text, news-please and plain
JSON, JSON Lines). Each copy is made a distinct article: its figures scaled, paragraphs of other
articles in the same language added until it reaches about --kb kilobytes (the size of a
provincial news report; the issue asks for about 6 KB), and a reference line. Copies are
grouped in translation sets that cite the same source URL, and a share of the files is bad
(empty, binary, malformed JSON, unsupported language).

    python -m benchmarks.generate OUT --n 1000 --seed 0 --kb 6
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

from extractors.text import URL_RE
from schemas import RawDocument

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "data" / "samples", ROOT / "tests" / "heldout"]
BAD_SHARE = 0.03
SET_SIZE = 4  # articles citing the same source URL
TARGET_KB = 6.0
_URL = URL_RE  # links with or without a scheme ("Sumber: baoquangngai.vn/...")
_NUMBER = re.compile(r"(?<![\d./:-])(\d{2,3})(?![\d./:])")


@cache
def base_documents() -> tuple[tuple[str, bytes, str], ...]:
    """(suffix, bytes, language) of every article file the project holds, the language that
    of its first article the pipeline keeps (a JSON Lines file may open on a record too short
    to keep)."""
    from pipeline.ingest import read_documents

    docs = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*")):
            if not (path.is_file() and path.suffix in (".txt", ".html", ".json", ".jsonl")):
                continue
            data = path.read_bytes()
            found, _ = read_documents(path.name, data)
            lang = next((lang for doc in found if (lang := _language(doc))), None)
            if lang:
                docs.append((path.suffix, data, lang))
    return tuple(docs)


def _language(doc: RawDocument) -> str | None:
    """The language of an article the pipeline keeps; None for one it rejects."""
    from pipeline.process import ArticleRejected, prepare_article

    try:
        return prepare_article(doc).lang
    except ArticleRejected:
        return None


@cache
def paragraphs_by_language() -> dict[str, list[str]]:
    """Body paragraphs (no links, at least 120 characters) of every base, by language."""
    from pipeline.ingest import read_documents

    out: dict[str, list[str]] = defaultdict(list)
    for suffix, data, lang in base_documents():
        for doc in read_documents("x" + suffix, data)[0]:
            out[lang] += [p.strip() for p in doc.text.split("\n")
                          if len(p.strip()) >= 120 and not _URL.search(p)]
    return dict(out)


def _vary(text: str, i: int, factor: float) -> str:
    """Scale two-to-three digit figures and point source links at the article's set."""
    text = _NUMBER.sub(lambda m: str(int(int(m.group(1)) * factor)), text)
    return _URL.sub(f"https://news.example.vn/story-{i // SET_SIZE}.html", text)


def _padding(lang: str, have: int, target: int, rng: random.Random) -> list[str]:
    pool = paragraphs_by_language().get(lang, [])
    extra: list[str] = []
    while pool and have < target:
        extra.append(rng.choice(pool))
        have += len(extra[-1].encode())
    return extra


def _article(suffix: str, raw: bytes, lang: str, i: int, rng: random.Random, target: int) -> bytes:
    from pipeline.decoding import decode_bytes

    text = decode_bytes(raw)[0]  # a base may be in a legacy encoding (Windows-1258); out as UTF-8
    if suffix in (".json", ".jsonl"):
        if suffix == ".jsonl":
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            parsed = json.loads(text)
            records = parsed if isinstance(parsed, list) else [parsed]
        record = records[i % len(records)]
        if isinstance(record.get("content"), dict):  # a WordPress REST API post: rendered HTML
            body = record["content"]["rendered"]
            extra = _padding(lang, len(body.encode()), target, rng)
            record["content"] = {"rendered": body + "".join(f"<p>{p}</p>\n" for p in extra)
                                 + f"<p>Ref {i}.</p>"}
            factor = 1 + rng.randint(1, 9) / 10
            record = {k: _vary(v, i, factor) if isinstance(v, str) else v for k, v in record.items()}
            record["content"]["rendered"] = _vary(record["content"]["rendered"], i, factor)
            record["link"] = f"https://mirror.example.org/{i}"
            return (json.dumps(record, ensure_ascii=False) + "\n").encode()
        # the article's field: news-please, plain or trafilatura JSON, a crawler item's HTML body
        key = next(k for k in ("maintext", "text", "content", "body", "html")
                   if isinstance(record.get(k), str))
        body = record[key]
        markup = key != "maintext" and key != "text" and "<p" in body
        extra = _padding(lang, len(body.encode()), target, rng)
        record[key] = (body + "".join(f"<p>{p}</p>\n" for p in extra) if markup
                       else "\n".join([body, *extra]))
        # every link of the record (the crawler's source fields too) points at the set's story
        factor = 1 + rng.randint(1, 9) / 10
        record = {k: _vary(v, i, factor) if isinstance(v, str) else v for k, v in record.items()}
        record[key] += f"<p>Ref {i}.</p>" if markup else f"\nRef {i}."
        if "url" in record:
            record["url"] = f"https://mirror.example.org/{i}"
        return (json.dumps(record, ensure_ascii=False) + "\n").encode()
    extra = _padding(lang, len(raw), target, rng)
    factor = 1 + rng.randint(1, 9) / 10
    if suffix == ".html":
        html = "".join(f"<p>{p}</p>\n" for p in extra) + f"<p>Ref {i}.</p>"
        closing = "</article>" if "</article>" in text else "</body>"
        return _vary(text.replace(closing, html + closing, 1), i, factor).encode()
    return (_vary("\n".join([text.rstrip("\n"), *extra]), i, factor) + f"\nRef {i}.\n").encode()


def _bad(i: int, rng: random.Random) -> tuple[str, bytes]:
    kind = i % 4
    if kind == 0:
        return ".txt", b""
    if kind == 1:
        return ".html", bytes(rng.getrandbits(8) for _ in range(2000))
    if kind == 2:
        return ".json", b'{"url": "x", "maintext": "unterminated'
    return ".txt", ("Das Modell wurde in der Gemeinde eingeführt und hat viele Haushalte "
                    "erreicht, sagte der Vorsitzende des Komitees. " * 5).encode()


def generate(out: Path, n: int, seed: int = 0, bad_share: float = BAD_SHARE,
             kb: float = TARGET_KB) -> list[Path]:
    """Write n files under out (in subfolders of 1,000); returns their paths."""
    rng = random.Random(seed)
    bases = base_documents()
    target = int(kb * 1000)
    paths = []
    for i in range(n):
        folder = out / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        if rng.random() < bad_share:
            suffix, data = _bad(i, rng)
        else:
            suffix, raw, lang = bases[rng.randrange(len(bases))]
            data = _article(suffix, raw, lang, i, rng, target)
        path = folder / f"article-{i:06d}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kb", type=float, default=TARGET_KB, help="article size to pad to")
    args = parser.parse_args()
    paths = generate(args.out, args.n, args.seed, kb=args.kb)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {size / 1e6:.1f} MB (mean {size / len(paths) / 1e3:.1f} KB) "
          f"in {args.out}")


if __name__ == "__main__":
    main()
