"""The shapes pull reads a body into: paragraphs joined where a tracked change deleted a mark."""

from __future__ import annotations

from tests.pull.helpers import body_of


def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next():
    found = body_of("<w:p><w:pPr><w:rPr><w:del w:id='1' w:author='张三'/></w:rPr></w:pPr>"
                 "<w:del w:id='2' w:author='张三'><w:r><w:delText>整段删除。</w:delText></w:r>"
                 "</w:del></w:p><w:p><w:pPr><w:pStyle w:val='Heading1'/></w:pPr><w:r><w:t>"
                 "标题</w:t></w:r></w:p>")
    [para] = found.blocks
    assert para.text == "标题" and para.style == "Heading1"
    assert [r.kind for r in found.revisions] == ["paragraph joined", "deleted"]
