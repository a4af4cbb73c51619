"""Tests for reportgen.layout.tokens."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.layout.tokens import CHAR, DASH, ELLIPSIS, SPACE, WORD, segments


def tokens(text: str) -> list[str]:
    return [text[start:end] for start, end, kind in segments(text) if kind == WORD]


@pytest.mark.parametrize(
    "token",
    [
        "V2.3",
        "12.8TB",
        "3 274人",
        "3\u2009274人",
        "46809册",
        "192万人次",
        "159.05万次",
        "0772-2822404",
        "office@example.org",
        "https://example.org/a/b",
        "9:00—17:00",
        "GB/T 9704—2012",
        "ISO 8601:2004",
        "+33.3%",
        "35%",
        "2024-2025年度",
        "2026年2月3日",
        "2026-02-03",
        "Windows",
    ],
)
@pytest.mark.parametrize("after", ["，读者", "。", "）", "后续", ""])
def test_it_keeps_each_token_kind_whole(token, after):
    assert tokens(f"全年{token}{after}") == [token]


def test_a_number_takes_its_unit_but_not_the_next_word():
    assert tokens("2025年工作总结") == ["2025年"]
    assert tokens("协助收集报道2000余条，") == ["2000余条"]
    assert tokens("新增14个高铁读书驿站") == ["14个"]
    assert tokens("2026年1月26日上午") == ["2026年1月26日"]


def test_a_list_number_does_not_take_its_dot():
    assert tokens("1.全面从严治党") == ["1"]


def test_a_url_leaves_trailing_sentence_punctuation():
    assert tokens("见 www.example.org/x?a=1&b=2). 再") == ["www.example.org/x?a=1&b=2"]


def test_spaces_between_words_are_their_own_segments():
    text = "完成 8部 入选"
    kinds = [(text[s:e], kind) for s, e, kind in segments(text)]
    assert kinds == [
        ("完", CHAR),
        ("成", CHAR),
        (" ", SPACE),
        ("8部", WORD),
        (" ", SPACE),
        ("入", CHAR),
        ("选", CHAR),
    ]


def test_dash_and_ellipsis_runs_are_single_segments():
    text = "我闻——安东……”"
    kinds = [(text[s:e], kind) for s, e, kind in segments(text)]
    assert ("——", DASH) in kinds
    assert ("……", ELLIPSIS) in kinds


def test_symbols_between_ideographs_make_no_token():
    assert tokens("阅读+艺术") == []


@given(st.text(alphabet="字，。“”（）aZ09 .-@/:%—…万人\u2009", max_size=60))
def test_segments_cover_the_text_in_order(text):
    spans = segments(text)
    assert "".join(text[s:e] for s, e, _ in spans) == text
    assert all(s < e for s, e, _ in spans)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.parametrize("token", ["24小时", "30分钟", "12公里", "86平方米", "3个月"])
def test_a_number_keeps_a_unit_of_several_characters(token):
    text = f"实行{token}值班"
    words = [text[a:b] for a, b, kind in segments(text) if kind == "word"]
    assert words == [token]


@pytest.mark.parametrize("token", [
    "3 000字", "3000字", "第12期", "第3季度", "第1名", "15%", "30℃", "2026年", "3月5日",
    "2026年3月18日", "9时30分", "12个百分点", "40余场", "3万多人", "1.5亿元", "8折", "5个工作日",
    "10 km", "5\u00a0kg", "3.5 GB", "220 V", "100 Mbps", "25 m²", "4 h",
])
def test_a_number_keeps_its_measure_word_and_its_ordinal_prefix(token):
    """GB/T 15835: a number is not parted from its unit or measure word (量词), nor from 第."""
    assert tokens(f"控制在{token}以内") == [token]


@pytest.mark.parametrize(("text", "token"), [
    ("2025年组织开展", "2025年"),  # 组 is a measure word, but not after another one
    ("2026年行业发展", "2026年"),
    ("截至2025年底", "2025年"),
    ("前10名学生", "10名"),
    ("共3 Windows终端", "3 Windows"),  # a Latin word after a number is no unit
    ("第二期", ""),  # only Arabic numbers make tokens
])
def test_a_measure_word_does_not_take_the_next_word(text, token):
    assert " ".join(tokens(text)) == token
