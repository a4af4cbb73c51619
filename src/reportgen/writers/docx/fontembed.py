"""Embedded fonts (ECMA-376 Part 1 §17.8.1): subset, obfuscate and relate from fontTable.xml.

The subset keeps the document's characters plus what an editor is likely to type next: ASCII,
the GB2312 symbol rows (full-width punctuation, digits and letters) and its 3,755 level-1 hanzi.
Obfuscation XORs the first 32 bytes of the font with the 16 bytes of the font key GUID taken in
reverse order; the GUID is derived from the subset's bytes, so the same font gives the same file.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"


@dataclass(frozen=True)
class EmbeddedFont:
    """An obfuscated font file and the key that reverses it."""

    data: bytes
    key: str
    """The font key GUID as written in `w:fontKey`, `{XXXXXXXX-…}`."""
    size: int
    """Bytes of the subset before obfuscation."""


@lru_cache(maxsize=1)
def likely_characters() -> frozenset[str]:
    """ASCII, GB2312 rows 1–9 (symbols) and rows 16–55 (level-1 hanzi).

    Both mappings of the symbol rows are kept: GB2312's (― U+2015, ・ U+30FB) and the one
    Windows and input methods use (— U+2014, · U+00B7).
    """
    chars = {chr(c) for c in range(0x20, 0x7F)}
    for row in (*range(0xA1, 0xAA), *range(0xB0, 0xD8)):
        for cell in range(0xA1, 0xFF):
            for codec in ("gb2312", "gbk"):
                try:
                    chars.add(bytes((row, cell)).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(chars)


def subset(path: Path, characters: Iterable[str], font_number: int = 0) -> bytes:
    """A TrueType subset of the font at `path` holding `characters` (where it has them)."""
    from fontTools import subset as ft_subset  # only the bundled profile pays for fontTools
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=font_number, lazy=True)
    options = ft_subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.hinting = False
    options.layout_features = ["*"]
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes={ord(ch) for ch in characters})
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_key(data: bytes) -> str:
    """A GUID derived from the font's bytes, in the form `w:fontKey` takes."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """The font with its first 32 bytes XOR-ed with the key's bytes in reverse order.

    The same operation reverses itself.
    """
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def embed(path: Path, characters: Iterable[str], font_number: int = 0, *,
          likely: bool = True) -> EmbeddedFont:
    """The subset of the font at `path` for `characters` (plus, with `likely`, the characters
    an editor may type next), obfuscated."""
    wanted = set(characters) | likely_characters() if likely else set(characters)
    data = subset(path, wanted, font_number)
    key = font_key(data)
    return EmbeddedFont(obfuscate(data, key), key, len(data))
