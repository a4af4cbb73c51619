"""Table files: bounded before they are expanded, and a damaged one is a located error."""

from __future__ import annotations

import io
import os
import time
import zipfile

import openpyxl
import pytest

from reportgen.budget import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS
from reportgen.reader.tables import TableError, read_table


def workbook(path, cells: dict[str, object]):
    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    book.save(path)
    return path


def rewritten(path, part: str, change) -> None:
    """`path` with the zip member `part` passed through `change` (bytes to bytes)."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members[part] = change(members[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


_LAUGHS = (b'<!DOCTYPE worksheet [<!ENTITY l0 "ha">'
           + b"".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">'.encode() for i in range(1, 10))
           + b"]>")
"""Entities that would expand to 2 × 10⁹ characters."""


def test_a_sheet_is_read_by_the_cells_it_has_not_by_the_area_it_claims(tmp_path):
    path = workbook(tmp_path / "t.xlsx", {"A1": "类别", "B1": "场次", "A2": "讲座", "B2": 9})
    rewritten(path, "xl/worksheets/sheet1.xml",
              lambda xml: xml.replace(b'<dimension ref="A1:B2"/>',
                                      b'<dimension ref="A1:XFD1048576"/>'))
    assert read_table(path).rows == [(1, ["类别", "场次"]), (2, ["讲座", 9])]


def test_cells_far_apart_are_refused_at_once_without_expanding_the_sheet(tmp_path):
    path = workbook(tmp_path / "t.xlsx", {"A1": "a", "XFD1048576": 1})
    started = time.perf_counter()
    with pytest.raises(TableError) as caught:
        read_table(path)
    assert time.perf_counter() - started < 10
    assert f"row 1048576 reaches column XFD; a table may have at most {MAX_TABLE_COLUMNS}" \
        in str(caught.value)


def test_a_zip_bomb_is_refused_by_its_unpacked_size_before_it_is_opened(tmp_path):
    path = workbook(tmp_path / "t.xlsx", {"A1": "a"})
    rewritten(path, "xl/worksheets/sheet1.xml",
              lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 120_000_000))
    assert path.stat().st_size < 1_000_000
    with pytest.raises(TableError, match="unpacks to 114 MB; a table file may unpack to at "
                                         "most 100 MB"):
        read_table(path)


def test_too_many_rows_are_refused_as_they_are_read(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("类别,场次\n" + "讲座,9\n" * (MAX_TABLE_ROWS + 5), encoding="utf-8")
    with pytest.raises(TableError, match=f"more than {MAX_TABLE_ROWS:,} rows"):
        read_table(path)


@pytest.mark.parametrize("change, message", [
    (lambda xml: xml.replace(b"<v>5</v>", b"<v>abc</v>"), "ValueError"),  # a bad number
    (lambda xml: xml.replace(b'<c r="A1" t="inlineStr"><is><t>a</t></is></c>',
                             b'<c r="A1" t="s"><v>99</v></c>'), "IndexError"),  # no string 99
    (lambda xml: _LAUGHS + xml.replace(b"<t>a</t>", b"<t>&l9;</t>"), "Error"),
    (lambda xml: xml.replace(b"<sheetData>", b"<sheetData>&undefined;"), "ParseError"),
], ids=["bad-number", "missing-shared-string", "billion-laughs", "undefined-entity"])
def test_a_damaged_sheet_is_an_error_naming_the_file(tmp_path, change, message):
    path = workbook(tmp_path / "t.xlsx", {"A1": "a", "A2": 5})
    rewritten(path, "xl/worksheets/sheet1.xml", change)
    with pytest.raises(TableError) as caught:
        read_table(path)
    assert "t.xlsx" in str(caught.value) and message in str(caught.value)


def test_a_csv_field_longer_than_any_cell_names_its_line_and_the_likely_cause(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('类别,场次\n讲座,9\n"展览,' + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(TableError) as caught:
        read_table(path)
    assert "t.csv: line" in str(caught.value) and "never closed" in caught.value.hint


def test_a_table_file_too_large_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "t.csv"
    with path.open("wb") as sparse:
        sparse.truncate(11 * 1024 * 1024)
    with pytest.raises(TableError, match="t.csv is 11 MB; a table file may be at most 10 MB"):
        read_table(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_as_a_table_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "t.csv")
    with pytest.raises(TableError, match="t.csv is a FIFO"):
        read_table(tmp_path / "t.csv")


def test_a_file_that_is_no_zip_is_named(tmp_path):
    (tmp_path / "t.xlsx").write_bytes(io.BytesIO(b"PK not really").getvalue())
    with pytest.raises(TableError, match="not an .xlsx file"):
        read_table(tmp_path / "t.xlsx")


def test_a_merged_range_reaching_the_end_of_the_sheet_is_cut_to_the_table(tmp_path):
    path = workbook(tmp_path / "t.xlsx", {"A1": "类别", "B1": "场次", "A2": "讲座", "B2": 9})
    rewritten(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/>'
                         b"</mergeCells>"))
    assert read_table(path).merges == [(2, 0, 1, 2)]
