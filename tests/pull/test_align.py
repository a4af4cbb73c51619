"""Blocks paired by their text, and the DOCX's blocks nested as the YAML nests them."""

from __future__ import annotations

from reportgen.numbering import parse_style
from reportgen.pull.align import align
from reportgen.pull.doc import PARAGRAPH, PLAN, POINT, SECTION, Block
from reportgen.pull.revised import strip_label
from reportgen.pull.structure import arrange, parents


def para(text: str) -> Block:
    return Block(PARAGRAPH, text)


def test_unchanged_reworded_added_and_deleted_blocks():
    old = [para("甲：总体要求。"), para("乙：全年开展活动五百场。"), para("丙：将要删除的一段。"),
           para("丁：最后一段。")]
    new = [para("甲：总体要求。"), para("新：编辑加的一段话。"), para("乙：全年开展活动五百三十一场。"),
           para("丁：最后一段。")]
    align(old, new)
    assert [b.match for b in new] == [old[0], None, old[1], old[3]]


def test_blocks_of_another_kind_are_never_the_same_block():
    old = [para("加强安全管理")]
    new = [Block(SECTION, "加强安全管理", level=1)]
    align(old, new)
    assert new[0].match is None


def test_a_block_moved_far_away_is_found():
    old = [para(f"第{n}段，内容各不相同，编号{n}。") for n in range(8)]
    new = old[1:7] + [para(old[0].text), para(old[7].text)]
    new = [para(b.text) for b in new]
    align(old, new)
    assert [b.match for b in new] == old[1:7] + [old[0], old[7]]


def tree() -> list[Block]:
    """YAML: 一、A [p1, plan [x, y [p2]], p3], 二、B."""
    y_point = Block(POINT, "要点乙", level=2, children=[para("要点乙的说明。")])
    return [Block(SECTION, "部分甲", level=1, children=[
                para("甲的第一段。"),
                Block(PLAN, level=2, children=[Block(POINT, "要点甲", level=2), y_point]),
                para("计划之后的一段。")]),
            Block(SECTION, "部分乙", level=1)]


def flat_docx(*blocks: Block) -> list[Block]:
    return list(blocks)


def test_a_paragraph_after_the_last_point_goes_where_the_yaml_has_it():
    yaml_body = tree()
    docx = flat_docx(Block(SECTION, "部分甲", level=1), para("甲的第一段。"),
                     Block(POINT, "要点甲", plan=1), Block(POINT, "要点乙", plan=1),
                     para("要点乙的说明。"), para("计划之后的一段。"),
                     Block(SECTION, "部分乙", level=1))
    align([b for top in yaml_body for b in top.walk() if b.kind != PLAN], docx)
    top = arrange(docx, parents(yaml_body))
    section = top[0]
    assert [b.kind for b in section.children] == [PARAGRAPH, PLAN, PARAGRAPH]
    assert section.children[1].children[1].children[0].text == "要点乙的说明。"
    assert section.children[1].match is yaml_body[0].children[1]


def test_a_new_paragraph_after_points_without_text_goes_after_the_plan():
    yaml_body = [Block(SECTION, "部分", level=1, children=[
        Block(PLAN, level=2, children=[Block(POINT, "一", level=2), Block(POINT, "二", level=2)])])]
    docx = flat_docx(Block(SECTION, "部分", level=1), Block(POINT, "一", plan=1),
                     Block(POINT, "二", plan=1), para("计划之后新加的一段。"))
    align([b for top in yaml_body for b in top.walk() if b.kind != PLAN], docx)
    section = arrange(docx, parents(yaml_body))[0]
    assert [b.kind for b in section.children] == [PLAN, PARAGRAPH]


def test_a_plan_restarted_by_its_own_list_is_a_plan_of_its_own():
    docx = flat_docx(Block(POINT, "一", plan=1), Block(POINT, "二", plan=1),
                     Block(POINT, "甲", plan=2))
    align([], docx)
    top = arrange(docx, {})
    assert [len(b.children) for b in top] == [2, 1]


def test_a_heading_deeper_than_the_next_level_nests_one_level_down():
    docx = flat_docx(Block(SECTION, "一", level=1), Block(SECTION, "跳级", level=3))
    align([], docx)
    top = arrange(docx, {})
    assert top[0].children[0].level == 2


def test_typed_numbers_come_off_in_the_style_of_their_level():
    assert strip_label("三、加强管理", [parse_style("一、")]) == "加强管理"
    assert strip_label("（十二）加强管理", [parse_style("（一）")]) == "加强管理"
    assert strip_label("(2) 加强管理", [parse_style("（1）")]) == "加强管理"
    assert strip_label("3．加强管理", [parse_style("1.")]) == "加强管理"
    assert strip_label("05 加强管理", [parse_style("01")]) == "加强管理"
    assert strip_label("2.5万人次参与", [parse_style("1.")]) == "2.5万人次参与"
    assert strip_label("一带一路", [parse_style("一、")]) == "一带一路"
    assert strip_label("三、", [parse_style("一、")]) == "三、"  # nothing but a number
    assert strip_label("三、加强管理", [parse_style("1.")]) == "三、加强管理"
