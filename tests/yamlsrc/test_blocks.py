"""Structural edits: entries of block and flow collections inserted, deleted and moved in place."""

from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.yamlsrc import emit
from reportgen.yamlsrc.blocks import carried, delete, find, insert, move
from reportgen.yamlsrc.edits import Edit, EditError, apply, locate, replace_value

FILE = """# 报告
title: 标题
body:
  - 第一段   # the first paragraph
  # about the section
  - section: 一节
    body:
      - 甲
      - |
        多行
        # not a comment: text of the block

      - 丙
  - 末段
rows: [一, 二, 三]
closing:
- 供稿
"""


def lines_changed(before: str, after: str) -> set[str]:
    return set(after.splitlines()) ^ set(before.splitlines())


def test_entries_own_their_comment_lines_and_the_blank_lines_after_them():
    body = find(FILE, ("body",))
    texts = [FILE[e.start:e.end] for e in body.entries]
    assert texts[0] == "  - 第一段   # the first paragraph\n"
    assert texts[1].startswith("  # about the section\n  - section: 一节\n")
    assert texts[2] == "  - 末段\n"
    inner = find(FILE, ("body", 1, "body"))
    assert FILE[inner.entries[1].start:inner.entries[1].end].endswith("block\n\n")
    assert inner.column == 6 and body.column == 2


def test_deleting_an_entry_takes_its_comments_and_leaves_every_other_line():
    body = find(FILE, ("body",))
    after = apply(FILE, [delete(FILE, body, 1)])
    assert yaml.safe_load(after)["body"] == ["第一段", "末段"]
    assert "about the section" not in after
    assert lines_changed(FILE, after) <= set(FILE.splitlines())  # only removals


@pytest.mark.parametrize("index", [0, 1, 2, 3])
def test_inserting_indents_the_new_entry_as_its_neighbours(index):
    body = find(FILE, ("body",))
    after = apply(FILE, [insert(FILE, body, index, "- 新\n")])
    values = yaml.safe_load(after)["body"]
    assert values[index] == "新" and len(values) == 4
    assert lines_changed(FILE, after) == {"  - 新"}


def test_an_entry_at_column_zero_in_its_list_is_inserted_there():
    closing = find(FILE, ("closing",))
    assert closing.column == 0
    after = apply(FILE, [insert(FILE, closing, 1, "- 审核\n")])
    assert after.endswith("- 供稿\n- 审核\n")


def test_flow_entries_keep_their_commas():
    rows = find(FILE, ("rows",))
    assert rows.flow
    cases = [([delete(FILE, rows, 0)], "rows: [二, 三]"),
             ([delete(FILE, rows, 2)], "rows: [一, 二]"),
             ([insert(FILE, rows, 0, "零")], "rows: [零, 一, 二, 三]"),
             ([insert(FILE, rows, 3, "四")], "rows: [一, 二, 三, 四]"),
             ([delete(FILE, rows, 1), insert(FILE, rows, 3, "二")], "rows: [一, 三, 二]")]
    for edits, line in cases:
        assert line in apply(FILE, edits)
    empty = "rows: []\n"
    assert apply(empty, [insert(empty, find(empty, ("rows",)), 0, "一")]) == "rows: [一]\n"
    one = "rows: [一]\n"
    assert apply(one, [delete(one, find(one, ("rows",)), 0)]) == "rows: []\n"


def test_a_moved_entry_is_reindented_and_keeps_its_comments_block_text_and_inner_edits():
    body = find(FILE, ("body",))
    inner = find(FILE, ("body", 1, "body"))
    changed = replace_value(locate(FILE, ("body", 1, "body", 0)), "甲乙")
    edits = move(FILE, inner, 1, body, 3) + move(FILE, body, 0, inner, 0) + [changed]
    after = apply(FILE, edits)
    data = yaml.safe_load(after)
    assert data["body"][0]["body"] == ["第一段", "甲乙", "丙"]
    assert data["body"][-1] == "多行\n# not a comment: text of the block\n"
    assert "  - |\n    多行\n    # not a comment" in after
    assert "      - 第一段   # the first paragraph\n" in after


def test_a_moved_section_carries_the_edits_made_inside_it():
    body = find(FILE, ("body",))
    inner_edit = replace_value(locate(FILE, ("body", 1, "body", 2)), "丁")
    after = apply(FILE, [inner_edit, *move(FILE, body, 1, body, 0)])
    data = yaml.safe_load(after)
    assert data["body"][0]["body"][-1] == "丁"
    assert after.index("# about the section") < after.index("第一段")


def test_keys_of_a_list_item_go_before_after_and_away_from_its_line():
    section = find(FILE, ("body", 1))
    after = apply(FILE, [insert(FILE, section, 1, "text: 正文\n")])
    assert yaml.safe_load(after)["body"][1]["text"] == "正文"
    assert "    text: 正文\n    body:\n" in after
    first = apply(FILE, [insert(FILE, section, 0, "text: 正文\n")])
    assert "  - text: 正文\n    section: 一节\n    body:\n" in first
    assert list(yaml.safe_load(first)["body"][1]) == ["text", "section", "body"]
    dropped = apply(FILE, [delete(FILE, section, 1)])
    assert yaml.safe_load(dropped)["body"][1] == {"section": "一节"}
    sorted_keys = "body:\n- body:\n  - 甲\n  section: 一节\n"
    item = find(sorted_keys, ("body", 0))
    assert apply(sorted_keys, [delete(sorted_keys, item, 0)]) == "body:\n- section: 一节\n"
    with pytest.raises(EditError, match="only key"):
        lone = "a:\n- x: 1\n"
        delete(lone, find(lone, ("a", 0)), 0)


def test_a_key_added_at_the_end_of_a_file_without_a_final_line_break():
    text = "a: 1"
    assert apply(text, [insert(text, find(text, ()), 1, "b: 2\n")]) == "a: 1\nb: 2\n"


def test_overlapping_edits_are_refused_but_nested_ones_belong_to_their_span():
    text = "abcdef"
    with pytest.raises(EditError, match="overlap"):
        apply(text, [Edit(0, 3, "x"), Edit(2, 4, "y")])
    assert apply(text, [Edit(0, 4, ""), Edit(1, 2, "X")]) == "ef"
    assert apply(text, [Edit(1, 1, "1"), Edit(1, 1, "2"), Edit(1, 3, "")]) == "a12def"


def test_carried_block_text_leaves_its_spacing_behind():
    body = find(FILE, ("body", 1, "body"))
    moved = carried(FILE, body, 1)
    assert not FILE[moved.start:moved.end].endswith("\n\n")


def test_new_values_are_written_as_the_file_writes_its_own():
    indents = emit.Indents.of(yaml.compose("a:\n    - x\nb:\n   c: 1\n"))
    assert indents == emit.Indents(sequence=4, mapping=3)
    written = "".join(emit.item({"section": "新节", "body": ["甲: 乙", "yes", 12]}))
    assert written == '- section: 新节\n  body:\n    - "甲: 乙"\n    - "yes"\n    - 12\n'
    row = "".join(emit.item(emit.Flow(("三中路馆", "9:00", None, "a, b"))))
    assert yaml.safe_load(row) == [["三中路馆", "9:00", None, "a, b"]]
    table = "".join(emit.item({"table": {"header": emit.Flow(("类别", "场次")),
                                         "rows": [emit.Flow(("讲座", 9))]}}))
    assert yaml.safe_load(table) == [{"table": {"header": ["类别", "场次"],
                                                "rows": [["讲座", 9]]}}]


ITEM = st.sampled_from(["甲", "乙段", "丙: 引号", "yes", "12", "{a: 1}", "- 破折"])


@settings(max_examples=200 if os.environ.get("CI") else 60, deadline=None)
@given(st.lists(ITEM, min_size=1, max_size=5), st.lists(ITEM, min_size=1, max_size=5),
       st.data())
def test_any_insertions_deletions_and_moves_compose_to_the_lists_meant(first, second, data):
    """Two lists, one block (with comments) and one flow: random edits give the lists meant."""
    block = "".join(f"  # 第{n}项\n  - {emit.scalar(v)}\n" for n, v in enumerate(first))
    flow = ", ".join(emit.scalar(v) for v in second)
    text = f"a:\n{block}b: [{flow}]\nc: 尾\n"
    a, b = find(text, ("a",)), find(text, ("b",))
    want_a, want_b = list(first), list(second)
    edits = []
    kind = data.draw(st.sampled_from(["insert", "delete", "move"]))
    if kind == "insert":
        at, value = data.draw(st.integers(0, len(first))), data.draw(ITEM)
        edits.append(insert(text, a, at, "".join(emit.item(value))))
        want_a.insert(at, value)
        edits.append(insert(text, b, len(second), emit.scalar(value)))
        want_b.append(value)
    elif kind == "delete" and len(first) > 1:
        at = data.draw(st.integers(0, len(first) - 1))
        edits.append(delete(text, a, at))
        want_a.pop(at)
    elif kind == "move":
        source = data.draw(st.integers(0, len(first) - 1))
        to = data.draw(st.integers(0, len(first)))
        if to not in (source, source + 1):
            edits += move(text, a, source, a, to)
            value = want_a[source]
            want_a.insert(to, value)
            want_a.pop(source if to > source else source + 1)
    after = apply(text, edits)
    loaded = yaml.safe_load(after)
    assert loaded == {"a": want_a, "b": want_b, "c": "尾"}
    comments = [line for line in after.splitlines() if line.startswith("  #")]
    assert len(comments) == len(want_a) - (kind == "insert")


def test_an_entry_put_in_place_of_the_only_one_is_not_lost_with_it():
    text = "a:\n- 甲\nb: 1\n"
    a = find(text, ("a",))
    after = apply(text, [delete(text, a, 0), insert(text, a, 1, "- 乙\n")])
    assert yaml.safe_load(after) == {"a": ["乙"], "b": 1}
    nested = "a:\n- x:\n  - 甲\nb: 1\n"
    inner = find(nested, ("a", 0, "x"))
    outer = find(nested, ("a",))
    gone = apply(nested, [delete(nested, outer, 0), insert(nested, inner, 1, "- 乙\n")])
    assert yaml.safe_load(gone) == {"a": None, "b": 1}  # its list went with the entry
