"""Test fonts: tiny fonts made with fontTools, and bundled faces renamed as office fonts."""

from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from reportgen.fontset import default_fonts_dir


def make_font(path: Path, families: dict[str, str], *, bold: bool = False, cff: bool = False,
              extra: str = ""):
    """A tiny font with glyphs for space, 仿 and 宋 (and the characters of `extra`), named
    `families` ({"en": …, "zh-CN": …})."""
    chars = {0x20: "space", 0x4EFF: "uni4EFF", 0x5B8B: "uni5B8B"}
    chars.update({ord(ch): f"u{ord(ch):X}" for ch in extra})
    order = [".notdef", *chars.values()]
    builder = FontBuilder(1000, isTTF=not cff)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(chars)
    if cff:
        pens = {name: T2CharStringPen(600, None) for name in order}
        for name, pen in pens.items():
            if name != "space":
                pen.moveTo((100, 0)), pen.lineTo((500, 0)), pen.lineTo((500, 700)), pen.closePath()
        charstrings = {name: pen.getCharString() for name, pen in pens.items()}
        builder.setupCFF("TestCFF-Regular", {"FullName": "Test"}, charstrings, {})
    else:
        glyphs = {}
        for name in order:
            pen = TTGlyphPen(None)
            if name != "space":
                pen.moveTo((100, 0)), pen.lineTo((100, 700)), pen.lineTo((500, 700))
                pen.closePath()
            glyphs[name] = pen.glyph()
        builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (600, 0) for name in order})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable(
        {
            "familyName": families,
            "styleName": "Bold" if bold else "Regular",
            "psName": "TestFont-" + ("Bold" if bold else "Regular"),
        }
    )
    builder.setupOS2(usWeightClass=700 if bold else 400, fsSelection=0x20 if bold else 0x40)
    builder.setupPost()
    builder.font["head"].macStyle = 1 if bold else 0
    builder.save(path)
    return path


def renamed_font(path: Path, english: str, ps_name: str, chinese: str | None = None, *,
                 face: str = "ReportgenHei-Regular.ttf") -> Path:
    """A bundled face saved as `path` under other names, as an office font's name table has
    them: the English family and full name and the PostScript name for Windows English (0x409),
    the Chinese family and full name (if any) only for Windows Simplified Chinese (0x804)."""
    with TTFont(default_fonts_dir() / face, lazy=True) as font:
        table = font["name"]
        table.names = []
        for language, family in ((0x409, english), (0x804, chinese)):
            if family:
                table.setName(family, 1, 3, 1, language)
                table.setName(family, 4, 3, 1, language)
        table.setName("Regular", 2, 3, 1, 0x409)
        table.setName(ps_name, 6, 3, 1, 0x409)
        font.save(path)
    return path
