"""Helpers that produce the legacy encodings real crawls contain."""

import unicodedata


def encode_cp1258(text: str) -> bytes:
    """Encode Vietnamese as Windows-1258 does: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = parts[0]
        marks = list(parts[1:])
        # Fold vowel-shape marks (circumflex, breve, horn) into the base where cp1258 has it.
        for mark in list(marks):
            candidate = unicodedata.normalize("NFC", base + mark)
            try:
                candidate.encode("cp1258")
            except UnicodeEncodeError:
                continue
            if len(candidate) == 1:
                base = candidate
                marks.remove(mark)
        out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)
