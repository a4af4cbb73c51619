"""Vertical metrics read straight from a face's tables agree with fontTools' reading."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from reportgen.fontmetrics import advances, em_ascent, vertical_metrics
from reportgen.fontset import FontRegistry


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
