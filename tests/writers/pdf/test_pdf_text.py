"""Text setting: advances on the grid, runs of one font and one spacing, run-in spans."""

from __future__ import annotations

import pytest

from reportgen.writers.pdf.text import Run, Setter, Style, _runs, shifted

WIDTH = 156 * 72 / 25.4
BODY = Style(("fangsong", "song"), 16.0)
HEI = Style(("hei",), 16.0)


@pytest.fixture(scope="module")
def setter(registry) -> Setter:
    return Setter(registry, WIDTH / (28 * 16))


def test_a_full_width_character_is_a_28th_of_the_line(setter):
    assert setter.metrics(BODY).advance("国") == pytest.approx(WIDTH / 28)
    assert setter.em(BODY) == pytest.approx(WIDTH / 28)
    assert setter.metrics(BODY).advance("2") < WIDTH / 28 * 0.7


def test_metrics_outlive_a_setter(registry, setter):
    assert Setter(registry, setter.scale).metrics(BODY) is setter.metrics(BODY)


def test_a_justified_line_is_one_run_per_spacing(setter):
    text = "扎实开展深入贯彻中央八项规定精神学习教育推行五学联动学习机制深入学习贯彻习近平总书记"
    first = setter.paragraph([(text, BODY)], WIDTH, first_indent=2 * setter.em(BODY))[0]
    assert len(first) == 1
    assert first[0].x == pytest.approx(2 * setter.em(BODY))
    assert first[0].spacing == pytest.approx(0.0, abs=1e-6)


def test_the_last_line_is_set_at_natural_width(setter):
    lines = setter.paragraph([("短句，", BODY)], WIDTH)
    assert lines == [(Run("ReportgenFangsong-Regular", 16.0, False, "短句，", 0.0),)]


def test_a_rare_character_gets_a_face_that_has_it(setter, registry):
    font, _, _ = setter.metrics(Style(("hei",), 16.0)).glyph("𫖯")
    face = next(f for f in registry.faces.values() if f.pdf_name == font)
    assert face.covers("𫖯")


def test_run_in_spans_keep_their_faces(setter):
    line = setter.paragraph([("一、压实责任。", HEI), ("各部门负责人。", BODY)], WIDTH)[0]
    assert [(run.font, run.text) for run in line] == [
        ("ReportgenHei-Regular", "一、压实责任。"), ("ReportgenFangsong-Regular", "各部门负责人。")]


def test_runs_break_where_the_font_the_colour_or_the_gap_changes():
    black, red = "000000", "FF0000"
    chars = [("a", "F", 16, False, black, 0.0, 8.0), ("b", "F", 16, False, black, 9.0, 8.0),
             ("c", "F", 16, False, black, 18.0, 8.0), ("d", "F", 16, False, black, 26.0, 8.0),
             ("e", "G", 16, False, black, 34.0, 8.0), ("f", "G", 16, False, red, 42.0, 8.0)]
    assert _runs(chars) == (Run("F", 16, False, "abc", 0.0, 1.0), Run("F", 16, False, "d", 26.0),
                            Run("G", 16, False, "e", 34.0),
                            Run("G", 16, False, "f", 42.0, color=red))


def test_shifted_moves_every_run():
    line = (Run("F", 16, False, "a", 1.0), Run("F", 16, False, "b", 5.0))
    assert [run.x for run in shifted(line, 10.0)] == [11.0, 15.0]


def test_a_title_line_is_centred(setter):
    style = Style(("song-bold",), 22.0)
    for text in ("柳州市图书馆2025年工作总结及", "2026年工作计划"):
        [line] = setter.centred(text, style, WIDTH)
        assert "".join(run.text for run in line) == text
        assert line[0].x == pytest.approx((WIDTH - setter.metrics(style).width(text)) / 2)
