"""A changed text traced to where each character comes from: the scalar, a join, an expression."""

from __future__ import annotations

import pytest

from reportgen.expressions import Expressions
from reportgen.pull.texts import literal, outcome, printed

DATA = Expressions({"checks": 27, "visitors": 186400, "before": 152300, "name": "甲馆"})
TEXT = "检查{{ checks }}次，接待{{ visitors | wan(1) }}万人次，同比{{ growth(visitors, before) }}。"


def test_printed_text_is_the_readers_and_knows_its_origins():
    trace = printed(TEXT, DATA)
    assert trace.text == "检查27次，接待18.6万人次，同比+22.4%。"
    assert trace.origins[0] == 0 and trace.origins[2].name == "checks"
    assert trace.origins[8].name is None  # `visitors | wan(1)` prints more than a name


def test_literal_lines_join_as_the_reader_joins_them():
    trace = printed("  第一行，\n  第二行 Open\nAccess。\n", None)
    assert trace.text == "第一行，第二行 Open Access。"
    assert trace.origins[trace.text.index(" Access")] is None  # a join's space


def test_a_change_of_written_words_edits_those_characters_only():
    result = outcome(printed(TEXT, DATA), "检查27次，共接待18.6万人次，同比+22.4%。")
    assert result.edits == [(16, 16, "共")] and not result.data and not result.conflict


def test_a_figure_printed_by_a_name_alone_becomes_data():
    for new in ("检查29次，接待18.6万人次，同比+22.4%。",
                "检查271次，接待18.6万人次，同比+22.4%。"):
        result = outcome(printed(TEXT, DATA), new)
        assert result.data == {"checks": new[2:new.index("次")]} and not result.conflict


@pytest.mark.parametrize("new, names", [
    ("检查27次，接待18.8万人次，同比+22.4%。", ["visitors", "wan"]),
    ("检查27次，接待18.6万人次，同比+25%。", ["growth", "visitors", "before"]),
    ("检查27次接待18.6万人次，同比+22.4%。", []),
])
def test_a_change_of_what_an_expression_computes_is_a_conflict(new, names):
    result = outcome(printed(TEXT, DATA), new)
    if names:
        assert result.conflict and result.names == names
    else:  # a mark deleted between a figure and words is a change of written words
        assert not result.conflict and result.edits == [(15, 16, "")]


def test_a_join_that_cannot_be_edited_in_place_is_rewritten_whole():
    result = outcome(printed("Open\nAccess", None), "OpenAccess")
    assert result.whole and not result.conflict


def test_block_statements_are_not_traced():
    assert printed("{% for x in [1] %}{{ x }}{% endfor %}", DATA) is None


def test_an_editors_braces_stay_text():
    assert literal("见 {{附件}} 与 {%") == "见 {{ '{{' }}附件}} 与 {{ '{%' }}"
    assert Expressions({}).render(literal("见 {{附件}} 与 {%")) == "见 {{附件}} 与 {%"
    assert literal("没有花括号") == "没有花括号"
