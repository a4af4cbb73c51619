"""Advance widths read straight from font files: the numbers fontTools and reportlab read."""

from __future__ import annotations

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

from reportgen.advances import Advances, measure
from reportgen.fontset import FontRegistry
from reportgen.writers.pdf.text import Setter, Style
from tests.helpers.fonts import make_font

REGISTRY = FontRegistry()


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
    advances = Advances(face.path)
    assert {ch: advances(ch) for ch in expected} == expected


def test_a_format_4_cmap_and_a_missing_character(tmp_path):
    path = _font(tmp_path / "bmp.ttf", {"2": 480, "年": 1000, "，": 500})
    with TTFont(path) as font:
        assert {table.format for table in font["cmap"].tables} == {4}
    advances = Advances(path)
    assert (advances("2"), advances("年"), advances("，")) == (0.48, 1.0, 0.5)
    assert advances("月") == 0.5  # none: the .notdef glyph's width, as reportlab gives it


def test_a_format_12_cmap_beyond_the_basic_plane(tmp_path):
    path = _font(tmp_path / "wide.ttf", {"2": 480, "\U0002B5AF": 900})
    with TTFont(path) as font:
        assert 12 in {table.format for table in font["cmap"].tables}
    advances = Advances(path)
    assert (advances("2"), advances("\U0002B5AF"), advances("\U0002B5B0")) == (0.48, 0.9, 0.5)


def test_a_member_of_a_collection(tmp_path):
    first = _font(tmp_path / "a.ttf", {"2": 480}, name="A")
    second = _font(tmp_path / "b.ttf", {"2": 520}, name="B")
    collection = TTCollection()
    collection.fonts = [TTFont(first), TTFont(second)]
    collection.save(tmp_path / "ab.ttc")
    assert Advances(tmp_path / "ab.ttc", 1)("2") == 0.52
    assert Advances(tmp_path / "ab.ttc", 0)("2") == 0.48


def test_a_text_is_measured_in_the_face_the_registry_picks_for_each_character(tmp_path):
    make_font(tmp_path / "fs.ttf", {"en": "FangSong_GB2312", "zh-CN": "仿宋_GB2312"},
              extra="0123456789")  # an office 仿宋 whose digits are 0.6 em and has no 年
    width = measure(FontRegistry(font_dirs=[tmp_path]), ["fangsong", "song"])
    bundled = Advances(REGISTRY.find("fangsong").path)
    assert width("2026年") == pytest.approx(4 * 0.6 + bundled("年"))


@pytest.mark.parametrize("faces", [("fangsong", "song"), ("kai",), ("hei",), ("song-bold",)])
def test_the_pdf_writer_measures_the_same_widths(faces):
    """Where both writers place something by a text's width, they agree to the point."""
    text = "柳州市图书馆2026年1月26日（代章）Library 1,234.5%：𫖯䶮"
    style = Style(faces, 16.0)
    pdf = Setter(REGISTRY, 1.0).metrics(style).width(text)
    assert measure(REGISTRY, faces)(text) * 16 == pytest.approx(pdf, rel=1e-12)
