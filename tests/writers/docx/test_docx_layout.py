"""Lengths and the grid in twips, and the OOXML builders' schema order."""

from __future__ import annotations

from reportgen.layout.columns import width_chars
from reportgen.template import Page
from reportgen.writers.docx import oxml
from reportgen.writers.docx.layout import Grid, mm, pt
from tests.writers.docx.parts import w


def test_millimetres_and_points_become_twips():
    assert (mm(210), mm(297), mm(37), mm(28)) == (11906, 16838, 2098, 1587)
    assert (pt(16), pt(22), pt(14)) == (320, 440, 280)


def test_the_gbt_9704_grid_is_22_lines_of_28_characters():
    grid = Grid(Page(), 16.0)
    assert grid.line_pitch == 579
    # ECMA-376 17.6.5: (pitch - body size) x 4096, pitch 8844 twips / 28 = 15.793 pt
    assert grid.char_space == -849
    assert 16 + grid.char_space / 4096 <= 8844 / 20 / 28 < 16 + (grid.char_space + 1) / 4096
    assert grid.char_spacing(16.0) == -6
    # LibreOffice's cell of 314.6 twips (its rounding of -848) holds the condensed character
    assert 28 * (320 + grid.char_spacing(16.0)) <= 28 * 314.6 <= grid.text_width
    assert grid.char_spacing(22.0) == 0
    assert grid.chars(2, 16.0) == (640, 200)
    assert grid.lines(1) == (579, 100)


def test_half_width_characters_count_half():
    assert width_chars("2026年2月3日") == 6.0
    assert width_chars("柳州市图书馆") == 6.0


def test_paragraph_properties_follow_the_schema_order():
    p_pr = oxml.p_pr(style="Heading1", keep_next=True, num=oxml.num_pr(1, 0),
                     line_spacing=oxml.spacing(line=579), indent=oxml.ind(first_line=640),
                     align="justify", outline_level=0, mark=oxml.r_pr(style="Heading1Char"))
    assert [child.tag for child in p_pr] == [w(t) for t in (
        "pStyle", "keepNext", "numPr", "spacing", "ind", "jc", "outlineLvl", "rPr")]
    assert p_pr.find(w("jc")).get(w("val")) == "both"


def test_attributes_given_as_none_are_left_out():
    ind = oxml.ind(first_line=640, first_line_chars=200)
    assert dict(ind.attrib) == {w("firstLine"): "640", w("firstLineChars"): "200"}


def test_fonts_are_named_for_every_script():
    fonts = oxml.r_fonts("仿宋_GB2312")
    assert {fonts.get(w(k)) for k in ("ascii", "eastAsia", "hAnsi", "cs")} == {"仿宋_GB2312"}
