"""ISO 19005-2 6.2.11: fonts. Every font is embedded, its widths agree with its program, its
encoding follows the TrueType rules, every shown code maps to a real glyph (never .notdef) and,
for level U, to Unicode through its ToUnicode CMap."""

from __future__ import annotations

import io
import re

from fontTools.ttLib import TTFont
from pypdf.generic import DictionaryObject

from .document import Pdf, Violation

_SYMBOLIC = 1 << 2
_REQUIRED = ("/Type", "/Subtype", "/BaseFont", "/FirstChar", "/LastChar", "/Widths",
             "/FontDescriptor")


def check_fonts(pdf: Pdf, level: str = "U") -> list[Violation]:
    found = []
    for number, font in pdf.fonts.items():
        name = f"font {number} ({font.get('/BaseFont')})"
        shown = pdf.shown_codes.get(number, set())
        if font.get("/Subtype") != "/TrueType":
            found.append(Violation("6.2.11.2", f"{name}: checker reads TrueType simple fonts "
                                               f"only, not {font.get('/Subtype')}"))
            continue
        missing = [key for key in _REQUIRED if key not in font]
        if missing:
            found.append(Violation("6.2.11.2", f"{name}: no {', '.join(missing)}"))
            continue
        widths = font["/Widths"]
        if len(widths) != font["/LastChar"] - font["/FirstChar"] + 1:
            found.append(Violation("6.2.11.2", f"{name}: /Widths has {len(widths)} entries"))
        descriptor = font["/FontDescriptor"].get_object()
        program = descriptor.get("/FontFile2")
        if program is None:
            found.append(Violation("6.2.11.4.1", f"{name}: font program not embedded"))
            continue
        if "/CharSet" in descriptor or "/CIDSet" in descriptor:
            found.append(Violation("6.2.11.4.2", f"{name}: a TrueType font has no CharSet or "
                                                 "CIDSet to give (they belong to Type 1 and "
                                                 "CID fonts)"))
        ttf = TTFont(io.BytesIO(program.get_object().get_data()))
        glyphs = _glyph_of_code(ttf, descriptor, font, name, found)
        found += _widths(ttf, font, glyphs, shown, name)
        for code in sorted(shown):
            if not glyphs.get(code):
                found.append(Violation("6.2.11.8", f"{name}: code {code} shows .notdef"))
        if level == "U":
            found += _to_unicode(font, shown, name)
    return found


def _glyph_of_code(ttf: TTFont, descriptor: DictionaryObject, font: DictionaryObject,
                   name: str, found: list[Violation]) -> dict[int, int]:
    """6.2.11.6: a symbolic TrueType font has no /Encoding and exactly one cmap subtable,
    which maps codes to glyphs; a non-symbolic one has WinAnsi or MacRoman and a (3,1) cmap.
    Returns code → glyph id (0 is .notdef)."""
    tables = ttf["cmap"].tables
    order = ttf.getGlyphOrder()
    symbolic = int(descriptor["/Flags"]) & _SYMBOLIC
    if symbolic:
        if "/Encoding" in font:
            found.append(Violation("6.2.11.6", f"{name}: symbolic with an /Encoding"))
        if len(tables) != 1:
            found.append(Violation("6.2.11.6", f"{name}: symbolic with {len(tables)} cmap "
                                               "subtables"))
        cmap = tables[0].cmap if tables else {}
        # a (3,0) table maps codes at U+F000 upwards
        return {code: ttf.getGlyphID(cmap.get(code) or cmap.get(0xF000 + code) or ".notdef")
                for code in range(256)}
    encoding = font.get("/Encoding")
    if encoding not in ("/WinAnsiEncoding", "/MacRomanEncoding"):
        found.append(Violation("6.2.11.6", f"{name}: non-symbolic with encoding {encoding}"))
    unicode_cmap = ttf["cmap"].getcmap(3, 1)
    if unicode_cmap is None:
        found.append(Violation("6.2.11.6", f"{name}: non-symbolic without a (3,1) cmap"))
        return {}
    codec = "cp1252" if encoding == "/WinAnsiEncoding" else "mac_roman"
    glyphs = {}
    for code in range(256):
        try:
            glyph = unicode_cmap.cmap.get(ord(bytes([code]).decode(codec)))
        except UnicodeDecodeError:
            glyph = None
        glyphs[code] = order.index(glyph) if glyph else 0
    return glyphs


def _widths(ttf: TTFont, font: DictionaryObject, glyphs: dict[int, int], shown: set[int],
            name: str) -> list[Violation]:
    """6.2.11.5: the width of each shown glyph in /Widths is the program's advance (within one
    thousandth of an em)."""
    found = []
    scale = 1000 / ttf["head"].unitsPerEm
    order = ttf.getGlyphOrder()
    first = font["/FirstChar"]
    for code in sorted(shown):
        glyph = glyphs.get(code, 0)
        advance = ttf["hmtx"][order[glyph]][0] * scale
        if not first <= code < first + len(font["/Widths"]):
            found.append(Violation("6.2.11.5", f"{name}: code {code} outside /Widths"))
        elif abs(float(font["/Widths"][code - first]) - advance) > 1:
            found.append(Violation("6.2.11.5", f"{name}: code {code} is "
                                               f"{font['/Widths'][code - first]} wide in "
                                               f"/Widths, {advance:.0f} in the program"))
    return found


def _to_unicode(font: DictionaryObject, shown: set[int], name: str) -> list[Violation]:
    """6.2.11.7.2 (level U): a ToUnicode CMap maps every shown code to Unicode values, none of
    them 0, U+FEFF or U+FFFE; UTF-16 surrogate pairs are one character beyond U+FFFF."""
    if "/ToUnicode" not in font:
        return [Violation("6.2.11.7.2", f"{name}: no /ToUnicode")]
    mapping = parse_to_unicode(font["/ToUnicode"].get_object().get_data())
    found = []
    for code in sorted(shown):
        text = mapping.get(code)
        if not text:
            found.append(Violation("6.2.11.7.2", f"{name}: code {code} maps to no Unicode"))
        elif any(ch in "\x00\ufeff\ufffe" for ch in text):
            found.append(Violation("6.2.11.7.2", f"{name}: code {code} maps to {text!r}"))
    return found


def parse_to_unicode(cmap: bytes) -> dict[int, str]:
    """Code → text of a ToUnicode CMap's bfchar and bfrange entries."""
    text = cmap.decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[int(src, 16)] = _utf16(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                                      block):
            base = int(dst, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = _utf16(f"{base + offset:0{len(dst)}X}")
    return mapping


def _utf16(hex_text: str) -> str:
    try:
        return bytes.fromhex(hex_text).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return "\x00"
