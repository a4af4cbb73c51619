"""Tests for reportgen.layout.charclass."""

import pytest

from reportgen.layout.charclass import BLANK_LEFT, BLANK_RIGHT, NO_END, NO_START, is_ideograph

CLOSING = "，。、；：？！）》」』】〕〉〗”’…‥·％℃々,.;:?!)]}%"
OPENING = "（《「『【〔〈〖“‘([{"


@pytest.mark.parametrize("mark", CLOSING)
def test_closing_marks_never_start_a_line(mark):
    assert mark in NO_START
    assert mark not in NO_END


@pytest.mark.parametrize("mark", OPENING)
def test_opening_marks_never_end_a_line(mark):
    assert mark in NO_END
    assert mark not in NO_START


def test_ideographs_may_start_and_end_lines():
    assert "字" not in NO_START and "字" not in NO_END


def test_no_break_spaces_and_straight_quotes_hold_both_neighbours():
    for glue in "\u00a0\"'":
        assert glue in NO_START and glue in NO_END


def test_a_variation_selector_stays_with_its_ideograph():
    assert "\ufe00" in NO_START
    assert "\U000e0100" in NO_START


@pytest.mark.parametrize(
    "ch",
    [
        "一",  # URO
        "〇",
        "㐀",  # Ext A
        "𠀀",  # Ext B
        "𪜀",  # Ext C
        "𫝀",  # Ext D
        "𫠠",  # Ext E
        "𬺰",  # Ext F
        "𰀀",  # Ext G
        "𱍐",  # Ext H
        "\U0002ebf0",  # Ext I
        "豈",  # compatibility
        "丽",  # compatibility supplement
        "𫖯",  # U+2B5AF, a name character beyond the BMP
    ],
)
def test_it_knows_ideographs_of_every_extension(ch):
    assert is_ideograph(ch)


@pytest.mark.parametrize("ch", ["A", "1", "，", "あ", "—", "\u3000"])
def test_it_knows_what_is_not_an_ideograph(ch):
    assert not is_ideograph(ch)


def test_it_knows_which_half_of_a_mark_is_blank():
    assert set("，。、；：？！」”）》") <= BLANK_RIGHT
    assert set("（《「“") <= BLANK_LEFT
    assert not BLANK_RIGHT & BLANK_LEFT
    assert "·" not in BLANK_RIGHT | BLANK_LEFT  # the middle dot sits in the middle
