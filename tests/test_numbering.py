"""Numbering styles: parsing samples, Chinese numerals, limits."""

import pytest

from reportgen.numbering import NumberingError, NumberStyle, chinese_number, parse_style


@pytest.mark.parametrize("n, text", [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (12, "十二"), (19, "十九"), (20, "二十"),
    (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"),
    (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (2026, "二千零二十六"),
    (10000, "一万"), (10001, "一万零一"),
])
def test_chinese_numbers_read_as_a_secretary_writes_them(n, text):
    assert chinese_number(n) == text


@pytest.mark.parametrize("sample, twelfth", [
    ("一、", "十二、"), ("（一）", "（十二）"), ("1.", "12."), ("（1）", "（12）"), ("①", "⑫"),
    ("01", "12"), ("A.", "L."), ("(a)", "(l)"), ("第一章　", "第十二章　"),
])
def test_a_style_is_written_as_its_first_number(sample, twelfth):
    style = parse_style(sample)
    assert style.label(1) == sample
    assert style.label(12) == twelfth


def test_a_label_ending_in_a_word_is_set_off_by_an_ideographic_space():
    assert parse_style("第一部分").label(2) == "第二部分\u3000"
    assert parse_style("第一章　").label(1) == "第一章\u3000"  # written with its space: one
    assert parse_style("一、").label(1) == "一、"


def test_decimal_zero_pads_to_two_digits():
    style = parse_style("01")
    assert [style.label(n) for n in (1, 4, 10, 100)] == ["01", "04", "10", "100"]


def test_circled_numbers_stop_at_fifty():
    style = NumberStyle("circled")
    assert style.label(21) == "㉑" and style.label(50) == "㊿"
    with pytest.raises(NumberingError, match="counts only to 50"):
        style.label(51)


@pytest.mark.parametrize("bad", ["", "  ", "abc", "、"])
def test_a_sample_without_a_counter_is_refused(bad):
    with pytest.raises(NumberingError):
        parse_style(bad)
