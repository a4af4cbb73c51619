"""Tests for reportgen.layout.justify."""

import pytest

from reportgen.layout.justify import justify
from reportgen.layout.linebreak import Line, break_lines
from tests.layout.stress_corpus import COLUMN, LATIN, NARROW, PITCH, filler, grid_advance


def right_edge(placed, line: Line) -> float:
    return placed[-1].x + placed[-1].width - line.offset


def test_a_full_line_is_flush_with_both_margins():
    text = "全年两馆接待读者192万人次，新办读者证9831本，电子资源访问量159.05万次，服务覆盖面扩大。"
    lines = break_lines(text, grid_advance, COLUMN, first_indent=2 * PITCH)
    for line in lines[:-1]:
        placed = justify(line, grid_advance)
        assert placed[0].x == line.offset
        assert right_edge(placed, line) == pytest.approx(line.width, abs=0.01)
        assert "".join(p.text for p in placed) == line.text
        assert all(a.x + a.width <= b.x + 1e-9 for a, b in zip(placed, placed[1:], strict=False))


def test_the_last_line_keeps_natural_advances():
    line = break_lines("扎实推进各项工作。", grid_advance, COLUMN)[0]
    placed = justify(line, grid_advance)
    assert [p.x for p in placed] == pytest.approx([k * PITCH for k in range(9)])


def test_a_latin_token_is_one_piece_and_keeps_its_letter_spacing():
    text = "邮箱office@example.org电话"
    natural = sum(map(grid_advance, text))
    line = Line(text, 0, 22, 0.0, natural + PITCH / 2, natural, False)  # 1/8 em per gap
    placed = justify(line, grid_advance)
    assert [p.text for p in placed] == ["邮", "箱", "office@example.org", "电", "话"]
    assert placed[2].width == 16 * LATIN + 2 * NARROW


def test_a_number_keeps_its_digits_together_and_its_unit_on_the_grid():
    natural = 5 * PITCH + 3 * LATIN
    line = Line("读者192万人次", 0, 8, 0.0, natural + PITCH, natural, False)
    assert [p.text for p in justify(line, grid_advance)] == ["读", "者", "192", "万", "人", "次"]


def test_a_line_with_few_gaps_for_much_slack_spaces_its_latin_letters_too():
    # A URL and a few ideographs: 4 em of slack would open 1 em holes between 4 pieces.
    text = "网址example.org/a电话"
    natural = sum(map(grid_advance, text))
    line = Line(text, 0, len(text), 0.0, natural + 4 * PITCH, natural, False)
    placed = justify(line, grid_advance)
    assert "".join(p.text for p in placed) == text and len(placed) == len(text)
    steps = {round(b.x - a.x - a.width, 6) for a, b in zip(placed, placed[1:], strict=False)}
    assert len(steps) == 1 and steps.pop() < PITCH / 4
    assert right_edge(placed, line) == pytest.approx(line.width)


def test_squeezed_marks_are_set_at_half_width():
    text = filler(27) + "。”" + filler(10, seed=3)
    line = break_lines(text, grid_advance, COLUMN)[0]
    placed = justify(line, grid_advance)
    assert [p.width for p in placed[-2:]] == [PITCH / 2, PITCH / 2]
    assert right_edge(placed, line) == pytest.approx(COLUMN)


def test_a_squeezed_opening_mark_is_drawn_left_of_its_box():
    line = Line("读（「书」）", 0, 6, 0.0, 6 * PITCH, 6 * PITCH, True, ((2, PITCH / 2),))
    placed = justify(line, grid_advance)
    assert placed[2].text == "「"
    assert placed[2].width == PITCH / 2
    assert placed[2].shift == -PITCH / 2
    assert placed[3].x == pytest.approx(2.5 * PITCH)


def test_no_slack_goes_before_a_closing_mark_or_after_an_opening_mark():
    line = Line("读书，（好）书", 0, 7, 0.0, 8 * PITCH, 7 * PITCH, False)
    placed = justify(line, grid_advance)
    gaps = [b.x - a.x - a.width for a, b in zip(placed, placed[1:], strict=False)]
    assert gaps[1] == pytest.approx(0.0)  # 书|，
    assert gaps[3] == pytest.approx(0.0)  # （|好
    assert gaps[4] == pytest.approx(0.0)  # 好|）
    assert sum(gaps) == pytest.approx(PITCH)


def test_latin_text_with_its_ascii_punctuation_is_one_piece():
    line = Line("见(V2.3)。", 0, 8, 0.0, 100.0, 2 * PITCH + 3 * LATIN + 3 * NARROW, True)
    assert [p.text for p in justify(line, grid_advance)] == ["见", "(V2.3)", "。"]


def test_a_line_of_one_token_has_its_letters_spaced():
    line = Line("example.org/", 0, 12, 0.0, 120.0, 10 * LATIN + 2 * NARROW, False)
    placed = justify(line, grid_advance)
    assert len(placed) == 12
    assert right_edge(placed, line) == pytest.approx(120.0)


@pytest.mark.parametrize(("align", "start"), [("left", 0.0), ("center", 50.0), ("right", 100.0)])
def test_other_alignments_keep_natural_advances(align, start):
    line = Line("读书", 0, 2, 20.0, 100.0 + 2 * PITCH, 2 * PITCH, False)
    placed = justify(line, grid_advance, align=align)
    assert [p.x for p in placed] == pytest.approx([20.0 + start, 20.0 + start + PITCH])


def test_an_unknown_alignment_is_refused():
    line = Line("读书", 0, 2, 0.0, 100.0, 2 * PITCH, True)
    with pytest.raises(ValueError, match="align"):
        justify(line, grid_advance, align="distribute")


@pytest.mark.parametrize("pair", ["），", "。”", "》《", "、“", "）（", "”“", "（「"])
def test_adjacent_marks_keep_their_one_and_a_half_ems_in_a_spread_line(pair):
    text = filler(10) + pair + filler(10, seed=2)
    line = break_lines(text, grid_advance, COLUMN + 3 * PITCH)[0]  # last line: set it spread
    line = Line(line.text, 0, len(text), 0.0, COLUMN, line.natural, False, line.squeeze)
    placed = justify(line, grid_advance)
    first, second = placed[10], placed[11]
    assert first.text + second.text == pair
    assert second.x + second.shift + PITCH - (first.x + min(first.shift, 0)) == \
        pytest.approx(1.5 * PITCH)
    assert right_edge(placed, line) == pytest.approx(COLUMN)
