"""Bytes to text: BOMs, UTF-8, UTF-16, legacy single-byte encodings, or a reasoned refusal."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# Magic numbers of binary formats that turn up in crawl folders, named in the rejection.
_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
}
# Encodings we accept from detection; everything else is too likely a misreading.
_LEGACY_OK = {
    "cp1258", "windows-1258", "cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15",
    "cp1256", "windows-1256", "iso8859_6", "utf_16", "utf_16_le", "utf_16_be", "ascii",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


class DecodeError(Exception):
    """A file that cannot be read as text; `code` and `reason` go to the rejections table."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name), or raise DecodeError."""
    if not data.strip():
        raise DecodeError("empty", "file is empty or holds only whitespace")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, name), name
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise DecodeError("binary", f"binary file ({kind}), not text")
    if b"\x00" in data[:8192]:
        return _decode_nul_bearing(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return _detect_legacy(data)


def _strict(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise DecodeError("undecodable", f"starts with a {name} byte-order mark but is not "
                          f"valid {name} (byte {exc.start})") from exc


def _decode_nul_bearing(data: bytes) -> tuple[str, str]:
    """NUL bytes mean UTF-16 without a BOM, or binary."""
    sample = data[:8192]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    for name, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nuls > 0.3 * half:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if _printable_share(text) > 0.95:
                return text, name
    raise DecodeError("binary", "binary file: NUL bytes and not UTF-16 text")


def _detect_legacy(data: bytes) -> tuple[str, str]:
    best = from_bytes(data, cp_isolation=sorted(_LEGACY_OK - {"ascii"})).best()
    if best is None or best.encoding not in _LEGACY_OK:
        found = best.encoding if best else "nothing"
        raise DecodeError("undecodable", f"not UTF-8 or UTF-16, and no supported legacy encoding "
                          f"fits (best guess: {found})")
    text = str(best)
    if _printable_share(text) < 0.95 or best.chaos > 0.2:
        raise DecodeError("undecodable", f"decodes as {best.encoding} only as noise "
                          f"(chaos {best.chaos:.2f})")
    return text, best.encoding


def _printable_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn")
              and ch not in "\n\r\t")
    return 1 - bad / len(sample)
