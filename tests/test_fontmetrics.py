"""Metrics read straight from a face's tables (heights, the em box, advance widths) agree with
fontTools' reading."""

from __future__ import annotations

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

from reportgen.fontmetrics import advances, em_ascent, vertical_metrics
from reportgen.fontset import FontRegistry

REGISTRY = FontRegistry()


@pytest.mark.parametrize(("key", "ch"), [("song", "—"), ("song", "中"), ("hei", "—"),
                                         ("kai", "A"), ("song", "𫖯")])
def test_metrics_match_fonttools(key, ch):
    face = FontRegistry().resolve([key])
    font = TTFont(face.path, fontNumber=face.index)
    units = font["head"].unitsPerEm
    glyph = font.getBestCmap().get(ord(ch))
    top = getattr(font["glyf"][glyph], "yMax", 0) if glyph else 0
    metrics = vertical_metrics(face.path, ch, face.index)
    assert metrics.ascent == font["hhea"].ascent / units
    assert metrics.descent == -font["hhea"].descent / units
    assert metrics.top == top / units


def test_a_character_the_face_lacks_stands_no_height():
    face = FontRegistry().resolve(["hei"])
    assert vertical_metrics(face.path, "\U0003134a", face.index).top == 0


@pytest.mark.parametrize(("key", "expected"), [("song", 0.88), ("hei", 0.88), ("kai", 0.88),
                                               ("fangsong", 0.85)])
def test_the_em_box_stands_one_em_above_the_typographic_descender(key, expected):
    face = FontRegistry().resolve([key])
    font = TTFont(face.path, fontNumber=face.index)
    assert em_ascent(face.path, face.index) == pytest.approx(
        1 + font["OS/2"].sTypoDescender / font["head"].unitsPerEm)
    assert em_ascent(face.path, face.index) == pytest.approx(expected)


@pytest.mark.parametrize("key", ["song-bold", "fangsong", "hei", "fallback-b"])
def test_advances_match_fonttools(key):
    face = FontRegistry().resolve([key])
    font = TTFont(face.path, fontNumber=face.index, lazy=True)
    cmap, hmtx, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    text = "".join(chr(code) for code in list(cmap)[::97]) + "2026年 A—《》\U0003134a"
    notdef = font.getGlyphOrder()[0]
    assert advances(face.path, text, face.index) == {
        ch: hmtx[cmap.get(ord(ch), notdef)][0] / units for ch in text}


def _font(path, widths: dict[str, int], notdef: int = 500, name: str = "Widths"):
    """A font whose glyph for each character of `widths` has that advance (units of 1000)."""
    chars = {ord(ch): f"g{ord(ch):X}" for ch in widths}
    order = [".notdef", *chars.values()]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(chars)
    builder.setupGlyf({glyph: TTGlyphPen(None).glyph() for glyph in order})
    advances = {".notdef": (notdef, 0)}
    advances.update({chars[ord(ch)]: (width, 0) for ch, width in widths.items()})
    builder.setupHorizontalMetrics(advances)
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": name, "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(path)
    return path


@pytest.mark.parametrize("face", REGISTRY.primaries + REGISTRY.fallbacks, ids=lambda f: f.key)
def test_every_character_of_a_bundled_face_has_the_width_fonttools_reads(face):
    with TTFont(face.path, lazy=True) as font:
        cmap, hmtx, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        expected = {chr(code): hmtx[glyph][0] / units for code, glyph in cmap.items()}
    found = advances(face.path, "".join(expected), face.index)
    assert found == expected


def test_a_format_4_cmap_and_a_missing_character(tmp_path):
    path = _font(tmp_path / "bmp.ttf", {"2": 480, "年": 1000, "，": 500})
    with TTFont(path) as font:
        assert {table.format for table in font["cmap"].tables} == {4}
    found = advances(path, "2年，月")
    assert (found["2"], found["年"], found["，"]) == (0.48, 1.0, 0.5)
    assert found["月"] == 0.5  # none: the .notdef glyph's width, as reportlab gives it


def test_a_format_12_cmap_beyond_the_basic_plane(tmp_path):
    path = _font(tmp_path / "wide.ttf", {"2": 480, "\U0002B5AF": 900})
    with TTFont(path) as font:
        assert 12 in {table.format for table in font["cmap"].tables}
    found = advances(path, "2\U0002B5AF\U0002B5B0")
    assert (found["2"], found["\U0002B5AF"], found["\U0002B5B0"]) == (0.48, 0.9, 0.5)


def test_a_member_of_a_collection(tmp_path):
    first = _font(tmp_path / "a.ttf", {"2": 480}, name="A")
    second = _font(tmp_path / "b.ttf", {"2": 520}, name="B")
    collection = TTCollection()
    collection.fonts = [TTFont(first), TTFont(second)]
    collection.save(tmp_path / "ab.ttc")
    assert advances(tmp_path / "ab.ttc", "2", 1) == {"2": 0.52}
    assert advances(tmp_path / "ab.ttc", "2", 0) == {"2": 0.48}
