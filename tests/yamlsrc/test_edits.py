"""Minimal edits: a scalar's text changes in place, in its style; the rest of the file is kept."""

from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.yamlsrc.edits import (
    EditError,
    apply,
    check,
    locate,
    replace_span,
    replace_value,
)

FILE = """# 报告 (a comment that stays)
title: 标题,副标题   # trailing comment
plain: 上午,召开
  大会,议程
single: 'it''s 上午,召开'
double: "他说\\"好\\",\\t然后"
literal: |
  第一行,
  第二行
folded: >-
  甲,乙
  丙,丁
flow: [一,二, 三]
"""


def located(text: str, key: str):
    return locate(text, (key,))


@pytest.mark.parametrize("key, wanted", [
    ("title", "标题，副标题"),
    ("plain", "上午，召开 大会,议程"),
    ("single", "it's 上午，召开"),
    ("double", '他说"好"，\t然后'),
    ("literal", "第一行，\n第二行\n"),
    ("folded", "甲，乙 丙,丁"),
])
def test_a_span_is_replaced_in_the_scalars_own_style_and_nothing_else_changes(key, wanted):
    scalar = located(FILE, key)
    at = scalar.value.index(",")
    after = apply(FILE, [replace_span(scalar, at, at + 1, "，")])
    assert yaml.safe_load(after)[key] == wanted
    check(FILE, after, {(key,): wanted})
    changed = [(a, b) for a, b in zip(FILE.splitlines(), after.splitlines(), strict=True)
               if a != b]
    assert len(changed) == 1 and changed[0][1].count("，") == 1


def test_quotes_and_escapes_stay_valid_yaml():
    scalar = located(FILE, "double")
    first = scalar.value.index('"')
    edits = [replace_span(scalar, first, first + 1, "“"),
             replace_span(scalar, first + 2, first + 3, '"\\')]
    after = apply(FILE, edits)
    assert 'double: "他说“好\\"\\\\,' in after
    assert yaml.safe_load(after)["double"] == '他说“好"\\,\t然后'
    single = located(FILE, "single")
    after = apply(FILE, [replace_span(single, 0, 4, "‘it’s' ")])
    assert "single: '‘it’s''  上午,召开'" in after
    assert yaml.safe_load(after)["single"] == "‘it’s'  上午,召开"


def test_a_span_across_a_folded_line_break_is_refused():
    scalar = located(FILE, "plain")
    fold = min(scalar.folded)
    with pytest.raises(EditError, match="line break"):
        replace_span(scalar, fold - 1, fold + 1, "x")


@pytest.mark.parametrize("key, new, starts", [
    ("title", "新标题", "title: 新标题   # trailing comment"),
    ("title", "yes", 'title: "yes"'),  # bare, YAML would read true
    ("title", "a: b", 'title: "a: b"'),
    ("single", "it's", "single: 'it''s'"),
    ("double", "两行\n文本", 'double: "两行\\n文本"'),
    ("literal", "一\n二\n", "literal: |\n  一\n  二\nfolded"),
    ("folded", "一行", "folded: >-\n  一行\nflow"),
    ("folded", "一\n二", "folded: |-\n  一\n  二\nflow"),
    ("flow", "四,五", None),
])
def test_a_whole_value_keeps_its_style_where_the_text_fits_it(key, new, starts):
    if key == "flow":
        scalar = locate(FILE, ("flow", 0))
        after = apply(FILE, [replace_value(scalar, new)])
        assert yaml.safe_load(after)["flow"] == [new, "二", "三"]
        return
    scalar = located(FILE, key)
    after = apply(FILE, [replace_value(scalar, new)])
    assert yaml.safe_load(after)[key] == new
    assert starts in after
    check(FILE, after, {(key,): new})
    assert after.startswith("# 报告 (a comment that stays)\n")


def test_check_refuses_an_edit_that_changes_anything_else():
    with pytest.raises(EditError, match="instead of"):
        check(FILE, FILE.replace("丙,丁", "丙,戊"), {("title",): "标题,副标题"})
    with pytest.raises(EditError, match="not valid YAML"):
        check(FILE, FILE.replace("'it''s", "'it's"), {})
    with pytest.raises(EditError, match="structure"):
        check(FILE, FILE.replace("flow: [一,二, 三]", "flow: [一,二, 三, 四]"), {})


def test_locate_names_what_is_not_there():
    with pytest.raises(EditError, match="no text at flow/5"):
        locate(FILE, ("flow", 5))
    with pytest.raises(EditError, match="not valid YAML"):
        locate("a: [", ("a",))


def test_overlapping_edits_are_refused():
    scalar = located(FILE, "title")
    with pytest.raises(EditError, match="overlap"):
        apply(FILE, [replace_span(scalar, 0, 3, "x"), replace_span(scalar, 2, 4, "y")])


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=300 if os.environ.get("CI") else 100, deadline=None)
@given(TEXT, st.sampled_from(["title", "plain", "single", "double", "literal", "folded"]))
def test_any_text_replaces_any_scalar_and_reads_back(new, key):
    scalar = located(FILE, key)
    after = apply(FILE, [replace_value(scalar, new)])
    check(FILE, after, {(key,): new})
