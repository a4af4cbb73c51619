"""The DOCX's blocks nested as the YAML nests them: sections by level, plans of points."""

from __future__ import annotations

from reportgen.pull.align import align
from reportgen.pull.doc import PARAGRAPH, PLAN, POINT, SECTION, Block
from reportgen.pull.structure import arrange, parents


def para(text: str) -> Block:
    return Block(PARAGRAPH, text)


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


def test_a_points_sections_keep_their_own_level_and_siblings_stay_siblings():
    """Under a point 1. the sections are 标题 4 （1）, theirs 标题 5 ①: a second 标题 4 after a
    标题 5 is the first one's sibling, not its child."""
    docx = flat_docx(Block(SECTION, "计划", level=1), Block(POINT, "要点", plan=1),
                     Block(SECTION, "子项目甲", level=4), Block(SECTION, "细项", level=5),
                     Block(SECTION, "子项目乙", level=4), para("乙的正文。"),
                     Block(POINT, "要点二", plan=1), Block(SECTION, "后面的部分", level=1))
    align([], docx)
    top = arrange(docx, {})
    point = top[0].children[0].children[0]
    assert [(b.text, b.level) for b in point.children] == [("子项目甲", 4), ("子项目乙", 4)]
    assert [b.text for b in point.children[0].children] == ["细项"]
    assert [b.text for b in point.children[1].children] == ["乙的正文。"]
    assert [b.text for b in top] == ["计划", "后面的部分"]


def test_a_section_after_a_plan_in_a_points_body_is_the_points_not_the_inner_points():
    """Under a point 1. the sections are 标题 4 （1）; a plan in its body has its points' sections
    a level further down, so a 标题 4 after the inner plan is the outer point's."""
    inner = Block(PLAN, children=[Block(POINT, "内层甲", sections_at=5)])
    outer_point = Block(POINT, "外层", sections_at=4, children=[
        inner, Block(SECTION, "保障措施", level=4)])
    yaml_body = [Block(SECTION, "计划", level=1, children=[Block(PLAN, children=[outer_point])])]
    docx = flat_docx(Block(SECTION, "计划", level=1), Block(POINT, "外层", plan=1),
                     Block(POINT, "内层甲", plan=2, nested=1), Block(SECTION, "保障措施", level=4))
    align([b for top in yaml_body for b in top.walk() if b.kind != PLAN], docx)
    point = arrange(docx, parents(yaml_body))[0].children[0].children[0]
    assert [b.kind for b in point.children] == [PLAN, SECTION]
    assert point.children[0].nested == 1 and point.children[0].children[0].children == []
