"""Generate a corpus of any size from the project's own articles: deterministic by seed.

Every language and format of data/samples and tests/heldout (HTML, text, news-please and plain
JSON, JSON Lines), each copy made distinct (its figures scaled, a line added) so it is a new
article; copies are grouped in translation sets that cite the same source URL; and a share of
bad files (empty, binary, malformed JSON, unsupported language).

    python -m benchmarks.generate OUT --n 1000 --seed 0
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "data" / "samples", ROOT / "tests" / "heldout" / "articles"]
BAD_SHARE = 0.03
SET_SIZE = 4  # articles citing the same source URL
_URL = re.compile(r"https?://[^\s\"<>]+")
_NUMBER = re.compile(r"(?<![\d./:-])(\d{2,3})(?![\d./:])")


def base_documents() -> list[tuple[str, bytes]]:
    docs = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".txt", ".html", ".json", ".jsonl"):
                docs.append((path.suffix, path.read_bytes()))
    return docs


def _vary(text: str, i: int, rng: random.Random) -> str:
    """Scale two-to-three digit figures and point source links at the article's set."""
    factor = 1 + rng.randint(1, 9) / 10
    text = _NUMBER.sub(lambda m: str(int(int(m.group(1)) * factor)), text)
    return _URL.sub(f"https://news.example.vn/story-{i // SET_SIZE}.html", text)


def _article(suffix: str, raw: bytes, i: int, rng: random.Random) -> bytes:
    text = raw.decode("utf-8")
    if suffix == ".jsonl":
        lines = [json.loads(line) for line in text.splitlines() if line.strip()]
        record = lines[i % len(lines)]
        record["text"] = _vary(record["text"], i, rng) + f"\n{i}"
        return (json.dumps(record, ensure_ascii=False) + "\n").encode()
    if suffix == ".json":
        record = json.loads(text)
        key = "maintext" if "maintext" in record else "text"
        record[key] = _vary(record[key], i, rng) + f"\n{i}"
        record["url"] = f"https://mirror.example.org/{i}"
        return json.dumps(record, ensure_ascii=False).encode()
    varied = _vary(text, i, rng)
    if suffix == ".html":
        return varied.replace("</article>", f"<p>Ref {i}.</p></article>", 1).encode()
    return (varied + f"\nRef {i}.\n").encode()


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


def generate(out: Path, n: int, seed: int = 0, bad_share: float = BAD_SHARE) -> list[Path]:
    """Write n files under out (in subfolders of 1,000); returns their paths."""
    rng = random.Random(seed)
    bases = base_documents()
    paths = []
    for i in range(n):
        folder = out / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        if rng.random() < bad_share:
            suffix, data = _bad(i, rng)
        else:
            suffix, raw = bases[rng.randrange(len(bases))]
            data = _article(suffix, raw, i, rng)
        path = folder / f"article-{i:06d}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = generate(args.out, args.n, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
