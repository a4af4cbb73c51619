"""Reading tables as editors leave them: on their grid, merged cells, rows changed (修订)."""

from __future__ import annotations

from reportgen.pull.wordml import Table
from tests.pull.helpers import body_of


def test_tables_on_their_grid_with_merged_cells():
    found = body_of("<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
                           for props, text in row) + "</w:tr>"
        for row in [[("<w:tcPr><w:vMerge w:val='restart'/></w:tcPr>", "地区"),
                     ("<w:tcPr><w:gridSpan w:val='2'/></w:tcPr>", "门诊")],
                    [("<w:tcPr><w:vMerge/></w:tcPr>", ""), ("", "人次"), ("", "同比")],
                    [("", "城中区"), ("", "1"), ("", "+2%")]]) + "</w:tbl>")
    [table] = found.blocks
    assert table.rows == [["地区", "门诊", ""], ["", "人次", "同比"], ["城中区", "1", "+2%"]]
    assert sorted(table.spans) == [[0, 0, 2, 1], [0, 1, 1, 2]]


def test_tables_rows_cells_and_what_they_cannot_hold():
    found = body_of("<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>类别"
                 "</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>场次</w:t></w:r></w:p></w:tc>"
                 "</w:tr><w:tr><w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr><w:p><w:pPr>"
                 "<w:jc w:val='right'/></w:pPr><w:r><w:t>讲</w:t></w:r><w:r><w:t>座</w:t>"
                 "</w:r></w:p><w:p><w:r><w:t>活动</w:t></w:r></w:p></w:tc></w:tr>"
                 "<w:tr><w:trPr><w:del w:id='1' w:author='张三'/></w:trPr><w:tc><w:p><w:r>"
                 "<w:t>删除的行</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    [table] = found.blocks
    assert isinstance(table, Table)
    assert table.rows == [["类别", "场次"], ["讲座活动", ""]] and table.header_rows == 1
    assert table.spans == [[1, 0, 1, 2]]
    assert table.losses == ["several paragraphs in a cell (joined into one)"]
    assert [(r.kind, r.text) for r in found.revisions] == [("row deleted", "删除的行")]
