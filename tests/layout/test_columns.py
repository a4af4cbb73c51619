"""Tests for reportgen.layout.columns, with full-width characters 1 em wide and the rest ½."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.layout.columns import (
    Cell,
    column_ranges,
    decimal_tail,
    share,
    widest_piece,
)

EM = 10.0
MARGINS = 10.0  # half a character each side


def measure(text: str) -> float:
    return sum(EM if unicodedata.east_asian_width(ch) in "WF" else EM / 2 for ch in text)


def cells_of(header, rows) -> list[Cell]:
    return [Cell(text, k, 1, True) for k, text in enumerate(header)] + \
        [Cell(text, k) for row in rows for k, text in enumerate(row)]


def widths(header, rows, total, fixed=()) -> list[float]:
    ranges = column_ranges(cells_of(header, rows), len(header), measure, em=EM, margins=MARGINS,
                           fixed=fixed)
    return share(ranges, total, fixed)


def ems(values: list[float]) -> list[float]:
    return [round(value / EM, 2) for value in values]


HANDOUT_HEADER = ("序号", "活动名称", "承办单位", "参与人次", "备注")
LONG_REMARK = ("因场馆维修，活动延期至下季度举办，具体时间另行通知，"
               "请各单位提前做好人员和场地协调工作")


def handout_rows(count: int = 45) -> list[tuple[str, ...]]:
    """The tester's table: a few long remarks, every activity name long, the rest short."""
    cities = ("柳州市", "桂林市", "防城港市", "北海市")
    return [(str(n), f"{cities[n % 4]}“悦读非遗展示”系列活动第{n}期", f"{cities[n % 4]}文化馆",
             str(n * 137 % 2000), LONG_REMARK if n % 7 == 0 else "" if n % 5 == 0 else "按计划完成")
            for n in range(1, count + 1)]


@pytest.mark.parametrize(("text", "piece"), [
    ("1243", "1243"), ("3 200", "3 200"), ("增长18.6%", "18.6%"), ("2025-03起", "2025-03"),
    ("柳州市文化馆", "柳"), ("完成。", "成。"), ("see https://example.org/a", "https://example.org/a"),
    ("", ""),
])
def test_the_widest_piece_is_a_number_a_word_or_a_character_with_its_closing_mark(text, piece):
    assert widest_piece(text, measure) == measure(piece)


@pytest.mark.parametrize(("text", "tail"), [("12.30", ".30"), ("88.7%", ".7%"), ("2 318", ""),
                                            ("45%", "%"), ("—", "")])
def test_the_decimal_tail_is_what_follows_the_decimal_point(text, tail):
    assert decimal_tail(text) == tail


def test_the_handout_table_keeps_short_columns_and_headers_whole():
    result = widths(HANDOUT_HEADER, handout_rows(), 32 * EM)
    number, name, organiser, count, remark = ems(result)
    assert number == 3  # 序号: two characters and margins
    assert organiser == 8  # 防城港市文化馆 on one line
    assert count == 5  # 参与人次 on one line, numbers easily
    assert sum(result) == 32 * EM


def test_the_room_left_goes_to_the_column_that_wraps_in_every_row():
    _, name, _, _, remark = ems(widths(HANDOUT_HEADER, handout_rows(), 32 * EM))
    assert name > remark >= 5  # 活动名称 wraps in 45 rows, 备注 is long in 6 only
    assert name + remark == pytest.approx(16)


def test_a_column_that_wraps_in_every_row_grows_no_wider_than_its_widest_cell():
    rows = [("柳州市“悦读非遗展示”活动", "")] * 10 + [("", LONG_REMARK)]
    assert ems(widths(("名称", "说明"), rows, 30 * EM)) == [13, 17]


def test_a_number_never_wraps_even_in_a_crowded_table():
    header = ("编号", "内容", "金额")
    rows = [("ISBN978-7-5013-1234-5", "推进珍贵古籍数字化项目完成影像制作" * 6, "12 345 678")]
    result = widths(header, rows, 30 * EM)
    assert result[0] >= measure("ISBN978-7-5013-1234-5") + MARGINS
    assert result[2] >= measure("12 345 678") + MARGINS
    assert sum(result) == pytest.approx(30 * EM)


def test_a_table_with_room_to_spare_grows_every_column_in_proportion_to_its_text():
    result = widths(("名称", "数量"), [("柳州市图书馆", "3456")], 40 * EM)
    assert result[0] / result[1] == pytest.approx((6 * EM + MARGINS) / (2 * EM + MARGINS))
    assert sum(result) == 40 * EM


def test_row_labels_of_up_to_eight_characters_stay_whole_longer_text_may_wrap():
    cells = cells_of(("地区", "说明"), [("其中：三级医院", "柳州市柳北区白沙镇卫生院")])
    ranges = column_ranges(cells, 2, measure, em=EM, margins=MARGINS)
    assert ranges.low[0] == 7 * EM + MARGINS
    assert ranges.low[1] == 4 * EM + MARGINS  # 12 characters of text may wrap
    assert ranges.high[1] == 12 * EM + MARGINS


def test_a_header_of_more_than_six_characters_breaks_into_balanced_lines():
    ranges = column_ranges([Cell("卫生技术人员数", 0, 1, True)], 1, measure, em=EM, margins=0)
    assert ranges.low == (4 * EM,)  # 卫生技术 | 人员数
    assert ranges.high == (7 * EM,)


def test_a_header_cell_spanning_columns_widens_them_evenly_when_they_are_too_narrow():
    cells = [Cell("卫生技术人员（执业）", 1, 2, True), Cell("12", 1), Cell("3", 2), Cell("地区", 0)]
    ranges = column_ranges(cells, 3, measure, em=EM, margins=MARGINS)
    alone = column_ranges(cells[1:], 3, measure, em=EM, margins=MARGINS)
    assert ranges.low[1] + ranges.low[2] == pytest.approx(5 * EM + MARGINS)  # 10 chars in 2 lines
    assert ranges.low[1] - alone.low[1] == pytest.approx(ranges.low[2] - alone.low[2])
    assert ranges.low[0] == alone.low[0]


def test_a_fixed_width_is_kept_and_the_others_share_the_rest():
    result = widths(("名称", "数量"), [("柳州市图书馆", "3456")], 40 * EM, fixed=(None, 10 * EM))
    assert result[1] == 10 * EM
    assert result[0] == 30 * EM


def test_minima_that_do_not_fit_are_scaled_down_alike():
    result = widths(("a", "b"), [("1234567890", "1234567890")], 8 * EM)
    assert result == [4 * EM, 4 * EM]


def test_an_empty_column_takes_only_its_margins_and_a_share():
    result = widths(("名称", ""), [("柳州市图书馆" * 10, ""), ("公共图书馆", "")], 30 * EM)
    assert result[1] == pytest.approx(MARGINS)
    assert sum(result) == pytest.approx(30 * EM)


def test_a_single_column_takes_the_whole_width():
    assert widths(("说明",), [("短",)], 30 * EM) == [30 * EM]
    assert widths(("说明",), [(LONG_REMARK,)], 30 * EM) == [30 * EM]


cells = st.text(alphabet="一二三四五1234 ab，。", max_size=30)


@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(cells, min_size=n, max_size=n),
    st.lists(st.lists(cells, min_size=n, max_size=n), max_size=8))),
    st.floats(5 * EM, 60 * EM))
def test_widths_always_sum_to_the_total_and_are_positive(table, total):
    header, rows = table
    result = widths(header, rows, total)
    assert len(result) == len(header)
    assert sum(result) == pytest.approx(total)
    assert all(w > 0 for w in result)
