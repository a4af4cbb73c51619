"""Tests for reportgen.layout.title_lines."""

import pytest

from reportgen.layout.linebreak import break_lines
from reportgen.layout.title_lines import balanced_lines
from tests.layout.stress_corpus import COLUMN, LONG_TOKEN, PITCH, filler, grid_advance
from tests.layout.test_linebreak import TOLERANCE, violations


def test_balanced_title_lines_are_few_and_even():
    title = "关于印发《柳州市图书馆2026年全民阅读推广活动实施方案》的通知"
    title_advance = lambda ch: 22.0 if ord(ch) > 0xFF else 11.0  # noqa: E731
    lines = balanced_lines(title, title_advance, COLUMN, shaped=True)
    assert len(lines) == len(break_lines(title, title_advance, COLUMN)) == 2
    assert "".join(line.text for line in lines) == title
    assert lines[0].natural <= lines[1].natural
    assert lines[1].natural - lines[0].natural <= 3 * 22.0
    assert all(line.offset == 0 and line.width == COLUMN for line in lines)


TITLE_SIZE = 22.0
SONG_DIGIT = 0.59  # ems: a digit of the bundled bold Song, wider than half an ideograph


def title_advance(ch: str) -> float:
    """A title face's advances: ideographs and full-width marks 1 em, digits 0.59, others ½."""
    if ord(ch) > 0xFF:
        return TITLE_SIZE
    return TITLE_SIZE * (SONG_DIGIT if ch.isdigit() else 0.5)


def widths(lines) -> list[float]:
    return [line.set_width for line in lines]


def well_shaped(found: list[float]) -> bool:
    """A trapezoid (梯形: no line longer than the next) or a diamond (菱形: lines grow to a
    longest, then shrink), the first line never longer than the second."""
    if len(found) < 2:
        return True
    if found[0] > found[1] + TOLERANCE:
        return False
    peak = found.index(max(found))
    return all(a <= b + TOLERANCE for a, b in zip(found[:peak], found[1:peak + 1], strict=True)) \
        and all(a + TOLERANCE >= b for a, b in zip(found[peak:], found[peak + 1:], strict=False))


@pytest.mark.parametrize(("title", "expected"), [
    ("关于做好2026年春季文化场馆安全生产工作的意见",
     ["关于做好2026年春季", "文化场馆安全生产工作的意见"]),
    # the upper line may not stick out: by measured width 关于召开2026年全市公共文化 (13.4 em)
    # is longer than 服务体系建设工作会议的通知 (13 em), though it has no more characters
    ("关于召开2026年全市公共文化服务体系建设工作会议的通知",
     ["关于召开2026年全市", "公共文化服务体系建设工作会议的通知"]),
    # 普及 and 全民艺术普及 are words: a short upper line rather than split one
    ("市群众艺术馆2025年度全民艺术普及工作总结及2026年度工作计划",
     ["市群众艺术馆2025年度", "全民艺术普及工作总结及2026年度工作计划"]),
    # a short quoted name stays whole: three lines, as two would break it or stick out above
    ("关于组织开展2026年“文化和自然遗产日”系列宣传展示活动的通知",
     ["关于组织开展2026年", "“文化和自然遗产日”", "系列宣传展示活动的通知"]),
    # a long one breaks, between words
    ("关于印发《柳州市图书馆2026年全民阅读推广活动实施方案》的通知",
     ["关于印发《柳州市图书馆2026年", "全民阅读推广活动实施方案》的通知"]),
])
def test_balanced_title_lines_keep_words_whole_in_a_trapezoid_or_diamond(title, expected):
    lines = balanced_lines(title, title_advance, COLUMN, shaped=True)
    assert [line.text for line in lines] == expected
    assert well_shaped(widths(lines)), widths(lines)


TITLES = (
    "关于召开2026年全市公共文化服务体系建设工作会议的通知",
    "关于2026年春节期间市图书馆开放时间调整的通知",
    "柳州市图书馆2025年工作总结及2026年工作计划",
    "关于开展2026年第12期全民阅读推广志愿服务培训的通知",
    "关于印发《2026年全市文化场馆安全生产专项整治工作方案》的通知",
    "市文化馆2025年度非物质文化遗产保护传承工作情况的报告",
    "关于做好2026年3月15日至4月30日全市公共图书馆古籍普查登记工作的通知",
    "柳州市2025年公共文化服务体系建设绩效考核结果及2026年度重点工作安排的通报",
)


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("chars", [14, 16, 18, 20, 22, 24])
def test_no_title_line_is_longer_than_the_one_below_unless_a_diamond(title, chars):
    """Measured with a title face whose digits are wider than half an ideograph; two and three
    lines (and more in narrow columns)."""
    lines = balanced_lines(title, title_advance, chars * TITLE_SIZE, shaped=True)
    assert "".join(line.text for line in lines) == title
    assert len(lines) <= len(break_lines(title, title_advance, chars * TITLE_SIZE)) + 1
    assert well_shaped(widths(lines)), [line.text for line in lines]


def test_balanced_lines_never_break_a_token_or_a_rule():
    title = "柳州市图书馆2025年工作总结及2026年工作计划（征求意见稿）"
    for chars in range(8, 28):
        lines = balanced_lines(title, grid_advance, chars * PITCH, shaped=True)
        assert violations(title, lines) == []
        for token in ("2025年", "2026年"):
            start = title.index(token)
            assert not any(start < line.end < start + len(token) for line in lines)


def test_balanced_lines_cut_a_token_wider_than_the_line():
    lines = balanced_lines("网址" + LONG_TOKEN, grid_advance, COLUMN, shaped=True)
    assert "".join(line.text for line in lines) == "网址" + LONG_TOKEN
    assert all(line.set_width <= line.width + TOLERANCE for line in lines)
    with pytest.raises(ValueError, match="max_lines"):
        balanced_lines("网址" + LONG_TOKEN, grid_advance, COLUMN, max_lines=1, shaped=True)


def test_balanced_lines_refuse_more_than_max_lines():
    with pytest.raises(ValueError, match="max_lines"):
        balanced_lines(filler(60), grid_advance, COLUMN, max_lines=2, shaped=True)
    assert len(balanced_lines(filler(60), grid_advance, COLUMN, max_lines=3, shaped=True)) == 3


def test_other_balanced_lines_keep_the_fewest_even_lines_whatever_their_shape():
    """A table header is no title: 其中：|合计 in two lines, not 其|中：|合计 in three to
    make a trapezoid."""
    header = balanced_lines("其中：合计", grid_advance, 2.6 * PITCH)
    assert [line.text for line in header] == ["其中：", "合计"]
    assert len(balanced_lines("其中：合计", grid_advance, 2.6 * PITCH, shaped=True)) == 3
