"""Embedded fonts (ECMA-376 Part 1 §17.8.1): subset, obfuscate and relate from fontTable.xml.

The subset keeps the document's characters plus what an editor is likely to type next: ASCII,
the GB2312 symbol rows (full-width punctuation, digits and letters) and its 3,755 level-1 hanzi.
Obfuscation XORs the first 32 bytes of the font with the 16 bytes of the font key GUID taken in
reverse order; the GUID is derived from the subset's bytes, so the same font gives the same file.

Each subset is renamed after what it holds (`Reportgen Song KQZMTA`), as PDF subsets are: a word
processor that keeps fonts by name (WPS, Word with a document open) would otherwise draw one
document's characters with another document's subset of the same face, and miss the glyphs
that subset lacks.
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
    family: str
    """The subset's family name, as `w:font w:name` must give it."""


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


def subset_family(family: str, characters: Iterable[str]) -> str:
    """`family` with a tag of six capital letters derived from `characters`: the same subset
    of a face gets the same name in every document, a different one another name."""
    digest = hashlib.sha256(family.encode() + "".join(sorted(set(characters))).encode()).digest()
    return f"{family} {''.join(chr(ord('A') + byte % 26) for byte in digest[:6])}"


def subset(path: Path, characters: Iterable[str], font_number: int = 0,
           family: str | None = None) -> bytes:
    """A TrueType subset of the font at `path` holding `characters` (where it has them),
    renamed to `family` when given."""
    from fontTools import subset as ft_subset  # only the bundled profile pays for fontTools
    from fontTools.ttLib import TTFont

    # Bounding boxes and maxima are kept from the whole face (still true of the subset):
    # recomputing them decompiles and recompiles every glyph, 90 % of the time spent here.
    # The face's own date stays too, so that the same subset is the same bytes in every build.
    font = TTFont(path, fontNumber=font_number, lazy=True, recalcBBoxes=False,
                  recalcTimestamp=False)
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
    if family is not None:
        _rename(font["name"], family)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _rename(names, family: str) -> None:
    """Give every family name record (IDs 1 and 16, all languages) the name `family`, and the
    full, PostScript and unique names (4, 6, 3) that family's tag."""
    old = names.getDebugName(16) or names.getDebugName(1)
    tag = family.rsplit(" ", 1)[-1]
    postscript = (names.getDebugName(6) or old.replace(" ", "")).replace("-", tag + "-", 1)
    if tag not in postscript:
        postscript += tag
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID == 4:
            record.string = str(record.toUnicode()).replace(old, family, 1)
        elif record.nameID in (3, 6):
            record.string = postscript


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
          family: str) -> EmbeddedFont:
    """The subset of the font at `path` for `characters`, named `family`, obfuscated."""
    data = subset(path, characters, font_number, family)
    key = font_key(data)
    return EmbeddedFont(obfuscate(data, key), key, len(data), family)
