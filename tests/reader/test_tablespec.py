"""Tables as the reader builds them: header rows and merged cells, columns, units, notes, 合计,
orientation, merged cells of an XLSX sheet, and located errors for spans that do not add up."""

from __future__ import annotations

import pytest

from reportgen import model
from reportgen.errors import ReportError
from reportgen.reader.report import read_report

TWO_LEVEL = """\
  - table:
      caption: 表1 门诊住院情况
      units: 万元
      header:
        - [{text: 地区, rows: 2}, {text: 门诊, columns: 2}, {text: 住院, columns: 2}]
        - [人次, 同比, 人次, 同比]
      rows:
        - [合计, "2 318", "+1 204", 88.7%, "12.30"]
        - [{text: 融水苗族自治县, rows: 2}, 12, "—", "", 3.5]
        - [13, "—", null, 3.5]
      notes: [本表不含村卫生室。, 同比为与上年相比。]
"""


def table_of(write_yaml, body: str, warnings: list | None = None) -> model.Table:
    document = read_report(write_yaml(f"title: 标题\nbody:\n{body}"), warnings=warnings)
    return next(b for b in document.walk() if isinstance(b, model.Table))


def test_a_two_level_header_is_two_rows_with_spans_over_the_grid(write_yaml):
    table = table_of(write_yaml, TWO_LEVEL)
    assert table.header == (("地区", "门诊", "", "住院", ""), ("", "人次", "同比", "人次", "同比"))
    assert table.spans == (model.Span(0, 0, 2, 1), model.Span(0, 1, 1, 2),
                           model.Span(0, 3, 1, 2), model.Span(3, 0, 2, 1))  # rows of the grid
    assert table.rows[1] == ("融水苗族自治县", "12", "—", "", "3.5")
    assert table.rows[2] == ("", "13", "—", "", "3.5")  # the position below the span is empty


def test_units_notes_totals_and_number_columns(write_yaml):
    table = table_of(write_yaml, TWO_LEVEL)
    assert table.units == "万元"
    assert table.notes == ("本表不含村卫生室。", "同比为与上年相比。")
    assert table.totals == (0,)  # 合计 found by its label
    assert table.align == ("left", "right", "right", "right", "right")
    assert table.orientation == "auto"


def test_a_one_row_header_stays_a_plain_list(write_yaml):
    table = table_of(write_yaml, "  - table:\n      header: [类别, 场次]\n"
                                 "      rows: [[讲座, 9], [总计, 9]]\n")
    assert table.header == (("类别", "场次"),)
    assert table.spans == () and table.totals == (1,)


def test_columns_set_alignment_and_width_and_total_and_orientation_are_taken(write_yaml):
    table = table_of(write_yaml, "  - table:\n      header: [类别, 金额, 说明]\n"
                                 "      rows: [[合计, 1.5, 甲], [讲座, 12.25, 乙]]\n"
                                 "      columns: [{width: 6}, {align: decimal}]\n"
                                 "      total: none\n      orientation: landscape\n")
    assert table.columns == (model.Column("left", 6), model.Column("decimal"),
                             model.Column("left"))
    assert table.totals == () and table.orientation == "landscape"


@pytest.mark.parametrize(("rows", "line", "field", "message", "hint"), [
    ("        - [{text: 甲, columns: 3}, 1]\n", 6, "rows[0]",
     "this row's cells fill 4 columns, merged cells counted; the table has 3",
     "a merged cell counts its `columns`"),
    ("        - [{text: 甲, rows: 2}, 1, 2]\n        - [乙, 3, 4]\n", 7, "rows[1]",
     "this row's cells fill 4 columns, merged cells counted; the table has 3",
     "leave out the positions that merged cells above cover (column 1)"),
    ("        - [{text: 甲, rows: 3}, 1, 2]\n        - [3, 4]\n", 6, "rows[0][0].rows",
     "the cell spans 3 rows; only 2 are left in the table", "make the span smaller"),
    ("        - [a, {text: 甲, rows: 2}, b]\n        - [{text: 乙, columns: 2}, c]\n",
     7, "rows[1][0]", "this merged cell overlaps another one", "make one of the two spans"),
])
def test_spans_that_do_not_add_up_are_located_errors(write_yaml, rows, line, field, message,
                                                     hint):
    body = f"  - table:\n      header: [地区, 甲, 乙]\n      rows:\n{rows}"
    with pytest.raises(ReportError) as caught:
        table_of(write_yaml, body)
    problem = caught.value.diagnostics[0]
    assert problem.message.startswith(message) and hint in (problem.hint or "")
    assert problem.line == line and problem.field == f"body[0].table.{field}"


def test_a_header_cell_spanning_past_the_header_is_an_error(write_yaml):
    body = ("  - table:\n      header:\n        - [{text: 地区, rows: 3}, 甲]\n"
            "        - [乙]\n      rows: [[a, 1]]\n")
    with pytest.raises(ReportError, match="only 2 are left in the header"):
        table_of(write_yaml, body)


def test_a_mixed_header_of_cells_and_rows_is_a_located_error(write_yaml):
    body = "  - table:\n      header: [甲, [乙, 丙]]\n      rows: [[a, 1]]\n"
    with pytest.raises(ReportError) as caught:
        table_of(write_yaml, body)
    assert caught.value.diagnostics[0].field.startswith("body[0].table.header")


def test_a_table_too_wide_even_for_landscape_pages_is_a_warning_naming_the_column(write_yaml):
    header = ", ".join(f"指标{n:02d}" for n in range(40))
    row = ", ".join(f'"{n} 318.5"' for n in range(40))
    warnings: list = []
    table_of(write_yaml, f"  - table:\n      caption: 表9 宽表\n      header: [{header}]\n"
                         f"      rows: [[{row}]]\n", warnings)
    [warning] = warnings
    assert warning.severity == "warning" and warning.field == "body[0].table"
    assert "“表9 宽表” is too wide for landscape pages even at 10.5 pt" in warning.message
    assert "column 13 (指标12) passes the text block" in warning.message


def test_merged_cells_of_an_xlsx_sheet_become_spans_and_a_two_row_header(write_yaml, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["地区", "门诊", None, "床位"], [None, "人次", "同比", None],
                ["城中区", 402770, "+5.4%", 8425], ["鱼峰区", 1195108, "-2.1%", 2200]):
        sheet.append(row)
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("D1:D2")
    book.save(tmp_path / "t.xlsx")
    table = table_of(write_yaml, "  - table:\n      source: t.xlsx\n")
    assert table.header == (("地区", "门诊", "", "床位"), ("", "人次", "同比", ""))
    assert table.spans == (model.Span(0, 0, 2, 1), model.Span(0, 1, 1, 2),
                           model.Span(0, 3, 2, 1))
    assert table.rows == (("城中区", "402770", "+5.4%", "8425"),
                          ("鱼峰区", "1195108", "-2.1%", "2200"))


def test_a_merged_cell_across_header_rows_set_too_few_is_an_error(write_yaml, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["地区", "门诊"], [None, "人次"], [None, "12"], ["城中区", "3"]):
        book.active.append(row)
    book.active.merge_cells("A1:A3")
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(ReportError, match="spans 3 rows, past the header's 2"):
        table_of(write_yaml, "  - table:\n      source: t.xlsx\n      header_rows: 2\n")
