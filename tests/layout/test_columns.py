"""Tests for reportgen.layout.columns, with full-width characters 1 em wide and the rest ½."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.layout.columns import column_widths, widest_piece

EM = 10.0
MARGINS = 10.0  # half a character each side


def measure(text: str) -> float:
    return sum(EM if unicodedata.east_asian_width(ch) in "WF" else EM / 2 for ch in text)


def widths(header, rows, total, **options) -> list[float]:
    return column_widths(header, rows, total, measure, margins=MARGINS, em=EM, **options)


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


def test_headers_stay_whole_before_short_columns_when_both_do_not_fit():
    header = ("承办单位", "参与人次", "备注")
    rows = [("防城港市文化馆", "1243", LONG_REMARK)]
    result = ems(widths(header, rows, 15 * EM))
    assert result[1] == 5  # 参与人次 on one line
    assert result[0] == 7  # 承办单位 on one line, 防城港市文化馆 (8 with margins) not: no room


def test_minima_that_do_not_fit_are_scaled_fairly_but_never_below_the_widest_number():
    header = ("甲", "乙", "丙", "丁")
    rows = [("123456", "短短短短短短", "短短短短短短", "短短短短短短")]
    result = widths(header, rows, 14 * EM)
    assert result[0] >= measure("123456") + MARGINS
    assert result[1] == pytest.approx(result[2]) == pytest.approx(result[3])
    assert sum(result) == pytest.approx(14 * EM)


def test_when_even_the_numbers_do_not_fit_every_column_is_scaled_alike():
    result = widths(("a", "b"), [("1234567890", "1234567890")], 8 * EM)
    assert result == [4 * EM, 4 * EM]


def test_an_empty_column_takes_only_its_margins_and_a_share():
    result = widths(("名称", ""), [("柳州市图书馆" * 10, ""), ("公共图书馆", "")], 30 * EM)
    assert result[1] == pytest.approx(MARGINS)
    assert sum(result) == pytest.approx(30 * EM)


def test_a_long_url_claims_at_most_half_the_table_so_its_neighbour_stays_whole():
    url = "https://example.org/a/very/long/path/that/does/not/fit/in/a/narrow/column/index.html"
    result = widths(("网址", "说明"), [(url, "古籍影像在线阅览")], 20 * EM)
    assert result == [10 * EM + MARGINS, 8 * EM + MARGINS]


def test_a_single_column_takes_the_whole_width():
    assert widths(("说明",), [("短",)], 30 * EM) == [30 * EM]
    assert widths(("说明",), [(LONG_REMARK,)], 30 * EM) == [30 * EM]


def test_the_header_may_be_measured_in_its_own_face():
    wide = widths(("ABCD", "x"), [("1", "2")], 10 * EM, header_measure=lambda text: len(text) * EM)
    narrow = widths(("ABCD", "x"), [("1", "2")], 10 * EM)
    assert wide[0] > narrow[0]


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
