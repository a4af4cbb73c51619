"""Blocks of the DOCX paired with blocks of the YAML by their text."""

from __future__ import annotations

from reportgen.pull.align import align
from reportgen.pull.doc import PARAGRAPH, SECTION, Block


def para(text: str) -> Block:
    return Block(PARAGRAPH, text)


def test_unchanged_reworded_added_and_deleted_blocks():
    old = [para("甲：总体要求。"), para("乙：全年开展活动五百场。"), para("丙：将要删除的一段。"),
           para("丁：最后一段。")]
    new = [para("甲：总体要求。"), para("新：编辑加的一段话。"),
           para("乙：全年开展活动五百三十一场。"),
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
